//! Pusher's WebSocket close and error codes (4000–4399): what each means and what to do.
//!
//! The codes and ranges are those of the Pusher Channels protocol (version 7), "Connection
//! closure" and "Error codes" in Pusher's `pusher-websockets-protocol.md`:
//!
//! | range | meaning | [`Retry`] |
//! |---|---|---|
//! | 4000–4099 | the connection must not be re-established unchanged | [`Retry::Never`] |
//! | 4100–4199 | reconnect after backing off, at least 1 s | [`Retry::AfterBackoff`] |
//! | 4200–4299 | reconnect immediately | [`Retry::Immediately`] |
//! | 4300–4399 | any other error | [`Retry::AfterBackoff`] |
//!
//! ```
//! # extern crate pusher_config_core as pusher_config;
//! use pusher_config::close_code::{CloseCode, Retry};
//!
//! let code = CloseCode::from_u16(4001).unwrap();
//! assert_eq!(code, CloseCode::AppDoesNotExist);
//! assert_eq!(code.retry(), Retry::Never);
//! assert_eq!(code.to_string(), "4001 app does not exist");
//! assert!(code.what_to_do().contains("cluster"));
//! ```

use std::fmt;
use std::ops::RangeInclusive;

/// What a client should do after the server closed the connection with a given code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Retry {
    /// Do not reconnect with the same parameters: it cannot succeed (4000–4099). Fix the
    /// configuration (key, cluster, TLS, protocol) first.
    Never,
    /// Reconnect after backing off, at least 1 s, longer on consecutive failures (4100–4199;
    /// also used for 4300–4399 and for codes outside Pusher's ranges, such as 1006 when the
    /// network drops).
    AfterBackoff,
    /// Reconnect now (4200–4299): the server closed a healthy app's connection on purpose.
    Immediately,
}

impl Retry {
    /// What to do after a close with `code`, any code: Pusher's (4000–4399) by its range,
    /// any other (1000 normal closure, 1006 abnormal closure…) [`Retry::AfterBackoff`].
    ///
    /// ```
    /// # extern crate pusher_config_core as pusher_config;
    /// use pusher_config::close_code::Retry;
    /// assert_eq!(Retry::after_close(4009), Retry::Never);
    /// assert_eq!(Retry::after_close(4201), Retry::Immediately);
    /// assert_eq!(Retry::after_close(1006), Retry::AfterBackoff);
    /// ```
    pub const fn after_close(code: u16) -> Retry {
        match CloseCode::from_u16(code) {
            Some(code) => code.retry(),
            None => Retry::AfterBackoff,
        }
    }
}

