//! Unit tests of the events' `Display`, `Debug` and severity.

use super::*;
use crate::connect::ClientOptions;
use crate::PublicConfig;

#[test]
fn connecting_shows_the_url_whole() {
    let config = PublicConfig::hosted("278d425bdf160c739803", "eu");
    let url = config.websocket_url(&ClientOptions::new());
    let shown = ConnectionEvent::Connecting {
        url: &url,
        attempt: 2,
    }
    .to_string();
    assert_eq!(shown, format!("connecting to {} (attempt 2)", url.as_str()));
    assert!(
        shown.starts_with("connecting to wss://ws-eu.pusher.com:443/app/278d425bdf160c739803?"),
        "{shown}"
    );
}

/// Pusher's 4001 reason, about a Pusher key, and with a Stripe key pasted as the key.
pub(super) const PUSHER_KEY: &str = "278d425bdf160c739803";
pub(super) const STRIPE_KEY: &str = "pk_live_51Hq2xK7f3Rb9QmZpL0sT4vW8yA1cE5gI7kM9";

pub(super) fn reason_4001(key: &str) -> String {
    format!("App key {key} not in this cluster. Did you forget to specify the cluster?")
}

#[test]
fn close_reason_masks_keys_and_stays_readable() {
    for (key, masked) in [
        (PUSHER_KEY, "278d… (20 chars)"),
        (STRIPE_KEY, "pk_l… (45 chars)"),
    ] {
        let reason = reason_4001(key);
        let event = ConnectionEvent::Closed {
            code: 4001,
            reason: &reason,
        };
        for shown in [
            event.to_string(),
            format!("{event:?}"),
            format!("{event:#?}"),
        ] {
            assert!(!shown.contains(key), "{shown}");
            assert!(
                shown.contains(&format!(
                    "App key {masked} not in this cluster. Did you forget to specify the cluster?"
                )),
                "{shown}"
            );
        }
    }
    let reason = "App key 0123456789abcdef0123 sk_test_4eC39HqLyjWDarjtT1zdp7dc";
    let shown = ConnectionEvent::Closed { code: 4001, reason }.to_string();
    assert!(
        shown.ends_with(r#"(reason: "App key 0123… (20 chars) sk_t… (32 chars)")"#),
        "{shown}"
    );
}

#[test]
fn debug_shows_urls_and_masks_reasons() {
    let config = PublicConfig::hosted(PUSHER_KEY, "eu");
    let url = config.websocket_url(&ClientOptions::new());
    let shown = format!(
        "{:?}",
        ConnectionEvent::Connecting {
            url: &url,
            attempt: 1
        }
    );
    assert_eq!(
        shown,
        format!(
            "Connecting {{ url: WebSocketUrl({:?}), attempt: 1 }}",
            url.as_str()
        )
    );
    assert!(shown.contains(PUSHER_KEY), "{shown}");
    assert_eq!(
        format!(
            "{:?}",
            ConnectionEvent::Closed {
                code: 1006,
                reason: ""
            }
        ),
        r#"Closed { code: 1006, reason: "" }"#
    );
    assert_eq!(
        format!(
            "{:?}",
            ConnectionEvent::GaveUp {
                attempts: 5,
                last_code: Some(4100)
            }
        ),
        "GaveUp { attempts: 5, last_code: Some(4100) }"
    );
}

#[test]
fn severity_follows_the_close_code() {
    let closed = |code| ConnectionEvent::Closed { code, reason: "" }.severity();
    assert_eq!(closed(4001), Severity::Error);
    assert_eq!(closed(4100), Severity::Warn);
    assert_eq!(closed(4201), Severity::Info);
    assert_eq!(closed(1000), Severity::Info);
    assert_eq!(closed(1006), Severity::Warn);
    let gave_up = ConnectionEvent::GaveUp {
        attempts: 5,
        last_code: Some(4100),
    };
    assert_eq!(gave_up.severity(), Severity::Error);
    assert_eq!(
        gave_up.to_string(),
        "giving up after 5 reconnection attempts; last close: 4100 over capacity"
    );
}

#[test]
fn closed_display_says_what_to_do() {
    let shown = ConnectionEvent::Closed {
        code: 4200,
        reason: "Generic reconnect",
    }
    .to_string();
    assert_eq!(
        shown,
        "closed: 4200 reconnect immediately; reconnect immediately (reason: \"Generic reconnect\")"
    );
    assert_eq!(
        ConnectionEvent::Closed {
            code: 1006,
            reason: ""
        }
        .to_string(),
        "closed: 1006"
    );
    let error = std::io::Error::other("tls handshake eof");
    assert_eq!(
        ConnectionEvent::Failed { error: &error }.to_string(),
        "connection failed: tls handshake eof"
    );
    // A client library's error is free text: long tokens in it are masked, a key quoted too.
    let error = std::io::Error::other(
        "failed to connect to wss://ws-eu.pusher.com:443/app/9c2e4b7a1f08d3e65b4a?protocol=7",
    );
    let event = ConnectionEvent::Failed { error: &error };
    for shown in [event.to_string(), format!("{event:?}")] {
        assert!(!shown.contains("9c2e4b7a1f08d3e65b4a"), "{shown}");
    }
}
