//! The REST check: a signed `GET /apps/{app_id}/channels`, and what its answer says about the
//! app id, key, secret and clock.

use std::time::{SystemTime, UNIX_EPOCH};

use super::options::{Endpoint, Options};
use super::report::excerpt;
use super::{Check, CheckKind, Outcome};
use crate::PusherConfig;

/// At most this much of an answer's body is read.
const BODY_LIMIT: u64 = 16 * 1024;

/// Where the config's REST API is.
fn endpoint(config: &PusherConfig, options: &Options) -> Endpoint {
    match config.host() {
        None => options.cluster_endpoint(config.cluster().as_str(), "api"),
        Some(host) => {
            let scheme = config.scheme();
            let port = config
                .port()
                .unwrap_or(if scheme.is_tls() { 443 } else { 80 });
            Endpoint::new(scheme, host.as_str(), port)
        }
    }
}

pub(super) fn check(config: &PusherConfig, options: &Options) -> Check {
    let endpoint = endpoint(config, options);
    let path = config.api_path("/channels");
    let target = format!("GET {endpoint}{path}");
    let (outcome, answer) = call(config, options, &endpoint, &path);
    Check::new(CheckKind::Rest, target, outcome, answer)
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

fn call(
    config: &PusherConfig,
    options: &Options,
    endpoint: &Endpoint,
    path: &str,
) -> (Outcome, String) {
    let timestamp = now();
    // The secret keys this HMAC and goes nowhere else.
    let query = match config.sign_request("GET", path, &[], "", timestamp) {
        Ok(query) => query,
        Err(err) => {
            return (
                Outcome::NotChecked {
                    why: format!("the request cannot be signed: {err}"),
                },
                String::new(),
            )
        }
    };
    let url = format!(
        "{}://{}{path}?{query}",
        endpoint.scheme(),
        endpoint.authority()
    );
    let agent = ureq::Agent::config_builder()
        .timeout_global(Some(options.timeout()))
        .http_status_as_error(false)
        .max_redirects(0)
        .proxy(None)
        .user_agent(concat!("pusher-config/", env!("CARGO_PKG_VERSION")))
        .build()
        .new_agent();
    let key = config.key().as_str();
    let secret = config.secret().expose_secret();
    match agent.get(&url).call() {
        Ok(mut response) => {
            let status = response.status().as_u16();
            let date = response
                .headers()
                .get("date")
                .and_then(|value| value.to_str().ok())
                .map(str::to_owned);
            let body = response
                .body_mut()
                .with_config()
                .limit(BODY_LIMIT)
                .read_to_string()
                .unwrap_or_default();
            let outcome = classify(status, &body, date.as_deref(), timestamp);
            let answer = if body.trim().is_empty() {
                status.to_string()
            } else {
                format!("{status} `{}`", excerpt(body.trim(), key, Some(secret)))
            };
            (outcome, answer)
        }
        Err(err) => (outcome_of_error(err, options), String::new()),
    }
}

fn outcome_of_error(err: ureq::Error, options: &Options) -> Outcome {
    let timeout = options.timeout();
    match err {
        ureq::Error::Timeout(_) => Outcome::Timeout { after: timeout },
        ureq::Error::HostNotFound => Outcome::Unreachable {
            why: "the host name did not resolve".into(),
        },
        ureq::Error::Io(err) => super::net::outcome_of_io(&err, timeout),
        ureq::Error::Rustls(err) => Outcome::Tls {
            why: err.to_string(),
        },
        ureq::Error::Tls(why) => Outcome::Tls { why: why.into() },
        ureq::Error::Protocol(err) => Outcome::Unreachable {
            why: format!("the answer is not HTTP ({err})"),
        },
        err => Outcome::Unreachable {
            why: err.to_string(),
        },
    }
}

/// What an answer to the signed call means. `sent` is the request's `auth_timestamp`; `date`
/// the answer's `Date` header.
///
/// Matched on the body's words, which both Pusher (plain text) and sockudo (JSON `error`)
/// put there; see the tests for the answers each gives.
pub(super) fn classify(status: u16, body: &str, date: Option<&str>, sent: u64) -> Outcome {
    let text = body.to_ascii_lowercase();
    let says = |words: &[&str]| words.iter().any(|w| text.contains(w));
    if status == 200 {
        return Outcome::Ok;
    }
    if says(&["timestamp"]) && says(&["expired", "within", "range", "skew"]) {
        let seconds = offset_from_body(body).or_else(|| {
            date.and_then(parse_http_date)
                .map(|server| signed_diff(sent, server))
        });
        if let Some(seconds) = seconds {
            return Outcome::ClockOffset { seconds };
        }
    }
    if says(&["signature"]) {
        return Outcome::WrongSecret;
    }
    if says(&[
        "does not match route app_id",
        "token belongs to",
        "app id",
        "app_id",
        "unknown app",
    ]) && !says(&["app key", "auth_key"])
    {
        return Outcome::UnknownApp;
    }
    if says(&[
        "auth_key",
        "app key",
        "application key",
        "unknown key",
        "invalid key",
    ]) {
        return Outcome::UnknownKey {
            belongs_to: None,
            probed: Vec::new(),
            unanswered: Vec::new(),
        };
    }
    if says(&["disabled"]) {
        return Outcome::AppDisabled;
    }
    if says(&["quota", "limit exceeded", "over capacity"]) {
        return Outcome::OverQuota;
    }
    if status == 404 && says(&["app"]) {
        return Outcome::UnknownApp;
    }
    Outcome::UnexpectedAnswer
}

/// `a - b` in seconds, saturating.
fn signed_diff(a: u64, b: u64) -> i64 {
    if a >= b {
        i64::try_from(a - b).unwrap_or(i64::MAX)
    } else {
        i64::try_from(b - a).map_or(i64::MIN, |d| -d)
    }
}

/// Pusher's `Timestamp expired: Given timestamp (1353088179) not within 600s of server time
/// (1353089000)`: the given minus the server's time.
fn offset_from_body(body: &str) -> Option<i64> {
    let mut numbers = body.split('(').skip(1).filter_map(|part| {
        let end = part.find(')')?;
        part[..end].trim().parse::<u64>().ok()
    });
    let given = numbers.next()?;
    let server = numbers.next()?;
    Some(signed_diff(given, server))
}

/// An HTTP `Date` (IMF-fixdate, `Sun, 06 Nov 1994 08:49:37 GMT`) as Unix seconds.
fn parse_http_date(date: &str) -> Option<u64> {
    let mut parts = date.split_whitespace().skip(1);
    let day: u64 = parts.next()?.parse().ok()?;
    let month_name = parts.next()?;
    let month = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]
    .iter()
    .position(|&m| m == month_name)? as u64
        + 1;
    let year: u64 = parts.next()?.parse().ok()?;
    let mut time = parts.next()?.split(':').map(|n| n.parse::<u64>().ok());
    let (h, m, s) = (time.next()??, time.next()??, time.next()??);
    if parts.next()? != "GMT" || year < 1970 {
        return None;
    }
    // Days from the civil date (Howard Hinnant's algorithm), March-based years.
    let (y, mo) = if month <= 2 {
        (year - 1, month + 9)
    } else {
        (year, month - 3)
    };
    let era = y / 400;
    let yoe = y - era * 400;
    let doy = (153 * mo + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    Some(days * 86_400 + h * 3600 + m * 60 + s)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// sockudo 5.2.0's answers, measured on loopback (`scripts/e2e-sockudo.sh` checks them
    /// again against the running server).
    #[test]
    fn sockudo_answers() {
        let classify = |status, body| classify(status, body, None, 0);
        assert_eq!(classify(200, r#"{"channels":{}}"#), Outcome::Ok);
        assert_eq!(
            classify(
                401,
                r#"{"error":"Invalid API signature","code":"auth_failed"}"#
            ),
            Outcome::WrongSecret
        );
        assert!(matches!(
            classify(
                404,
                r#"{"error":"Application key not found or invalid: Invalid app key","code":"app_not_found"}"#
            ),
            Outcome::UnknownKey {
                belongs_to: None,
                ..
            }
        ));
        assert_eq!(
            classify(
                401,
                r#"{"error":"Authenticated app does not match route app_id","code":"auth_failed"}"#
            ),
            Outcome::UnknownApp
        );
    }

    /// Pusher's hosted answers, as its HTTP API reference and official libraries show them.
    #[test]
    fn pusher_answers() {
        let classify = |status, body| classify(status, body, None, 0);
        assert_eq!(
            classify(
                401,
                "Invalid signature: Expected HMAC SHA256 hex digest of GET\n/apps/3/channels\nauth_key=…"
            ),
            Outcome::WrongSecret
        );
        assert!(matches!(
            classify(400, "Unknown auth_key"),
            Outcome::UnknownKey { .. }
        ));
        assert_eq!(classify(404, "Unknown app"), Outcome::UnknownApp);
        assert_eq!(classify(403, "App is disabled"), Outcome::AppDisabled);
        assert_eq!(classify(403, "Message quota exceeded"), Outcome::OverQuota);
        assert_eq!(
            classify(502, "<html>Bad gateway</html>"),
            Outcome::UnexpectedAnswer
        );
        assert_eq!(
            classify(
                401,
                "Timestamp expired: Given timestamp (1353088179) not within 600s of server time (1353089000)"
            ),
            Outcome::ClockOffset { seconds: -821 }
        );
    }

    #[test]
    fn clock_offset_from_the_date_header() {
        // 2024-01-01T00:00:00Z is 1704067200.
        assert_eq!(
            parse_http_date("Mon, 01 Jan 2024 00:00:00 GMT"),
            Some(1_704_067_200)
        );
        assert_eq!(
            parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT"),
            Some(784_111_777)
        );
        assert_eq!(parse_http_date("yesterday"), None);
        assert_eq!(
            classify(
                401,
                "Timestamp expired",
                Some("Mon, 01 Jan 2024 00:00:00 GMT"),
                1_704_068_000
            ),
            Outcome::ClockOffset { seconds: 800 }
        );
    }
}