/// A Pusher close or error code (4000–4399), sent as the WebSocket close code or as the
/// `code` of a `pusher:error` event.
///
/// The named variants are the codes Pusher documents; a code that Pusher has not named keeps
/// its number in the variant of its range, so that its [`CloseCode::retry`] still follows the
/// protocol.
///
/// Pusher may document new codes, so the enum may gain variants: a `match` on it needs a `_`
/// arm, and [`CloseCode::retry`] is the way to decide what to do with any code.
///
/// ```
/// # extern crate pusher_config_core as pusher_config;
/// use pusher_config::close_code::{CloseCode, Retry};
///
/// // The code of a WebSocket close frame, or of a `pusher:error` event.
/// let code = CloseCode::from_u16(4009).expect("a Pusher code");
/// assert_eq!(code, CloseCode::Unauthorized);
/// assert_eq!(code.as_u16(), 4009);
/// match code.retry() {
///     Retry::Never => assert!(!code.should_reconnect()),
///     Retry::AfterBackoff | Retry::Immediately => unreachable!("4000–4099 never reconnect"),
/// }
/// // A code Pusher has not named keeps its number, and its range's advice.
/// assert_eq!(CloseCode::from_u16(4150), Some(CloseCode::OtherBackoff(4150)));
/// assert_eq!(CloseCode::OtherBackoff(4150).retry(), Retry::AfterBackoff);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CloseCode {
    /// 4000: the app accepts TLS connections only; reconnect with `wss://`.
    TlsOnly,
    /// 4001: the app does not exist: a wrong key, or the right key in the wrong cluster.
    AppDoesNotExist,
    /// 4003: the app is disabled.
    AppDisabled,
    /// 4004: the app is over its connection quota.
    OverConnectionQuota,
    /// 4005: path not found.
    PathNotFound,
    /// 4006: invalid version string format.
    InvalidVersion,
    /// 4007: unsupported protocol version.
    UnsupportedProtocol,
    /// 4008: no protocol version supplied.
    NoProtocol,
    /// 4009: the connection is unauthorized.
    Unauthorized,
    /// Another code in 4000–4099: do not reconnect unchanged.
    OtherNoRetry(u16),
    /// 4100: over capacity; reconnect after at least 1 s.
    OverCapacity,
    /// Another code in 4100–4199: reconnect after backing off.
    OtherBackoff(u16),
    /// 4200: generic "reconnect immediately".
    ReconnectImmediately,
    /// 4201: the server sent a ping and received no pong.
    PongNotReceived,
    /// 4202: closed after inactivity (a client that supports no ping).
    ClosedForInactivity,
    /// Another code in 4200–4299: reconnect immediately.
    OtherImmediately(u16),
    /// 4301: a client event was rejected by the rate limit.
    ClientEventRateLimit,
    /// 4302: the watchlist is over its limit.
    WatchlistLimit,
    /// Another code in 4300–4399: any other error.
    OtherError(u16),
}

/// Every attribute of one code: [`ROWS`] holds one row per [`CloseCode`] variant.
struct Row {
    /// The variant. An `Other…` variant's number here is a placeholder (0): a code built from
    /// the row holds its own number.
    variant: CloseCode,
    /// The numbers of the row: a named code's own, or the whole hundred for an `Other…`
    /// variant, whose named codes come before it in [`ROWS`] and win.
    codes: RangeInclusive<u16>,
    /// Whether and when to reconnect: the retry of the range the codes lie in.
    retry: Retry,
    /// What the code means, in a few words.
    meaning: &'static str,
    /// What to do about it.
    what_to_do: &'static str,
}

/// The advice shared by the three protocol-version codes.
const SEND_THE_PROTOCOL: &str = "send `protocol=7` and a `version` in the connection URL's query";
/// The advice shared by the codes that ask for backoff.
const BACK_OFF: &str =
    "reconnect after at least 1 s, backing off exponentially on repeated failures";
/// The advice shared by the codes that ask to reconnect at once.
const RECONNECT_NOW: &str = "reconnect now, with the same parameters";

