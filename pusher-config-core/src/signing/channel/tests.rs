//! Unit tests of channel authorization, user authentication and their JSON.

use super::*;
use crate::signing::tests::SIGNER;

#[test]
fn socket_ids() {
    for ok in [
        "1.2",
        "1234.1234",
        "0.0",
        "123456789012345678901234567890.1",
    ] {
        assert_eq!(validate_socket_id(ok), Ok(()), "{ok}");
    }
    for bad in [
        "", ".", "1.", ".1", "1", "1.2.3", "a.1", "1.a", " 1.2", "1.2 ", "1.2\n", "-1.2", "1,2",
        "١.٢", "+1.2",
    ] {
        assert_eq!(
            validate_socket_id(bad),
            Err(SigningError::InvalidSocketId),
            "{bad:?}"
        );
    }
}

#[test]
fn channel_names() {
    for ok in ["a", "private-a_b-c=d@e,f.g;h", &"x".repeat(164)] {
        assert_eq!(validate_channel_name(ok), Ok(()), "{ok}");
    }
    assert_eq!(
        validate_channel_name(""),
        Err(SigningError::EmptyChannelName)
    );
    assert_eq!(
        validate_channel_name(&"x".repeat(165)),
        Err(SigningError::ChannelNameTooLong(165))
    );
    for (bad, c) in [
        ("private-a b", ' '),
        ("private-é", 'é'),
        ("private-a:b", ':'),
        ("private-a\nb", '\n'),
        ("private-a/b", '/'),
        ("private-a#b", '#'),
    ] {
        assert_eq!(
            validate_channel_name(bad),
            Err(SigningError::InvalidChannelCharacter(c))
        );
    }
}

#[test]
fn channel_prefixes() {
    assert_eq!(
        SIGNER.authorize_channel("1.1", "presence-x").map(|_| ()),
        Err(SigningError::NotPrivateChannel)
    );
    assert_eq!(
        SIGNER.authorize_channel("1.1", "public").map(|_| ()),
        Err(SigningError::NotPrivateChannel)
    );
    assert_eq!(
        SIGNER
            .authorize_channel("1.1", "private-encrypted-x")
            .map(|_| ()),
        Err(SigningError::EncryptedChannel)
    );
    assert_eq!(
        SIGNER
            .authorize_presence_channel("1.1", "private-x", "{}")
            .map(|_| ()),
        Err(SigningError::NotPresenceChannel)
    );
    assert_eq!(
        SIGNER.authenticate_user("1", "{}").map(|_| ()),
        Err(SigningError::InvalidSocketId)
    );
}

#[test]
fn json_escaping() {
    let mut out = String::new();
    push_json_string(
        &mut out,
        "a\"b\\c\nd\re\tf\u{8}g\u{c}h\u{0}i\u{1f}j\u{7f}k é 😀",
    );
    assert_eq!(
        out,
        r#""a\"b\\c\nd\re\tf\bg\fh\u0000i\u001fj"#.to_owned() + "\u{7f}k é 😀\""
    );
}

#[test]
fn presence_json_double_encodes_channel_data() {
    let data = r#"{"user_id":"1","user_info":{"name":"Zoë \"Z\""}}"#;
    let auth = SIGNER
        .authorize_presence_channel("1.1", "presence-x", data)
        .expect("valid input");
    let json = auth.to_json();
    assert!(
        json.ends_with(
            r#","channel_data":"{\"user_id\":\"1\",\"user_info\":{\"name\":\"Zoë \\\"Z\\\"\"}}"}"#
        ),
        "{json}"
    );
}

#[cfg(feature = "serde")]
#[test]
fn serde_gives_the_same_json() {
    let data = "{\"user_id\":\"1\",\"n\":\"\u{1}é\\\"\"}";
    let private = SIGNER
        .authorize_channel("1.1", "private-x")
        .expect("valid input");
    let presence = SIGNER
        .authorize_presence_channel("1.1", "presence-x", data)
        .expect("valid input");
    let user = SIGNER.authenticate_user("1.1", data).expect("valid input");
    for (serialized, ours) in [
        (serde_json::to_string(&private), private.to_json()),
        (serde_json::to_string(&presence), presence.to_json()),
        (serde_json::to_string(&user), user.to_json()),
    ] {
        assert_eq!(serialized.expect("serializes"), ours);
    }
}

