//! The connection lifecycle a client loop reports ([`ConnectionEvent`], [`Severity`]), and
//! its logging (feature `tracing`).

use std::fmt;
use std::time::Duration;

use super::WebSocketUrl;
use crate::close_code::{CloseCode, Retry};
use crate::mask::MaskedTokens;

/// One step of a client's connection lifecycle. The crate does no I/O: a client loop creates
/// these and calls [`ConnectionEvent::log`] (feature `tracing`), or formats them with
/// `Display`. A URL is shown whole: the key in it is public and passed the rules. Free text
/// from elsewhere is not: every token of 12 or more letters, digits, `_` or `-` in a close
/// reason or an error is masked, since Pusher's 4001 reason quotes the key it refused (which
/// may be another service's credential pasted as the key) and a library's error may quote
/// anything. Nothing shown (`Display`, `Debug`, logged fields) includes the secret: no event
/// holds it.
///
/// ```
/// # extern crate pusher_config_core as pusher_config;
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
        /// The URL (shown and logged whole).
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
#[non_exhaustive]
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
            // A WebSocket library's error is free text that may quote anything: long tokens masked.
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
    /// structured values (`url`, `attempt`, `code`, `retry`, `delay_ms`…; a close `reason`
    /// and an `error` with long tokens masked).
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
                let delay_ms = super::millis(*delay);
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
mod tests;

#[cfg(all(test, feature = "tracing"))]
mod log_tests;
