//! What can go wrong when sending events: refused before sending, refused by the server, or no
//! answer.

use std::error::Error;
use std::fmt;
use std::time::Duration;

use super::limits::{self, Limit};
use crate::signing::SigningError;

/// Why a request was not sent, or what its answer means.
///
/// Messages follow rustc's style (lowercase, the fix after `;`) and never contain the secret,
/// the signature or a request's body. New checks may add variants: a `match` on it needs a `_`
/// arm.
///
/// ```
/// # extern crate pusher_config_core as pusher_config;
/// use pusher_config::events::{EventsError, Limit};
///
/// let error = EventsError::Limit { what: Limit::Channels, limit: 100, actual: 120 };
/// assert_eq!(
///     error.to_string(),
///     "the trigger has 120 channels, more than the 100 allowed; \
///      split the channels over several triggers",
/// );
/// let error = EventsError::from_status(401, br#"{"error":"Invalid API signature"}"#);
/// assert_eq!(
///     error.to_string(),
///     "the server answered 401 Unauthorized: the signature was refused; check `PUSHER_SECRET` \
///      and `PUSHER_KEY`, and that this machine's clock is within 600 s of the server's \
///      (it said `Invalid API signature`)",
/// );
/// assert!(!error.is_retryable());
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum EventsError {
    /// Over one of Pusher's [`Limits`](super::Limits); not sent.
    Limit {
        /// Which limit.
        what: Limit,
        /// The limit.
        limit: usize,
        /// The request's count.
        actual: usize,
    },
    /// An event of a batch was refused; not sent. Holds its index (from 0) and why.
    InBatch {
        /// The event's index in the batch, from 0.
        index: usize,
        /// Why it was refused.
        error: Box<EventsError>,
    },
    /// The batch holds no event; not sent.
    EmptyBatch,
    /// The event name is empty; not sent.
    EmptyEventName,
    /// The trigger names no channel; not sent.
    NoChannels,
    /// A channel name is not one Pusher accepts; not sent.
    InvalidChannel {
        /// The channel's index in the request, from 0.
        index: usize,
        /// Why.
        error: SigningError,
    },
    /// A `private-encrypted-` channel among others, or without the `encryption` feature: its
    /// data is encrypted with its own shared secret, so it is triggered alone, by a build that
    /// can encrypt; not sent.
    EncryptedChannel {
        /// The channel's index in the request, from 0.
        index: usize,
    },
    /// The socket id to exclude is not two numbers joined by a dot; not sent.
    InvalidSocketId,
    /// Presence users were asked of a channel that is not `presence-…`; not sent.
    NotPresenceChannel,
    /// `user_count` was asked of channels that are not presence channels; not sent.
    UserCountNeedsPresence,
    /// The user id is empty, or holds characters a user's channel cannot; not sent.
    InvalidUserId,
    /// The server answered with a status other than 2xx.
    Http {
        /// The HTTP status code.
        status: u16,
        /// What the status means from Pusher, and what to check.
        meaning: &'static str,
        /// The server's own message (its JSON `error`, or its text), shortened.
        message: Option<String>,
    },
    /// The server answered 2xx with a body that is not the expected JSON.
    InvalidResponse {
        /// The HTTP status code.
        status: u16,
        /// What was wrong, from the JSON parser.
        reason: String,
    },
    /// No complete answer within the client's timeout.
    Timeout(Duration),
    /// The server could not be reached, or the connection failed (DNS, TCP, TLS); holds the
    /// cause.
    Network(String),
    /// The configured host does not make a valid URL.
    InvalidUrl,
}

impl EventsError {
    /// The error for a non-2xx answer: its status, what the status means, and the server's
    /// message from `body` (its JSON `error` field, else its text), at most 200 characters.
    pub fn from_status(status: u16, body: &[u8]) -> Self {
        EventsError::Http {
            status,
            meaning: meaning(status),
            message: server_message(body),
        }
    }

    /// Whether sending the same request again later may succeed: a 429 or 5xx answer, a
    /// timeout, a network failure. A refusal for a reason of the request's own (a limit, a
    /// signature, a quota) is not.
    pub fn is_retryable(&self) -> bool {
        match self {
            EventsError::Http { status, .. } => *status == 429 || *status >= 500,
            EventsError::Timeout(_) | EventsError::Network(_) => true,
            _ => false,
        }
    }

    /// Whether the request was refused here, before anything was sent.
    pub fn is_refused_before_sending(&self) -> bool {
        !matches!(
            self,
            EventsError::Http { .. }
                | EventsError::InvalidResponse { .. }
                | EventsError::Timeout(_)
                | EventsError::Network(_)
        )
    }
}

