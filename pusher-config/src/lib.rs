//! Typed, validated Pusher configuration.
//!
//! This crate holds the typed config ([`PusherConfig`], [`PublicConfig`]) and **the rule set**
//! ([`rules::check`]) that decides whether a configuration is right. The
//! `pusher_config!()` macro of `pusher-config-macros` runs those rules at `cargo build` and
//! expands to a [`PusherConfig`] constant:
//!
//! ```ignore
//! static PUSHER: pusher_config::PusherConfig = pusher_config_macros::pusher_config!();
//! ```
//!
//! Values come from a [`source::Vars`] map with each variable's origin, so the same rules serve
//! the macro, run-time loading and unit tests.
#![forbid(unsafe_code)]

mod config;
mod load;
pub mod mask;
pub mod rules;
pub mod source;

pub use config::{
    AppId, Cluster, Host, Key, PublicConfig, PusherConfig, Scheme, Secret, DEFAULT_CLUSTER,
};
