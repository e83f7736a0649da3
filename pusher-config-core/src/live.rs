//! Asking the service itself whether the credentials are right: [`verify`] (blocking) and
//! [`verify_in_background`] (a future for async servers, on a thread of its own).
//!
//! Two checks, run at the same time, each bounded by [`Options::timeout`]:
//!
//! - **WebSocket**: the handshake pusher-js makes (`/app/{key}?protocol=7…`) on the host the
//!   config names. `pusher:connection_established` means the key is known there. A key unknown
//!   to a Pusher cluster is refused with 4001; the other public clusters are then tried, so the
//!   report can say which cluster the key belongs to, or that it belongs to none of them.
//! - **REST**: a signed `GET /apps/{app_id}/channels`. 200 means app id, key and secret all
//!   match; otherwise the answer tells which is wrong (or that the clock is off).
//!
//! The secret never leaves this machine: it only keys the HMAC of the REST call's signature.
//! Nothing in a [`Report`] shows a credential whole (the key masked, the secret never).
//! No proxy is used: both checks go straight to the host the config names.
//!
//! ```no_run
//! # extern crate pusher_config_core as pusher_config;
//! # fn config() -> pusher_config::PusherConfig { unimplemented!() }
//! use pusher_config::live::{self, Options};
//!
//! let report = live::verify(&config(), &Options::new());
//! if !report.is_ok() {
//!     // `error: \`PUSHER_SECRET\` is wrong: …` with a help note, as the compiler prints.
//!     eprintln!("{report}");
//!     std::process::exit(1);
//! }
//! ```
//!
//! In an async server (tokio, async-std, smol…), await it: the checks run on a thread of their
//! own, so they never block the runtime's threads, whatever the runtime.
//!
//! ```no_run
//! # extern crate pusher_config_core as pusher_config;
//! # fn config() -> pusher_config::PusherConfig { unimplemented!() }
//! # async fn run() {
//! use pusher_config::live::{self, Options};
//!
//! let report = live::verify_in_background(&config(), &Options::new()).await;
//! for variable in report.wrong_variables() {
//!     eprintln!("check `{variable}`");
//! }
//! # }
//! ```

use std::thread;
use std::time::Instant;

use crate::PusherConfig;

mod background;
mod net;
mod options;
mod report;
mod rest;
mod websocket;

pub use background::Verification;
pub use options::{Endpoint, Options, DEFAULT_TIMEOUT, PUBLIC_CLUSTERS};
pub use report::{Check, CheckKind, Outcome, Report, Variable};

/// Runs both checks (at the same time, on threads of their own) and waits for them: at most
/// about twice [`Options::timeout`] (the second for probing the other clusters after a 4001).
///
/// It blocks the calling thread: in an async runtime use [`verify_in_background`].
pub fn verify(config: &PusherConfig, options: &Options) -> Report {
    let started = Instant::now();
    let (websocket, rest) = thread::scope(|scope| {
        let rest = scope.spawn(|| rest::check(config, options));
        let websocket = websocket::check(config, options);
        let rest = rest.join().unwrap_or_else(|_| {
            Check::new(
                CheckKind::Rest,
                String::new(),
                Outcome::NotChecked {
                    why: "the REST check panicked".into(),
                },
                String::new(),
            )
        });
        (websocket, rest)
    });
    Report {
        websocket,
        rest,
        elapsed: started.elapsed(),
    }
}

/// [`verify`] on a new thread; the returned [`Verification`] is a future of its [`Report`]
/// (and [`Verification::wait`] blocks for it).
///
/// It never blocks the caller: the network I/O runs on that thread, and the future only
/// checks whether the report is there. It needs no particular async runtime.
pub fn verify_in_background(config: &PusherConfig, options: &Options) -> Verification {
    background::spawn(config.clone(), options.clone())
}

#[cfg(test)]
mod tests;
