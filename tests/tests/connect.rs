//! Connecting from a loaded configuration: the URLs pusher-js and pusher-http-node would use,
//! the pusher-js options object, close codes and the reconnection policy, end to end.

use std::time::Duration;

use pusher_config::close_code::{CloseCode, Retry};
use pusher_config::connect::{ClientOptions, ConnectionEvent, ReconnectPolicy, Transport};
use pusher_config::source::Vars;
use pusher_config::{PublicConfig, PusherConfig};

/// Made up for these tests, in the format of Pusher's keys and secrets (20 lowercase hex).
const KEY: &str = "5e3c9a1f7b2d4e6a8c0f";
const SECRET: &str = "b41d7e09c3a85f26d1e7";

fn hosted(cluster: &str) -> PusherConfig {
    let vars = Vars::from_pairs([
        ("PUSHER_APP_ID", "1870254"),
        ("PUSHER_APP_KEY", KEY),
        ("PUSHER_APP_SECRET", SECRET),
        ("PUSHER_APP_CLUSTER", cluster),
    ]);
    PusherConfig::from_vars(&vars).unwrap_or_else(|problems| panic!("{problems}"))
}

fn laravel_self_hosted(port: &str, scheme: &str) -> PublicConfig {
    let vars = Vars::from_pairs([
        ("PUSHER_APP_KEY", "kx9c2mdq0v7lrfhw3tzb"),
        ("PUSHER_HOST", "ws.example.test"),
        ("PUSHER_PORT", port),
        ("PUSHER_SCHEME", scheme),
    ]);
    PublicConfig::from_vars(&vars).unwrap_or_else(|problems| panic!("{problems}"))
}

/// The URL pusher-js 8.6.0 opens (the incident's URL had `version=8.4.0`).
fn pusher_js() -> ClientOptions {
    ClientOptions::new().with_client("js", "8.6.0")
}

#[test]
fn hosted_websocket_url_is_exactly_pusher_js() {
    let config = hosted("eu");
    assert_eq!(
        config.websocket_url(&pusher_js()).as_str(),
        "wss://ws-eu.pusher.com:443/app/5e3c9a1f7b2d4e6a8c0f?protocol=7&client=js&version=8.6.0&flash=false"
    );
    assert_eq!(
        config
            .websocket_url(&pusher_js().with_force_tls(false))
            .as_str(),
        "ws://ws-eu.pusher.com:80/app/5e3c9a1f7b2d4e6a8c0f?protocol=7&client=js&version=8.6.0&flash=false"
    );
    assert_eq!(config.rest_base_url(), "https://api-eu.pusher.com");
}

#[test]
fn client_config_builds_the_same_url_and_the_default_client_names_this_crate() {
    let vars = Vars::from_pairs([("PUSHER_APP_KEY", KEY), ("PUSHER_APP_CLUSTER", "mt1")]);
    let config = PublicConfig::from_vars(&vars).unwrap_or_else(|problems| panic!("{problems}"));
    assert_eq!(
        config.websocket_url(&pusher_js()).as_str(),
        "wss://ws-mt1.pusher.com:443/app/5e3c9a1f7b2d4e6a8c0f?protocol=7&client=js&version=8.6.0&flash=false"
    );
    assert_eq!(config.rest_base_url(), "https://api-mt1.pusher.com");
    let ours = config.websocket_url(&ClientOptions::new());
    assert!(
        ours.as_str()
            .contains("?protocol=7&client=rust-pusher-config&version="),
        "{}",
        ours.as_str()
    );
}

#[test]
fn self_hosted_host_port_and_scheme_win() {
    let plain = laravel_self_hosted("6001", "http");
    assert_eq!(
        plain.websocket_url(&pusher_js()).as_str(),
        "ws://ws.example.test:6001/app/kx9c2mdq0v7lrfhw3tzb?protocol=7&client=js&version=8.6.0&flash=false"
    );
    assert_eq!(plain.rest_base_url(), "http://ws.example.test:6001");

    let tls = laravel_self_hosted("443", "https");
    assert_eq!(
        tls.websocket_url(&pusher_js()).as_str(),
        "wss://ws.example.test:443/app/kx9c2mdq0v7lrfhw3tzb?protocol=7&client=js&version=8.6.0&flash=false"
    );
    assert_eq!(tls.rest_base_url(), "https://ws.example.test");
}

