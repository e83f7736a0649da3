//! The public config as the options object of pusher-js (feature `serde`).

use serde::{Serialize, Serializer};

use super::{millis, ClientOptions, Transport};
use crate::{PublicConfig, PusherConfig};

/// The options object for `new Pusher(key, options)` in pusher-js 8: serialize it to JSON
/// and hand it to the browser. It holds the key (public) and never the app id or the secret.
///
/// ```json
/// {"key": "278d425bdf160c739803", "cluster": "eu", "forceTLS": true,
///  "enabledTransports": ["ws", "wss"],
///  "activityTimeout": 120000, "pongTimeout": 30000, "unavailableTimeout": 10000}
/// ```
///
/// - `key` is not a pusher-js option (it is the constructor's first argument) and pusher-js
///   ignores unknown options, so `new Pusher(options.key, options)` works as is;
/// - `cluster` is always present: pusher-js 8 throws without one, even with `wsHost`;
/// - `wsHost` appears with a configured host, `wsPort` and `wssPort` (both the configured
///   port) with a configured port;
/// - timeouts are in milliseconds;
/// - there is no `maxReconnectionAttempts`: pusher-js has no such option and retries forever;
/// - `channelAuthorization`, `userAuthentication` and `wsPath` appear when set with
///   [`PusherJsOptions::channel_authorization`], [`PusherJsOptions::user_authentication`] and
///   [`PusherJsOptions::ws_path`]: where the app's endpoints are is known to the app only.
///
/// `Debug` shows every field, the key whole: it is public, and this object hands it to the
/// browser.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PusherJsOptions<'a> {
    key: &'a str,
    cluster: &'a str,
    #[serde(rename = "forceTLS")]
    force_tls: bool,
    enabled_transports: &'a [Transport],
    #[serde(skip_serializing_if = "Option::is_none")]
    ws_host: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    ws_port: Option<u16>,
    #[serde(skip_serializing_if = "Option::is_none")]
    wss_port: Option<u16>,
    activity_timeout: u64,
    pong_timeout: u64,
    unavailable_timeout: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    channel_authorization: Option<AuthEndpoint<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    user_authentication: Option<AuthEndpoint<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    ws_path: Option<&'a str>,
}

/// pusher-js's `{ "endpoint": …, "transport": "ajax" }`: where it POSTs the form
/// (`socket_id`, `channel_name`) to authorize a channel or sign a user in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct AuthEndpoint<'a> {
    endpoint: &'a str,
    transport: &'static str,
}

impl<'a> PusherJsOptions<'a> {
    /// pusher-js's `channelAuthorization`: the app's endpoint that authorizes `private-` and
    /// `presence-` channels (a relative path or a URL), posted to with `ajax`.
    ///
    /// ```
    /// # extern crate pusher_config_core as pusher_config;
    /// # use pusher_config::{Cluster, Key, PublicConfig};
    /// use pusher_config::connect::ClientOptions;
    /// # let config = PublicConfig::__from_parts(
    /// #     Key::from_static("278d425bdf160c739803"), Cluster::from_static("eu"), None, None, None);
    /// let client = ClientOptions::new();
    /// let options = config
    ///     .pusher_js_options(&client)
    ///     .channel_authorization("/pusher/auth")
    ///     .user_authentication("/pusher/user-auth")
    ///     .ws_path("/realtime");
    /// let json = serde_json::to_value(&options).unwrap();
    /// assert_eq!(json["channelAuthorization"]["endpoint"], "/pusher/auth");
    /// assert_eq!(json["channelAuthorization"]["transport"], "ajax");
    /// assert_eq!(json["userAuthentication"]["endpoint"], "/pusher/user-auth");
    /// assert_eq!(json["wsPath"], "/realtime");
    /// ```
    #[must_use]
    pub fn channel_authorization(mut self, endpoint: &'a str) -> Self {
        self.channel_authorization = Some(AuthEndpoint {
            endpoint,
            transport: "ajax",
        });
        self
    }

    /// pusher-js's `userAuthentication`: the app's endpoint that signs users in
    /// (`pusher.signin()`), posted to with `ajax`.
    #[must_use]
    pub fn user_authentication(mut self, endpoint: &'a str) -> Self {
        self.user_authentication = Some(AuthEndpoint {
            endpoint,
            transport: "ajax",
        });
        self
    }

    /// pusher-js's `wsPath`: a path before `/app/KEY` where the server (or a proxy in front
    /// of it) serves WebSockets, as in `wss://example.org/realtime/app/KEY`.
    #[must_use]
    pub fn ws_path(mut self, path: &'a str) -> Self {
        self.ws_path = Some(path);
        self
    }
}

