//! The live check (`pusher_config::live`) against a local stand-in for Pusher's hosted
//! service: one listener per cluster on loopback, each answering the WebSocket handshake and
//! the signed REST call as Pusher documents, including the 4001 close whose reason is longer
//! than the 125 bytes a WebSocket close frame allows (what browsers report as
//! "Invalid frame header").

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Wake, Waker};
use std::thread;
use std::time::{Duration, Instant};

use pusher_config::live::{self, CheckKind, Endpoint, Options, Outcome, Variable};
use pusher_config::source::Vars;
use pusher_config::{PusherConfig, Scheme};

const APP_ID: &str = "2047711";
const KEY: &str = "6b1e9f3a0c7d52e48a1f";
const SECRET: &str = "d03c8a7e1f52b96e4a0c";

/// Pusher's 4001 message, as the hosted service sends it in `pusher:error`.
fn not_in_this_cluster() -> String {
    format!("App key {KEY} not in this cluster. Did you forget to specify the cluster?")
}

/// How one fake cluster answers.
#[derive(Clone)]
enum Ws {
    /// `pusher:connection_established`.
    Welcome,
    /// `pusher:error` with this code, then a close frame with it (reason: the message).
    Error(u16, String),
    /// `pusher:error` 4001, then a close frame whose reason is 134 bytes: not a valid frame.
    Oversized4001,
    /// Only the oversized close frame, as browsers met it in the incident.
    OnlyOversizedClose,
    /// Accepts the connection and never answers.
    Silent,
}

#[derive(Clone)]
struct Cluster {
    ws: Ws,
    rest: (u16, String),
}

impl Cluster {
    fn new(ws: Ws) -> Self {
        Self {
            ws,
            rest: (200, r#"{"channels":{}}"#.into()),
        }
    }

    fn rest(mut self, status: u16, body: &str) -> Self {
        self.rest = (status, body.into());
        self
    }
}

/// A listener on loopback answering as `cluster`; records each request's head.
struct StandIn {
    port: u16,
    requests: Arc<Mutex<Vec<String>>>,
}

impl StandIn {
    fn start(cluster: Cluster) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
        let port = listener.local_addr().expect("local address").port();
        let requests = Arc::new(Mutex::new(Vec::new()));
        let seen = Arc::clone(&requests);
        thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let cluster = cluster.clone();
                let seen = Arc::clone(&seen);
                thread::spawn(move || serve(stream, &cluster, &seen));
            }
        });
        Self { port, requests }
    }

    fn endpoint(&self) -> Endpoint {
        Endpoint::new(Scheme::Http, "127.0.0.1", self.port)
    }
}

