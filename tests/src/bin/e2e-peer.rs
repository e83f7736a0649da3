//! The Rust side of the end-to-end check against a real Pusher-protocol server (sockudo) and the
//! official pusher-js client (`tests/e2e/`). It loads its config at run time with
//! `PusherConfig::from_env` and prints or sends only what the crate produces:
//!
//! - `e2e-peer url`: the WebSocket URL, built as pusher-js builds it;
//! - `e2e-peer options`: the pusher-js options object, as JSON;
//! - `e2e-peer auth SOCKET_ID CHANNEL [CHANNEL_DATA]`: the channel authorization (presence with
//!   `CHANNEL_DATA`; with its `shared_secret` for a `private-encrypted-` channel), as JSON;
//! - `e2e-peer trigger CHANNEL EVENT DATA`: a REST trigger signed by the crate, sent to the
//!   server; for a `private-encrypted-` channel, DATA encrypted by the crate first, as the
//!   official libraries' `trigger` does. It prints `HTTP <status> <body>` of the server's answer: on stdout and exit 0 for a
//!   200, on stderr and exit 2 for any other status. Not reaching the server (connection refused,
//!   name resolution, timeout, a reply that is not HTTP) is `error: …` on stderr and exit 1, so a
//!   caller can tell a refusal by the server from no answer at all.
//!
//! - `e2e-peer send …`: the crate's events client (`pusher_config::events::Client`); see
//!   [`send`] for its commands. It prints the server's typed answer as JSON on stdout and exits
//!   0; on an error it prints `error: …` on stderr and exits 2 when the server refused the
//!   request, 3 when the client refused it before sending, 1 otherwise.
//!
//! Nothing it prints contains the secret: the server's body is printed with the secret, should it
//! ever appear there, replaced by `[redacted]`.

// A command-line tool: its errors go to stderr.
#![allow(clippy::print_stderr)]

use std::io::{Read, Write};
use std::net::{TcpStream, ToSocketAddrs};
use std::process::ExitCode;
use std::time::Duration;

use pusher_config::connect::ClientOptions;
use pusher_config::events::{BatchEvent, Client, EventsError, Info, Trigger};
use pusher_config::PusherConfig;

/// How long the trigger waits to connect, and then for each read or write.
const TIMEOUT: Duration = Duration::from_secs(5);

fn main() -> ExitCode {
    let config = match PusherConfig::from_env() {
        Ok(config) => config,
        Err(problems) => {
            eprintln!("{problems}");
            return ExitCode::FAILURE;
        }
    };
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let result = match args[..] {
        ["url"] => Ok(config
            .websocket_url(&ClientOptions::new().with_client("js", "8.4.0"))
            .into_string()),
        ["options"] => serde_json::to_string(&config.pusher_js_options(&ClientOptions::new()))
            .map_err(|err| err.to_string()),
        ["auth", socket_id, channel] => config
            .authorize_channel(socket_id, channel)
            .map(|auth| auth.to_json())
            .map_err(|err| err.to_string()),
        ["auth", socket_id, channel, channel_data] => config
            .authorize_presence_channel(socket_id, channel, channel_data)
            .map(|auth| auth.to_json())
            .map_err(|err| err.to_string()),
        ["trigger", channel, event, data] => {
            return match trigger(&config, channel, event, data) {
                Ok(answer) if answer.status == 200 => {
                    println!("{answer}");
                    ExitCode::SUCCESS
                }
                Ok(answer) => {
                    eprintln!("{answer}");
                    ExitCode::from(2)
                }
                Err(err) => {
                    eprintln!("error: {err}");
                    ExitCode::FAILURE
                }
            };
        }
        ["send", ref rest @ ..] => return send(config, rest),
        _ => Err("usage: e2e-peer url | options | auth SOCKET_ID CHANNEL [CHANNEL_DATA] | trigger CHANNEL EVENT DATA | send …".to_owned()),
    };
    match result {
        Ok(out) => {
            println!("{out}");
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::FAILURE
        }
    }
}

/// The server's answer to a trigger: its status code and body (the secret redacted).
struct Answer {
    status: u16,
    body: String,
}

impl std::fmt::Display for Answer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "HTTP {} {}", self.status, self.body.trim())
    }
}

