//! Unit tests of [`ConnectionEvent::log`]: what `tracing` receives, captured.

use std::fmt::Write as _;
use std::sync::{Arc, Mutex};

use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Level, Metadata};

use super::*;
use crate::connect::ClientOptions;
use crate::PublicConfig;

/// Records each event as `LEVEL target field=value …`.
#[derive(Clone, Default)]
struct Capture(Arc<Mutex<Vec<String>>>);

struct Line<'a>(&'a mut String);

impl Visit for Line<'_> {
    fn record_debug(&mut self, field: &Field, value: &dyn fmt::Debug) {
        let _ = write!(self.0, " {}={value:?}", field.name());
    }
}

impl tracing::Subscriber for Capture {
    fn enabled(&self, _: &Metadata<'_>) -> bool {
        true
    }
    fn new_span(&self, _: &Attributes<'_>) -> Id {
        Id::from_u64(1)
    }
    fn record(&self, _: &Id, _: &Record<'_>) {}
    fn record_follows_from(&self, _: &Id, _: &Id) {}
    fn event(&self, event: &Event<'_>) {
        let meta = event.metadata();
        let mut line = format!("{} {}", meta.level(), meta.target());
        event.record(&mut Line(&mut line));
        if let Ok(mut lines) = self.0.lock() {
            lines.push(line);
        }
    }
    fn enter(&self, _: &Id) {}
    fn exit(&self, _: &Id) {}
}

fn logged(event: ConnectionEvent<'_>) -> String {
    let capture = Capture::default();
    tracing::subscriber::with_default(capture.clone(), || event.log());
    let lines = capture
        .0
        .lock()
        .map(|lines| lines.clone())
        .unwrap_or_default();
    assert_eq!(lines.len(), 1, "{lines:?}");
    lines.concat()
}

#[test]
fn events_are_logged_at_their_level_with_the_url_whole() {
    let config = PublicConfig::hosted("278d425bdf160c739803", "eu");
    let url = config.websocket_url(&ClientOptions::new());
    let line = logged(ConnectionEvent::Connecting {
        url: &url,
        attempt: 0,
    });
    assert!(
        line.starts_with(&format!("{} pusher_config::connect", Level::INFO)),
        "{line}"
    );
    assert!(
        line.contains(&format!("url={}", url.as_str())) && line.contains("attempt=0"),
        "{line}"
    );
    assert!(
        line.contains("wss://ws-eu.pusher.com:443/app/278d425bdf160c739803?protocol=7"),
        "{line}"
    );

    let line = logged(ConnectionEvent::Closed {
        code: 4001,
        reason: "",
    });
    assert!(line.starts_with(&Level::ERROR.to_string()), "{line}");
    assert!(
        line.contains("code=4001") && line.contains("Invalid frame header"),
        "{line}"
    );

    let line = logged(ConnectionEvent::ReconnectScheduled {
        attempt: 1,
        delay: Duration::from_millis(1500),
    });
    assert!(line.starts_with(&Level::DEBUG.to_string()), "{line}");
    assert!(line.contains("delay_ms=1500"), "{line}");

    let line = logged(ConnectionEvent::GaveUp {
        attempts: 5,
        last_code: None,
    });
    assert!(line.starts_with(&Level::ERROR.to_string()), "{line}");
}

#[test]
fn logged_close_reasons_mask_keys() {
    use super::tests::{reason_4001, PUSHER_KEY, STRIPE_KEY};
    for (key, masked) in [
        (PUSHER_KEY, "278d… (20 chars)"),
        (STRIPE_KEY, "pk_l… (45 chars)"),
    ] {
        let reason = reason_4001(key);
        let line = logged(ConnectionEvent::Closed {
            code: 4001,
            reason: &reason,
        });
        assert!(!line.contains(key), "{line}");
        assert!(
            line.contains(&format!("reason=App key {masked} not in this cluster.")),
            "{line}"
        );
        assert!(line.contains("code=4001"), "{line}");
    }
}
