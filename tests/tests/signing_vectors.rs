//! Our signing against vectors from two sources (see `tests/vectors/`):
//! - `pusher-docs.json`: Pusher's documented worked examples;
//! - `node-pusher.json`: produced by the official Node library (`pusher` on npm) with
//!   `scripts/vectors/generate.js`.

use pusher_config::signing::{Signer, SigningError};
use pusher_config::EncryptionMasterKey;
use serde_json::Value;

const DOCS: &str = include_str!("../vectors/pusher-docs.json");
const NODE: &str = include_str!("../vectors/node-pusher.json");

fn parse(text: &str) -> Value {
    serde_json::from_str(text).expect("vector file is JSON")
}

fn str_of<'a>(case: &'a Value, field: &str) -> &'a str {
    case[field]
        .as_str()
        .unwrap_or_else(|| panic!("`{field}` is a string in {case}"))
}

fn cases<'a>(file: &'a Value, section: &str) -> &'a [Value] {
    let cases = file[section]
        .as_array()
        .unwrap_or_else(|| panic!("`{section}` is an array"));
    assert!(!cases.is_empty(), "no `{section}` vectors");
    cases
}

/// Decodes `%XX` escapes, to compare our encoded query with the official library's raw one.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).expect("ASCII escape");
            out.push(u8::from_str_radix(hex, 16).expect("hex escape"));
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).expect("UTF-8 query")
}

fn is_unreserved(text: &str) -> bool {
    text.bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~'))
}

#[test]
fn node_channel_authorization() {
    let file = parse(NODE);
    for case in cases(&file, "channel_auth") {
        let signer = Signer::new(str_of(case, "key"), str_of(case, "secret"));
        let (socket_id, channel) = (str_of(case, "socket_id"), str_of(case, "channel"));
        let auth = match case["channel_data"].as_str() {
            None => signer.authorize_channel(socket_id, channel),
            Some(data) => signer.authorize_presence_channel(socket_id, channel, data),
        }
        .unwrap_or_else(|e| panic!("{e} for {case}"));
        assert_eq!(auth.auth(), case["response"]["auth"], "{case}");
        // The whole response, parsed: the official library orders the fields differently.
        assert_eq!(parse(&auth.to_json()), case["response"], "{case}");
    }
}

#[test]
fn node_user_authentication() {
    let file = parse(NODE);
    for case in cases(&file, "user_auth") {
        let signer = Signer::new(str_of(case, "key"), str_of(case, "secret"));
        let auth = signer
            .authenticate_user(str_of(case, "socket_id"), str_of(case, "user_data"))
            .unwrap_or_else(|e| panic!("{e} for {case}"));
        assert_eq!(parse(&auth.to_json()), case["response"], "{case}");
    }
}

#[test]
fn node_rest_requests() {
    let file = parse(NODE);
    let mut escaped = 0;
    for case in cases(&file, "rest") {
        let signer = Signer::new(str_of(case, "key"), str_of(case, "secret"));
        let params: Vec<(&str, &str)> = case["params"]
            .as_array()
            .expect("params is an array")
            .iter()
            .map(|pair| (str_of_index(pair, 0), str_of_index(pair, 1)))
            .collect();
        let query = signer
            .sign_request(
                str_of(case, "method"),
                str_of(case, "path"),
                &params,
                case["body"].as_str().unwrap_or(""),
                case["timestamp"].as_u64().expect("timestamp is a number"),
            )
            .unwrap_or_else(|e| panic!("{e} for {case}"));
        let node_query = str_of(case, "query");
        assert_eq!(query.string_to_sign(), case["string_to_sign"], "{case}");
        assert!(
            node_query.ends_with(&format!("&auth_signature={}", query.signature())),
            "{case}"
        );
        let ours = query.to_query_string();
        if params.iter().all(|(_, value)| is_unreserved(value)) {
            assert_eq!(ours, node_query, "{case}");
        } else {
            // The official library appends values unescaped; we percent-encode them.
            assert_ne!(ours, node_query, "{case}");
            assert_eq!(percent_decode(&ours), node_query, "{case}");
            escaped += 1;
        }
    }
    assert!(escaped > 0, "no vector exercises percent-encoding");
}

fn str_of_index(pair: &Value, index: usize) -> &str {
    pair[index].as_str().expect("param is a pair of strings")
}

