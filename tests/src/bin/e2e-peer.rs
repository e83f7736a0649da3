//! The Rust side of the end-to-end check against a real Pusher-protocol server (sockudo) and the
//! official pusher-js client (`tests/e2e/`). It loads its config at run time with
//! `PusherConfig::from_env` and prints or sends only what the crate produces:
//!
//! - `e2e-peer url`: the WebSocket URL, built as pusher-js builds it;
//! - `e2e-peer options`: the pusher-js options object, as JSON;
//! - `e2e-peer auth SOCKET_ID CHANNEL [CHANNEL_DATA]`: the channel authorization (presence with
//!   `CHANNEL_DATA`), as JSON;
//! - `e2e-peer trigger CHANNEL EVENT DATA`: a REST trigger signed by the crate, sent to the
//!   server; prints the HTTP status line and exits non-zero unless it is 200.

// A command-line tool: its errors go to stderr.
#![allow(clippy::print_stderr)]

use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::ExitCode;

use pusher_config::connect::ClientOptions;
use pusher_config::PusherConfig;

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
        ["trigger", channel, event, data] => trigger(&config, channel, event, data),
        _ => Err("usage: e2e-peer url | options | auth SOCKET_ID CHANNEL [CHANNEL_DATA] | trigger CHANNEL EVENT DATA".to_owned()),
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

/// POSTs `/apps/{id}/events` over plain HTTP/1.1 (the server runs on loopback for the test).
fn trigger(
    config: &PusherConfig,
    channel: &str,
    event: &str,
    data: &str,
) -> Result<String, String> {
    let body =
        serde_json::json!({ "name": event, "channels": [channel], "data": data }).to_string();
    let path = config.api_path("/events");
    let query = config
        .sign_request_now("POST", &path, &[], &body)
        .map_err(|err| err.to_string())?;
    let host = config.host().map_or("127.0.0.1", |h| h.as_str());
    let port = config.port().unwrap_or(80);
    let mut stream = TcpStream::connect((host, port)).map_err(|err| err.to_string())?;
    let request = format!(
        "POST {path}?{} HTTP/1.1\r\nHost: {host}:{port}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        query.to_query_string(),
        body.len()
    );
    stream
        .write_all(request.as_bytes())
        .map_err(|err| err.to_string())?;
    let mut response = String::new();
    stream
        .read_to_string(&mut response)
        .map_err(|err| err.to_string())?;
    let status = response.lines().next().unwrap_or_default().to_owned();
    if status.split(' ').nth(1) == Some("200") {
        Ok(status)
    } else {
        Err(format!("the server refused the trigger: {status}"))
    }
}