/// POSTs `/apps/{id}/events` over plain HTTP/1.1 (the server runs on loopback for the test).
fn trigger(
    config: &PusherConfig,
    channel: &str,
    event: &str,
    data: &str,
) -> Result<Answer, String> {
    let encrypted;
    let data = if channel.starts_with("private-encrypted-") {
        encrypted = config
            .encrypt_event_data(channel, data)
            .map_err(|err| err.to_string())?;
        encrypted.as_str()
    } else {
        data
    };
    let body =
        serde_json::json!({ "name": event, "channels": [channel], "data": data }).to_string();
    let path = config.api_path("/events");
    let query = config
        .sign_request_now("POST", &path, &[], &body)
        .map_err(|err| err.to_string())?;
    let host = config.host().map_or("127.0.0.1", |h| h.as_str());
    let port = config.port().unwrap_or(80);
    let mut stream = connect(host, port)?;
    let request = format!(
        "POST {path}?{} HTTP/1.1\r\nHost: {host}:{port}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        query.to_query_string(),
        body.len()
    );
    stream
        .write_all(request.as_bytes())
        .map_err(|err| format!("sending the trigger to {host}:{port}: {}", io_error(&err)))?;
    let mut response = Vec::new();
    stream
        .read_to_end(&mut response)
        .map_err(|err| format!("reading the answer from {host}:{port}: {}", io_error(&err)))?;
    let mut answer = parse_response(&response).ok_or_else(|| {
        format!(
            "{host}:{port} did not answer with HTTP ({} bytes)",
            response.len()
        )
    })?;
    let secret = config.secret().expose_secret();
    if !secret.is_empty() {
        answer.body = answer.body.replace(secret, "[redacted]");
    }
    Ok(answer)
}

fn connect(host: &str, port: u16) -> Result<TcpStream, String> {
    let addresses = (host, port)
        .to_socket_addrs()
        .map_err(|err| format!("resolving {host}:{port}: {err}"))?;
    let mut last = format!("{host}:{port} resolved to no address");
    for address in addresses {
        match TcpStream::connect_timeout(&address, TIMEOUT) {
            Ok(stream) => {
                stream
                    .set_read_timeout(Some(TIMEOUT))
                    .and_then(|()| stream.set_write_timeout(Some(TIMEOUT)))
                    .map_err(|err| err.to_string())?;
                return Ok(stream);
            }
            Err(err) => last = format!("connecting to {address}: {}", io_error(&err)),
        }
    }
    Err(last)
}

/// A socket timeout reads as one, not as `Resource temporarily unavailable`.
fn io_error(err: &std::io::Error) -> String {
    match err.kind() {
        std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut => {
            format!("timed out after {} s", TIMEOUT.as_secs())
        }
        _ => err.to_string(),
    }
}

/// The status code and body of an HTTP/1.1 response, de-chunked; `None` unless it is one.
fn parse_response(response: &[u8]) -> Option<Answer> {
    let split = response.windows(4).position(|w| w == b"\r\n\r\n")?;
    let head = std::str::from_utf8(response.get(..split)?).ok()?;
    let raw_body = response.get(split + 4..)?;
    let mut lines = head.split("\r\n");
    let mut status_line = lines.next()?.split(' ');
    if !status_line.next()?.starts_with("HTTP/1.") {
        return None;
    }
    let status = status_line.next()?.parse().ok()?;
    let chunked = lines.any(|line| {
        line.split_once(':').is_some_and(|(name, value)| {
            name.trim().eq_ignore_ascii_case("transfer-encoding")
                && value.to_ascii_lowercase().contains("chunked")
        })
    });
    let body = if chunked {
        dechunk(raw_body)?
    } else {
        raw_body.to_vec()
    };
    Some(Answer {
        status,
        body: String::from_utf8_lossy(&body).into_owned(),
    })
}

fn dechunk(mut raw: &[u8]) -> Option<Vec<u8>> {
    let mut body = Vec::new();
    loop {
        let end = raw.windows(2).position(|w| w == b"\r\n")?;
        let size = std::str::from_utf8(raw.get(..end)?).ok()?;
        let size = usize::from_str_radix(size.split(';').next()?.trim(), 16).ok()?;
        raw = raw.get(end + 2..)?;
        if size == 0 {
            return Some(body);
        }
        body.extend_from_slice(raw.get(..size)?);
        raw = raw.get(size + 2..)?;
    }
}

