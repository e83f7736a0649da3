//! The connection lifecycle a client loop reports, and its logging (feature `tracing`).

use std::fmt;
use std::time::Duration;

use super::WebSocketUrl;
use crate::close_code::{CloseCode, Retry};
use crate::mask::MaskedTokens;

/// One step of a client's connection lifecycle. The crate does no I/O: a client loop creates
/// these and calls [`ConnectionEvent::log`] (feature `tracing`), or formats them with
/// `Display`. Nothing shown (`Display`, `Debug`, logged fields) includes the whole key: URLs
/// are shown masked, and so is every token of 12 or more letters, digits, `_` or `-` in a
/// close reason (Pusher's 4001 reason quotes the key it refused).
///
/// ```
/// use std::time::Duration;
/// use pusher_config::connect::ConnectionEvent;
///
/// let closed = ConnectionEvent::Closed { code: 4001, reason: "" };
/// assert!(closed.to_string().starts_with("closed: 4001 app does not exist; check the key"));
/// let retry = ConnectionEvent::ReconnectScheduled { attempt: 1, delay: Duration::from_millis(1500) };
/// assert_eq!(retry.to_string(), "reconnecting in 1.5s (attempt 1)");
/// ```
#[derive(Clone, Copy)]
#[non_exhaustive]
pub enum ConnectionEvent<'a> {
    /// Opening the WebSocket; `attempt` 0 is the first connection.
    Connecting {
        /// The URL (logged with its key masked).
        url: &'a WebSocketUrl,
        /// 0 for the first connection, then the reconnection attempt.
        attempt: u32,
    },
    /// `pusher:connection_established` arrived.
    Connected {
        /// The socket id the server gave.
        socket_id: &'a str,
    },
    /// The WebSocket closed, by the server or the network.
    Closed {
        /// The close code (Pusher's are 4000–4399).
        code: u16,
        /// The close reason, possibly empty. Shown with long tokens masked: Pusher's 4001
        /// reason is `App key <key> not in this cluster…`.
        reason: &'a str,
    },
    /// Connecting failed before any close code: DNS, TCP, TLS, or the HTTP upgrade.
    Failed {
        /// What went wrong.
        error: &'a (dyn std::error::Error + 'a),
    },
    /// The next attempt is scheduled.
    ReconnectScheduled {
        /// Which reconnection attempt (from 1).
        attempt: u32,
        /// How long until it.
        delay: Duration,
    },
    /// No more attempts: the policy's limit is reached, or the last close code forbids
    /// reconnecting unchanged.
    GaveUp {
        /// How many reconnections were attempted.
        attempts: u32,
        /// The last close code, if any.
        last_code: Option<u16>,
    },
}

/// How serious an event is: the level [`ConnectionEvent::log`] logs it at, for a client that
/// logs some other way.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Routine detail: a scheduled reconnection.
    Debug,
    /// Normal lifecycle: connecting, connected, a close that reconnects at once or a normal
    /// closure (1000, 1001).
    Info,
    /// Trouble that reconnecting may fix: a failed attempt, a close that asks for backoff.
    Warn,
    /// Trouble that needs a fix: a close that forbids reconnecting unchanged, giving up.
    Error,
}

impl ConnectionEvent<'_> {
    /// How serious the event is.
    pub fn severity(&self) -> Severity {
        match self {
            ConnectionEvent::Connecting { .. } | ConnectionEvent::Connected { .. } => {
                Severity::Info
            }
            ConnectionEvent::Closed { code, .. } => match (CloseCode::from_u16(*code), *code) {
                (Some(code), _) => match code.retry() {
                    Retry::Never => Severity::Error,
                    Retry::AfterBackoff => Severity::Warn,
                    Retry::Immediately => Severity::Info,
                },
                (None, 1000 | 1001) => Severity::Info,
                (None, _) => Severity::Warn,
            },
            ConnectionEvent::Failed { .. } => Severity::Warn,
            ConnectionEvent::ReconnectScheduled { .. } => Severity::Debug,
            ConnectionEvent::GaveUp { .. } => Severity::Error,
        }
    }
}

impl fmt::Debug for ConnectionEvent<'_> {
    /// As derived, except that the close reason is shown with long tokens masked.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConnectionEvent::Connecting { url, attempt } => f
                .debug_struct("Connecting")
                .field("url", url)
                .field("attempt", attempt)
                .finish(),
            ConnectionEvent::Connected { socket_id } => f
                .debug_struct("Connected")
                .field("socket_id", socket_id)
                .finish(),
            ConnectionEvent::Closed { code, reason } => f
                .debug_struct("Closed")
                .field("code", code)
                .field("reason", &MaskedTokens(reason))
                .finish(),
            ConnectionEvent::Failed { error } => f
                .debug_struct("Failed")
                .field("error", &MaskedTokens(&error.to_string()))
                .finish(),
            ConnectionEvent::ReconnectScheduled { attempt, delay } => f
                .debug_struct("ReconnectScheduled")
                .field("attempt", attempt)
                .field("delay", delay)
                .finish(),
            ConnectionEvent::GaveUp {
                attempts,
                last_code,
            } => f
                .debug_struct("GaveUp")
                .field("attempts", attempts)
                .field("last_code", last_code)
                .finish(),
        }
    }
}

