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
//! use pusher_config::close_code::{CloseCode, Retry};
//!
//! let code = CloseCode::from_u16(4001).unwrap();
//! assert_eq!(code, CloseCode::AppDoesNotExist);
//! assert_eq!(code.retry(), Retry::Never);
//! assert_eq!(code.to_string(), "4001 app does not exist");
//! assert!(code.what_to_do().contains("cluster"));
//! ```

use std::fmt;

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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
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

impl CloseCode {
    /// The code for `code`, or `None` outside Pusher's 4000–4399.
    ///
    /// ```
    /// use pusher_config::close_code::CloseCode;
    /// assert_eq!(CloseCode::from_u16(4100), Some(CloseCode::OverCapacity));
    /// assert_eq!(CloseCode::from_u16(4150), Some(CloseCode::OtherBackoff(4150)));
    /// assert_eq!(CloseCode::from_u16(1006), None);
    /// ```
    pub const fn from_u16(code: u16) -> Option<CloseCode> {
        Some(match code {
            4000 => CloseCode::TlsOnly,
            4001 => CloseCode::AppDoesNotExist,
            4003 => CloseCode::AppDisabled,
            4004 => CloseCode::OverConnectionQuota,
            4005 => CloseCode::PathNotFound,
            4006 => CloseCode::InvalidVersion,
            4007 => CloseCode::UnsupportedProtocol,
            4008 => CloseCode::NoProtocol,
            4009 => CloseCode::Unauthorized,
            4002 | 4010..=4099 => CloseCode::OtherNoRetry(code),
            4100 => CloseCode::OverCapacity,
            4101..=4199 => CloseCode::OtherBackoff(code),
            4200 => CloseCode::ReconnectImmediately,
            4201 => CloseCode::PongNotReceived,
            4202 => CloseCode::ClosedForInactivity,
            4203..=4299 => CloseCode::OtherImmediately(code),
            4301 => CloseCode::ClientEventRateLimit,
            4302 => CloseCode::WatchlistLimit,
            4300 | 4303..=4399 => CloseCode::OtherError(code),
            _ => return None,
        })
    }

    /// The numeric code.
    pub const fn as_u16(self) -> u16 {
        match self {
            CloseCode::TlsOnly => 4000,
            CloseCode::AppDoesNotExist => 4001,
            CloseCode::AppDisabled => 4003,
            CloseCode::OverConnectionQuota => 4004,
            CloseCode::PathNotFound => 4005,
            CloseCode::InvalidVersion => 4006,
            CloseCode::UnsupportedProtocol => 4007,
            CloseCode::NoProtocol => 4008,
            CloseCode::Unauthorized => 4009,
            CloseCode::OverCapacity => 4100,
            CloseCode::ReconnectImmediately => 4200,
            CloseCode::PongNotReceived => 4201,
            CloseCode::ClosedForInactivity => 4202,
            CloseCode::ClientEventRateLimit => 4301,
            CloseCode::WatchlistLimit => 4302,
            CloseCode::OtherNoRetry(code)
            | CloseCode::OtherBackoff(code)
            | CloseCode::OtherImmediately(code)
            | CloseCode::OtherError(code) => code,
        }
    }

    /// Whether and when to reconnect, by the code's range.
    pub const fn retry(self) -> Retry {
        match self.as_u16() {
            4000..=4099 => Retry::Never,
            4200..=4299 => Retry::Immediately,
            _ => Retry::AfterBackoff,
        }
    }

    /// Whether a client may reconnect at all (after [`CloseCode::retry`]'s wait).
    pub const fn should_reconnect(self) -> bool {
        !matches!(self.retry(), Retry::Never)
    }