/// `e2e-peer send COMMAND …`, through the crate's events client:
///
/// - `trigger EVENT DATA CHANNEL…` and `trigger-except SOCKET_ID EVENT DATA CHANNEL…`;
/// - `batch CHANNEL EVENT DATA [CHANNEL EVENT DATA]…`, and `batch-info …`, which asks each
///   event's channel counts as `channels` does;
/// - `channels [PREFIX]`: with `subscription_count`, and `user_count` for `presence-`;
/// - `channel CHANNEL`: the same for one channel;
/// - `users CHANNEL`: a presence channel's members;
/// - `to-user USER_ID EVENT DATA`, `terminate USER_ID`.
fn send(config: PusherConfig, args: &[&str]) -> ExitCode {
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(err) => {
            eprintln!("error: cannot start the runtime: {err}");
            return ExitCode::FAILURE;
        }
    };
    let client = Client::new(config);
    let answer = runtime.block_on(send_command(&client, args));
    match answer {
        Ok(json) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(SendError::Usage) => {
            eprintln!(
                "usage: e2e-peer send trigger EVENT DATA CHANNEL… | trigger-except SOCKET_ID \
                 EVENT DATA CHANNEL… | batch[-info] (CHANNEL EVENT DATA)… | channels [PREFIX] | \
                 channel CHANNEL | users CHANNEL | to-user USER_ID EVENT DATA | terminate USER_ID"
            );
            ExitCode::FAILURE
        }
        Err(SendError::Events(err)) => {
            eprintln!("error: {err}");
            if err.is_refused_before_sending() {
                ExitCode::from(3)
            } else if matches!(err, EventsError::Http { .. }) {
                ExitCode::from(2)
            } else {
                ExitCode::FAILURE
            }
        }
    }
}

enum SendError {
    Usage,
    Events(EventsError),
}

impl From<EventsError> for SendError {
    fn from(err: EventsError) -> Self {
        SendError::Events(err)
    }
}

/// Runs one `send` command; its answer as JSON.
async fn send_command(client: &Client, args: &[&str]) -> Result<String, SendError> {
    let counts = |channel: &str| {
        if channel.starts_with("presence-") {
            Info::SUBSCRIPTION_COUNT.and(Info::USER_COUNT)
        } else {
            Info::SUBSCRIPTION_COUNT
        }
    };
    let json = match *args {
        ["trigger", event, data, ref channels @ ..] if !channels.is_empty() => json(
            &client
                .trigger(&Trigger::to_channels(channels, event, data))
                .await?,
        ),
        ["trigger-except", socket_id, event, data, ref channels @ ..] if !channels.is_empty() => {
            let trigger = Trigger::to_channels(channels, event, data).except(socket_id);
            json(&client.trigger(&trigger).await?)
        }
        [command @ ("batch" | "batch-info"), ref events @ ..]
            if !events.is_empty() && events.len() % 3 == 0 =>
        {
            let batch: Vec<BatchEvent<'_>> = events
                .chunks(3)
                .map(|event| {
                    let batch_event = BatchEvent::new(event[0], event[1], event[2]);
                    match command {
                        "batch-info" => batch_event.info(counts(event[0])),
                        _ => batch_event,
                    }
                })
                .collect();
            json(&client.trigger_batch(&batch).await?)
        }
        ["channels"] => json(&client.channels(None, Info::SUBSCRIPTION_COUNT).await?),
        ["channels", prefix] => json(&client.channels(Some(prefix), counts(prefix)).await?),
        ["channel", channel] => json(&client.channel(channel, counts(channel)).await?),
        ["users", channel] => json(&client.presence_users(channel).await?),
        ["to-user", user_id, event, data] => {
            json(&client.send_to_user(user_id, event, data).await?)
        }
        ["terminate", user_id] => json(&client.terminate_user_connections(user_id).await?),
        _ => return Err(SendError::Usage),
    };
    Ok(json)
}

fn json(answer: &impl serde::Serialize) -> String {
    serde_json::to_string(answer).unwrap_or_else(|err| format!("{{\"unprintable\":\"{err}\"}}"))
}