#[test]
fn debug_masks_the_key_and_shortens_the_signature() {
    let private = SIGNER
        .authorize_channel("1234.1234", "private-foobar")
        .expect("valid input");
    let presence = SIGNER
        .authorize_presence_channel("1.1", "presence-x", r#"{"user_id":"1"}"#)
        .expect("valid input");
    let user = SIGNER
        .authenticate_user("1.1", r#"{"id":"1"}"#)
        .expect("valid input");
    for (shown, signature) in [
        (format!("{private:?}"), private.auth()),
        (format!("{presence:#?}"), presence.auth()),
        (format!("{user:?}"), user.auth()),
    ] {
        let signature = signature.rsplit(':').next().unwrap_or_default();
        assert!(!shown.contains("278d425bdf160c739803"), "{shown}");
        assert!(!shown.contains(signature), "{shown}");
        assert!(shown.contains("`278d…` (20 chars)"), "{shown}");
    }
    assert_eq!(
        format!("{private:?}"),
        "ChannelAuth { key: `278d…` (20 chars), signature: `58df…` (64 chars), \
         channel_data: None }"
    );
    assert!(
        format!("{user:?}").ends_with(r#"(64 chars), user_data: "{\"id\":\"1\"}" }"#),
        "{user:?}"
    );
    // A key holding `:` (self-hosted) is still masked whole.
    let odd = Signer::new("app:key:0123456789", "secret")
        .authorize_channel("1.1", "private-x")
        .expect("valid input");
    assert!(format!("{odd:?}").starts_with("ChannelAuth { key: `app…` (18 chars), "));
}

#[test]
fn channel_data_is_returned_exactly_as_signed() {
    let private = SIGNER
        .authorize_channel("1234.1234", "private-foobar")
        .expect("valid input");
    assert_eq!(private.channel_data(), None);
    let data = r#"{"user_id":10,"user_info":{"name":"Mr. Channels"}}"#;
    let presence = SIGNER
        .authorize_presence_channel("1234.1234", "presence-foobar", data)
        .expect("valid input");
    assert_eq!(presence.channel_data(), Some(data));
}

#[test]
fn user_data_is_returned_exactly_as_signed() {
    let data = r#"{"id":"42","name":"Ada"}"#;
    let auth = SIGNER
        .authenticate_user("1234.1234", data)
        .expect("valid input");
    assert_eq!(auth.user_data(), data);
}

#[test]
fn user_auth_signs_socket_user_data() {
    let auth = SIGNER
        .authenticate_user("1234.1234", r#"{"id":"1"}"#)
        .expect("valid input");
    let expected = SIGNER.auth_token(&[b"1234.1234::user::{\"id\":\"1\"}"]);
    assert_eq!(auth.auth(), expected);
    assert_eq!(
        auth.to_json(),
        format!(r#"{{"auth":"{expected}","user_data":"{{\"id\":\"1\"}}"}}"#)
    );
}

#[test]
fn an_encrypted_channel_gets_its_shared_secret_with_a_master_key() {
    let master_key = crate::EncryptionMasterKey::from_bytes([7; 32]);
    let signer = SIGNER.with_encryption_master_key(&master_key);
    let channel = "private-encrypted-foobar";
    let auth = signer
        .authorize_channel("1234.1234", channel)
        .expect("valid input");
    // base64(SHA-256("private-encrypted-foobar" followed by 32 bytes of 7)), computed apart
    // with Python's hashlib.
    let shared = "KH+tRDTu81ixTVmz3MQln/a4WHOgYOu3/49dt88n9/k=";
    assert_eq!(auth.shared_secret(), Some(shared));
    // The signature is the ordinary private one.
    let private = SIGNER
        .authorize_channel("1234.1234", "private-foobar")
        .expect("valid input");
    assert_eq!(
        auth.auth(),
        SIGNER.auth_token(&[b"1234.1234:", channel.as_bytes()])
    );
    assert_ne!(auth.auth(), private.auth());
    assert_eq!(private.shared_secret(), None);
    assert_eq!(
        auth.to_json(),
        format!(r#"{{"auth":"{}","shared_secret":"{shared}"}}"#, auth.auth())
    );
    let shown = format!("{auth:?}");
    assert!(!shown.contains(shared), "{shown}");
    assert!(
        shown.ends_with("channel_data: None, shared_secret: [redacted secret, 44 chars] }"),
        "{shown}"
    );
    // Other channels are as without a master key.
    assert_eq!(
        signer.authorize_channel("1.1", "presence-x"),
        Err(SigningError::NotPrivateChannel)
    );
    let presence = signer
        .authorize_presence_channel("1.1", "presence-encrypted-x", "{}")
        .expect("valid input");
    assert_eq!(presence.shared_secret(), None);
    let debug = format!("{signer:?}");
    assert!(
        debug
            .ends_with("encryption_master_key: EncryptionMasterKey([redacted secret, 32 bytes]) }"),
        "{debug}"
    );
}

#[test]
fn without_a_master_key_the_error_says_to_configure_one() {
    let error = SIGNER
        .authorize_channel("1.1", "private-encrypted-x")
        .expect_err("no master key");
    assert_eq!(error, SigningError::EncryptedChannel);
    assert!(
        error
            .to_string()
            .contains("set `PUSHER_ENCRYPTION_MASTER_KEY_BASE64`"),
        "{error}"
    );
}
