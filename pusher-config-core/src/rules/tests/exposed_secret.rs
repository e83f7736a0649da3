//! [`ProblemKind::ExposedSecret`]: a secret in a variable that ships to the browser, by name,
//! by value or by expansion; and the public values that are not one.

use super::*;

#[test]
fn next_public_secret_variable_is_an_exposed_secret() {
    let problems = server_fail(hosted().set("NEXT_PUBLIC_PUSHER_SECRET", SECRET));
    let problem = only(
        &problems,
        ProblemKind::ExposedSecret,
        "NEXT_PUBLIC_PUSHER_SECRET",
    );
    assert!(problem.message.contains("`NEXT_PUBLIC_`"), "{problem}");
    assert!(problem.message.contains("browser"), "{problem}");
    assert_no_leak(&problems, SECRET);
}

#[test]
fn vite_secret_variable_is_an_exposed_secret_even_with_another_value() {
    let problems = server_fail(hosted().set("VITE_PUSHER_APP_SECRET", OTHER_SECRET));
    only(
        &problems,
        ProblemKind::ExposedSecret,
        "VITE_PUSHER_APP_SECRET",
    );
    assert_no_leak(&problems, OTHER_SECRET);
}

#[test]
fn empty_public_secret_variable_is_not_reported() {
    pass(hosted().set("VITE_PUSHER_APP_SECRET", ""), Mode::Server);
}

#[test]
fn public_variable_holding_the_secret_is_an_exposed_secret() {
    let problems = server_fail(hosted().set("NEXT_PUBLIC_PUSHER_AUTH", SECRET));
    let problem = only(
        &problems,
        ProblemKind::ExposedSecret,
        "NEXT_PUBLIC_PUSHER_AUTH",
    );
    assert!(problem.message.contains("`PUSHER_SECRET`"), "{problem}");
    assert_no_leak(&problems, SECRET);
}

#[test]
fn any_public_variable_holding_the_secret_or_named_secret_is_exposed() {
    let secret = "3f7d0a9e6c1b8e2d4a57";
    let vars = Vars::from_pairs([
        ("PUSHER_APP_ID", "2047711"),
        ("PUSHER_KEY", "9c2e4b7a1f08d3e65b4a"),
        ("PUSHER_SECRET", secret),
        ("PUSHER_CLUSTER", "eu"),
        ("NEXT_PUBLIC_REALTIME_TOKEN", secret),
        (
            "VITE_STRIPE_SECRET_KEY",
            "sk_test_51Xa93kQb7Tn2LmPq8RwZ4vYc6JdH0sFgE1uNo5tKiMbV3x",
        ),
        ("NEXT_PUBLIC_SITE_URL", "https://example.org"),
    ]);
    let problems = check(&vars, Mode::Server).expect_err("secrets in public variables");
    let found: Vec<_> = problems.iter().map(|p| (p.kind, p.var.as_str())).collect();
    assert_eq!(
        found,
        [
            (ProblemKind::ExposedSecret, "NEXT_PUBLIC_REALTIME_TOKEN"),
            (ProblemKind::ExposedSecret, "VITE_STRIPE_SECRET_KEY"),
        ]
    );
    let shown = problems.to_string();
    assert!(
        !shown.contains(secret) && !shown.contains("sk_test_51"),
        "{shown}"
    );
}

#[test]
fn an_encryption_master_key_in_a_public_variable_is_exposed() {
    let vars = hosted().set(
        "NEXT_PUBLIC_PUSHER_ENCRYPTION_MASTER_KEY_BASE64",
        "bXktMzItYnl0ZS1tYXN0ZXIta2V5LWZvci10ZXN0cw==",
    );
    let problems = server_fail(vars);
    only(
        &problems,
        ProblemKind::ExposedSecret,
        "NEXT_PUBLIC_PUSHER_ENCRYPTION_MASTER_KEY_BASE64",
    );
}

#[test]
fn public_key_mirror_holding_the_secret_is_an_exposed_secret() {
    let problems = server_fail(hosted().set("VITE_PUSHER_KEY", SECRET));
    let problem = only(&problems, ProblemKind::ExposedSecret, "VITE_PUSHER_KEY");
    assert!(problem.message.contains("look swapped"), "{problem}");
    assert_no_leak(&problems, SECRET);
}

#[test]
fn a_public_cluster_mirror_holding_the_secret_is_an_exposed_secret() {
    for mirror in [
        "NEXT_PUBLIC_PUSHER_CLUSTER",
        "VITE_PUSHER_APP_CLUSTER",
        "MIX_PUSHER_PORT",
    ] {
        let problems = server_fail(hosted().set(mirror, SECRET));
        only(&problems, ProblemKind::ExposedSecret, mirror);
        assert!(!leaks(&problems.to_string(), SECRET), "{problems}");
    }
}

#[test]
fn a_public_host_holding_the_secret_is_exposed_and_to_be_set_to_the_host() {
    let problems = server_fail(hosted().set("VITE_PUSHER_HOST", SECRET));
    let problem = only(&problems, ProblemKind::ExposedSecret, "VITE_PUSHER_HOST");
    assert_eq!(
        problem.message,
        "`VITE_PUSHER_HOST` in the given variables holds the value of `PUSHER_SECRET`: the secret would ship to every browser"
    );
    assert_eq!(
        problem.help.as_deref(),
        Some("set `VITE_PUSHER_HOST` to the host, and if it was ever deployed, rotate the secret in the Pusher Channels dashboard, under App Keys")
    );
}

