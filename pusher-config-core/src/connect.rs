//! Connecting: WebSocket and REST URLs, client options, reconnection policy.
//!
//! This crate does no network I/O. It builds what a client or server needs to connect, the
//! way Pusher's own libraries build it:
//!
//! - [`PublicConfig::websocket_url`]: the URL pusher-js 8 opens,
//!   `wss://ws-{cluster}.pusher.com:443/app/{key}?protocol=7&client=…&version=…&flash=false`;
//! - [`PublicConfig::rest_base_url`]: the REST API's base, `https://api-{cluster}.pusher.com`;
//! - [`ClientOptions`]: TLS, transports, timeouts and a [`ReconnectPolicy`];
//! - [`PublicConfig::pusher_js_options`] (feature `serde`): the options object for
//!   `new Pusher(key, options)` in the browser;
//! - [`ConnectionEvent`]: the lifecycle a client loop reports, logged through `tracing` with
//!   [`ConnectionEvent::log`] (feature `tracing`).
//!
//! A configured host (`PUSHER_HOST`: soketi, sockudo, Laravel Reverb…) wins over the cluster,
//! as in every official library; a configured port (`PUSHER_PORT`) replaces both 80 and 443.
//!
//! ```
//! # extern crate pusher_config_core as pusher_config;
//! use pusher_config::connect::ClientOptions;
//! # use pusher_config::{Cluster, Key, PublicConfig};
//! # let config = PublicConfig::__from_parts(
//! #     Key::from_static("278d425bdf160c739803"), Cluster::from_static("eu"), None, None, None);
//!
//! let options = ClientOptions::new().with_client("js", "8.6.0");
//! assert_eq!(
//!     config.websocket_url(&options).as_str(),
//!     "wss://ws-eu.pusher.com:443/app/278d425bdf160c739803\
//!      ?protocol=7&client=js&version=8.6.0&flash=false",
//! );
//! assert_eq!(config.rest_base_url(), "https://api-eu.pusher.com");
//! ```
//!
//! [`PublicConfig::websocket_url`]: crate::PublicConfig::websocket_url
//! [`PublicConfig::rest_base_url`]: crate::PublicConfig::rest_base_url
//! [`PublicConfig::pusher_js_options`]: crate::PublicConfig::pusher_js_options

// `options.rs`: `ClientOptions`, `Transport`; `url.rs`: the WebSocket and REST URLs;
// `reconnect.rs`: `ReconnectPolicy`; `event.rs`: `ConnectionEvent`; `pusher_js.rs`: the
// options object of pusher-js.
mod event;
mod options;
#[cfg(feature = "serde")]
mod pusher_js;
mod reconnect;
mod url;

pub use event::{ConnectionEvent, Severity};
pub use options::{
    ClientOptions, Transport, DEFAULT_CLIENT_NAME, DEFAULT_CLIENT_VERSION, WEBSOCKET_ONLY,
};
#[cfg(feature = "serde")]
pub use pusher_js::{AuthEndpoint, PusherJsOptions};
pub use reconnect::{Delays, ReconnectPolicy};
pub use url::{WebSocketUrl, PROTOCOL_VERSION};

/// A duration in whole milliseconds, `u64::MAX` beyond (pusher-js options, log fields).
#[cfg(any(feature = "serde", feature = "tracing"))]
fn millis(duration: std::time::Duration) -> u64 {
    u64::try_from(duration.as_millis()).unwrap_or(u64::MAX)
}

#[cfg(test)]
mod tests;
