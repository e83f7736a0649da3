//! Unit tests of the live check: reports as users read them, and what is never shown.

use std::time::Duration;

use super::report::excerpt;
use super::*;
use crate::Cluster;

fn report(websocket: Outcome, ws_answer: &str, rest: Outcome, rest_answer: &str) -> Report {
    Report {
        websocket: Check::new(
            CheckKind::WebSocket,
            "ws://127.0.0.1:6001/app/app-… (7 chars)".into(),
            websocket,
            ws_answer.into(),
        ),
        rest: Check::new(
            CheckKind::Rest,
            "GET http://127.0.0.1:6001/apps/app-id/channels".into(),
            rest,
            rest_answer.into(),
        ),
        elapsed: Duration::from_millis(12),
    }
}

#[test]
fn a_passing_report() {
    let report = report(
        Outcome::Ok,
        "`pusher:connection_established`",
        Outcome::Ok,
        "200 `{\"channels\":{}}`",
    );
    assert!(report.is_ok());
    assert_eq!(
        report.to_string(),
        "ok: the WebSocket handshake to ws://127.0.0.1:6001/app/app-… (7 chars): the key is known there\n\
         ok: the signed REST call to GET http://127.0.0.1:6001/apps/app-id/channels: app id, key and secret match"
    );
}

#[test]
fn a_wrong_secret_as_sockudo_answers_it() {
    let report = report(
        Outcome::Ok,
        "`pusher:connection_established`",
        Outcome::WrongSecret,
        "401 `{\"error\":\"Invalid API signature\",\"code\":\"auth_failed\"}`",
    );
    assert!(!report.is_ok());
    assert_eq!(report.wrong_variables(), [Variable::Secret]);
    assert_eq!(
        report.rest().to_string(),
        "error: `PUSHER_SECRET` is wrong: GET http://127.0.0.1:6001/apps/app-id/channels refused the request's signature\n  \
         = note: the server answered 401 `{\"error\":\"Invalid API signature\",\"code\":\"auth_failed\"}`\n  \
         = help: copy the secret from the Pusher Channels dashboard, under App Keys, beside the key"
    );
    assert!(report
        .to_string()
        .ends_with("\nerror: the live check failed; fix `PUSHER_SECRET`"));
}

#[test]
fn a_key_of_another_cluster_blames_the_cluster_not_the_key() {
    let report = report(
        Outcome::UnknownKey {
            belongs_to: Some(Cluster::from_static("us2")),
            probed: vec![Cluster::from_static("us2")],
            unanswered: Vec::new(),
        },
        "close 4001",
        Outcome::UnknownKey {
            belongs_to: None,
            probed: Vec::new(),
            unanswered: Vec::new(),
        },
        "400 `Unknown auth_key`",
    );
    assert_eq!(report.wrong_variables(), [Variable::Cluster]);
    assert!(report
        .to_string()
        .contains("= help: set `PUSHER_CLUSTER=us2`"));
}

#[test]
fn the_variable_of_each_outcome() {
    let cases = [
        (Outcome::of_code(4001), Some(Variable::Key)),
        (Outcome::of_code(4000), Some(Variable::Scheme)),
        (Outcome::of_code(4003), None),
        (Outcome::of_code(4004), None),
        (Outcome::of_code(4100), None),
        (Outcome::of_code(4009), None),
        (Outcome::ClosedWithoutWelcome, Some(Variable::Key)),
        (Outcome::WrongSecret, Some(Variable::Secret)),
        (Outcome::UnknownApp, Some(Variable::AppId)),
        (Outcome::ClockOffset { seconds: 700 }, None),
        (
            Outcome::Timeout {
                after: Duration::from_secs(5),
            },
            None,
        ),
    ];
    for (outcome, variable) in cases {
        assert_eq!(outcome.variable(), variable, "{outcome:?}");
    }
    assert_eq!(Outcome::of_code(4009), Outcome::Refused { code: 4009 });
}

#[test]
fn timeouts_and_clock_offsets_read_well() {
    let report = report(
        Outcome::Timeout {
            after: Duration::from_millis(2500),
        },
        "",
        Outcome::ClockOffset { seconds: 754 },
        "401 `Timestamp expired`",
    );
    let shown = report.to_string();
    assert!(
        shown.contains(
            "error: no answer from ws://127.0.0.1:6001/app/app-… (7 chars) within 2.5 s\n  = help:"
        ),
        "{shown}"
    );
    assert!(
        shown.contains("error: this machine's clock is 754 s ahead of the server's"),
        "{shown}"
    );
    assert!(shown.ends_with("\nerror: the live check failed"), "{shown}");
}

#[test]
fn an_answer_never_shows_the_key_or_the_secret_whole() {
    let key = "278d425bdf160c739803";
    let secret = "7ad3773142a6692b25b8";
    let body = format!("Invalid signature for {key}; expected with {secret}\nsecond line");
    let shown = excerpt(&body, key, Some(secret));
    assert_eq!(
        shown,
        "Invalid signature for 278d… (20 chars); expected with [redacted] second line"
    );
    let long = "x".repeat(500);
    assert_eq!(excerpt(&long, key, None).chars().count(), 161);
}

#[test]
fn options_defaults() {
    let options = Options::new();
    assert_eq!(options.timeout(), DEFAULT_TIMEOUT);
    assert_eq!(options.clusters_to_probe(), PUBLIC_CLUSTERS);
    assert_eq!(
        options.cluster_endpoint("eu", "ws"),
        Endpoint::new(crate::Scheme::Https, "ws-eu.pusher.com", 443)
    );
    assert_eq!(
        options.cluster_endpoint("ap4", "api").to_string(),
        "https://api-ap4.pusher.com:443"
    );
}
