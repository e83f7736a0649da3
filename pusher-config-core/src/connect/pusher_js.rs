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
/// - there is no `maxReconnectionAttempts`: pusher-js has no such option and retries forever.
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
             activity_timeout: 120000, pong_timeout: 30000, unavailable_timeout: 10000 }"
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
