//! Valid configurations, in both modes, and what [`Checked`] holds and shows: every test that
//! reads a field of [`Checked`] is here.

use super::*;

#[test]
fn valid_hosted_config_passes_and_checked_holds_the_values() {
    let checked = pass(hosted(), Mode::Server);
    assert_eq!(checked.app_id.as_deref(), Some(APP_ID));
    assert_eq!(checked.key, KEY);
    assert_eq!(checked.secret.as_deref(), Some(SECRET));
    assert_eq!(checked.cluster.as_deref(), Some("eu"));
    assert_eq!(checked.host, None);
    assert_eq!(checked.port, None);
    assert_eq!(checked.scheme, None);
}

#[test]
fn checked_debug_masks_what_could_be_a_credential() {
    let checked = check(&vars(hosted()), Mode::Server).expect("valid");
    let debug = format!("{checked:?}");
    for value in [APP_ID, SECRET] {
        assert!(!leaks(&debug, value), "{debug}");
    }
    // The key is public: a validated one is shown whole.
    assert!(debug.contains(&format!("Key(\"{KEY}\")")), "{debug}");
    assert!(debug.contains("Cluster(\"eu\")"), "{debug}");
}

#[test]
fn valid_laravel_config_with_vite_mirrors_passes() {
    let pairs = [
        ("PUSHER_APP_ID", APP_ID),
        ("PUSHER_APP_KEY", KEY),
        ("PUSHER_APP_SECRET", SECRET),
        ("PUSHER_HOST", ""),
        ("PUSHER_PORT", "443"),
        ("PUSHER_SCHEME", "https"),
        ("PUSHER_APP_CLUSTER", "mt1"),
        ("VITE_PUSHER_APP_KEY", KEY),
        ("VITE_PUSHER_HOST", ""),
        ("VITE_PUSHER_PORT", "443"),
        ("VITE_PUSHER_SCHEME", "https"),
        ("VITE_PUSHER_APP_CLUSTER", "mt1"),
    ];
    let checked = pass(pairs, Mode::Server);
    assert_eq!(checked.app_id.as_deref(), Some(APP_ID));
    assert_eq!(checked.key, KEY);
    assert_eq!(checked.secret.as_deref(), Some(SECRET));
    assert_eq!(checked.cluster.as_deref(), Some("mt1"));
    assert_eq!(checked.host, None, "an empty `PUSHER_HOST` is no host");
    assert_eq!(checked.port, Some(443));
    assert_eq!(checked.scheme, Some(crate::Scheme::Https));
}

#[test]
fn valid_self_hosted_config_with_soketi_defaults_passes_without_cluster() {
    let pairs = [
        ("PUSHER_HOST", "127.0.0.1"),
        ("PUSHER_PORT", "6001"),
        ("PUSHER_SCHEME", "http"),
        ("PUSHER_APP_ID", "app-id"),
        ("PUSHER_APP_KEY", "app-key"),
        ("PUSHER_APP_SECRET", "app-secret"),
    ];
    let checked = pass(pairs, Mode::Server);
    assert_eq!(checked.app_id.as_deref(), Some("app-id"));
    assert_eq!(checked.key, "app-key");
    assert_eq!(checked.secret.as_deref(), Some("app-secret"));
    // Pusher's libraries' default, as pusher-js requires one.
    assert_eq!(checked.cluster.as_deref(), Some(crate::DEFAULT_CLUSTER));
    assert_eq!(checked.host.as_deref(), Some("127.0.0.1"));
    assert_eq!(checked.port, Some(6001));
    assert_eq!(checked.scheme, Some(crate::Scheme::Http));
}

#[test]
fn reverb_like_config_with_long_random_key_passes() {
    let pairs = [
        ("PUSHER_HOST", "localhost"),
        ("PUSHER_PORT", "8080"),
        ("PUSHER_SCHEME", "http"),
        ("PUSHER_APP_ID", "508143"),
        ("PUSHER_APP_KEY", "iqxkae9bglddfo10yea6fgijrn4k8h36"),
        ("PUSHER_APP_SECRET", "pc025e80b2vt9hbpcl4ex6n65rf07f5w"),
        ("VITE_PUSHER_APP_KEY", "iqxkae9bglddfo10yea6fgijrn4k8h36"),
        ("VITE_PUSHER_HOST", "localhost"),
        ("VITE_PUSHER_PORT", "8080"),
        ("VITE_PUSHER_SCHEME", "http"),
    ];
    let checked = pass(pairs, Mode::Server);
    assert_eq!(checked.key, "iqxkae9bglddfo10yea6fgijrn4k8h36");
    assert_eq!(checked.host.as_deref(), Some("localhost"));
    assert_eq!(checked.port, Some(8080));
}

#[test]
fn self_hosted_names_with_words_inside_build() {
    for (host, key) in [
        ("my.soketi.dev", "my-app-key"),
        ("the-realtime.example.org", "myKey"),
        ("ws.mytodoapp.com", "todo-app"),
    ] {
        let vars = Vars::from_pairs([
            ("PUSHER_APP_ID", "1"),
            ("PUSHER_APP_KEY", key),
            ("PUSHER_APP_SECRET", "s3cr3t-for-dev"),
            ("PUSHER_HOST", host),
        ]);
        assert!(check(&vars, Mode::Server).is_ok(), "{host} {key}");
    }
}

