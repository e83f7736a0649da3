//! The WebSocket check: the handshake pusher-js makes, then the first event; after a 4001 on
//! Pusher's hosted service, the same on the other clusters.

use std::thread;
use std::time::Instant;

use tungstenite::error::ProtocolError;
use tungstenite::handshake::HandshakeError;
use tungstenite::{Error, Message, WebSocket};

use super::net::{self, Conn};
use super::options::{Endpoint, Options};
use super::report::excerpt;
use super::{Check, CheckKind, Outcome};
use crate::connect::ClientOptions;
use crate::mask::MaskedPlain;
use crate::{Cluster, PusherConfig};

/// Where the config's WebSocket is, and whether it is Pusher's hosted service (where a close
/// frame too big to be valid is how 4001 arrives).
fn endpoint(config: &PusherConfig, options: &Options) -> (Endpoint, bool) {
    let public = config.public();
    match config.host() {
        None => (
            options.cluster_endpoint(config.cluster().as_str(), "ws"),
            true,
        ),
        Some(host) => {
            let tls = ClientOptions::new().tls_for(public);
            let scheme = if tls {
                crate::Scheme::Https
            } else {
                crate::Scheme::Http
            };
            let hosted = host.as_str().ends_with(".pusher.com");
            (
                Endpoint::new(scheme, host.as_str(), public.websocket_port(tls)),
                hosted,
            )
        }
    }
}

/// `wss://ws-eu.pusher.com:443/app/278d… (20 chars)`.
fn target(endpoint: &Endpoint, key: &str) -> String {
    let scheme = if endpoint.scheme().is_tls() {
        "wss"
    } else {
        "ws"
    };
    let shown = endpoint.to_string();
    let authority = shown
        .split_once("://")
        .map_or(shown.as_str(), |(_, rest)| rest);
    format!("{scheme}://{authority}/app/{}", MaskedPlain(key))
}

pub(super) fn check(config: &PusherConfig, options: &Options) -> Check {
    let (endpoint, hosted) = endpoint(config, options);
    let key = config.key().as_str();
    let path = path_and_query(config);
    let (mut outcome, answer) = handshake(&endpoint, &path, key, hosted, options);
    if config.host().is_none() && matches!(outcome, Outcome::UnknownKey { .. }) {
        outcome = probe(config.cluster().as_str(), &path, key, options);
    }
    Check::new(
        CheckKind::WebSocket,
        target(&endpoint, key),
        outcome,
        answer,
    )
}

/// `/app/{key}?protocol=7&client=…&version=…&flash=false`, from the URL pusher-js would open.
fn path_and_query(config: &PusherConfig) -> String {
    let url = config.websocket_url(&ClientOptions::new()).into_string();
    let after_scheme = url.split_once("://").map_or(url.as_str(), |(_, rest)| rest);
    after_scheme
        .find('/')
        .map_or_else(String::new, |start| after_scheme[start..].to_owned())
}

/// After the configured cluster refused the key, tries the others at the same time.
fn probe(configured: &str, path: &str, key: &str, options: &Options) -> Outcome {
    let clusters: Vec<&'static str> = options
        .clusters_to_probe()
        .iter()
        .copied()
        .filter(|&cluster| cluster != configured)
        .collect();
    let outcomes: Vec<Outcome> = thread::scope(|scope| {
        let probes: Vec<_> = clusters
            .iter()
            .map(|&cluster| {
                scope.spawn(move || {
                    let endpoint = options.cluster_endpoint(cluster, "ws");
                    handshake(&endpoint, path, key, true, options).0
                })
            })
            .collect();
        probes
            .into_iter()
            .map(|probe| {
                probe.join().unwrap_or(Outcome::NotChecked {
                    why: "the probe panicked".into(),
                })
            })
            .collect()
    });
    let mut belongs_to = None;
    let mut unanswered = Vec::new();
    for (&cluster, outcome) in clusters.iter().zip(&outcomes) {
        match outcome {
            // The app exists there: only a known key is told it is disabled or over quota.
            Outcome::Ok | Outcome::AppDisabled | Outcome::OverQuota => {
                belongs_to.get_or_insert(Cluster::from_static(cluster));
            }
            Outcome::UnknownKey { .. } => {}
            _ => unanswered.push(Cluster::from_static(cluster)),
        }
    }
    Outcome::UnknownKey {
        belongs_to,
        probed: clusters.into_iter().map(Cluster::from_static).collect(),
        unanswered,
    }
}

