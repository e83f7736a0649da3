//! `pusher_config!()`: Pusher configuration checked at `cargo build`.
//!
//! The macro reads `PUSHER_*` variables from the process environment and `.env` files at
//! compile time, checks them with the rule set of the `pusher-config` crate, and expands to a
//! `pusher_config::PusherConfig` constant, or to compile errors that say what is wrong.
//!
//! ```ignore
//! static PUSHER: pusher_config::PusherConfig = pusher_config_macros::pusher_config!();
//! ```
//!
//! The phases, one module each: `args` parses the macro's arguments, `load` reads the
//! sources through the runtime crate's one loader, `check` applies its one rule set, and
//! `expand` writes the constant, or `fallback` the errors and a value of the same type.
#![forbid(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]

mod args;
mod check;
mod expand;
mod fallback;
mod load;

/// Checks the Pusher configuration at compile time and expands to a
/// `pusher_config::PusherConfig` (or, with `client`, a `pusher_config::PublicConfig`).
///
/// Arguments, all optional, separated by commas:
/// - `env_file = "path"`: read this file (relative to the crate's `Cargo.toml` folder) instead
///   of searching for `.env` files;
/// - `client`: the public part only; the app id and secret are never read.
///
/// The process environment wins over `.env`. Every problem is a compile error naming the
/// variable and where it was set; no error shows a whole credential.
///
/// ```
/// static PUSHER: pusher_config::PusherConfig =
///     pusher_config_macros::pusher_config!(env_file = "fixtures/docs.env");
///
/// assert_eq!(PUSHER.cluster().as_str(), "eu");
/// assert_eq!(PUSHER.secret().to_string(), "[redacted secret, 20 chars]");
/// ```
///
/// A Stripe key where the Pusher key belongs does not build; the compiler says (as the UI test
/// `tests/tests/ui/fail/stripe.rs` of the repository checks, message and all):
///
/// ```text
/// error: `PUSHER_KEY` in `.env` line 3 is a Stripe-style key (the `pk_`/`sk_` prefix of Stripe,
///        Clerk, Paystack and others), not a Pusher credential: `pk_live_…` (87 chars)
///        = help: copy the Pusher key from the Pusher Channels dashboard, under App Keys; a Pusher
///          key or secret is 20 lowercase hex characters and never starts with `pk_`, `sk_`, `rk_`
///          or `whsec_`
/// ```
#[proc_macro]
pub fn pusher_config(input: proc_macro::TokenStream) -> proc_macro::TokenStream {
    expand::pusher_config(input.into()).into()
}
