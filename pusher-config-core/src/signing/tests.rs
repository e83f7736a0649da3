//! Unit tests of signing against Pusher's worked examples, and of the signer's `Debug`.

use super::*;
use crate::{AppId, PublicConfig, Secret};

/// The key and secret of Pusher's worked examples (pusher/docs,
/// `docs/channels/library_auth_reference/auth-signatures.md` and `rest-api.md`).
const DOCS_KEY: &str = "278d425bdf160c739803";
const DOCS_SECRET: &str = "7ad3773142a6692b25b8";

/// The worked examples' app (id 3).
const DOCS: PusherConfig = PusherConfig::__from_parts(
    AppId::from_static("3"),
    Secret::from_static(DOCS_SECRET),
    PublicConfig::hosted(DOCS_KEY, "mt1"),
);

/// A signer with the worked examples' key and secret, for every module's tests.
pub(super) const SIGNER: Signer<'static> = Signer::new(DOCS_KEY, DOCS_SECRET);

#[test]
fn docs_private_channel() {
    let auth = DOCS
        .authorize_channel("1234.1234", "private-foobar")
        .expect("valid input");
    assert_eq!(
        auth.to_json(),
        "{\"auth\":\"278d425bdf160c739803:\
         58df8b0c36d6982b82c3ecf6b4662e34fe8c25bba48f5369f135bf843651c3a4\"}"
    );
}

#[test]
fn docs_presence_channel() {
    // The docs print `afaed369…` beside "Mr. Channels", but that digest is the one of
    // "Mr. Pusher" (an older version of the page): both are checked here.
    for (name, digest) in [
        (
            "Mr. Channels",
            "31935e7d86dba64c2a90aed31fdc61869f9b22ba9d8863bba239c03ca481bc80",
        ),
        (
            "Mr. Pusher",
            "afaed3695da2ffd16931f457e338e6c9f2921fa133ce7dac49f529792be6304c",
        ),
    ] {
        let data = format!(r#"{{"user_id":10,"user_info":{{"name":"{name}"}}}}"#);
        let auth = DOCS
            .authorize_presence_channel("1234.1234", "presence-foobar", &data)
            .expect("valid input");
        assert_eq!(auth.auth(), format!("278d425bdf160c739803:{digest}"));
    }
}

#[test]
fn docs_rest_request() {
    let body = r#"{"name":"foo","channels":["project-3"],"data":"{\"some\":\"data\"}"}"#;
    let query = DOCS
        .sign_request("POST", &DOCS.api_path("/events"), &[], body, 1353088179)
        .expect("valid request");
    assert_eq!(
        query.string_to_sign(),
        "POST\n/apps/3/events\nauth_key=278d425bdf160c739803&auth_timestamp=1353088179\
         &auth_version=1.0&body_md5=ec365a775a4cd0599faeb73354201b6f"
    );
    assert_eq!(
        query.signature(),
        "da454824c97ba181a32ccc17a72625ba02771f50b50e1e7430e47a1f3f457e6c"
    );
}

#[test]
fn hex_is_lowercase_and_padded() {
    let mut out = String::new();
    push_hex(&mut out, &[0x00, 0x0f, 0xa0, 0xff]);
    assert_eq!(out, "000fa0ff");
}

#[test]
fn the_signer_signs_with_the_apps_key() {
    assert_eq!(DOCS.signer().key(), "278d425bdf160c739803");
    let signer = Signer::new("9c2e5b0f4d7a18e36c41", "e0b7d2a94c5f13868a2d");
    assert_eq!(signer.key(), "9c2e5b0f4d7a18e36c41");
}

#[test]
fn debug_shows_the_key_masked_and_the_secret_redacted() {
    assert_eq!(
        format!("{:?}", DOCS.signer()),
        "Signer { key: `278d…` (20 chars), secret: [redacted secret, 20 chars] }"
    );
}

#[test]
fn hex_is_push_hex_into_a_new_string() {
    assert_eq!(hex(&[0x00, 0x0f, 0xa0, 0xff]), "000fa0ff");
    assert_eq!(hex(&[]), "");
}

#[test]
fn nonempty_of_a_class() {
    assert!(is_nonempty_of("0123", u8::is_ascii_digit));
    assert!(!is_nonempty_of("", u8::is_ascii_digit));
    assert!(!is_nonempty_of("01a3", u8::is_ascii_digit));
    assert!(!is_nonempty_of("١", u8::is_ascii_digit));
}

#[test]
fn hex_of_known_digests() {
    // MD5("") and the first bytes of SHA-256(""), as printed by `md5sum` and `sha256sum`.
    let mut out = String::new();
    push_hex(
        &mut out,
        &[
            0xd4, 0x1d, 0x8c, 0xd9, 0x8f, 0x00, 0xb2, 0x04, 0xe9, 0x80, 0x09, 0x98, 0xec, 0xf8,
            0x42, 0x7e,
        ],
    );
    assert_eq!(out, "d41d8cd98f00b204e9800998ecf8427e");
    push_hex(&mut out, &[0xe3, 0xb0, 0xc4, 0x42]);
    assert_eq!(out, "d41d8cd98f00b204e9800998ecf8427ee3b0c442");
}

#[test]
fn errors_and_debug_never_show_the_secret() {
    let shown = format!("{:?}", DOCS.signer());
    assert!(!shown.contains("7ad3773142a6692b25b8"), "{shown}");
    assert!(!shown.contains("278d425bdf160c739803"), "{shown}");
    let errors = [
        DOCS.authorize_channel("x", "private-a").map(|_| ()),
        DOCS.verify_webhook("278d425bdf160c739803", "00", "{}"),
        DOCS.verify_webhook("other", "00", "{}"),
    ];
    for error in errors {
        let message = error.expect_err("refused").to_string();
        assert!(!message.contains("7ad3773142a6692b25b8"), "{message}");
        assert!(
            message.starts_with(|c: char| !c.is_uppercase()),
            "{message}"
        );
        assert!(!message.ends_with('.'), "{message}");
    }
}