/// Opens the WebSocket and reads until the first event that tells: the outcome and what the
/// server answered (key masked).
fn handshake(
    endpoint: &Endpoint,
    path: &str,
    key: &str,
    hosted: bool,
    options: &Options,
) -> (Outcome, String) {
    let timeout = options.timeout();
    let deadline = Instant::now() + timeout;
    let conn = match net::connect(endpoint, timeout, deadline) {
        Ok(conn) => conn,
        Err(outcome) => return (outcome, String::new()),
    };
    let scheme = if endpoint.scheme().is_tls() {
        "wss"
    } else {
        "ws"
    };
    let url = format!("{scheme}://{}{path}", endpoint.authority());
    let mut result = tungstenite::client(url.as_str(), conn);
    let socket = loop {
        match result {
            Ok((socket, _)) => break socket,
            // A read that timed out; the next one ends at the deadline.
            Err(HandshakeError::Interrupted(mid)) => result = mid.handshake(),
            Err(HandshakeError::Failure(err)) => return handshake_failure(err, timeout),
        }
    };
    first_event(socket, key, hosted, timeout)
}

fn handshake_failure(err: Error, timeout: std::time::Duration) -> (Outcome, String) {
    match err {
        Error::Io(err) => (net::outcome_of_io(&err, timeout), String::new()),
        Error::Http(response) => {
            let status = response.status();
            (
                Outcome::UnexpectedAnswer,
                format!("HTTP {} to the WebSocket handshake", status.as_u16()),
            )
        }
        Error::ConnectionClosed
        | Error::AlreadyClosed
        | Error::Protocol(ProtocolError::HandshakeIncomplete) => (
            Outcome::Unreachable {
                why: "the server closed the connection during the WebSocket handshake".into(),
            },
            String::new(),
        ),
        err => (
            Outcome::UnexpectedAnswer,
            excerpt(&err.to_string(), "", None),
        ),
    }
}

/// A `pusher:error` seen before the connection closed: its code and message.
struct PusherError {
    code: u16,
    answer: String,
}

fn first_event(
    mut socket: WebSocket<Conn>,
    key: &str,
    hosted: bool,
    timeout: std::time::Duration,
) -> (Outcome, String) {
    let mut error: Option<PusherError> = None;
    // What the server said before it closed, if it said anything.
    let said = |error: Option<PusherError>, otherwise: (Outcome, String)| match error {
        Some(PusherError { code, answer }) => (Outcome::of_code(code), answer),
        None => otherwise,
    };
    loop {
        match socket.read() {
            Ok(Message::Text(text)) => match event_name(&text) {
                Some("pusher:connection_established") => {
                    let _ = socket.close(None);
                    let _ = socket.flush();
                    return (Outcome::Ok, "`pusher:connection_established`".into());
                }
                Some("pusher:error") => {
                    let code = field(&text, "code").and_then(leading_number);
                    let message = field(&text, "message").map(string_value).unwrap_or("");
                    let answer = format!(
                        "`pusher:error` {} `{}`",
                        code.map_or_else(|| "without a code".to_owned(), |c| c.to_string()),
                        excerpt(message, key, None)
                    );
                    match code {
                        Some(code) if (4000..4400).contains(&code) => {
                            return (Outcome::of_code(code), answer)
                        }
                        _ => error = error.or(Some(PusherError { code: 0, answer })),
                    }
                }
                _ => {}
            },
            Ok(Message::Close(frame)) => {
                let (code, reason) = frame.map_or((1005, String::new()), |frame| {
                    (u16::from(frame.code), frame.reason.to_string())
                });
                let answer = if reason.is_empty() {
                    format!("close {code}")
                } else {
                    format!("close {code} `{}`", excerpt(&reason, key, None))
                };
                return said(error, (Outcome::of_code(code), answer));
            }
            Ok(_) => {}
            Err(Error::Protocol(
                ProtocolError::ControlFrameTooBig | ProtocolError::FragmentedControlFrame,
            )) => {
                let answer = "an invalid close frame, its reason over the 125 bytes WebSocket \
                              allows (browsers report `Invalid frame header`); on Pusher's \
                              hosted service this is how an unknown key is refused (4001)"
                    .to_owned();
                let guess = if hosted {
                    // Pusher's hosted service refuses an unknown key so (4001).
                    Outcome::of_code(4001)
                } else {
                    Outcome::UnexpectedAnswer
                };
                return said(error, (guess, answer));
            }
            Err(
                Error::Protocol(ProtocolError::ResetWithoutClosingHandshake)
                | Error::ConnectionClosed
                | Error::AlreadyClosed,
            ) => {
                let answer = "nothing: the connection closed without a close frame".to_owned();
                return said(error, (Outcome::ClosedWithoutWelcome, answer));
            }
            Err(Error::Io(err)) if !net::is_timeout(&err) => {
                let answer = "nothing: the connection closed without a close frame".to_owned();
                let outcome = match err.kind() {
                    std::io::ErrorKind::UnexpectedEof | std::io::ErrorKind::ConnectionReset => {
                        Outcome::ClosedWithoutWelcome
                    }
                    _ => net::outcome_of_io(&err, timeout),
                };
                return said(error, (outcome, answer));
            }
            Err(Error::Io(_)) => {
                return said(error, (Outcome::Timeout { after: timeout }, String::new()))
            }
            Err(err) => {
                let answer = excerpt(&err.to_string(), key, None);
                return said(error, (Outcome::UnexpectedAnswer, answer));
            }
        }
    }
}