#[test]
fn node_webhooks() {
    let file = parse(NODE);
    for case in cases(&file, "webhooks") {
        let signer = Signer::new(str_of(case, "key"), str_of(case, "secret"));
        let body = str_of(case, "body");
        let result = signer.verify_webhook(
            str_of(case, "header_key"),
            str_of(case, "header_signature"),
            body,
        );
        let expected = match str_of(case, "expect") {
            "valid" => {
                assert_eq!(signer.sign_webhook(body), case["header_signature"]);
                Ok(())
            }
            "wrong_key" => Err(SigningError::WebhookKeyMismatch),
            "bad_signature" => Err(SigningError::WebhookSignatureMismatch),
            other => panic!("unknown expectation `{other}`"),
        };
        assert_eq!(result, expected, "{case}");
    }
}

#[test]
fn docs_worked_examples() {
    let file = parse(DOCS);
    let signer = Signer::new(str_of(&file, "key"), str_of(&file, "secret"));
    for case in cases(&file, "channel_auth") {
        let (socket_id, channel) = (str_of(case, "socket_id"), str_of(case, "channel"));
        let auth = match case["channel_data"].as_str() {
            None => signer.authorize_channel(socket_id, channel),
            Some(data) => signer.authorize_presence_channel(socket_id, channel, data),
        }
        .unwrap_or_else(|e| panic!("{e} for {case}"));
        assert_eq!(auth.auth(), case["auth"], "{case}");
    }
    for case in cases(&file, "rest") {
        let query = signer
            .sign_request(
                str_of(case, "method"),
                str_of(case, "path"),
                &[],
                str_of(case, "body"),
                case["timestamp"].as_u64().expect("timestamp is a number"),
            )
            .unwrap_or_else(|e| panic!("{e} for {case}"));
        assert_eq!(query.string_to_sign(), case["string_to_sign"]);
        assert!(query
            .string_to_sign()
            .ends_with(&format!("&body_md5={}", str_of(case, "body_md5"))));
        assert_eq!(query.signature(), case["auth_signature"]);
        assert_eq!(query.to_query_string(), case["query"]);
    }
}

/// The master key of a vector, from its base64.
fn master_key(case: &Value) -> EncryptionMasterKey {
    let bytes = base64_decode(str_of(case, "master_key_base64"));
    EncryptionMasterKey::from_bytes(bytes.try_into().expect("32 bytes"))
}

/// Standard base64, padded, decoded (vector files only: no need for a dependency).
fn base64_decode(text: &str) -> Vec<u8> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut bits = 0u32;
    let mut count = 0;
    let mut out = Vec::new();
    for byte in text.bytes().filter(|b| *b != b'=') {
        let value = ALPHABET
            .iter()
            .position(|a| *a == byte)
            .expect("base64 character");
        bits = (bits << 6) | u32::try_from(value).expect("below 64");
        count += 6;
        if count >= 8 {
            count -= 8;
            out.push(u8::try_from((bits >> count) & 0xff).expect("a byte"));
        }
    }
    out
}

/// `private-encrypted-` authorizations by the official library configured with an encryption
/// master key (base64, or the raw 32 characters of old): the same `auth` as a private channel,
/// and the same `shared_secret`.
#[test]
fn node_encrypted_channel_authorization() {
    let file = parse(NODE);
    for case in cases(&file, "encrypted_channel_auth") {
        let key = master_key(case);
        let signer = Signer::new(str_of(case, "key"), str_of(case, "secret"))
            .with_encryption_master_key(&key);
        let auth = signer
            .authorize_channel(str_of(case, "socket_id"), str_of(case, "channel"))
            .unwrap_or_else(|e| panic!("{e} for {case}"));
        assert_eq!(parse(&auth.to_json()), case["response"], "{case}");
        // Without a master key it is refused, as the official library refuses it.
        let without = Signer::new(str_of(case, "key"), str_of(case, "secret"));
        assert_eq!(
            without.authorize_channel(str_of(case, "socket_id"), str_of(case, "channel")),
            Err(SigningError::EncryptedChannel)
        );
    }
}

/// Event data the official library encrypted for a `private-encrypted-` channel (its
/// `trigger`, with the nonce fixed): ours is the same text, byte for byte, given the same
/// nonce and what it encrypts (`JSON.stringify` of the data).
#[test]
fn node_encrypted_events() {
    let file = parse(NODE);
    for case in cases(&file, "encrypted_events") {
        let key = master_key(case);
        let signer = Signer::new(str_of(case, "key"), str_of(case, "secret"))
            .with_encryption_master_key(&key);
        let nonce: [u8; 24] = base64_decode(str_of(case, "nonce_base64"))
            .try_into()
            .expect("24 bytes");
        let data = signer
            .encrypt_event_data_with_nonce(str_of(case, "channel"), str_of(case, "data"), nonce)
            .unwrap_or_else(|e| panic!("{e} for {case}"));
        assert_eq!(data, str_of(case, "event_data"), "{case}");
    }
}
