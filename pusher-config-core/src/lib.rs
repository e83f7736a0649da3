//! The types, rule set and loader behind [`pusher-config`](https://docs.rs/pusher-config):
//! depend on `pusher-config`, which re-exports all of this and `pusher_config!()`.
//!
//! One crate that both the `pusher_config!()` macro and the run-time crate depend on (as
//! `sqlx-macros-core` is for sqlx): the macro runs the rule set and the loader at build time,
//! the app gets the same types and the same rules at run time.
#![forbid(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]

#[cfg(feature = "rules")]
mod builder;
#[cfg(feature = "connect")]
pub mod close_code;
mod config;
#[cfg(feature = "connect")]
pub mod connect;
#[cfg(feature = "events")]
pub mod events;
// Labelled on docs.rs: the methods this private module adds to the config types would not be.
#[cfg(feature = "live")]
pub mod live;
#[cfg(feature = "rules")]
#[cfg_attr(docsrs, doc(cfg(feature = "rules")))]
mod load;
pub mod mask;
// The vocabulary of the loader and the rules, internal but for `names::in_process_env`, which
// the test layers (the tests crate, `tests/properties.rs`, fuzz) use to clear the ambient
// variables the loader reads. Users meet its `Mode` as `rules::Mode`. Not covered by semver.
#[cfg(feature = "rule-set")]
#[doc(hidden)]
pub mod names;
#[cfg(any(feature = "connect", feature = "signing"))]
mod percent;
#[cfg(feature = "rule-set")]
pub mod rules;
#[cfg(feature = "signing")]
pub mod signing;
#[cfg(feature = "rule-set")]
pub mod source;

#[cfg(feature = "rules")]
pub use builder::{PublicConfigBuilder, PusherConfigBuilder};
pub use config::{
    AppId, Cluster, EncryptionMasterKey, Host, Key, PublicConfig, PusherConfig, Scheme, Secret,
    DEFAULT_CLUSTER,
};