/// One row per variant, in the enum's order: every named code before the `Other…` variant of
/// its hundred.
static ROWS: [Row; 19] = [
    Row {
        variant: CloseCode::TlsOnly,
        codes: 4000..=4000,
        retry: Retry::Never,
        meaning: "the app accepts TLS connections only",
        what_to_do: "connect with `wss://` (force TLS); the app refuses plain `ws://`",
    },
    Row {
        variant: CloseCode::AppDoesNotExist,
        codes: 4001..=4001,
        retry: Retry::Never,
        meaning: "app does not exist",
        what_to_do: "check the key and the cluster: this is a wrong key (often another \
             provider's key, or a placeholder) or the right key in the wrong cluster; \
             the dashboard's App Keys page shows both. Browsers may report this close \
             as \"Invalid frame header\": Pusher's older 4001 close reason was longer than \
             the 125 bytes RFC 6455 §5.5 allows in a control frame, so the browser saw a \
             broken frame instead of the reason",
    },
    Row {
        variant: CloseCode::AppDisabled,
        codes: 4003..=4003,
        retry: Retry::Never,
        meaning: "app disabled",
        what_to_do: "enable the app in Pusher's dashboard, or use an app that is enabled",
    },
    Row {
        variant: CloseCode::OverConnectionQuota,
        codes: 4004..=4004,
        retry: Retry::Never,
        meaning: "app is over its connection quota",
        what_to_do: "the plan's concurrent connection limit is reached: close unused \
             connections or upgrade the plan; reconnecting now will fail again",
    },
    Row {
        variant: CloseCode::PathNotFound,
        codes: 4005..=4005,
        retry: Retry::Never,
        meaning: "path not found",
        what_to_do: "connect to `/app/{key}` on the WebSocket host",
    },
    Row {
        variant: CloseCode::InvalidVersion,
        codes: 4006..=4006,
        retry: Retry::Never,
        meaning: "invalid version string format",
        what_to_do: SEND_THE_PROTOCOL,
    },
    Row {
        variant: CloseCode::UnsupportedProtocol,
        codes: 4007..=4007,
        retry: Retry::Never,
        meaning: "unsupported protocol version",
        what_to_do: SEND_THE_PROTOCOL,
    },
    Row {
        variant: CloseCode::NoProtocol,
        codes: 4008..=4008,
        retry: Retry::Never,
        meaning: "no protocol version supplied",
        what_to_do: SEND_THE_PROTOCOL,
    },
    Row {
        variant: CloseCode::Unauthorized,
        codes: 4009..=4009,
        retry: Retry::Never,
        meaning: "connection is unauthorized",
        what_to_do: "the server refused the connection: if the app requires user \
             authentication, sign the connection in (`pusher:signin`) with valid credentials",
    },
    Row {
        variant: CloseCode::OtherNoRetry(0),
        codes: 4000..=4099,
        retry: Retry::Never,
        meaning: "error; reconnecting unchanged will not succeed",
        what_to_do: "fix the configuration before reconnecting; the same parameters will fail \
             again",
    },
    Row {
        variant: CloseCode::OverCapacity,
        codes: 4100..=4100,
        retry: Retry::AfterBackoff,
        meaning: "over capacity",
        what_to_do: BACK_OFF,
    },
    Row {
        variant: CloseCode::OtherBackoff(0),
        codes: 4100..=4199,
        retry: Retry::AfterBackoff,
        meaning: "error; reconnect after backing off",
        what_to_do: BACK_OFF,
    },
    Row {
        variant: CloseCode::ReconnectImmediately,
        codes: 4200..=4200,
        retry: Retry::Immediately,
        meaning: "reconnect immediately",
        what_to_do: RECONNECT_NOW,
    },
    Row {
        variant: CloseCode::PongNotReceived,
        codes: 4201..=4201,
        retry: Retry::Immediately,
        meaning: "pong reply not received",
        what_to_do: "reconnect now; answer the server's pings (or `pusher:ping`) to stay \
             connected",
    },
    Row {
        variant: CloseCode::ClosedForInactivity,
        codes: 4202..=4202,
        retry: Retry::Immediately,
        meaning: "closed after inactivity",
        what_to_do: "reconnect now; send pings (protocol 5 or later) to stay connected",
    },
    Row {
        variant: CloseCode::OtherImmediately(0),
        codes: 4200..=4299,
        retry: Retry::Immediately,
        meaning: "closed; reconnect immediately",
        what_to_do: RECONNECT_NOW,
    },
    Row {
        variant: CloseCode::ClientEventRateLimit,
        codes: 4301..=4301,
        retry: Retry::AfterBackoff,
        meaning: "client event rejected due to rate limit",
        what_to_do: "send fewer client events: Pusher rate-limits them per connection",
    },
    Row {
        variant: CloseCode::WatchlistLimit,
        codes: 4302..=4302,
        retry: Retry::AfterBackoff,
        meaning: "watchlist over its limit",
        what_to_do: "watch fewer user ids",
    },
    Row {
        variant: CloseCode::OtherError(0),
        codes: 4300..=4399,
        retry: Retry::AfterBackoff,
        meaning: "error",
        what_to_do: "read the close reason; reconnect after backing off",
    },
];

