//! Unit tests of the typed configuration: masking, redaction, comparison.

use super::*;

const CONFIG: PusherConfig = PusherConfig::__from_parts(
    AppId::from_static("1234567"),
    Secret::from_static("0f1e2d3c4b5a69788796"),
    PublicConfig::hosted("a1b2c3d4e5f60718293a", "eu"),
);

#[test]
fn debug_and_display_never_show_key_or_secret() {
    for shown in [
        format!("{CONFIG:?}"),
        CONFIG.to_string(),
        format!("{:#?}", CONFIG),
    ] {
        assert!(!shown.contains("0f1e2d3c4b5a69788796"), "{shown}");
        assert!(!shown.contains("a1b2c3d4e5f60718293a"), "{shown}");
        assert!(shown.contains("20 chars"), "{shown}");
    }
    assert_eq!(CONFIG.secret().expose_secret(), "0f1e2d3c4b5a69788796");
    assert_eq!(CONFIG.key().as_str(), "a1b2c3d4e5f60718293a");
}

#[test]
fn secret_display_and_debug_are_the_one_redaction() {
    let config = CONFIG;
    let secret = config.secret();
    assert_eq!(secret.to_string(), "[redacted secret, 20 chars]");
    assert_eq!(format!("{secret:?}"), "Secret([redacted secret, 20 chars])");
    assert!(
        format!("{CONFIG:?}").contains("secret: Secret([redacted secret, 20 chars])"),
        "{CONFIG:?}"
    );
    // The length counts characters, not bytes.
    assert_eq!(
        format!("{:?}", Secret::from_static("éé")),
        "Secret([redacted secret, 2 chars])"
    );
}

#[test]
fn key_display_uses_the_plain_mask() {
    assert_eq!(CONFIG.key().to_string(), "a1b2… (20 chars)");
    assert_eq!(Key::from_static("abc").to_string(), "(3 chars)");
    assert_eq!(format!("{:?}", CONFIG.key()), "Key(`a1b2…` (20 chars))");
}

#[test]
fn secrets_compare_by_value() {
    let secret = Secret::from_static("0f1e2d3c4b5a69788796");
    assert_eq!(secret, Secret::from_static("0f1e2d3c4b5a69788796"));
    // Same length, differing in the first, in the last byte.
    assert_ne!(secret, Secret::from_static("1f1e2d3c4b5a69788796"));
    assert_ne!(secret, Secret::from_static("0f1e2d3c4b5a69788797"));
    // A prefix, a longer value, empty.
    assert_ne!(secret, Secret::from_static("0f1e2d3c4b5a6978879"));
    assert_ne!(secret, Secret::from_static("0f1e2d3c4b5a697887960"));
    assert_ne!(secret, Secret::from_static(""));
    assert_eq!(Secret::from_static(""), Secret::from_static(""));
    assert_eq!(CONFIG, CONFIG.clone());
}

#[test]
fn cluster_and_app_id_display_plainly() {
    assert_eq!(CONFIG.cluster().to_string(), "eu");
    assert_eq!(CONFIG.app_id().to_string(), "1234567");
    assert_eq!(
        CONFIG.public().to_string(),
        "key a1b2… (20 chars), cluster eu"
    );
}
