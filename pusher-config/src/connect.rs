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

mod event;
#[cfg(feature = "serde")]
mod pusher_js;
mod reconnect;

use std::borrow::Cow;
use std::fmt;
use std::ops::Range;
use std::time::Duration;

use crate::mask::MaskedPlain;
use crate::percent::PercentEncoded;
use crate::{PublicConfig, PusherConfig, Scheme};

pub use event::{ConnectionEvent, Severity};
#[cfg(feature = "serde")]
pub use pusher_js::PusherJsOptions;
pub use reconnect::{Delays, ReconnectPolicy};

/// The Pusher Channels protocol version sent as `protocol=7`, as pusher-js 8 sends it.
pub const PROTOCOL_VERSION: u8 = 7;

/// The `client` sent by default: the protocol asks for `platform-library`
/// (its example: `iOS-libPusher`); pusher-js sends `js`.
pub const DEFAULT_CLIENT_NAME: &str = "rust-pusher-config";

/// The `version` sent by default: this crate's version.
pub const DEFAULT_CLIENT_VERSION: &str = env!("CARGO_PKG_VERSION");

/// A transport pusher-js may use (`enabledTransports`). pusher-js 8 defines these four in
/// `src/runtimes/isomorphic/default_strategy.ts`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Transport {
    /// `ws`: a WebSocket; over TLS (`wss://`) whenever TLS is on.
    Ws,
    /// `wss`: a WebSocket, always over TLS.
    Wss,
    /// `xhr_streaming`: the HTTP streaming fallback.
    XhrStreaming,
    /// `xhr_polling`: the HTTP polling fallback.
    XhrPolling,
}

impl Transport {
    /// The name pusher-js uses: `ws`, `wss`, `xhr_streaming`, `xhr_polling`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Transport::Ws => "ws",
            Transport::Wss => "wss",
            Transport::XhrStreaming => "xhr_streaming",
            Transport::XhrPolling => "xhr_polling",
        }
    }
}

impl fmt::Display for Transport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// WebSocket transports only: `['ws', 'wss']`.
pub const WEBSOCKET_ONLY: &[Transport] = &[Transport::Ws, Transport::Wss];

/// How a client connects: TLS, transports, timeouts, reconnection, and how it names itself.
///
/// The defaults are the incident write-up's (`forceTLS: true`,
/// `enabledTransports: ['ws', 'wss']`, at most 5 reconnection attempts) and pusher-js's
/// timeouts (`src/core/defaults.ts`: activity 120 s, pong 30 s, unavailable 10 s).
///
/// What those options really do in pusher-js:
/// - `forceTLS: true` is pusher-js's default already (unless the page is `http:` and
///   `forceTLS` is `false`);
/// - `enabledTransports: ['ws', 'wss']` does not "allow non-secure WebSockets": with TLS on,
///   the `ws` transport connects to `wss://` too. What it does is turn off the HTTP fallbacks
///   (`xhr_streaming`, `xhr_polling`);
/// - `maxReconnectionAttempts` is not a pusher-js option and is ignored silently: pusher-js
///   retries forever. Here the limit is real, in [`ReconnectPolicy`], for a Rust client loop.
///
/// ```
/// use std::time::Duration;
/// use pusher_config::connect::{ClientOptions, ReconnectPolicy};
///
/// let options = ClientOptions::new()
///     .with_activity_timeout(Duration::from_secs(60))
///     .with_reconnect(ReconnectPolicy::new().forever());
/// assert_eq!(options.pong_timeout(), Duration::from_secs(30));
/// assert_eq!(options.reconnect().max_attempts(), None);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClientOptions {
    force_tls: Option<bool>,
    transports: Cow<'static, [Transport]>,
    activity_timeout: Duration,
    pong_timeout: Duration,
    unavailable_timeout: Duration,
    reconnect: ReconnectPolicy,
    client_name: Cow<'static, str>,
    client_version: Cow<'static, str>,
}

impl Default for ClientOptions {
    fn default() -> Self {
        Self::new()
    }
}