/// What an HTTP status means from Pusher's HTTP API, and what to check.
fn meaning(status: u16) -> &'static str {
    match status {
        400 => "the request was refused as malformed; the server's message says which part",
        401 => {
            "the signature was refused; check `PUSHER_SECRET` and `PUSHER_KEY`, and that this \
             machine's clock is within 600 s of the server's"
        }
        403 => {
            "the app is disabled or over its message quota; check the app's status and usage \
             in the Pusher dashboard"
        }
        404 => "no such app or resource; check `PUSHER_APP_ID` and the cluster or host",
        413 => {
            "the request is too large for the server (or the app is over its quota); send less \
             data per event"
        }
        429 => "too many requests; retry later, more slowly",
        500..=599 => "the server failed; retry later",
        _ => "an answer Pusher's HTTP API does not document",
    }
}

/// The reason phrase of a status, for messages.
fn reason_phrase(status: u16) -> &'static str {
    match status {
        400 => " Bad Request",
        401 => " Unauthorized",
        403 => " Forbidden",
        404 => " Not Found",
        413 => " Payload Too Large",
        429 => " Too Many Requests",
        500 => " Internal Server Error",
        502 => " Bad Gateway",
        503 => " Service Unavailable",
        504 => " Gateway Timeout",
        _ => "",
    }
}

/// The most characters of a server's message kept in an error.
const MAX_MESSAGE_CHARS: usize = 200;

/// The server's message: a JSON body's `error` (sockudo, soketi) or the text (Pusher), trimmed
/// and shortened. Dropped if it quotes a signed query, which a message should not repeat.
fn server_message(body: &[u8]) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct ErrorBody {
        error: String,
    }
    let text = match serde_json::from_slice::<ErrorBody>(body) {
        Ok(parsed) => parsed.error,
        Err(_) => String::from_utf8_lossy(body).into_owned(),
    };
    let text = text.trim();
    if text.is_empty() || text.contains("auth_signature") {
        return None;
    }
    let mut shown: String = text
        .chars()
        .take(MAX_MESSAGE_CHARS)
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if text.chars().nth(MAX_MESSAGE_CHARS).is_some() {
        shown.push('…');
    }
    Some(shown)
}

impl fmt::Display for EventsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EventsError::Limit {
                what,
                limit,
                actual,
            } => limits::describe(f, *what, *limit, *actual),
            EventsError::InBatch { index, error } => write!(f, "batch event {index}: {error}"),
            EventsError::EmptyBatch => f.write_str("the batch holds no event"),
            EventsError::EmptyEventName => f.write_str("the event name is empty"),
            EventsError::NoChannels => {
                f.write_str("the trigger names no channel; give between 1 and 100")
            }
            EventsError::InvalidChannel { index, error } => {
                write!(f, "channel {index} of the request: {error}")
            }
            EventsError::EncryptedChannel { index } => write!(
                f,
                "channel {index} of the request is a `private-encrypted-` channel, whose data is \
                 encrypted for it alone; trigger it on its own, with the `encryption` feature \
                 and `PUSHER_ENCRYPTION_MASTER_KEY_BASE64` set"
            ),
            EventsError::InvalidSocketId => f.write_str(
                "invalid socket id to exclude; expected two numbers joined by a dot, like \
                 `1234.5678`",
            ),
            EventsError::NotPresenceChannel => {
                f.write_str("presence users can only be listed for a `presence-` channel")
            }
            EventsError::UserCountNeedsPresence => f.write_str(
                "`user_count` is only known for presence channels; ask it of a `presence-` \
                 channel, or list channels with the prefix `presence-`",
            ),
            EventsError::InvalidUserId => f.write_str(
                "invalid user id; expected 1 to 149 letters, digits or `-_=@,.;` (it names the \
                 channel `#server-to-user-<id>`)",
            ),
            EventsError::Http {
                status,
                meaning,
                message,
            } => {
                write!(
                    f,
                    "the server answered {status}{}: {meaning}",
                    reason_phrase(*status)
                )?;
                match message {
                    Some(message) => write!(f, " (it said `{message}`)"),
                    None => Ok(()),
                }
            }
            EventsError::InvalidResponse { status, reason } => write!(
                f,
                "the server answered {status} with a body that is not the expected JSON: \
                 {reason}"
            ),
            EventsError::Timeout(timeout) => write!(
                f,
                "no answer within {timeout:?}; check that the host is reachable, or allow more \
                 time (`Client::with_timeout`)"
            ),
            EventsError::Network(cause) => write!(f, "cannot reach the server: {cause}"),
            EventsError::InvalidUrl => f.write_str(
                "the configured host and port do not make a valid URL; check `PUSHER_HOST`",
            ),
        }
    }
}

/// The causes are part of the message (`batch event 2: …`), so no `source()`.
impl Error for EventsError {}