    /// What the code means, in a few words.
    pub const fn meaning(self) -> &'static str {
        match self {
            CloseCode::TlsOnly => "the app accepts TLS connections only",
            CloseCode::AppDoesNotExist => "app does not exist",
            CloseCode::AppDisabled => "app disabled",
            CloseCode::OverConnectionQuota => "app is over its connection quota",
            CloseCode::PathNotFound => "path not found",
            CloseCode::InvalidVersion => "invalid version string format",
            CloseCode::UnsupportedProtocol => "unsupported protocol version",
            CloseCode::NoProtocol => "no protocol version supplied",
            CloseCode::Unauthorized => "connection is unauthorized",
            CloseCode::OtherNoRetry(_) => "error; reconnecting unchanged will not succeed",
            CloseCode::OverCapacity => "over capacity",
            CloseCode::OtherBackoff(_) => "error; reconnect after backing off",
            CloseCode::ReconnectImmediately => "reconnect immediately",
            CloseCode::PongNotReceived => "pong reply not received",
            CloseCode::ClosedForInactivity => "closed after inactivity",
            CloseCode::OtherImmediately(_) => "closed; reconnect immediately",
            CloseCode::ClientEventRateLimit => "client event rejected due to rate limit",
            CloseCode::WatchlistLimit => "watchlist over its limit",
            CloseCode::OtherError(_) => "error",
        }
    }

    /// What to do about it.
    pub const fn what_to_do(self) -> &'static str {
        match self {
            CloseCode::TlsOnly => {
                "connect with `wss://` (force TLS); the app refuses plain `ws://`"
            }
            CloseCode::AppDoesNotExist => {
                "check the key and the cluster: this is a wrong key (often another \
                 provider's key, or a placeholder) or the right key in the wrong cluster; \
                 the dashboard's App Keys page shows both. Browsers may report this close \
                 as \"Invalid frame header\": Pusher's older 4001 close reason was longer than \
                 the 125 bytes RFC 6455 §5.5 allows in a control frame, so the browser saw a \
                 broken frame instead of the reason"
            }
            CloseCode::AppDisabled => {
                "enable the app in Pusher's dashboard, or use an app that is enabled"
            }
            CloseCode::OverConnectionQuota => {
                "the plan's concurrent connection limit is reached: close unused \
                 connections or upgrade the plan; reconnecting now will fail again"
            }
            CloseCode::PathNotFound => "connect to `/app/{key}` on the WebSocket host",
            CloseCode::InvalidVersion | CloseCode::UnsupportedProtocol | CloseCode::NoProtocol => {
                "send `protocol=7` and a `version` in the connection URL's query"
            }
            CloseCode::Unauthorized => {
                "the server refused the connection: if the app requires user authentication, \
                 sign the connection in (`pusher:signin`) with valid credentials"
            }
            CloseCode::OtherNoRetry(_) => {
                "fix the configuration before reconnecting; the same parameters will fail again"
            }
            CloseCode::OverCapacity | CloseCode::OtherBackoff(_) => {
                "reconnect after at least 1 s, backing off exponentially on repeated failures"
            }
            CloseCode::ReconnectImmediately | CloseCode::OtherImmediately(_) => {
                "reconnect now, with the same parameters"
            }
            CloseCode::PongNotReceived => {
                "reconnect now; answer the server's pings (or `pusher:ping`) to stay connected"
            }
            CloseCode::ClosedForInactivity => {
                "reconnect now; send pings (protocol 5 or later) to stay connected"
            }
            CloseCode::ClientEventRateLimit => {
                "send fewer client events: Pusher rate-limits them per connection"
            }
            CloseCode::WatchlistLimit => "watch fewer user ids",
            CloseCode::OtherError(_) => "read the close reason; reconnect after backing off",
        }
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
mod tests {
    use super::*;

    #[test]
    fn every_pusher_code_round_trips_and_nothing_else_parses() {
        for code in 0..=u16::MAX {
            match CloseCode::from_u16(code) {
                Some(parsed) => {
                    assert!((4000..=4399).contains(&code), "{code}");
                    assert_eq!(parsed.as_u16(), code);
                    assert_eq!(u16::from(parsed), code);
                }
                None => assert!(!(4000..=4399).contains(&code), "{code}"),
            }
        }
    }

    #[test]
    fn retry_follows_the_protocol_ranges() {
        for code in 4000..=4099 {
            assert_eq!(Retry::after_close(code), Retry::Never, "{code}");
        }
        for code in 4100..=4199 {
            assert_eq!(Retry::after_close(code), Retry::AfterBackoff, "{code}");
        }
        for code in 4200..=4299 {
            assert_eq!(Retry::after_close(code), Retry::Immediately, "{code}");
        }
        for code in [4300, 4301, 4302, 4399, 1000, 1006, 1011, 3000, 4400, 4999] {
            assert_eq!(Retry::after_close(code), Retry::AfterBackoff, "{code}");
        }
    }

    #[test]
    fn documented_codes_have_their_own_variant() {
        let named = [
            (4000, CloseCode::TlsOnly),
            (4001, CloseCode::AppDoesNotExist),
            (4003, CloseCode::AppDisabled),
            (4004, CloseCode::OverConnectionQuota),
            (4005, CloseCode::PathNotFound),
            (4006, CloseCode::InvalidVersion),
            (4007, CloseCode::UnsupportedProtocol),
            (4008, CloseCode::NoProtocol),
            (4009, CloseCode::Unauthorized),
            (4100, CloseCode::OverCapacity),
            (4200, CloseCode::ReconnectImmediately),
            (4201, CloseCode::PongNotReceived),
            (4202, CloseCode::ClosedForInactivity),
            (4301, CloseCode::ClientEventRateLimit),
            (4302, CloseCode::WatchlistLimit),
        ];
        for (code, variant) in named {
            assert_eq!(CloseCode::from_u16(code), Some(variant));
        }
        assert_eq!(
            CloseCode::from_u16(4002),
            Some(CloseCode::OtherNoRetry(4002))
        );
        assert_eq!(
            CloseCode::from_u16(4203),
            Some(CloseCode::OtherImmediately(4203))
        );
        assert_eq!(CloseCode::from_u16(4300), Some(CloseCode::OtherError(4300)));
    }

    #[test]
    fn app_does_not_exist_explains_invalid_frame_header() {
        let text = CloseCode::AppDoesNotExist.what_to_do();
        for needle in ["Invalid frame header", "125 bytes", "RFC 6455", "cluster"] {
            assert!(text.contains(needle), "{needle}: {text}");
        }
    }

    #[test]
    fn display_is_code_and_meaning() {
        assert_eq!(
            CloseCode::TlsOnly.to_string(),
            "4000 the app accepts TLS connections only"
        );
        assert_eq!(CloseCode::OtherError(4399).to_string(), "4399 error");
        assert_eq!(Retry::Never.to_string(), "do not reconnect unchanged");
        assert!(!CloseCode::AppDisabled.should_reconnect());
        assert!(CloseCode::OverCapacity.should_reconnect());
    }
}
