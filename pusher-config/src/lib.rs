//! Typed, validated Pusher configuration.
//!
//! [`pusher_config!()`](pusher_config!) reads the Pusher settings (`PUSHER_APP_ID`,
//! `PUSHER_KEY`, …) from the environment and `.env` files at `cargo build`, checks them with
//! **the rule set** of this crate, and expands to a [`PusherConfig`] constant, or to compile
//! errors that say what is wrong:
//!
//! ```ignore
//! static PUSHER: pusher_config::PusherConfig = pusher_config::pusher_config!();
//! ```
//!
//! Values come from a `source::Vars` map with each variable's origin, so the same rules serve
//! the macro, run-time loading and unit tests.
//!
//! # Features
//!
//! - `macros` (default): `pusher_config!()`;
//! - `connect` (default): the typed config, the WebSocket and REST URLs, client options, the
//!   reconnection policy and Pusher's close codes; its only dependency is `subtle` (which has
//!   none), for comparing secrets in constant time;
//! - `rules`: the rule set (`rules::check`), run-time loading (`PusherConfig::from_env`,
//!   `PusherConfig::from_vars`) and the builders (`PusherConfig::builder`);
//! - `dotenv`: `.env` files (`PusherConfig::from_env_file`,
//!   `PusherConfig::from_env_and_dotenv`); implies `rules`;
//! - `signing`: channel authorization, user authentication, REST signing, webhooks;
//! - `serde`: the public config as the JSON options object of pusher-js; with `rules` too,
//!   `Deserialize` for `PusherConfig` and `PublicConfig`, checked by the rule set;
//! - `tracing`: connection lifecycle events through `tracing`;
//! - `live`: asking the service itself whether the credentials are right (`live::verify`): the
//!   WebSocket handshake and a signed REST call, over rustls; implies `connect` and `signing`;
//! - `events`: sending events through Pusher's HTTP API, as signed requests for any HTTP
//!   client, Pusher's limits checked; `events-client`: the async client that sends them.
#![forbid(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]

#[cfg(feature = "events")]
#[doc(inline)]
pub use pusher_config_core::events;
#[cfg(feature = "live")]
#[doc(inline)]
pub use pusher_config_core::live;
#[cfg(feature = "signing")]
#[doc(inline)]
pub use pusher_config_core::signing;
#[cfg(feature = "connect")]
#[doc(inline)]
pub use pusher_config_core::{close_code, connect};
#[doc(inline)]
pub use pusher_config_core::{
    mask, AppId, Cluster, EncryptionMasterKey, Host, Key, PublicConfig, PusherConfig, Scheme,
    Secret, DEFAULT_CLUSTER,
};
#[cfg(feature = "rules")]
#[doc(inline)]
pub use pusher_config_core::{rules, source, PublicConfigBuilder, PusherConfigBuilder};
// For the test layers only (`names::in_process_env`); not covered by semver.
#[cfg(feature = "rules")]
#[doc(hidden)]
pub use pusher_config_core::names;

#[cfg(feature = "macros")]
pub use pusher_config_macros::pusher_config;
