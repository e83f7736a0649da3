//! Unit tests of the events API: request building and signing, limits, answers, errors; and
//! the client against a one-shot HTTP server on loopback.

use super::*;
use crate::signing::Signer;
use crate::{AppId, Cluster, Host, Key, PublicConfig, PusherConfig, Scheme, Secret};

const KEY: &str = "278d425bdf160c739803";
const SECRET: &str = "7ad3773142a6692b25b8";
const TS: u64 = 1_700_000_000;

/// The worked examples' app (id 3) on the `eu` cluster.
static HOSTED: PusherConfig = PusherConfig::__from_parts(
    AppId::from_static("3"),
    Secret::from_static(SECRET),
    PublicConfig::hosted(KEY, "eu"),
);

fn self_hosted(host: &'static str, port: u16) -> PusherConfig {
    PusherConfig::__from_parts(
        AppId::from_static("app-id"),
        Secret::from_static(SECRET),
        PublicConfig::__from_parts(
            Key::from_static(KEY),
            Cluster::from_static("mt1"),
            Some(Host::from_static(host)),
            Some(port),
            Some(Scheme::Http),
        ),
    )
}

/// The query the signer gives for this request, to compare with the prepared URL.
fn signed(method: &str, path: &str, params: &[(&str, &str)], body: &str) -> String {
    Signer::new(KEY, SECRET)
        .sign_request(method, path, params, body, TS)
        .expect("valid request")
        .to_query_string()
}