impl fmt::Display for ConnectionEvent<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConnectionEvent::Connecting { url, attempt: 0 } => write!(f, "connecting to {url}"),
            ConnectionEvent::Connecting { url, attempt } => {
                write!(f, "connecting to {url} (attempt {attempt})")
            }
            ConnectionEvent::Connected { socket_id } => {
                write!(f, "connected, socket id {socket_id}")
            }
            ConnectionEvent::Closed { code, reason } => {
                match CloseCode::from_u16(*code) {
                    Some(pusher) if pusher.retry() == Retry::Never => {
                        write!(f, "closed: {pusher}; {}", pusher.what_to_do())?
                    }
                    Some(pusher) => write!(f, "closed: {pusher}; {}", pusher.retry())?,
                    None => write!(f, "closed: {code}")?,
                }
                if !reason.is_empty() {
                    write!(f, " (reason: {:?})", MaskedTokens(reason))?;
                }
                Ok(())
            }
            // A WebSocket library's error may quote the URL, key included.
            ConnectionEvent::Failed { error } => {
                write!(f, "connection failed: {}", MaskedTokens(&error.to_string()))
            }
            ConnectionEvent::ReconnectScheduled { attempt, delay } => {
                write!(f, "reconnecting in {delay:?} (attempt {attempt})")
            }
            ConnectionEvent::GaveUp {
                attempts,
                last_code,
            } => {
                write!(f, "giving up after {attempts} reconnection attempts")?;
                match (last_code, last_code.and_then(CloseCode::from_u16)) {
                    (_, Some(code)) => write!(f, "; last close: {code}"),
                    (Some(code), None) => write!(f, "; last close: {code}"),
                    (None, None) => Ok(()),
                }
            }
        }
    }
}

#[cfg(feature = "tracing")]
impl ConnectionEvent<'_> {
    /// Logs the event through `tracing`, target `pusher_config::connect`: `Closed` with a
    /// code that forbids reconnecting and `GaveUp` at ERROR, other failures and closes at
    /// WARN, connecting, connected and closes that reconnect at once at INFO, scheduled
    /// reconnections at DEBUG. The message is the event's `Display`; fields carry the
    /// structured values (`url` masked, `attempt`, `code`, `retry`, `delay_ms`…).
    pub fn log(&self) {
        macro_rules! emit {
            ($($field:tt)*) => {
                match self.severity() {
                    Severity::Debug => tracing::debug!(target: "pusher_config::connect", $($field)*),
                    Severity::Info => tracing::info!(target: "pusher_config::connect", $($field)*),
                    Severity::Warn => tracing::warn!(target: "pusher_config::connect", $($field)*),
                    Severity::Error => tracing::error!(target: "pusher_config::connect", $($field)*),
                }
            };
        }
        match self {
            ConnectionEvent::Connecting { url, attempt } => {
                emit!(url = %url, attempt = *attempt, "{self}")
            }
            ConnectionEvent::Connected { socket_id } => emit!(socket_id = *socket_id, "{self}"),
            ConnectionEvent::Closed { code, reason } => {
                let retry = Retry::after_close(*code);
                let reason = MaskedTokens(reason);
                emit!(code = *code, reason = %reason, retry = %retry, "{self}")
            }
            ConnectionEvent::Failed { error } => {
                let error = error.to_string();
                let error = MaskedTokens(&error);
                emit!(error = %error, "{self}")
            }
            ConnectionEvent::ReconnectScheduled { attempt, delay } => {
                let delay_ms = u64::try_from(delay.as_millis()).unwrap_or(u64::MAX);
                emit!(attempt = *attempt, delay_ms, "{self}")
            }
            ConnectionEvent::GaveUp {
                attempts,
                last_code,
            } => emit!(attempts = *attempts, last_code = *last_code, "{self}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::connect::ClientOptions;
    use crate::{Cluster, Key, PublicConfig};

    #[test]
    fn connecting_shows_the_url_masked() {
        let config = PublicConfig::hosted("278d425bdf160c739803", "eu");
        let url = config.websocket_url(&ClientOptions::new());
        let shown = ConnectionEvent::Connecting {
            url: &url,
            attempt: 2,
        }
        .to_string();
        assert!(!shown.contains("278d425bdf160c739803"), "{shown}");
        assert!(shown.starts_with("connecting to wss://ws-eu.pusher.com:443/app/278d… (20 chars)?"));
        assert!(shown.ends_with("(attempt 2)"), "{shown}");
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
    fn debug_masks_urls_and_reasons() {
        let config = PublicConfig::__from_parts(
            Key::from_static(PUSHER_KEY),
            Cluster::from_static("eu"),
            None,
            None,
            None,
        );
        let url = config.websocket_url(&ClientOptions::new());
        let shown = format!(
            "{:?}",
            ConnectionEvent::Connecting {
                url: &url,
                attempt: 1
            }
        );
        assert!(!shown.contains(PUSHER_KEY), "{shown}");
        assert!(
            shown.starts_with("Connecting { url: WebSocketUrl(\"wss://"),
            "{shown}"
        );
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
        // A client library's error that quotes the URL keeps the key hidden.
        let error = std::io::Error::other(
            "failed to connect to wss://ws-eu.pusher.com:443/app/9c2e4b7a1f08d3e65b4a?protocol=7",
        );
        let event = ConnectionEvent::Failed { error: &error };
        for shown in [event.to_string(), format!("{event:?}")] {
            assert!(!shown.contains("9c2e4b7a1f08d3e65b4a"), "{shown}");
        }
    }
}

#[cfg(all(test, feature = "tracing"))]
mod log_tests {
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
    fn events_are_logged_at_their_level_with_the_key_masked() {
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
            line.contains("278d… (20 chars)") && line.contains("attempt=0"),
            "{line}"
        );
        assert!(!line.contains("278d425bdf160c739803"), "{line}");

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
}