/// What follows `"name":` in a Pusher event (the `data` of an error may be an object or a
/// JSON string holding one, so `\"name\":` too), whitespace trimmed.
fn field<'a>(text: &'a str, name: &str) -> Option<&'a str> {
    let mut rest = text;
    while let Some(at) = rest.find(name) {
        let before = &rest[..at];
        let after = &rest[at + name.len()..];
        let after = after
            .strip_prefix("\\\"")
            .or_else(|| after.strip_prefix('"'));
        if let (true, Some(after)) = (before.ends_with('"'), after) {
            if let Some(value) = after.trim_start().strip_prefix(':') {
                return Some(value.trim_start());
            }
        }
        rest = &rest[at + name.len()..];
    }
    None
}

/// The event's name: the string after `"event":`.
fn event_name(text: &str) -> Option<&str> {
    field(text, "event").map(string_value)
}

/// The string a value starts with (`"…"` or `\"…\"`), up to its closing quote.
fn string_value(value: &str) -> &str {
    let value = value
        .strip_prefix("\\\"")
        .or_else(|| value.strip_prefix('"'))
        .unwrap_or(value);
    let end = value.find(['"', '\\']).unwrap_or(value.len());
    &value[..end]
}

/// The number a value starts with.
fn leading_number(value: &str) -> Option<u16> {
    let end = value
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(value.len());
    value[..end].parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_events_as_pusher_sends_them() {
        let established = r#"{"event":"pusher:connection_established","data":"{\"socket_id\":\"1.2\",\"activity_timeout\":120}"}"#;
        assert_eq!(
            event_name(established),
            Some("pusher:connection_established")
        );
        let object = r#"{"event":"pusher:error","data":{"code":4001,"message":"App key x not in this cluster. Did you forget to specify the cluster?"}}"#;
        assert_eq!(event_name(object), Some("pusher:error"));
        assert_eq!(field(object, "code").and_then(leading_number), Some(4001));
        assert_eq!(
            field(object, "message").map(string_value),
            Some("App key x not in this cluster. Did you forget to specify the cluster?")
        );
        let string =
            r#"{"event":"pusher:error","data":"{\"code\":4003,\"message\":\"App is disabled\"}"}"#;
        assert_eq!(field(string, "code").and_then(leading_number), Some(4003));
        assert_eq!(
            field(string, "message").map(string_value),
            Some("App is disabled")
        );
        let null = r#"{"event":"pusher:error","data":{"code":null,"message":"x"}}"#;
        assert_eq!(field(null, "code").and_then(leading_number), None);
        assert_eq!(event_name(r#"{"data":"{\"eventually\":1}"}"#), None);
    }
}