#[test]
fn trigger_is_signed_as_the_signer_signs_it() {
    let api = Api::new(&HOSTED);
    let request = api
        .trigger(
            &Trigger::to_channels(&["a", "private-b"], "ev", r#"{"x":1}"#)
                .except("1.2")
                .info(Info::SUBSCRIPTION_COUNT),
            TS,
        )
        .expect("valid");
    let body = r#"{"name":"ev","data":"{\"x\":1}","channels":["a","private-b"],"socket_id":"1.2","info":"subscription_count"}"#;
    assert_eq!(request.body(), body);
    assert_eq!(request.method(), Method::Post);
    assert_eq!(request.path(), "/apps/3/events");
    assert_eq!(request.content_type(), Some("application/json"));
    assert_eq!(
        request.url(),
        format!(
            "https://api-eu.pusher.com/apps/3/events?{}",
            signed("POST", "/apps/3/events", &[], body)
        )
    );
}

#[test]
fn one_channel_is_a_list_of_one() {
    let request = Api::new(&HOSTED)
        .trigger(&Trigger::new("chat", "m", "hi"), TS)
        .expect("valid");
    assert_eq!(
        request.body(),
        r#"{"name":"m","data":"hi","channels":["chat"]}"#
    );
}

#[test]
fn batch_body_and_signature() {
    let events = [
        BatchEvent::new("a", "one", "1"),
        BatchEvent::new("presence-b", "two", "2")
            .except("3.4")
            .info(Info::USER_COUNT),
    ];
    let request = Api::new(&HOSTED).trigger_batch(&events, TS).expect("valid");
    let body = r#"{"batch":[{"channel":"a","name":"one","data":"1"},{"channel":"presence-b","name":"two","data":"2","socket_id":"3.4","info":"user_count"}]}"#;
    assert_eq!(request.body(), body);
    assert!(request
        .url()
        .ends_with(&signed("POST", "/apps/3/batch_events", &[], body)));
}

#[test]
fn queries_are_gets_with_their_params_signed() {
    let api = Api::new(&HOSTED);
    let list = api
        .channels(Some("presence-"), Info::USER_COUNT, TS)
        .expect("valid");
    assert_eq!(list.method(), Method::Get);
    assert_eq!(list.body(), "");
    assert_eq!(list.content_type(), None);
    let params = [("filter_by_prefix", "presence-"), ("info", "user_count")];
    assert_eq!(
        list.url(),
        format!(
            "https://api-eu.pusher.com/apps/3/channels?{}",
            signed("GET", "/apps/3/channels", &params, "")
        )
    );

    let both = Info::USER_COUNT.and(Info::SUBSCRIPTION_COUNT);
    let one = api.channel("presence-room", both, TS).expect("valid");
    assert_eq!(one.path(), "/apps/3/channels/presence-room");
    assert!(one
        .url()
        .contains("&info=user_count%2Csubscription_count&auth_signature="));

    let users = api.presence_users("presence-room", TS).expect("valid");
    assert_eq!(users.path(), "/apps/3/channels/presence-room/users");
}

#[test]
fn user_calls() {
    let api = Api::new(&HOSTED);
    let to_user = api
        .send_to_user("user-42", "ping", "{}", TS)
        .expect("valid");
    assert_eq!(
        to_user.body(),
        r##"{"name":"ping","data":"{}","channels":["#server-to-user-user-42"]}"##
    );
    let terminate = api
        .terminate_user_connections("user-42", TS)
        .expect("valid");
    assert_eq!(
        terminate.path(),
        "/apps/3/users/user-42/terminate_connections"
    );
    assert_eq!(terminate.body(), "{}");
    for bad in ["", "a b", "a/b", "a?b", "é", &"u".repeat(150)] {
        assert_eq!(
            api.send_to_user(bad, "ping", "{}", TS)
                .expect_err("refused"),
            EventsError::InvalidUserId,
            "{bad:?}"
        );
        assert_eq!(
            api.terminate_user_connections(bad, TS)
                .expect_err("refused"),
            EventsError::InvalidUserId
        );
    }
    assert!(api.send_to_user(&"u".repeat(149), "ping", "{}", TS).is_ok());
}

#[test]
fn hosted_limits() {
    let api = Api::new(&HOSTED);
    assert_eq!(api.limits(), &Limits::HOSTED);
    let name = "n".repeat(200);
    assert!(api.trigger(&Trigger::new("c", &name, ""), TS).is_ok());
    let name = "é".repeat(201);
    assert_eq!(
        api.trigger(&Trigger::new("c", &name, ""), TS)
            .expect_err("refused"),
        EventsError::Limit {
            what: Limit::EventName,
            limit: 200,
            actual: 201
        }
    );
    let names: Vec<String> = (0..101).map(|i| format!("c{i}")).collect();
    let channels: Vec<&str> = names.iter().map(String::as_str).collect();
    assert!(api
        .trigger(&Trigger::to_channels(&channels[..100], "e", ""), TS)
        .is_ok());
    assert_eq!(
        api.trigger(&Trigger::to_channels(&channels, "e", ""), TS)
            .expect_err("refused"),
        EventsError::Limit {
            what: Limit::Channels,
            limit: 100,
            actual: 101
        }
    );
    let data = "x".repeat(10 * 1024);
    assert!(api.trigger(&Trigger::new("c", "e", &data), TS).is_ok());
    let data = "x".repeat(10 * 1024 + 1);
    let error = api
        .trigger(&Trigger::new("c", "e", &data), TS)
        .expect_err("refused");
    assert_eq!(
        error,
        EventsError::Limit {
            what: Limit::DataBytes,
            limit: 10240,
            actual: 10241
        }
    );
    assert!(error.is_refused_before_sending());
    let batch = vec![BatchEvent::new("c", "e", ""); 11];
    assert_eq!(
        api.trigger_batch(&batch, TS).expect_err("refused"),
        EventsError::Limit {
            what: Limit::BatchEvents,
            limit: 10,
            actual: 11
        }
    );
    assert!(api.trigger_batch(&batch[..10], TS).is_ok());
    let batch = [
        BatchEvent::new("c", "e", ""),
        BatchEvent::new("c", "e", &data),
    ];
    let error = api.trigger_batch(&batch, TS).expect_err("refused");
    assert_eq!(
        error.to_string(),
        "batch event 1: the event's data has 10241 bytes, more than the 10240 allowed; send \
         less, or an id the clients fetch the rest with; a dedicated cluster may allow more \
         (`Limits::max_data_bytes`)"
    );
}

#[test]
fn self_hosted_leaves_sizes_to_the_server() {
    let config = self_hosted("127.0.0.1", 6001);
    let api = Api::new(&config);
    assert_eq!(api.limits(), &Limits::SELF_HOSTED);
    let data = "x".repeat(100 * 1024);
    assert!(api.trigger(&Trigger::new("c", "e", &data), TS).is_ok());
    let batch = vec![BatchEvent::new("c", "e", ""); 50];
    let request = api.trigger_batch(&batch, TS).expect("no batch limit");
    assert!(request
        .url()
        .starts_with("http://127.0.0.1:6001/apps/app-id/batch_events?auth_key="));
    // A dedicated Pusher cluster named by its host keeps Pusher's limits.
    let dedicated = self_hosted("api-acme.pusher.com", 443);
    assert_eq!(Limits::for_config(&dedicated), Limits::HOSTED);
    // Others may be set.
    let mut limits = Limits::HOSTED;
    limits.max_batch_events = Some(100);
    assert!(Api::new(&HOSTED)
        .with_limits(limits)
        .trigger_batch(&batch, TS)
        .is_ok());
}

#[test]
fn refusals_before_sending() {
    let api = Api::new(&HOSTED);
    let trigger = |t: Trigger<'_>| api.trigger(&t, TS).expect_err("refused");
    assert_eq!(
        trigger(Trigger::new("c", "", "")),
        EventsError::EmptyEventName
    );
    assert_eq!(
        trigger(Trigger::to_channels(&[], "e", "")),
        EventsError::NoChannels
    );
    assert_eq!(
        trigger(Trigger::to_channels(&["ok", "not ok"], "e", "")).to_string(),
        "channel 1 of the request: channel name contains ` `; only letters, digits and \
         `-_=@,.;` are allowed"
    );
    assert_eq!(
        trigger(Trigger::new("#server-to-user-1", "e", "")),
        EventsError::InvalidChannel {
            index: 0,
            error: crate::signing::SigningError::InvalidChannelCharacter('#')
        }
    );
    // Among other channels, or without the `encryption` feature, an encrypted channel is
    // refused; alone without a master key, encryption says what is missing.
    assert_eq!(
        trigger(Trigger::to_channels(&["c", "private-encrypted-x"], "e", "")),
        EventsError::EncryptedChannel { index: 1 }
    );
    let alone = trigger(Trigger::new("private-encrypted-x", "e", ""));
    if cfg!(feature = "encryption") {
        assert!(
            matches!(alone, EventsError::InvalidChannel { index: 0, .. }),
            "{alone:?}"
        );
        assert!(
            alone
                .to_string()
                .contains("PUSHER_ENCRYPTION_MASTER_KEY_BASE64"),
            "{alone}"
        );
    } else {
        assert_eq!(alone, EventsError::EncryptedChannel { index: 0 });
    }
    assert_eq!(
        trigger(Trigger::new("c", "e", "").except("1234")),
        EventsError::InvalidSocketId
    );
    assert_eq!(
        api.trigger_batch(&[], TS).expect_err("refused"),
        EventsError::EmptyBatch
    );
    assert_eq!(
        api.channels(None, Info::USER_COUNT, TS)
            .expect_err("refused"),
        EventsError::UserCountNeedsPresence
    );
    assert_eq!(
        api.channels(Some("private-"), Info::USER_COUNT, TS)
            .expect_err("refused"),
        EventsError::UserCountNeedsPresence
    );
    assert!(api.channels(None, Info::SUBSCRIPTION_COUNT, TS).is_ok());
    assert_eq!(
        api.channel("private-x", Info::USER_COUNT, TS)
            .expect_err("refused"),
        EventsError::UserCountNeedsPresence
    );
    assert_eq!(
        api.presence_users("private-x", TS).expect_err("refused"),
        EventsError::NotPresenceChannel
    );
    assert!(matches!(
        api.channel("a/b", Info::NONE, TS).expect_err("refused"),
        EventsError::InvalidChannel { .. }
    ));
}

#[test]
fn answers_are_typed() {
    let api = Api::new(&HOSTED);
    let trigger = api.trigger(&Trigger::new("c", "e", ""), TS).expect("valid");
    assert_eq!(
        trigger.parse_response(200, b"{}"),
        Ok(TriggerResponse::default())
    );
    let answer = trigger
        .parse_response(
            200,
            br#"{"channels":{"c":{"subscription_count":3,"user_count":2}}}"#,
        )
        .expect("valid");
    assert_eq!(answer.channels["c"].subscription_count, Some(3));
    assert_eq!(answer.channels["c"].user_count, Some(2));

    let users = api.presence_users("presence-r", TS).expect("valid");
    let answer = users
        .parse_response(200, br#"{"users":[{"id":"1"},{"id":"two"}]}"#)
        .expect("valid");
    let ids: Vec<&str> = answer.users.iter().map(|u| u.id.as_str()).collect();
    assert_eq!(ids, ["1", "two"]);

    let terminate = api.terminate_user_connections("u", TS).expect("valid");
    assert_eq!(terminate.parse_response(200, b""), Ok(Accepted {}));
    assert_eq!(
        terminate.parse_response(202, br#"{"ok":true}"#),
        Ok(Accepted {})
    );

    let error = users.parse_response(200, b"<html>").expect_err("refused");
    assert!(
        matches!(error, EventsError::InvalidResponse { status: 200, .. }),
        "{error:?}"
    );
}

#[test]
fn statuses_say_what_they_mean() {
    let cases: [(u16, &[u8], &str); 7] = [
        (
            401,
            br#"{"error":"Invalid API signature","code":"auth_failed"}"#,
            "the server answered 401 Unauthorized: the signature was refused; check \
             `PUSHER_SECRET` and `PUSHER_KEY`, and that this machine's clock is within 600 s of \
             the server's (it said `Invalid API signature`)",
        ),
        (
            403,
            b"App is disabled\n",
            "the server answered 403 Forbidden: the app is disabled or over its message quota; \
             check the app's status and usage in the Pusher dashboard (it said `App is \
             disabled`)",
        ),
        (
            404,
            b"",
            "the server answered 404 Not Found: no such app or resource; check \
             `PUSHER_APP_ID` and the cluster or host",
        ),
        (
            413,
            b"Request Entity Too Large",
            "the server answered 413 Payload Too Large: the request is too large for the server \
             (or the app is over its quota); send less data per event (it said `Request Entity \
             Too Large`)",
        ),
        (
            400,
            b"Invalid event name",
            "the server answered 400 Bad Request: the request was refused as malformed; the \
             server's message says which part (it said `Invalid event name`)",
        ),
        (
            503,
            b"",
            "the server answered 503 Service Unavailable: the server failed; retry later",
        ),
        (
            418,
            b"/apps/3/events?auth_key=x&auth_signature=y",
            "the server answered 418: an answer Pusher's HTTP API does not document",
        ),
    ];
    for (status, body, expected) in cases {
        let error = response::parse::<Accepted>(status, body).expect_err("refused");
        assert_eq!(error.to_string(), expected);
        assert_eq!(error.is_retryable(), status >= 500);
        assert!(!error.is_refused_before_sending());
    }
    let long = "x".repeat(300);
    let EventsError::Http { message, .. } = EventsError::from_status(400, long.as_bytes()) else {
        panic!("an HTTP error");
    };
    assert_eq!(message.map(|m| m.chars().count()), Some(201));
}

#[test]
fn nothing_shows_a_credential() {
    let api = Api::new(&HOSTED);
    let request = api
        .trigger(&Trigger::new("c", "e", "secret data"), TS)
        .expect("valid");
    let signature = request
        .url()
        .rsplit("auth_signature=")
        .next()
        .expect("signed")
        .to_owned();
    for shown in [
        format!("{request:?}"),
        format!("{api:?}"),
        format!("{:?}", api.clone().with_limits(Limits::SELF_HOSTED)),
    ] {
        for hidden in [SECRET, KEY, signature.as_str(), "secret data"] {
            assert!(!shown.contains(hidden), "{shown}");
        }
    }
    assert_eq!(
        format!("{request:?}"),
        "PreparedRequest { method: Post, path: \"/apps/3/events\", body_bytes: 50, .. }"
    );
}

#[cfg(feature = "events-client")]
mod client {
    use std::time::Duration;

    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    use tokio::net::TcpListener;

    use super::*;

    /// Serves one connection: reads a request (head and `Content-Length` body), answers
    /// `status` with `body`, and returns the request's text.
    async fn serve_once(
        status: &'static str,
        body: &'static str,
    ) -> (u16, tokio::task::JoinHandle<String>) {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let port = listener.local_addr().expect("address").port();
        let handle = tokio::spawn(async move {
            let (mut socket, _) = listener.accept().await.expect("accept");
            let mut request = Vec::new();
            let mut buf = [0u8; 4096];
            loop {
                let n = socket.read(&mut buf).await.expect("read");
                request.extend_from_slice(&buf[..n]);
                let text = String::from_utf8_lossy(&request).into_owned();
                if let Some(head_end) = text.find("\r\n\r\n") {
                    let length = text[..head_end]
                        .lines()
                        .find_map(|line| {
                            let (name, value) = line.split_once(':')?;
                            name.eq_ignore_ascii_case("content-length")
                                .then(|| value.trim().parse::<usize>().ok())?
                        })
                        .unwrap_or(0);
                    if request.len() >= head_end + 4 + length {
                        break;
                    }
                }
                if n == 0 {
                    break;
                }
            }
            let answer = format!(
                "HTTP/1.1 {status}\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                body.len()
            );
            socket.write_all(answer.as_bytes()).await.expect("write");
            String::from_utf8_lossy(&request).into_owned()
        });
        (port, handle)
    }

    fn leak(config: PusherConfig) -> &'static PusherConfig {
        Box::leak(Box::new(config))
    }

    #[tokio::test]
    async fn sends_a_signed_trigger_and_reads_the_answer() {
        let (port, server) = serve_once(
            "200 OK",
            r#"{"channels":{"presence-r":{"user_count":1,"subscription_count":2}}}"#,
        )
        .await;
        let config = self_hosted("127.0.0.1", port);
        let client = Client::new(config.clone());
        let answer = client
            .trigger(&Trigger::new("presence-r", "e", "{}").info(Info::USER_COUNT))
            .await
            .expect("200");
        assert_eq!(answer.channels["presence-r"].subscription_count, Some(2));
        let request = server.await.expect("served");
        assert!(
            request.starts_with("POST /apps/app-id/events?auth_key=278d425bdf160c739803&"),
            "{request}"
        );
        assert!(request.contains("\r\ncontent-type: application/json\r\n"));
        assert!(request.ends_with(
            r#"{"name":"e","data":"{}","channels":["presence-r"],"info":"user_count"}"#
        ));
        assert!(!format!("{client:?}").contains(SECRET));
    }

    #[tokio::test]
    async fn a_refusal_is_typed() {
        let (port, server) = serve_once(
            "401 Unauthorized",
            r#"{"error":"Invalid API signature","code":"auth_failed"}"#,
        )
        .await;
        let client = Client::new(self_hosted("127.0.0.1", port));
        let error = client
            .channels(None, Info::SUBSCRIPTION_COUNT)
            .await
            .expect_err("refused");
        assert!(
            matches!(error, EventsError::Http { status: 401, .. }),
            "{error:?}"
        );
        let request = server.await.expect("served");
        assert!(request.starts_with("GET /apps/app-id/channels?auth_key="));
        assert!(!request.contains("content-type"), "{request}");
    }

    #[tokio::test]
    async fn a_silent_server_times_out() {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let port = listener.local_addr().expect("address").port();
        let config = leak(self_hosted("127.0.0.1", port));
        let client = Client::new(config.clone()).with_timeout(Duration::from_millis(200));
        let error = client
            .presence_users("presence-r")
            .await
            .expect_err("refused");
        assert_eq!(error, EventsError::Timeout(Duration::from_millis(200)));
        assert!(error.is_retryable());
        drop(listener);
    }

    #[tokio::test]
    async fn no_server_is_a_network_error() {
        let port = {
            let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
            listener.local_addr().expect("address").port()
        };
        let client = Client::new(self_hosted("127.0.0.1", port));
        let error = client
            .terminate_user_connections("u")
            .await
            .expect_err("refused");
        let EventsError::Network(cause) = &error else {
            panic!("a network error, not {error:?}");
        };
        assert!(cause.contains("onnect"), "{cause}");
        let shown = error.to_string();
        assert!(!shown.contains("auth_"), "{shown}");
        assert!(!shown.contains(SECRET), "{shown}");
    }
}

#[cfg(feature = "encryption")]
#[test]
fn an_encrypted_channel_gets_its_data_encrypted_as_pusher_js_decrypts_it() {
    use crate::EncryptionMasterKey;
    let config = HOSTED
        .clone()
        .with_encryption_master_key(EncryptionMasterKey::from_bytes([7; 32]));
    let api = Api::new(&config);
    let channel = "private-encrypted-e2e";
    let prepared = api
        .trigger(&Trigger::new(channel, "e", r#"{"plain":"text"}"#), TS)
        .expect("signed");
    let body: serde_json::Value = serde_json::from_str(prepared.body()).expect("JSON body");
    let data: serde_json::Value =
        serde_json::from_str(body["data"].as_str().expect("data is a string")).expect("JSON data");
    assert!(
        data["nonce"].is_string() && data["ciphertext"].is_string(),
        "{data}"
    );
    assert!(
        !prepared.body().contains("plain"),
        "sent in the clear: {}",
        prepared.body()
    );
    // The same in a batch, beside a channel whose data is sent as it is.
    let batch = [
        BatchEvent::new(channel, "e", "secret words"),
        BatchEvent::new("public", "e", "open words"),
    ];
    let prepared = api.trigger_batch(&batch, TS).expect("signed");
    assert!(
        !prepared.body().contains("secret words"),
        "{}",
        prepared.body()
    );
    assert!(
        prepared.body().contains("open words"),
        "{}",
        prepared.body()
    );
}