#[test]
fn every_public_cluster_passes() {
    for cluster in CLUSTERS {
        let checked = pass(hosted().set("PUSHER_CLUSTER", cluster), Mode::Server);
        assert_eq!(checked.cluster.as_deref(), Some(cluster));
    }
}

#[test]
fn a_self_hosted_server_accepts_any_cluster_name() {
    let pairs = hosted()
        .set("PUSHER_HOST", "127.0.0.1")
        .set("PUSHER_CLUSTER", "local");
    let checked = pass(pairs, Mode::Server);
    assert_eq!(checked.cluster.as_deref(), Some("local"));
}

#[test]
fn a_dedicated_cluster_is_named_by_its_pusher_host() {
    let vars = Vars::from_pairs([
        ("PUSHER_APP_ID", "2047711"),
        ("PUSHER_KEY", "9c2e4b7a1f08d3e65b4a"),
        ("PUSHER_SECRET", "3f7d0a9e6c1b8e2d4a57"),
        ("PUSHER_CLUSTER", "acme"),
        ("PUSHER_HOST", "api-acme.pusher.com"),
    ]);
    let checked = values(&check(&vars, Mode::Server).expect("a dedicated cluster with its host"));
    assert_eq!(
        (checked.cluster.as_deref(), checked.host),
        (Some("acme"), None)
    );

    let problems = server_fail(hosted().set("PUSHER_CLUSTER", "acme"));
    let problem = only(&problems, ProblemKind::Format, "PUSHER_CLUSTER");
    let help = problem.help.unwrap_or_default();
    assert!(help.contains("`PUSHER_HOST=api-acme.pusher.com`"), "{help}");
}

#[test]
fn pusher_rest_host_stands_for_its_cluster() {
    let vars = Vars::from_pairs([
        ("PUSHER_APP_ID", "2047711"),
        ("PUSHER_APP_KEY", "9c2e4b7a1f08d3e65b4a"),
        ("PUSHER_APP_SECRET", "3f7d0a9e6c1b8e2d4a57"),
        ("PUSHER_HOST", "api-eu.pusher.com"),
        ("PUSHER_PORT", "443"),
        ("PUSHER_SCHEME", "https"),
    ]);
    let checked = values(&check(&vars, Mode::Server).expect("Pusher's own REST host builds"));
    assert_eq!(
        (checked.host, checked.cluster.as_deref()),
        (None, Some("eu"))
    );

    let disagreeing = Vars::from_pairs([
        ("PUSHER_APP_ID", "2047711"),
        ("PUSHER_APP_KEY", "9c2e4b7a1f08d3e65b4a"),
        ("PUSHER_APP_SECRET", "3f7d0a9e6c1b8e2d4a57"),
        ("PUSHER_HOST", "api-eu.pusher.com"),
        ("PUSHER_APP_CLUSTER", "us2"),
    ]);
    let problems = check(&disagreeing, Mode::Server).expect_err("host and cluster disagree");
    let found: Vec<_> = problems.iter().map(|p| (p.kind, p.var.as_str())).collect();
    assert_eq!(found, [(ProblemKind::Mismatch, "PUSHER_HOST")]);
    assert!(
        problems.to_string().contains("names cluster `eu`"),
        "{problems}"
    );
}

#[test]
fn host_makes_cluster_optional() {
    let config = hosted()
        .unset("PUSHER_CLUSTER")
        .set("PUSHER_HOST", "ws.example.org");
    let checked = pass(config, Mode::Server);
    // Pusher's libraries' default, as pusher-js requires one.
    assert_eq!(checked.cluster.as_deref(), Some(crate::DEFAULT_CLUSTER));
    assert_eq!(checked.host.as_deref(), Some("ws.example.org"));
}

#[test]
fn ports_in_range_pass_and_checked_holds_them() {
    for port in ["80", "443"] {
        let checked = pass(hosted().set("PUSHER_PORT", port), Mode::Server);
        assert_eq!(checked.port.map(|p| p.to_string()).as_deref(), Some(port));
    }
    let self_hosted = hosted().set("PUSHER_HOST", "127.0.0.1");
    for port in ["1", "6001", "65535"] {
        let checked = pass(self_hosted.clone().set("PUSHER_PORT", port), Mode::Server);
        assert_eq!(checked.port.map(|p| p.to_string()).as_deref(), Some(port));
    }
}

