//! Unit tests of the URLs and the client options.

use std::time::Duration;

use super::*;
use crate::{Cluster, Host, Key, PublicConfig, Scheme};

const KEY: &str = "278d425bdf160c739803";

fn hosted(cluster: &'static str) -> PublicConfig {
    PublicConfig::hosted(KEY, cluster)
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
fn odd_keys_are_percent_encoded() {
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
    assert_eq!(url.to_string(), url.as_str());
}

#[test]
fn display_is_the_url_and_debug_shows_it() {
    let url = hosted("eu").websocket_url(&js());
    let whole =
        "wss://ws-eu.pusher.com:443/app/278d425bdf160c739803?protocol=7&client=js&version=8.6.0&flash=false";
    assert_eq!(url.to_string(), whole);
    assert_eq!(format!("{url}"), url.as_str());
    assert_eq!(format!("{url:?}"), format!("WebSocketUrl({whole:?})"));
    assert_eq!(String::from(url.clone()), whole);
    assert_eq!(url.clone().into_string(), whole);
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
