//! How a client connects: [`ClientOptions`] (TLS, transports, timeouts, reconnection, its
//! name) and the [`Transport`]s pusher-js knows.

use std::borrow::Cow;
use std::fmt;
use std::time::Duration;

use super::ReconnectPolicy;
use crate::PublicConfig;

/// The `client` sent by default: the protocol asks for `platform-library`
/// (its example: `iOS-libPusher`); pusher-js sends `js`.
pub const DEFAULT_CLIENT_NAME: &str = "rust-pusher-config";

/// The `version` sent by default: this crate's version.
pub const DEFAULT_CLIENT_VERSION: &str = env!("CARGO_PKG_VERSION");

/// A transport pusher-js may use (`enabledTransports`). pusher-js 8 defines these four in
/// `src/runtimes/isomorphic/default_strategy.ts`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
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
/// # extern crate pusher_config_core as pusher_config;
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