#[test]
fn key_and_secret_exchanged_are_caught_by_the_public_key_equal_to_the_secret() {
    // The browser has the right key; on the server, key and secret were exchanged.
    let config = [
        ("PUSHER_APP_ID", APP_ID),
        ("PUSHER_KEY", SECRET),
        ("PUSHER_SECRET", KEY),
        ("PUSHER_CLUSTER", "eu"),
        ("NEXT_PUBLIC_PUSHER_KEY", KEY),
    ];
    let problems = server_fail(config);
    let problem = only(
        &problems,
        ProblemKind::ExposedSecret,
        "NEXT_PUBLIC_PUSHER_KEY",
    );
    assert!(problem.message.contains("`PUSHER_SECRET`"), "{problem}");
    assert!(
        problem
            .message
            .contains("`PUSHER_KEY` and `PUSHER_SECRET` look swapped"),
        "{problem}"
    );
    assert!(
        problem.help.as_deref().unwrap_or("").contains("rotate"),
        "{problem}"
    );
    assert_no_leak(&problems, KEY);
    assert_no_leak(&problems, SECRET);
}

#[test]
fn a_short_secret_equal_to_an_unrelated_public_value_is_a_coincidence() {
    let vars = Vars::from_pairs([
        ("PUSHER_APP_ID", "local"),
        ("PUSHER_APP_KEY", "local"),
        ("PUSHER_APP_SECRET", "local"),
        ("PUSHER_HOST", "127.0.0.1"),
        ("VITE_APP_ENV", "local"),
    ]);
    assert!(check(&vars, Mode::Server).is_ok());
}

#[test]
fn a_public_value_expanded_from_a_secret_is_an_exposed_secret_in_both_modes() {
    let mut vars = vars(hosted());
    let origin = crate::source::Origin::EnvFile {
        path: ".env".to_owned(),
        line: Some(9),
    };
    vars.insert_expanded(
        "VITE_PUSHER_APP_KEY".to_owned(),
        SECRET.to_owned(),
        origin,
        Some("PUSHER_APP_SECRET".to_owned()),
    );
    for mode in [Mode::Server, Mode::Client] {
        let problems = check(&vars, mode).expect_err("exposed");
        let problem = only(&problems, ProblemKind::ExposedSecret, "VITE_PUSHER_APP_KEY");
        assert_eq!(
            problem.message,
            "`VITE_PUSHER_APP_KEY` in `.env` line 9 is expanded from `${PUSHER_APP_SECRET}`: the secret would ship to every browser"
        );
    }
}

#[test]
fn a_public_value_expanded_with_a_default_never_shows_the_default() {
    let mut vars = vars(hosted());
    let origin = Origin::EnvFile {
        path: ".env".to_owned(),
        line: Some(4),
    };
    vars.insert_expanded(
        "VITE_PUSHER_APP_KEY".to_owned(),
        "s3cr3t".to_owned(),
        origin,
        Some("PUSHER_APP_SECRET:-s3cr3t".to_owned()),
    );
    let problems = check(&vars, Mode::Client).expect_err("exposed");
    let problem = only(&problems, ProblemKind::ExposedSecret, "VITE_PUSHER_APP_KEY");
    assert_eq!(
        problem.message,
        "`VITE_PUSHER_APP_KEY` in `.env` line 4 is expanded from a secret-named variable: the secret would ship to every browser"
    );
}

#[test]
fn a_server_setting_expanded_from_the_secret_is_not_exposed() {
    // `PUSHER_SECRET="${PUSHER_APP_SECRET}"` in a `.env` shared by Laravel and Next.js.
    let laravel = hosted()
        .unset("PUSHER_SECRET")
        .set("PUSHER_APP_SECRET", SECRET);
    let mut vars = vars(laravel);
    for name in ["PUSHER_SECRET", "BROADCAST_PUSHER_SECRET"] {
        let origin = Origin::EnvFile {
            path: ".env".to_owned(),
            line: Some(6),
        };
        vars.insert_expanded(
            name.to_owned(),
            SECRET.to_owned(),
            origin,
            Some("PUSHER_APP_SECRET".to_owned()),
        );
    }
    for mode in [Mode::Server, Mode::Client] {
        if let Err(problems) = check(&vars, mode) {
            panic!("{mode:?}: {problems}");
        }
    }
}

#[test]
fn the_secret_with_residue_in_a_key_mirror_is_exposed_and_not_shown_at_all() {
    let padded = format!(" {SECRET} ");
    let problems = server_fail(hosted().set("NEXT_PUBLIC_PUSHER_KEY", &padded));
    only(
        &problems,
        ProblemKind::ExposedSecret,
        "NEXT_PUBLIC_PUSHER_KEY",
    );
    // Not even the four characters a masked value shows.
    assert!(!problems.to_string().contains(&SECRET[..4]), "{problems}");
}

#[test]
fn the_encryption_master_key_in_a_public_variable_is_an_exposed_secret() {
    let key = "bfJ8MRJ7VV3j6vBhCfmPBBRQJ1gqxvA8zbF0Rl+YjP0=";
    let base = hosted().set("PUSHER_ENCRYPTION_MASTER_KEY_BASE64", key);
    // By its name, whatever it holds.
    for name in [
        "NEXT_PUBLIC_PUSHER_ENCRYPTION_MASTER_KEY_BASE64",
        "VITE_PUSHER_ENCRYPTION_MASTER_KEY",
    ] {
        let problems = server_fail(base.clone().set(name, key));
        only(&problems, ProblemKind::ExposedSecret, name);
        assert_no_leak(&problems, key);
    }
    // By its value, whatever the name.
    let problems = server_fail(base.set("VITE_E2E_KEY", key));
    let problem = only(&problems, ProblemKind::ExposedSecret, "VITE_E2E_KEY");
    assert!(
        problem
            .message
            .contains("holds the value of `PUSHER_ENCRYPTION_MASTER_KEY_BASE64`"),
        "{problem}"
    );
    assert_no_leak(&problems, key);
}
