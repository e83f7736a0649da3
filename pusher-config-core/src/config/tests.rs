//! Unit tests of the typed configuration: what it shows, redaction, comparison, `const`.

use super::*;

const CONFIG: PusherConfig = PusherConfig::__from_parts(
    AppId::from_static("1234567"),
    Secret::from_static("0f1e2d3c4b5a69788796"),
    PublicConfig::hosted("a1b2c3d4e5f60718293a", "eu"),
);

#[test]
fn debug_and_display_show_the_key_never_the_secret() {
    for shown in [
        format!("{CONFIG:?}"),
        CONFIG.to_string(),
        format!("{:#?}", CONFIG),
    ] {
        assert!(!shown.contains("0f1e2d3c4b5a69788796"), "{shown}");
        assert!(shown.contains("a1b2c3d4e5f60718293a"), "{shown}");
        assert!(shown.contains("[redacted secret, 20 chars]"), "{shown}");
    }
    assert_eq!(CONFIG.secret().expose_secret(), "0f1e2d3c4b5a69788796");
    assert_eq!(CONFIG.key().as_str(), "a1b2c3d4e5f60718293a");
    assert_eq!(
        CONFIG.to_string(),
        "app 1234567, key a1b2c3d4e5f60718293a, cluster eu, secret [redacted secret, 20 chars]"
    );
    assert_eq!(
        format!("{CONFIG:?}"),
        "PusherConfig { app_id: AppId(`1…` (7 chars)), \
         secret: Secret([redacted secret, 20 chars]), encryption_master_key: None, \
         public: PublicConfig { key: Key(\"a1b2c3d4e5f60718293a\"), cluster: Cluster(\"eu\"), \
         host: None, port: None, scheme: None } }"
    );
}

/// A self-hosted server may use one word for key and secret (`local`): the key is then masked,
/// so that no `Display` or `Debug` of the config shows the secret.
#[test]
fn a_key_equal_to_the_secret_is_masked() {
    let config = PusherConfig::__from_parts(
        AppId::from_static("app-id"),
        Secret::from_static("local-dev-word"),
        PublicConfig::__from_parts(
            Key::from_static("local-dev-word"),
            Cluster::from_static("mt1"),
            Some(Host::from_static("localhost")),
            Some(6001),
            Some(Scheme::Http),
        ),
    );
    for shown in [
        config.to_string(),
        format!("{config:?}"),
        format!("{config:#?}"),
    ] {
        assert!(!shown.contains("local-dev-word"), "{shown}");
    }
    assert_eq!(
        config.to_string(),
        "app app-id, key lo… (14 chars), http://localhost:6001, secret [redacted secret, 14 chars]"
    );
    assert!(
        format!("{config:?}").contains("key: Key(`lo…` (14 chars))"),
        "{config:?}"
    );
    // The public part alone holds no secret to compare with: the key is public there.
    assert!(config.public().to_string().contains("local-dev-word"));
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
fn key_displays_whole() {
    assert_eq!(CONFIG.key().to_string(), "a1b2c3d4e5f60718293a");
    assert_eq!(Key::from_static("abc").to_string(), "abc");
    assert_eq!(
        format!("{:?}", CONFIG.key()),
        "Key(\"a1b2c3d4e5f60718293a\")"
    );
    // `Display` pads like a `str`.
    assert_eq!(format!("[{:>5}]", Key::from_static("abc")), "[  abc]");
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
        "key a1b2c3d4e5f60718293a, cluster eu"
    );
}

/// The getters are `const fn`: the parts of a config in a `static` are constants too.
#[test]
fn getters_are_const() {
    static PUSHER: PusherConfig = CONFIG;
    const KEY: &Key = PUSHER.key();
    const APP_ID: &AppId = PUSHER.app_id();
    const CLUSTER: &Cluster = PUSHER.cluster();
    const HOST: Option<&Host> = PUSHER.host();
    const PORT: Option<u16> = PUSHER.port();
    const SCHEME: Scheme = PUSHER.scheme();
    const SECRET: &Secret = PUSHER.secret();
    const PUBLIC: &PublicConfig = PUSHER.public();
    const SET: bool = PUBLIC.scheme_is_set();
    assert_eq!(KEY.as_str(), "a1b2c3d4e5f60718293a");
    assert_eq!(APP_ID.as_str(), "1234567");
    assert_eq!(CLUSTER.as_str(), "eu");
    assert_eq!(
        (HOST, PORT, SCHEME, SET),
        (None, None, Scheme::Https, false)
    );
    assert_eq!(SECRET.expose_secret(), "0f1e2d3c4b5a69788796");
}