impl CloseCode {
    /// The code for `code`, or `None` outside Pusher's 4000–4399.
    ///
    /// ```
    /// # extern crate pusher_config_core as pusher_config;
    /// use pusher_config::close_code::CloseCode;
    /// assert_eq!(CloseCode::from_u16(4100), Some(CloseCode::OverCapacity));
    /// assert_eq!(CloseCode::from_u16(4150), Some(CloseCode::OtherBackoff(4150)));
    /// assert_eq!(CloseCode::from_u16(1006), None);
    /// ```
    pub const fn from_u16(code: u16) -> Option<CloseCode> {
        // The first row that holds `code`: a named code's row comes before its hundred's.
        let mut i = 0;
        while i < ROWS.len() {
            let row = &ROWS[i];
            if *row.codes.start() <= code && code <= *row.codes.end() {
                return Some(row.variant.with_number(code));
            }
            i += 1;
        }
        None
    }

    /// This variant holding `code`: an `Other…` variant takes it, a named one is itself.
    const fn with_number(self, code: u16) -> CloseCode {
        match self {
            CloseCode::OtherNoRetry(_) => CloseCode::OtherNoRetry(code),
            CloseCode::OtherBackoff(_) => CloseCode::OtherBackoff(code),
            CloseCode::OtherImmediately(_) => CloseCode::OtherImmediately(code),
            CloseCode::OtherError(_) => CloseCode::OtherError(code),
            named => named,
        }
    }

    /// This variant's row in [`ROWS`]: the one place a variant is mapped to its attributes.
    const fn row(self) -> &'static Row {
        let index = match self {
            CloseCode::TlsOnly => 0,
            CloseCode::AppDoesNotExist => 1,
            CloseCode::AppDisabled => 2,
            CloseCode::OverConnectionQuota => 3,
            CloseCode::PathNotFound => 4,
            CloseCode::InvalidVersion => 5,
            CloseCode::UnsupportedProtocol => 6,
            CloseCode::NoProtocol => 7,
            CloseCode::Unauthorized => 8,
            CloseCode::OtherNoRetry(_) => 9,
            CloseCode::OverCapacity => 10,
            CloseCode::OtherBackoff(_) => 11,
            CloseCode::ReconnectImmediately => 12,
            CloseCode::PongNotReceived => 13,
            CloseCode::ClosedForInactivity => 14,
            CloseCode::OtherImmediately(_) => 15,
            CloseCode::ClientEventRateLimit => 16,
            CloseCode::WatchlistLimit => 17,
            CloseCode::OtherError(_) => 18,
        };
        &ROWS[index]
    }

    /// The numeric code.
    pub const fn as_u16(self) -> u16 {
        match self {
            CloseCode::OtherNoRetry(code)
            | CloseCode::OtherBackoff(code)
            | CloseCode::OtherImmediately(code)
            | CloseCode::OtherError(code) => code,
            named => *named.row().codes.start(),
        }
    }

    /// Whether and when to reconnect, by the code's range.
    pub const fn retry(self) -> Retry {
        self.row().retry
    }

    /// Whether a client may reconnect at all (after [`CloseCode::retry`]'s wait).
    pub const fn should_reconnect(self) -> bool {
        !matches!(self.retry(), Retry::Never)
    }

    /// What the code means, in a few words.
    pub const fn meaning(self) -> &'static str {
        self.row().meaning
    }

    /// What to do about it.
    pub const fn what_to_do(self) -> &'static str {
        self.row().what_to_do
    }
}

impl From<CloseCode> for u16 {
    fn from(code: CloseCode) -> u16 {
        code.as_u16()
    }
}

impl fmt::Display for CloseCode {
    /// `4001 app does not exist`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.as_u16(), self.meaning())
    }
}

impl fmt::Display for Retry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Retry::Never => "do not reconnect unchanged",
            Retry::AfterBackoff => "reconnect after backing off",
            Retry::Immediately => "reconnect immediately",
        })
    }
}

#[cfg(test)]
mod tests;