/// What a program prints or logs of a URL is the URL a client opens: the key is public, so
/// `format!("{url}")` hands a client a working URL (the lines `ConnectionEvent::log` writes are
/// captured and checked by the runtime crate's own `events_are_logged_at_their_level_with_the_url_whole`).
/// The secret is in none of them.
#[test]
fn urls_and_events_show_the_key_never_the_secret() {
    let config = hosted("eu");
    let url = config.websocket_url(&ClientOptions::new());
    let event = ConnectionEvent::Connecting {
        url: &url,
        attempt: 0,
    };
    assert_eq!(url.to_string(), url.as_str());
    assert_eq!(format!("{url}"), String::from(url.clone()));
    assert_eq!(event.to_string(), format!("connecting to {}", url.as_str()));
    for shown in [
        url.to_string(),
        format!("{url:?}"),
        event.to_string(),
        config.key().to_string(),
        config.to_string(),
        format!("{config:?}"),
    ] {
        assert!(shown.contains(KEY), "{shown}");
        assert!(!shown.contains(SECRET), "{shown}");
    }
}

#[test]
fn pusher_js_options_for_the_browser_hold_nothing_secret() {
    let config = hosted("eu");
    let options = ClientOptions::new();
    let json = serde_json::to_value(config.pusher_js_options(&options)).expect("serializes");
    assert_eq!(
        json,
        serde_json::json!({
            "key": KEY,
            "cluster": "eu",
            "forceTLS": true,
            "enabledTransports": ["ws", "wss"],
            "activityTimeout": 120000,
            "pongTimeout": 30000,
            "unavailableTimeout": 10000,
        })
    );
    let text = json.to_string();
    assert!(!text.contains(SECRET));
    assert!(!text.contains("maxReconnectionAttempts"));

    let self_hosted = laravel_self_hosted("6001", "http");
    let json = serde_json::to_value(self_hosted.pusher_js_options(&options.with_transports(vec![
        Transport::Ws,
        Transport::Wss,
        Transport::XhrPolling,
    ])))
    .expect("serializes");
    assert_eq!(
        json["cluster"], "mt1",
        "pusher-js 8 needs a cluster even with wsHost"
    );
    assert_eq!(json["wsHost"], "ws.example.test");
    assert_eq!(json["wsPort"], 6001);
    assert_eq!(json["wssPort"], 6001);
    assert_eq!(json["forceTLS"], false);
    assert_eq!(
        json["enabledTransports"],
        serde_json::json!(["ws", "wss", "xhr_polling"])
    );
}

/// What a client loop does with a close: the incident's 4001 stops it, 4100 backs off for
/// at least a second, 4201 reconnects at once.
#[test]
fn close_codes_drive_the_reconnection_loop() {
    let policy = ReconnectPolicy::new();
    let mut delays = policy.delays_with_seed(2024);

    let wrong_key = CloseCode::from_u16(4001).expect("a Pusher code");
    assert_eq!(wrong_key.retry(), Retry::Never);
    assert!(wrong_key.what_to_do().contains("Invalid frame header"));

    assert_eq!(Retry::after_close(4100), Retry::AfterBackoff);
    let first = delays.next().expect("a first delay");
    assert!(first >= Duration::from_secs(1), "{first:?}");

    assert_eq!(Retry::after_close(4201), Retry::Immediately);
    assert_eq!(Retry::after_close(1006), Retry::AfterBackoff);

    let rest: Vec<Duration> = delays.collect();
    assert_eq!(rest.len(), 4, "five attempts in all, as the write-up asked");
    assert!(rest.iter().all(|delay| *delay <= Duration::from_secs(30)));
    assert_eq!(
        policy.delays_with_seed(2024).collect::<Vec<_>>()[1..],
        rest[..],
        "the same seed gives the same delays"
    );
}