#[test]
fn self_hosted_browser_may_reach_the_server_at_another_address_but_not_another_key() {
    // Laravel Sail's soketi: the server reaches the container `soketi`, the browser
    // `localhost`; behind a TLS proxy the browser uses 443 and https.
    let sail = hosted()
        .set("PUSHER_HOST", "soketi")
        .set("PUSHER_PORT", "6001")
        .set("VITE_PUSHER_HOST", "localhost")
        .set("VITE_PUSHER_SCHEME", "https");
    let checked = pass(&sail, Mode::Server);
    assert_eq!(checked.host.as_deref(), Some("soketi"));
    let other_key = sail.set("VITE_PUSHER_APP_KEY", "0b1c2d3e4f5a6b7c8d9e");
    let problems = server_fail(other_key);
    only(&problems, ProblemKind::Mismatch, "VITE_PUSHER_APP_KEY");
}

#[test]
fn self_hosted_key_equal_to_secret_builds_but_hosted_does_not() {
    // laravel-websockets tutorials use one word for app id, key and secret.
    let local = Vars::from_pairs([
        ("PUSHER_APP_ID", "local"),
        ("PUSHER_APP_KEY", "local"),
        ("PUSHER_APP_SECRET", "local"),
        ("PUSHER_HOST", "127.0.0.1"),
        ("PUSHER_PORT", "6001"),
        ("PUSHER_SCHEME", "http"),
        ("VITE_PUSHER_APP_KEY", "local"),
    ]);
    let checked =
        values(&check(&local, Mode::Server).expect("a self-hosted development setup builds"));
    assert_eq!(checked.key, "local");
    let hosted = Vars::from_pairs([
        ("PUSHER_APP_ID", "2047711"),
        ("PUSHER_KEY", "3f7d0a9e6c1b8e2d4a57"),
        ("PUSHER_SECRET", "3f7d0a9e6c1b8e2d4a57"),
        ("PUSHER_CLUSTER", "eu"),
    ]);
    let problems = check(&hosted, Mode::Server).expect_err("hosted key equals secret");
    assert!(problems.has(ProblemKind::KeyEqualsSecret), "{problems}");
}

#[test]
fn a_one_word_self_hosted_setup_with_its_key_mirrored_builds() {
    let pairs = one_word_self_hosted("local").set("NEXT_PUBLIC_PUSHER_KEY", "local");
    let checked = pass(pairs, Mode::Server);
    assert_eq!(checked.key, "local");
}

#[test]
fn client_mode_needs_only_the_public_key_and_cluster() {
    let config = [
        ("NEXT_PUBLIC_PUSHER_KEY", KEY),
        ("NEXT_PUBLIC_PUSHER_CLUSTER", "eu"),
    ];
    let checked = pass(config, Mode::Client);
    assert_eq!(checked.key, KEY);
    assert_eq!(checked.cluster.as_deref(), Some("eu"));
    assert_eq!(checked.app_id, None);
    assert_eq!(checked.secret, None);
    // The same map is not a server configuration.
    let problems = fail(config, Mode::Server);
    assert!(problems.has(ProblemKind::Missing), "{problems}");
}

#[test]
fn client_mode_never_reads_app_id_or_secret() {
    let config = [
        ("PUSHER_APP_ID", "your_app_id"),
        ("PUSHER_KEY", KEY),
        ("PUSHER_SECRET", "changeme"),
        ("PUSHER_CLUSTER", "eu"),
    ];
    let checked = pass(config, Mode::Client);
    assert_eq!(checked.app_id, None);
    assert_eq!(checked.secret, None);
    assert_eq!(checked.key, KEY);
    let checked = pass(
        [("PUSHER_KEY", KEY), ("PUSHER_CLUSTER", "eu")],
        Mode::Client,
    );
    assert_eq!(checked.secret, None);
}

#[test]
fn an_encryption_master_key_reaches_the_server_config_only() {
    let key = "bfJ8MRJ7VV3j6vBhCfmPBBRQJ1gqxvA8zbF0Rl+YjP0=";
    let env = hosted().set("PUSHER_ENCRYPTION_MASTER_KEY_BASE64", key);
    let checked = check(&vars(env.clone()), Mode::Server).expect("valid");
    let server = checked.server().expect("a server config");
    let bytes = server.encryption_master_key().expect("a master key");
    assert_eq!(bytes.expose_secret()[..3], [0x6d, 0xf2, 0x7c]);
    let debug = format!("{checked:?}");
    assert!(!leaks(&debug, key), "{debug}");
    assert!(
        debug.contains("EncryptionMasterKey([redacted secret, 32 bytes])"),
        "{debug}"
    );
    // Without padding, as Node's `Buffer.from(…, "base64")` takes it too.
    let unpadded = check(
        &vars(hosted().set("PUSHER_ENCRYPTION_MASTER_KEY_BASE64", &key[..43])),
        Mode::Server,
    )
    .expect("valid");
    assert_eq!(
        unpadded.server().and_then(|s| s.encryption_master_key()),
        Some(bytes)
    );
    // Optional; and a client never reads it.
    let none = check(&vars(hosted()), Mode::Server).expect("valid");
    assert_eq!(none.server().and_then(|s| s.encryption_master_key()), None);
    let client = env.unset("PUSHER_APP_ID").unset("PUSHER_SECRET");
    pass(
        client
            .clone()
            .set("PUSHER_ENCRYPTION_MASTER_KEY_BASE64", "not base64!"),
        Mode::Client,
    );
}