impl Serialize for Transport {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl PublicConfig {
    /// The options object pusher-js expects, for these client options (feature `serde`).
    ///
    /// ```
    /// # extern crate pusher_config_core as pusher_config;
    /// # use pusher_config::{Cluster, Key, PublicConfig};
    /// use pusher_config::connect::ClientOptions;
    /// # let config = PublicConfig::__from_parts(
    /// #     Key::from_static("278d425bdf160c739803"), Cluster::from_static("eu"), None, None, None);
    /// let json = serde_json::to_string(&config.pusher_js_options(&ClientOptions::new())).unwrap();
    /// assert_eq!(
    ///     json,
    ///     r#"{"key":"278d425bdf160c739803","cluster":"eu","forceTLS":true,"enabledTransports":["ws","wss"],"activityTimeout":120000,"pongTimeout":30000,"unavailableTimeout":10000}"#,
    /// );
    /// ```
    pub fn pusher_js_options<'a>(&'a self, options: &'a ClientOptions) -> PusherJsOptions<'a> {
        PusherJsOptions {
            key: self.key().as_str(),
            cluster: self.cluster().as_str(),
            force_tls: options.tls_for(self),
            enabled_transports: options.transports(),
            ws_host: self.host().map(|host| host.as_str()),
            ws_port: self.port(),
            wss_port: self.port(),
            activity_timeout: millis(options.activity_timeout()),
            pong_timeout: millis(options.pong_timeout()),
            unavailable_timeout: millis(options.unavailable_timeout()),
            channel_authorization: None,
            user_authentication: None,
            ws_path: None,
        }
    }
}

impl PusherConfig {
    /// [`PublicConfig::pusher_js_options`] of the public part: never the app id or secret.
    pub fn pusher_js_options<'a>(&'a self, options: &'a ClientOptions) -> PusherJsOptions<'a> {
        self.public().pusher_js_options(options)
    }
}

#[cfg(test)]
mod tests {
    use serde_json::{json, Value};

    use super::*;
    use crate::{AppId, Cluster, Host, Key, Scheme, Secret};

    fn to_value(options: &PusherJsOptions<'_>) -> Value {
        serde_json::to_value(options).expect("options serialize")
    }

    #[test]
    fn hosted_options_carry_key_cluster_and_defaults() {
        let config = PusherConfig::__from_parts(
            AppId::from_static("1234567"),
            Secret::from_static("0f1e2d3c4b5a69788796"),
            PublicConfig::hosted("a1b2c3d4e5f60718293a", "eu"),
        );
        let options = ClientOptions::new();
        let value = to_value(&config.pusher_js_options(&options));
        assert_eq!(
            value,
            json!({
                "key": "a1b2c3d4e5f60718293a",
                "cluster": "eu",
                "forceTLS": true,
                "enabledTransports": ["ws", "wss"],
                "activityTimeout": 120000,
                "pongTimeout": 30000,
                "unavailableTimeout": 10000,
            })
        );
        let text = value.to_string();
        assert!(!text.contains("0f1e2d3c4b5a69788796") && !text.contains("1234567"));
    }

    #[test]
    fn debug_shows_the_key_whole() {
        let config = PublicConfig::hosted("a1b2c3d4e5f60718293a", "eu");
        let options = ClientOptions::new();
        let js = config.pusher_js_options(&options);
        assert_eq!(
            format!("{js:?}"),
            "PusherJsOptions { key: \"a1b2c3d4e5f60718293a\", cluster: \"eu\", force_tls: true, \
             enabled_transports: [Ws, Wss], ws_host: None, ws_port: None, wss_port: None, \
             activity_timeout: 120000, pong_timeout: 30000, unavailable_timeout: 10000, \
             channel_authorization: None, user_authentication: None, ws_path: None }"
        );
    }

    #[test]
    fn self_hosted_options_carry_host_ports_and_still_a_cluster() {
        let config = PublicConfig::__from_parts(
            Key::from_static("app-key"),
            Cluster::from_static("mt1"),
            Some(Host::from_static("127.0.0.1")),
            Some(6001),
            Some(Scheme::Http),
        );
        let options = ClientOptions::new().with_transports(vec![Transport::Ws]);
        assert_eq!(
            to_value(&config.pusher_js_options(&options)),
            json!({
                "key": "app-key",
                "cluster": "mt1",
                "forceTLS": false,
                "enabledTransports": ["ws"],
                "wsHost": "127.0.0.1",
                "wsPort": 6001,
                "wssPort": 6001,
                "activityTimeout": 120000,
                "pongTimeout": 30000,
                "unavailableTimeout": 10000,
            })
        );
    }
}