impl ClientOptions {
    /// The defaults: TLS unless the config's scheme is `http`, WebSocket transports only,
    /// timeouts 120 s / 30 s / 10 s, [`ReconnectPolicy::new`], client
    /// [`DEFAULT_CLIENT_NAME`] [`DEFAULT_CLIENT_VERSION`].
    pub const fn new() -> Self {
        Self {
            force_tls: None,
            transports: Cow::Borrowed(WEBSOCKET_ONLY),
            activity_timeout: Duration::from_secs(120),
            pong_timeout: Duration::from_secs(30),
            unavailable_timeout: Duration::from_secs(10),
            reconnect: ReconnectPolicy::new(),
            client_name: Cow::Borrowed(DEFAULT_CLIENT_NAME),
            client_version: Cow::Borrowed(DEFAULT_CLIENT_VERSION),
        }
    }

    /// TLS on (`wss://`, pusher-js `forceTLS: true`) or off (`ws://`), whatever the config's
    /// scheme. Without this, TLS is on unless the config sets the scheme `http` (as Laravel
    /// does: `forceTLS: scheme === 'https'`).
    pub const fn with_force_tls(mut self, tls: bool) -> Self {
        self.force_tls = Some(tls);
        self
    }

    /// The transports pusher-js may use (`enabledTransports`).
    pub fn with_transports(mut self, transports: impl Into<Cow<'static, [Transport]>>) -> Self {
        self.transports = transports.into();
        self
    }

    /// Send a ping after this long without a message (pusher-js `activityTimeout`; the
    /// server's `activity_timeout` wins when shorter).
    pub const fn with_activity_timeout(mut self, timeout: Duration) -> Self {
        self.activity_timeout = timeout;
        self
    }

    /// Close the connection when no pong arrives this long after a ping (`pongTimeout`).
    pub const fn with_pong_timeout(mut self, timeout: Duration) -> Self {
        self.pong_timeout = timeout;
        self
    }

    /// Report the connection `unavailable` after this long without connecting
    /// (`unavailableTimeout`).
    pub const fn with_unavailable_timeout(mut self, timeout: Duration) -> Self {
        self.unavailable_timeout = timeout;
        self
    }

    /// How to reconnect.
    pub const fn with_reconnect(mut self, policy: ReconnectPolicy) -> Self {
        self.reconnect = policy;
        self
    }

    /// The `client` and `version` sent in the WebSocket URL; Pusher uses them for its
    /// statistics. pusher-js sends `client=js&version=8.6.0` (its own version).
    pub fn with_client(
        mut self,
        name: impl Into<Cow<'static, str>>,
        version: impl Into<Cow<'static, str>>,
    ) -> Self {
        self.client_name = name.into();
        self.client_version = version.into();
        self
    }

    /// The TLS setting if one was given, `None` to follow the config's scheme.
    pub const fn forced_tls(&self) -> Option<bool> {
        self.force_tls
    }

    /// Whether connecting to `config` uses TLS.
    pub fn tls_for(&self, config: &PublicConfig) -> bool {
        self.force_tls.unwrap_or(config.scheme().is_tls())
    }

    /// The enabled transports.
    pub fn transports(&self) -> &[Transport] {
        &self.transports
    }

    /// The activity timeout.
    pub const fn activity_timeout(&self) -> Duration {
        self.activity_timeout
    }

    /// The pong timeout.
    pub const fn pong_timeout(&self) -> Duration {
        self.pong_timeout
    }

    /// The unavailable timeout.
    pub const fn unavailable_timeout(&self) -> Duration {
        self.unavailable_timeout
    }

    /// The reconnection policy.
    pub const fn reconnect(&self) -> &ReconnectPolicy {
        &self.reconnect
    }

    /// The `client` sent in the WebSocket URL.
    pub fn client_name(&self) -> &str {
        &self.client_name
    }

    /// The `version` sent in the WebSocket URL.
    pub fn client_version(&self) -> &str {
        &self.client_version
    }
}

