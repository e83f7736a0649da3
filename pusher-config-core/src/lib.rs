//! The types, rule set and loader behind [`pusher-config`](https://docs.rs/pusher-config):
//! depend on `pusher-config`, which re-exports all of this and `pusher_config!()`.
//!
//! One crate that both the `pusher_config!()` macro and the run-time crate depend on (as
//! `sqlx-macros-core` is for sqlx): the macro runs the rule set and the loader at build time,
//! the app gets the same types and the same rules at run time.
#![forbid(unsafe_code)]

#[cfg(feature = "rules")]
mod builder;
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

#[cfg(feature = "rules")]
pub use builder::{PublicConfigBuilder, PusherConfigBuilder};
pub use config::{
    AppId, Cluster, Host, Key, PublicConfig, PusherConfig, Scheme, Secret, DEFAULT_CLUSTER,
};