fn serve(mut stream: TcpStream, cluster: &Cluster, seen: &Mutex<Vec<String>>) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    // A TLS ClientHello (a record of type 22) on this plain port: answer as plain HTTP servers
    // do, with a 400 that is not TLS.
    let mut first = [0; 1];
    if stream.peek(&mut first).is_ok() && first[0] == 0x16 {
        let _ = stream.write_all(b"HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\n\r\n");
        return;
    }
    let mut reader = BufReader::new(stream.try_clone().expect("clone the stream"));
    let mut head = String::new();
    loop {
        let mut line = String::new();
        match reader.read_line(&mut line) {
            Ok(0) | Err(_) => return,
            Ok(_) if line == "\r\n" => break,
            Ok(_) => head.push_str(&line),
        }
    }
    seen.lock().expect("requests").push(head.clone());
    let websocket_key = head.lines().find_map(|line| {
        let (name, value) = line.split_once(':')?;
        name.eq_ignore_ascii_case("sec-websocket-key")
            .then(|| value.trim().to_owned())
    });
    let Some(websocket_key) = websocket_key else {
        let (status, body) = &cluster.rest;
        let _ = write!(
            stream,
            "HTTP/1.1 {status} X\r\ncontent-type: text/plain\r\ncontent-length: {}\r\n\
             connection: close\r\n\r\n{body}",
            body.len()
        );
        return;
    };
    if let Ws::Silent = cluster.ws {
        thread::sleep(Duration::from_secs(10));
        return;
    }
    let accept = tungstenite::handshake::derive_accept_key(websocket_key.as_bytes());
    let _ = write!(
        stream,
        "HTTP/1.1 101 Switching Protocols\r\nupgrade: websocket\r\nconnection: Upgrade\r\n\
         sec-websocket-accept: {accept}\r\n\r\n"
    );
    let event = |name: &str, data: &str| format!(r#"{{"event":"{name}","data":{data}}}"#);
    let pusher_error = |code: u16, message: &str| {
        event(
            "pusher:error",
            &format!(r#"{{"code":{code},"message":"{message}"}}"#),
        )
    };
    // Pusher's older 4001 close reason was 134 bytes; this one is longer than 125 too.
    let long_reason = format!(
        "{} See https://pusher.com/docs/channels/miscellaneous/clusters",
        not_in_this_cluster()
    );
    assert!(long_reason.len() > 125, "{}", long_reason.len());
    match &cluster.ws {
        Ws::Welcome => {
            let data = r#""{\"socket_id\":\"1234.5678\",\"activity_timeout\":120}""#;
            frame(
                &mut stream,
                0x1,
                event("pusher:connection_established", data).as_bytes(),
            );
            // Wait for the client's close.
            let _ = stream.read(&mut [0; 64]);
        }
        Ws::Error(code, message) => {
            frame(&mut stream, 0x1, pusher_error(*code, message).as_bytes());
            frame(&mut stream, 0x8, &close_payload(*code, message));
        }
        Ws::Oversized4001 => {
            frame(
                &mut stream,
                0x1,
                pusher_error(4001, &not_in_this_cluster()).as_bytes(),
            );
            frame(&mut stream, 0x8, &close_payload(4001, &long_reason));
        }
        Ws::OnlyOversizedClose => frame(&mut stream, 0x8, &close_payload(4001, &long_reason)),
        Ws::Silent => unreachable!(),
    }
    let _ = stream.flush();
    thread::sleep(Duration::from_millis(200));
}

/// A close frame's payload: the code, big-endian, then the reason.
fn close_payload(code: u16, reason: &str) -> Vec<u8> {
    let mut payload = code.to_be_bytes().to_vec();
    payload.extend_from_slice(reason.as_bytes());
    payload
}

/// Writes an unmasked server frame by hand, whatever its length: a close frame of more than
/// 125 bytes is what no WebSocket library would send.
fn frame(stream: &mut TcpStream, opcode: u8, payload: &[u8]) {
    let mut bytes = vec![0x80 | opcode];
    match u16::try_from(payload.len()) {
        Ok(len) if len < 126 => bytes.push(len as u8),
        Ok(len) => {
            bytes.push(126);
            bytes.extend_from_slice(&len.to_be_bytes());
        }
        Err(_) => panic!("payload too long for this stand-in"),
    }
    bytes.extend_from_slice(payload);
    let _ = stream.write_all(&bytes);
}

/// A hosted config (no host) for `cluster`.
fn hosted(cluster: &str) -> PusherConfig {
    PusherConfig::from_vars(&Vars::from_pairs([
        ("PUSHER_APP_ID", APP_ID),
        ("PUSHER_KEY", KEY),
        ("PUSHER_SECRET", SECRET),
        ("PUSHER_CLUSTER", cluster),
    ]))
    .expect("a valid hosted config")
}

/// Options that reach each cluster of `clusters` at its stand-in, and probe only those.
fn options(clusters: &[(&'static str, &StandIn)]) -> Options {
    let mut options = Options::new()
        .with_timeout(Duration::from_secs(2))
        .with_clusters_to_probe(clusters.iter().map(|(name, _)| *name));
    for (name, stand_in) in clusters {
        options = options.with_cluster_endpoint(*name, stand_in.endpoint());
    }
    options
}

/// Asserts that nothing shown contains the secret and that no request carried it.
fn assert_secret_kept(report: &live::Report, stand_ins: &[&StandIn]) {
    for shown in [report.to_string(), format!("{report:?}")] {
        assert!(!shown.contains(SECRET), "{shown}");
        assert!(!shown.contains(KEY), "the key is shown masked: {shown}");
    }
    for stand_in in stand_ins {
        for request in stand_in.requests.lock().expect("requests").iter() {
            assert!(!request.contains(SECRET), "{request}");
        }
    }
}

#[test]
fn right_config_on_its_cluster() {
    let eu = StandIn::start(Cluster::new(Ws::Welcome));
    let report = live::verify(&hosted("eu"), &options(&[("eu", &eu)]));
    println!("{report}");
    assert!(report.is_ok(), "{report}");
    assert_eq!(report.websocket().kind(), CheckKind::WebSocket);
    assert_eq!(
        report.websocket().answer(),
        "`pusher:connection_established`"
    );
    assert!(report.wrong_variables().is_empty());
    let requests = eu.requests.lock().expect("requests").clone();
    assert!(
        requests.iter().any(|r| r.starts_with(&format!(
            "GET /app/{KEY}?protocol=7&client=rust-pusher-config&version="
        ))),
        "{requests:?}"
    );
    assert!(
        requests.iter().any(|r| r.starts_with(&format!(
            "GET /apps/{APP_ID}/channels?auth_key={KEY}&auth_timestamp="
        )) && r.contains("&auth_version=1.0&auth_signature=")),
        "{requests:?}"
    );
    assert_secret_kept(&report, &[&eu]);
}

#[test]
fn key_of_another_cluster_is_found_after_the_invalid_frame() {
    let eu = StandIn::start(Cluster::new(Ws::Oversized4001).rest(400, "Unknown auth_key"));
    let us2 = StandIn::start(Cluster::new(Ws::Welcome));
    let ap1 = StandIn::start(Cluster::new(Ws::Error(4001, not_in_this_cluster())));
    let report = live::verify(
        &hosted("eu"),
        &options(&[("eu", &eu), ("us2", &us2), ("ap1", &ap1)]),
    );
    println!("{report}");
    match report.websocket().outcome() {
        Outcome::UnknownKey {
            belongs_to: Some(cluster),
            probed,
            unanswered,
        } => {
            assert_eq!(cluster.as_str(), "us2");
            let probed: Vec<&str> = probed.iter().map(|c| c.as_str()).collect();
            assert_eq!(probed, ["us2", "ap1"]);
            assert!(unanswered.is_empty());
        }
        other => panic!("{other:?}"),
    }
    assert!(report
        .websocket()
        .answer()
        .starts_with("`pusher:error` 4001 `App key 6b1e… (20 chars) not in this cluster"));
    assert_eq!(report.wrong_variables(), [Variable::Cluster]);
    let shown = report.to_string();
    assert!(shown.contains("set `PUSHER_CLUSTER=us2`"), "{shown}");
    assert!(
        shown.ends_with("error: the live check failed; fix `PUSHER_CLUSTER`"),
        "{shown}"
    );
    assert_secret_kept(&report, &[&eu, &us2, &ap1]);
}

#[test]
fn only_an_oversized_close_frame_means_4001_on_pusher_and_no_cluster_has_the_key() {
    let eu = StandIn::start(Cluster::new(Ws::OnlyOversizedClose));
    let us2 = StandIn::start(Cluster::new(Ws::OnlyOversizedClose));
    let mt1 = StandIn::start(Cluster::new(Ws::Error(4001, not_in_this_cluster())));
    let report = live::verify(
        &hosted("eu"),
        &options(&[("eu", &eu), ("us2", &us2), ("mt1", &mt1)]),
    );
    println!("{report}");
    assert!(
        matches!(
            report.websocket().outcome(),
            Outcome::UnknownKey { belongs_to: None, probed, unanswered } if probed.len() == 2 && unanswered.is_empty()
        ),
        "{report:?}"
    );
    assert!(report.websocket().answer().contains("Invalid frame header"));
    let shown = report.websocket().to_string();
    assert!(
        shown.starts_with("error: `PUSHER_KEY` is not known at ws://127.0.0.1:"),
        "{shown}"
    );
    assert!(
        shown.contains(
            "nor on any other cluster tried (`us2` and `mt1`): no Pusher app has this key"
        ),
        "{shown}"
    );
    assert_eq!(report.wrong_variables(), [Variable::Key]);
}

#[test]
fn clusters_that_do_not_answer_are_named() {
    let eu = StandIn::start(Cluster::new(Ws::Error(4001, not_in_this_cluster())));
    let silent = StandIn::start(Cluster::new(Ws::Silent));
    let closed = TcpListener::bind("127.0.0.1:0").expect("bind");
    let closed_port = closed.local_addr().expect("address").port();
    drop(closed);
    let options = options(&[("eu", &eu), ("us2", &silent)])
        .with_timeout(Duration::from_secs(1))
        .with_clusters_to_probe(["eu", "us2", "ap1"])
        .with_cluster_endpoint("ap1", Endpoint::new(Scheme::Http, "127.0.0.1", closed_port));
    let started = Instant::now();
    let report = live::verify(&hosted("eu"), &options);
    println!("{report}");
    assert!(
        started.elapsed() < Duration::from_secs(4),
        "{:?}",
        started.elapsed()
    );
    match report.websocket().outcome() {
        Outcome::UnknownKey {
            belongs_to: None,
            unanswered,
            ..
        } => {
            let unanswered: Vec<&str> = unanswered.iter().map(|c| c.as_str()).collect();
            assert_eq!(unanswered, ["us2", "ap1"]);
        }
        other => panic!("{other:?}"),
    }
    assert!(report
        .websocket()
        .to_string()
        .contains("`us2` and `ap1` gave no answer"));
}

#[test]
fn disabled_over_quota_over_capacity() {
    for (code, message, expected) in [
        (4003, "App is disabled", Outcome::AppDisabled),
        (4004, "App is over connection quota", Outcome::OverQuota),
        (4100, "Over capacity", Outcome::OverCapacity),
    ] {
        let eu = StandIn::start(Cluster::new(Ws::Error(code, message.into())));
        let report = live::verify(&hosted("eu"), &options(&[("eu", &eu)]));
        println!("{report}");
        assert_eq!(report.websocket().outcome(), &expected);
        assert_eq!(
            report.websocket().answer(),
            format!("`pusher:error` {code} `{message}`")
        );
        assert!(report.rest().outcome().is_ok());
        assert!(!report.is_ok());
        assert!(report.wrong_variables().is_empty());
    }
}

#[test]
fn rest_answers_name_the_variable() {
    for (status, body, expected, variable) in [
        (
            401,
            "Invalid signature: Expected HMAC SHA256 hex digest of GET\n/apps/2047711/channels\n…",
            Outcome::WrongSecret,
            Some(Variable::Secret),
        ),
        (404, "Unknown app", Outcome::UnknownApp, Some(Variable::AppId)),
        (
            401,
            "Timestamp expired: Given timestamp (1700000000) not within 600s of server time (1700000754)",
            Outcome::ClockOffset { seconds: -754 },
            None,
        ),
    ] {
        let eu = StandIn::start(Cluster::new(Ws::Welcome).rest(status, body));
        let report = live::verify(&hosted("eu"), &options(&[("eu", &eu)]));
        println!("{report}");
        assert!(report.websocket().outcome().is_ok());
        assert_eq!(report.rest().outcome(), &expected);
        assert_eq!(report.rest().outcome().variable(), variable);
        assert_secret_kept(&report, &[&eu]);
    }
}

#[test]
fn connection_refused_and_timeout_are_told_apart_quickly() {
    let closed = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = closed.local_addr().expect("address").port();
    drop(closed);
    let refused = Options::new()
        .with_clusters_to_probe([])
        .with_cluster_endpoint("eu", Endpoint::new(Scheme::Http, "127.0.0.1", port));
    let started = Instant::now();
    let report = live::verify(&hosted("eu"), &refused);
    println!("{report}");
    assert!(started.elapsed() < Duration::from_secs(2));
    for check in report.checks() {
        assert_eq!(
            check.outcome(),
            &Outcome::Unreachable {
                why: "connection refused".into()
            },
            "{check}"
        );
    }

    let silent = StandIn::start(Cluster::new(Ws::Silent));
    let options = options(&[("eu", &silent)]).with_timeout(Duration::from_secs(1));
    let started = Instant::now();
    let report = live::verify(&hosted("eu"), &options);
    println!("{report}");
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(
        report.websocket().outcome(),
        &Outcome::Timeout {
            after: Duration::from_secs(1)
        }
    );
    assert!(report
        .websocket()
        .to_string()
        .starts_with("error: no answer from ws://127.0.0.1:"));
}

#[test]
fn tls_to_a_plain_server_is_a_tls_failure() {
    let plain = StandIn::start(Cluster::new(Ws::Welcome));
    let report = live::verify(
        &hosted("eu"),
        &Options::new()
            .with_clusters_to_probe([])
            .with_cluster_endpoint("eu", Endpoint::new(Scheme::Https, "localhost", plain.port)),
    );
    println!("{report}");
    for check in report.checks() {
        assert!(matches!(check.outcome(), Outcome::Tls { .. }), "{check}");
    }
}

/// Awaits a future on this thread, parking between polls: the smallest executor.
fn block_on<F: std::future::Future>(future: F) -> (F::Output, usize) {
    struct Unpark(thread::Thread);
    impl Wake for Unpark {
        fn wake(self: Arc<Self>) {
            self.0.unpark();
        }
    }
    let waker = Waker::from(Arc::new(Unpark(thread::current())));
    let mut context = Context::from_waker(&waker);
    let mut future = std::pin::pin!(future);
    let mut polls = 0;
    loop {
        polls += 1;
        if let Poll::Ready(output) = future.as_mut().poll(&mut context) {
            return (output, polls);
        }
        thread::park();
    }
}

#[test]
fn in_the_background_as_a_future() {
    let eu = StandIn::start(Cluster::new(Ws::Welcome));
    let verification = live::verify_in_background(&hosted("eu"), &options(&[("eu", &eu)]));
    let (report, polls) = block_on(verification);
    assert!(report.is_ok(), "{report}");
    // The first poll finds no report yet: the check runs on its own thread.
    assert!(polls >= 2, "{polls}");
    let waited = live::verify_in_background(&hosted("eu"), &options(&[("eu", &eu)])).wait();
    assert!(waited.is_ok(), "{waited}");
}
