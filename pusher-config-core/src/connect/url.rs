//! The URLs to connect to: [`WebSocketUrl`] (the one pusher-js opens) and the REST API's base
//! URL.

use std::borrow::Cow;
use std::fmt;

use super::ClientOptions;
use crate::percent::PercentEncoded;
use crate::{PublicConfig, PusherConfig};

/// The Pusher Channels protocol version sent as `protocol=7`, as pusher-js 8 sends it.
pub const PROTOCOL_VERSION: u8 = 7;

/// A WebSocket URL to connect to. `Display` is the URL itself, the same text as
/// [`WebSocketUrl::as_str`] and `String::from(url)`: the app key in it is public (every browser
/// sends it), so the URL can be logged and handed to a client as it is.
///
/// ```
/// # extern crate pusher_config_core as pusher_config;
/// # use pusher_config::{Cluster, Key, PublicConfig};
/// # use pusher_config::connect::ClientOptions;
/// # let config = PublicConfig::__from_parts(
/// #     Key::from_static("278d425bdf160c739803"), Cluster::from_static("eu"), None, None, None);
/// let url = config.websocket_url(&ClientOptions::new().with_client("js", "8.6.0"));
/// assert_eq!(
///     url.to_string(),
///     "wss://ws-eu.pusher.com:443/app/278d425bdf160c739803?protocol=7&client=js&version=8.6.0&flash=false",
/// );
/// assert_eq!(url.to_string(), url.as_str());
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct WebSocketUrl {
    url: String,
}

impl WebSocketUrl {
    /// The whole URL, key included.
    pub fn as_str(&self) -> &str {
        &self.url
    }

    /// The whole URL, key included.
    pub fn into_string(self) -> String {
        self.url
    }

    /// Whether it is a `wss://` URL.
    pub fn is_tls(&self) -> bool {
        self.url.starts_with("wss:")
    }
}

impl AsRef<str> for WebSocketUrl {
    fn as_ref(&self) -> &str {
        &self.url
    }
}

impl From<WebSocketUrl> for String {
    fn from(url: WebSocketUrl) -> String {
        url.url
    }
}

impl fmt::Display for WebSocketUrl {
    /// The URL, key included.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&self.url)
    }
}

impl fmt::Debug for WebSocketUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "WebSocketUrl({:?})", self.url)
    }
}

/// Appends `value` percent-encoded except for URL-unreserved characters
/// (`A–Z a–z 0–9 - . _ ~`), with the encoding signed REST queries use. pusher-js inserts the
/// key verbatim; for every key made of those characters (all of Pusher's) the result is the
/// same, and a self-hosted key with `/`, `?`, `#` or a space still yields a working URL.
fn push_encoded(out: &mut String, value: &str) {
    use fmt::Write as _;
    // Writing to a `String` cannot fail.
    let _ = write!(out, "{}", PercentEncoded(value));
}

/// The port a URL leaves out: 443 with TLS, 80 without.
const fn default_port(tls: bool) -> u16 {
    if tls {
        443
    } else {
        80
    }
}

impl PublicConfig {
    /// The configured host, else Pusher's `{service}-{cluster}.pusher.com` (`ws`, `api`).
    fn host_or_pusher(&self, service: &str) -> Cow<'_, str> {
        match self.host() {
            Some(host) => Cow::Borrowed(host.as_str()),
            None => Cow::Owned(format!("{service}-{}.pusher.com", self.cluster())),
        }
    }

    /// The WebSocket host: the configured host, else `ws-{cluster}.pusher.com`.
    pub fn websocket_host(&self) -> Cow<'_, str> {
        self.host_or_pusher("ws")
    }

    /// The WebSocket port: the configured port, else 443 with TLS and 80 without (pusher-js
    /// `wssPort`, `wsPort`).
    pub fn websocket_port(&self, tls: bool) -> u16 {
        self.port().unwrap_or(default_port(tls))
    }

    /// The URL pusher-js 8 opens for this config, built as its `ws` URL scheme does
    /// (`src/core/transports/url_schemes.ts`): `{ws|wss}://{host}:{port}/app/{key}`, then
    /// `?protocol=7&client={name}&version={version}&flash=false`. The port is always
    /// written, 443 or 80 included.
    ///
    /// `Display` of the result is the URL, as [`WebSocketUrl::as_str`] is.
    pub fn websocket_url(&self, options: &ClientOptions) -> WebSocketUrl {
        let tls = options.tls_for(self);
        let mut url = String::with_capacity(128);
        url.push_str(if tls { "wss://" } else { "ws://" });
        url.push_str(&self.websocket_host());
        url.push(':');
        url.push_str(&self.websocket_port(tls).to_string());
        url.push_str("/app/");
        push_encoded(&mut url, self.key().as_str());
        url.push_str("?protocol=");
        url.push_str(&PROTOCOL_VERSION.to_string());
        url.push_str("&client=");
        push_encoded(&mut url, options.client_name());
        url.push_str("&version=");
        push_encoded(&mut url, options.client_version());
        url.push_str("&flash=false");
        WebSocketUrl { url }
    }

    /// The REST API's base URL, without a path: `{scheme}://{host}[:{port}]`. The host is the
    /// configured one, else `api-{cluster}.pusher.com`; the scheme is the configured one
    /// (`https` by default); the port is written only when it is not the scheme's default.
    ///
    /// pusher-http-node builds the same (`lib/pusher_config.js`, `lib/config.js`
    /// `getBaseURL`) except that it defaults to `http` unless `useTLS: true`, and writes any
    /// port given, `:443` included (the same URL).
    pub fn rest_base_url(&self) -> String {
        let scheme = self.scheme();
        let mut url = format!("{scheme}://{}", self.host_or_pusher("api"));
        let default_port = default_port(scheme.is_tls());
        if let Some(port) = self.port().filter(|&port| port != default_port) {
            url.push(':');
            url.push_str(&port.to_string());
        }
        url
    }
}

impl PusherConfig {
    /// [`PublicConfig::websocket_url`] of the public part.
    pub fn websocket_url(&self, options: &ClientOptions) -> WebSocketUrl {
        self.public().websocket_url(options)
    }

    /// [`PublicConfig::rest_base_url`] of the public part.
    pub fn rest_base_url(&self) -> String {
        self.public().rest_base_url()
    }
}