/// A WebSocket URL to connect to. [`WebSocketUrl::as_str`] gives it whole; `Display` and
/// `Debug` mask the app key, as everywhere in this crate, so the URL can be logged.
///
/// ```
/// # use pusher_config::{Cluster, Key, PublicConfig};
/// # use pusher_config::connect::ClientOptions;
/// # let config = PublicConfig::__from_parts(
/// #     Key::from_static("278d425bdf160c739803"), Cluster::from_static("eu"), None, None, None);
/// let url = config.websocket_url(&ClientOptions::new().with_client("js", "8.6.0"));
/// assert_eq!(
///     url.to_string(),
///     "wss://ws-eu.pusher.com:443/app/278d… (20 chars)?protocol=7&client=js&version=8.6.0&flash=false",
/// );
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct WebSocketUrl {
    url: String,
    key: Range<usize>,
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
    /// The URL with the key masked as everywhere in this crate (its first characters and its
    /// length).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}{}{}",
            &self.url[..self.key.start],
            MaskedPlain(&self.url[self.key.clone()]),
            &self.url[self.key.end..]
        )
    }
}

impl fmt::Debug for WebSocketUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "WebSocketUrl(\"{self}\")")
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

impl PublicConfig {
    /// The WebSocket host: the configured host, else `ws-{cluster}.pusher.com`.
    pub fn websocket_host(&self) -> Cow<'_, str> {
        match self.host() {
            Some(host) => Cow::Borrowed(host.as_str()),
            None => Cow::Owned(format!("ws-{}.pusher.com", self.cluster())),
        }
    }

    /// The WebSocket port: the configured port, else 443 with TLS and 80 without (pusher-js
    /// `wssPort`, `wsPort`).
    pub fn websocket_port(&self, tls: bool) -> u16 {
        self.port().unwrap_or(if tls { 443 } else { 80 })
    }

    /// The URL pusher-js 8 opens for this config, built as its `ws` URL scheme does
    /// (`src/core/transports/url_schemes.ts`): `{ws|wss}://{host}:{port}/app/{key}`, then
    /// `?protocol=7&client={name}&version={version}&flash=false`. The port is always
    /// written, 443 or 80 included.
    ///
    /// `Display` of the result masks the key; [`WebSocketUrl::as_str`] gives the URL.
    pub fn websocket_url(&self, options: &ClientOptions) -> WebSocketUrl {
        let tls = options.tls_for(self);
        let mut url = String::with_capacity(128);
        url.push_str(if tls { "wss://" } else { "ws://" });
        url.push_str(&self.websocket_host());
        url.push(':');
        url.push_str(&self.websocket_port(tls).to_string());
        url.push_str("/app/");
        let start = url.len();
        push_encoded(&mut url, self.key().as_str());
        let key = start..url.len();
        url.push_str("?protocol=");
        url.push_str(&PROTOCOL_VERSION.to_string());
        url.push_str("&client=");
        push_encoded(&mut url, options.client_name());
        url.push_str("&version=");
        push_encoded(&mut url, options.client_version());
        url.push_str("&flash=false");
        WebSocketUrl { url, key }
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
        let mut url = format!("{scheme}://");
        match self.host() {
            Some(host) => url.push_str(host.as_str()),
            None => {
                url.push_str("api-");
                url.push_str(self.cluster().as_str());
                url.push_str(".pusher.com");
            }
        }
        let default_port = match scheme {
            Scheme::Http => 80,
            Scheme::Https => 443,
        };
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Cluster, Host, Key};

    const KEY: &str = "278d425bdf160c739803";

    fn hosted(cluster: &'static str) -> PublicConfig {
        PublicConfig::__from_parts(
            Key::from_static(KEY),
            Cluster::from_static(cluster),
            None,
            None,
            None,
        )
    }

    fn self_hosted(host: &'static str, port: Option<u16>, scheme: Option<Scheme>) -> PublicConfig {
        PublicConfig::__from_parts(
            Key::from_static("app-key"),
            Cluster::from_static("mt1"),
            Some(Host::from_static(host)),
            port,
            scheme,
        )
    }

    fn js() -> ClientOptions {
        ClientOptions::new().with_client("js", "8.6.0")
    }

    #[test]
    fn hosted_urls_are_pusher_js_urls() {
        assert_eq!(
            hosted("eu").websocket_url(&js()).as_str(),
            "wss://ws-eu.pusher.com:443/app/278d425bdf160c739803?protocol=7&client=js&version=8.6.0&flash=false"
        );
        assert_eq!(
            hosted("ap1")
                .websocket_url(&js().with_force_tls(false))
                .as_str(),
            "ws://ws-ap1.pusher.com:80/app/278d425bdf160c739803?protocol=7&client=js&version=8.6.0&flash=false"
        );
    }

    #[test]
    fn default_client_is_this_crate() {
        let url = hosted("mt1").websocket_url(&ClientOptions::new());
        assert!(url.as_str().ends_with(&format!(
            "?protocol=7&client=rust-pusher-config&version={}&flash=false",
            env!("CARGO_PKG_VERSION")
        )));
        assert!(url.is_tls());
    }

    #[test]
    fn self_hosted_host_and_port_win() {
        let soketi = self_hosted("127.0.0.1", Some(6001), Some(Scheme::Http));
        assert_eq!(
            soketi.websocket_url(&js()).as_str(),
            "ws://127.0.0.1:6001/app/app-key?protocol=7&client=js&version=8.6.0&flash=false"
        );
        assert_eq!(soketi.rest_base_url(), "http://127.0.0.1:6001");
        let reverb = self_hosted("reverb.example.com", None, None);
        assert_eq!(
            reverb.websocket_url(&js()).as_str(),
            "wss://reverb.example.com:443/app/app-key?protocol=7&client=js&version=8.6.0&flash=false"
        );
        assert_eq!(reverb.rest_base_url(), "https://reverb.example.com");
        // Forcing TLS overrides an `http` scheme, and the configured port serves wss too.
        assert_eq!(
            soketi.websocket_url(&js().with_force_tls(true)).as_str(),
            "wss://127.0.0.1:6001/app/app-key?protocol=7&client=js&version=8.6.0&flash=false"
        );
    }

    #[test]
    fn rest_base_url_omits_default_ports_only() {
        assert_eq!(hosted("eu").rest_base_url(), "https://api-eu.pusher.com");
        let https_443 = self_hosted("ws.example.com", Some(443), Some(Scheme::Https));
        assert_eq!(https_443.rest_base_url(), "https://ws.example.com");
        let http_80 = self_hosted("ws.example.com", Some(80), Some(Scheme::Http));
        assert_eq!(http_80.rest_base_url(), "http://ws.example.com");
        let https_80 = self_hosted("ws.example.com", Some(80), Some(Scheme::Https));
        assert_eq!(https_80.rest_base_url(), "https://ws.example.com:80");
    }

    #[test]
    fn odd_keys_are_percent_encoded_and_masked() {
        let config = PublicConfig::__from_parts(
            Key::from_static("my key/with?odd#chars"),
            Cluster::from_static("mt1"),
            Some(Host::from_static("localhost")),
            Some(6001),
            Some(Scheme::Http),
        );
        let url = config.websocket_url(&js());
        assert_eq!(
            url.as_str(),
            "ws://localhost:6001/app/my%20key%2Fwith%3Fodd%23chars?protocol=7&client=js&version=8.6.0&flash=false"
        );
        assert!(!url.to_string().contains("with"), "{url}");
    }

    #[test]
    fn display_and_debug_mask_the_key() {
        let url = hosted("eu").websocket_url(&js());
        for shown in [url.to_string(), format!("{url:?}")] {
            assert!(!shown.contains(KEY), "{shown}");
            assert!(
                shown.contains("/app/278d… (20 chars)?protocol=7"),
                "{shown}"
            );
        }
        assert_eq!(String::from(url.clone()), url.as_str());
    }

    #[test]
    fn client_options_defaults_match_pusher_js_and_the_write_up() {
        let options = ClientOptions::default();
        assert_eq!(options.transports(), [Transport::Ws, Transport::Wss]);
        assert_eq!(options.activity_timeout(), Duration::from_millis(120_000));
        assert_eq!(options.pong_timeout(), Duration::from_millis(30_000));
        assert_eq!(options.unavailable_timeout(), Duration::from_millis(10_000));
        assert_eq!(options.reconnect().max_attempts(), Some(5));
        assert_eq!(options.forced_tls(), None);
        assert!(options.tls_for(&hosted("eu")));
        assert!(!options.tls_for(&self_hosted("localhost", None, Some(Scheme::Http))));
        assert!(options.tls_for(&self_hosted("localhost", None, Some(Scheme::Https))));
    }
}
