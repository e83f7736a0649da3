//! Typed, validated Pusher configuration.
//!
//! This crate holds the typed config ([`PusherConfig`], [`PublicConfig`]) and **the rule set**
//! (`rules::check`, feature `rules`) that decides whether a configuration is right. The
//! `pusher_config!()` macro of `pusher-config-macros` runs those rules at `cargo build` and
//! expands to a [`PusherConfig`] constant:
//!
//! ```ignore
//! static PUSHER: pusher_config::PusherConfig = pusher_config_macros::pusher_config!();
//! ```
//!
//! Values come from a `source::Vars` map with each variable's origin, so the same rules serve
//! the macro, run-time loading and unit tests.
//!
//! # Features
//!
//! - default (`connect`): the typed config, the WebSocket and REST URLs, client options, the
//!   reconnection policy and Pusher's close codes; its only dependency is `subtle` (which has
//!   none), for comparing secrets in constant time;
//! - `rules`: the rule set (`rules::check`) and run-time loading (`PusherConfig::from_env`,
//!   `PusherConfig::from_vars`);
//! - `dotenv`: `.env` files (`PusherConfig::from_env_file`); implies `rules`;
//! - `signing`: channel authorization, user authentication, REST signing, webhooks;
//! - `serde`: the public config as the JSON options object of pusher-js;
//! - `tracing`: connection lifecycle events through `tracing`.
#![forbid(unsafe_code)]

#[cfg(feature = "connect")]
pub mod close_code;
mod config;
#[cfg(feature = "connect")]
pub mod connect;
#[cfg(feature = "rules")]
mod load;
pub mod mask;
#[cfg(feature = "rules")]
pub mod names;
#[cfg(any(feature = "connect", feature = "signing"))]
mod percent;
#[cfg(feature = "rules")]
pub mod rules;
#[cfg(feature = "signing")]
pub mod signing;
#[cfg(feature = "rules")]
pub mod source;

pub use config::{
    AppId, Cluster, Host, Key, PublicConfig, PusherConfig, Scheme, Secret, DEFAULT_CLUSTER,
};
