use super::*;

#[test]
fn classify_knows_both_schemes_and_mirrors() {
    let key = Known {
        field: Field::Key,
        public: None,
    };
    assert_eq!(classify("PUSHER_KEY"), Some(key));
    assert_eq!(classify("PUSHER_APP_KEY"), Some(key));
    let next = Known {
        field: Field::Key,
        public: Some("NEXT_PUBLIC_"),
    };
    assert_eq!(classify("NEXT_PUBLIC_PUSHER_KEY"), Some(next));
    let vite = Known {
        field: Field::Cluster,
        public: Some("VITE_"),
    };
    assert_eq!(classify("VITE_PUSHER_APP_CLUSTER"), Some(vite));
    assert_eq!(
        classify("PUBLIC_PUSHER_HOST").map(|k| k.public),
        Some(Some("PUBLIC_"))
    );
    // A public "mirror" of the secret is not a mirror: it is an exposed secret.
    assert_eq!(classify("NEXT_PUBLIC_PUSHER_SECRET"), None);
    assert_eq!(classify("PUSHER_APPID"), None);
}

#[test]
fn client_never_reads_app_id_or_secret() {
    for name in [
        "PUSHER_URL",
        "REVERB_APP_SECRET",
        "REVERB_APP_ID",
        "PUSHER_SECRET",
        "PUSHER_APP_SECRET",
        "PUSHER_APP_ID",
        "PUSHER_APPID",
        "pusher_secret",
        "PUSHER_ENCRYPTION_MASTER_KEY_BASE64",
        "PUSHER_ENCRYPTION_MASTER_KEY",
    ] {
        assert!(!client_may_read(name), "{name}");
    }
    for name in [
        "PUSHER_KEY",
        "PUSHER_APP_KEY",
        "PUSHER_CLUSTER",
        "NEXT_PUBLIC_PUSHER_SECRET",
    ] {
        assert!(client_may_read(name), "{name}");
    }
}

#[test]
fn known_names_cover_every_mirror() {
    let names = known_names();
    assert!(names.contains(&"MIX_PUSHER_APP_KEY".to_owned()));
    assert!(names.contains(&"EXPO_PUBLIC_PUSHER_SCHEME".to_owned()));
    assert!(names.contains(&"VITE_REVERB_APP_KEY".to_owned()));
    assert!(names.contains(&"REVERB_APP_SECRET".to_owned()));
    assert!(!names
        .iter()
        .any(|n| public_prefix(n).is_some() && n.contains("SECRET")));
    // 17 server names; 11 of public settings, each under 7 prefixes.
    assert_eq!(names.len(), 17 + 11 * 7);
    assert!(names.contains(&"PUSHER_ENCRYPTION_MASTER_KEY_BASE64".to_owned()));
    assert!(!names
        .iter()
        .any(|n| public_prefix(n).is_some() && n.contains("MASTER")));
}

#[test]
fn build_time_names_are_the_known_names_and_every_public_secret_name() {
    let names = build_time_names();
    for known in known_names() {
        assert!(names.contains(&known), "{known}");
    }
    for exposed in [
        "NEXT_PUBLIC_PUSHER_SECRET",
        "VITE_PUSHER_APP_SECRET",
        "MIX_PUSHER_ENCRYPTION_MASTER_KEY",
        "PUBLIC_PUSHER_ENCRYPTION_MASTER_KEY_BASE64",
        "VITE_REVERB_APP_SECRET",
        "NEXT_PUBLIC_PUSHER_URL",
    ] {
        assert!(names.contains(&exposed.to_owned()), "{exposed}");
    }
    assert!(names.contains(&PUSHER_URL.to_owned()));
    assert!(names.contains(&RAW_ENCRYPTION_MASTER_KEY.to_owned()));
    assert_eq!(names.len(), known_names().len() + 2 + 7 * 6);
}

#[test]
fn in_process_env_lists_the_loaders_names_and_no_others() {
    let (ours, other) = (
        "PUSHER_IN_PROCESS_ENV_TEST",
        "UNRELATED_IN_PROCESS_ENV_TEST",
    );
    std::env::set_var(ours, "1");
    std::env::set_var(other, "1");
    let names = in_process_env();
    std::env::remove_var(ours);
    std::env::remove_var(other);
    assert!(names.iter().any(|n| n == ours), "{names:?}");
    assert!(!names.iter().any(|n| n == other), "{names:?}");
}
