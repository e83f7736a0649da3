//! The live check (`pusher_config::live`) against a real self-hosted server, sockudo 5.2.0:
//! right config, wrong secret, wrong key, wrong app id, and no server. sockudo's answers to
//! each are recorded here as measured.
//!
//! Ignored by `cargo test`: they need the server. `scripts/e2e-sockudo.sh` starts one and runs
//! them with its address and app in `LIVE_SOCKUDO_{PORT,APP_ID,KEY,SECRET}`, then stops it
//! and runs `no_server` against the same port:
//!
//! ```sh
//! cargo test -p pusher-config-tests --test live_sockudo -- --ignored --skip no_server
//! ```

use std::time::{Duration, Instant};

use pusher_config::live::{self, Options, Outcome, Report, Variable};
use pusher_config::source::Vars;
use pusher_config::PusherConfig;
use serde_json::{json, Value};

/// The server's port and app, from the environment `scripts/e2e-sockudo.sh` sets.
struct Server {
    port: String,
    app_id: String,
    key: String,
    secret: String,
}

fn server() -> Server {
    let var = |name: &str| {
        std::env::var(name).unwrap_or_else(|_| {
            panic!(
                "{name} is not set: these tests need a running sockudo; \
                 `bash scripts/e2e-sockudo.sh` starts one and runs them"
            )
        })
    };
    Server {
        port: var("LIVE_SOCKUDO_PORT"),
        app_id: var("LIVE_SOCKUDO_APP_ID"),
        key: var("LIVE_SOCKUDO_KEY"),
        secret: var("LIVE_SOCKUDO_SECRET"),
    }
}

/// A self-hosted config for the server, with the given app id, key and secret.
fn config(server: &Server, app_id: &str, key: &str, secret: &str) -> PusherConfig {
    PusherConfig::from_vars(&Vars::from_pairs([
        ("PUSHER_APP_ID", app_id),
        ("PUSHER_KEY", key),
        ("PUSHER_SECRET", secret),
        ("PUSHER_HOST", "127.0.0.1"),
        ("PUSHER_PORT", server.port.as_str()),
        ("PUSHER_SCHEME", "http"),
    ]))
    .expect("a valid self-hosted config")
}

fn verify(config: &PusherConfig, secret: &str) -> Report {
    let report = live::verify(config, &Options::new());
    println!("{report}\n");
    for shown in [report.to_string(), format!("{report:?}")] {
        assert!(!shown.contains(secret), "the secret is shown: {shown}");
    }
    report
}

/// Asserts that a REST answer, `` 401 `{…}` ``, has this status and this JSON body. sockudo
/// writes the body's fields in an order that changes from one run to the next.
fn assert_answer(answer: &str, status: u16, body: Value) {
    let (shown_status, shown_body) = answer.split_once(' ').expect("status and body");
    assert_eq!(shown_status, status.to_string(), "{answer}");
    let shown_body = shown_body
        .strip_prefix('`')
        .and_then(|b| b.strip_suffix('`'))
        .expect("a body in backticks");
    let shown: Value = serde_json::from_str(shown_body).expect("a JSON body");
    assert_eq!(shown, body, "{answer}");
}

/// Made-up values of the right shape that the server does not have.
const OTHER_KEY: &str = "0f1e2d3c4b5a69788796";
const OTHER_SECRET: &str = "a5b4c3d2e1f00f1e2d3c";
const OTHER_APP_ID: &str = "7654321";

#[test]
#[ignore = "needs a running sockudo: scripts/e2e-sockudo.sh"]
fn right_config() {
    let server = server();
    let report = verify(
        &config(&server, &server.app_id, &server.key, &server.secret),
        &server.secret,
    );
    assert!(report.is_ok(), "{report}");
    assert_eq!(
        report.websocket().answer(),
        "`pusher:connection_established`"
    );
    // sockudo 5.2.0's answer, as measured.
    assert_answer(report.rest().answer(), 200, json!({"channels": {}}));
}

#[test]
#[ignore = "needs a running sockudo: scripts/e2e-sockudo.sh"]
fn wrong_secret() {
    let server = server();
    let report = verify(
        &config(&server, &server.app_id, &server.key, OTHER_SECRET),
        OTHER_SECRET,
    );
    assert!(report.websocket().outcome().is_ok(), "{report}");
    assert_eq!(report.rest().outcome(), &Outcome::WrongSecret);
    assert_answer(
        report.rest().answer(),
        401,
        json!({"error": "Invalid API signature", "code": "auth_failed", "status": 401}),
    );
    assert_eq!(report.wrong_variables(), [Variable::Secret]);
    assert!(report
        .to_string()
        .contains("error: `PUSHER_SECRET` is wrong"));
}

#[test]
#[ignore = "needs a running sockudo: scripts/e2e-sockudo.sh"]
fn wrong_key() {
    let server = server();
    let report = verify(
        &config(&server, &server.app_id, OTHER_KEY, &server.secret),
        &server.secret,
    );
    // sockudo accepts the WebSocket, then closes it without a frame.
    assert_eq!(report.websocket().outcome(), &Outcome::ClosedWithoutWelcome);
    assert_eq!(
        report.websocket().answer(),
        "nothing: the connection closed without a close frame"
    );
    assert!(
        matches!(
            report.rest().outcome(),
            Outcome::UnknownKey {
                belongs_to: None,
                ..
            }
        ),
        "{report}"
    );
    assert_answer(
        report.rest().answer(),
        404,
        json!({
            "error": "Application key not found or invalid: Invalid app key",
            "code": "app_not_found",
            "status": 404,
        }),
    );
    assert_eq!(report.wrong_variables(), [Variable::Key]);
    assert!(report
        .to_string()
        .contains("error: `PUSHER_KEY` is not known"));
}

#[test]
#[ignore = "needs a running sockudo: scripts/e2e-sockudo.sh"]
fn wrong_app_id() {
    let server = server();
    let report = verify(
        &config(&server, OTHER_APP_ID, &server.key, &server.secret),
        &server.secret,
    );
    assert!(report.websocket().outcome().is_ok(), "{report}");
    assert_eq!(report.rest().outcome(), &Outcome::UnknownApp);
    assert_answer(
        report.rest().answer(),
        401,
        json!({
            "error": "Authenticated app does not match route app_id",
            "code": "auth_failed",
            "status": 401,
        }),
    );
    assert_eq!(report.wrong_variables(), [Variable::AppId]);
    assert!(report
        .to_string()
        .contains("error: `PUSHER_APP_ID` is wrong"));
}

/// Run once the server is stopped, against the port it had.
#[test]
#[ignore = "needs a stopped sockudo: scripts/e2e-sockudo.sh"]
fn no_server() {
    let server = server();
    let started = Instant::now();
    let report = verify(
        &config(&server, &server.app_id, &server.key, &server.secret),
        &server.secret,
    );
    let elapsed = started.elapsed();
    assert!(elapsed < Duration::from_secs(15), "{elapsed:?}");
    for check in report.checks() {
        assert_eq!(
            check.outcome(),
            &Outcome::Unreachable {
                why: "connection refused".into()
            },
            "{check}"
        );
    }
    assert!(report.wrong_variables().is_empty());
    assert!(report
        .to_string()
        .starts_with("error: cannot reach ws://127.0.0.1:"));
}
