//! No credential in any message: what a report may show of a value, in every setting.

use super::*;

#[test]
fn no_problem_ever_shows_a_whole_key_or_secret() {
    let configs: Vec<Env> = vec![
        hosted().set("NEXT_PUBLIC_PUSHER_KEY", OTHER_KEY),
        hosted().set("PUSHER_APP_KEY", OTHER_KEY),
        hosted().set("PUSHER_APP_SECRET", OTHER_SECRET),
        hosted().set("PUSHER_SECRET", KEY),
        hosted().set("PUSHER_APP_ID", KEY).set("PUSHER_KEY", APP_ID),
        hosted().set("NEXT_PUBLIC_PUSHER_SECRET", SECRET),
        hosted().set("VITE_PUSHER_APP_KEY", SECRET),
        hosted().set("NEXT_PUBLIC_PUSHER_KEY", SECRET),
        hosted().set("PUBLIC_PUSHER_TOKEN", SECRET),
        hosted().set("PUSHER_KEY", &format!("'{KEY}'")),
        hosted().set("PUSHER_SECRET", &format!("{SECRET}\n")),
        hosted().set("PUSHER_KEY", &KEY.to_ascii_uppercase()),
        hosted().set("PUSHER_SECRET", &SECRET[..19]),
        hosted().set("PUSHER_SECRET", &format!("{SECRET}0")),
        hosted().set("PUSHER_KEY", &format!("{KEY}-x")),
        hosted().set("PUSHER_APP_ID", SECRET),
        hosted().set("PUSHER_CLUSTER", SECRET),
        hosted().set("PUSHER_APP_CLUSTER", KEY),
        hosted().set("NEXT_PUBLIC_PUSHER_CLUSTER", SECRET),
        hosted()
            .set("PUSHER_HOST", SECRET)
            .set("VITE_PUSHER_HOST", "ws.example.org"),
        hosted()
            .set("PUSHER_HOST", "ws.example.org")
            .set("VITE_PUSHER_HOST", SECRET),
        hosted().set("VITE_PUSHER_PORT", SECRET),
        hosted().set("PUSHER_PORT", SECRET),
        hosted().set("PUSHER_SCHEME", SECRET),
        hosted()
            .unset("PUSHER_SECRET")
            .set("PUSHER_SECRETS", SECRET),
        hosted().unset("PUSHER_KEY").set("pusher_key", KEY),
    ];
    let mut credentials = vec![KEY, SECRET, OTHER_KEY, OTHER_SECRET];
    credentials.extend(STRIPE_VALUES);
    for (index, config) in configs.iter().enumerate() {
        let problems = server_fail(config);
        for value in &credentials {
            let shown = problems.to_string();
            assert!(
                !leaks(&shown, value),
                "config {index} shows `{value}`:\n{shown}"
            );
        }
    }
}

#[test]
fn a_credential_pasted_into_any_setting_is_never_shown_whole() {
    let planted = [
        SECRET,
        APP_ID,
        "ghp_7Rk2mQ9xL4vB7nR1tY6wE3sA0dZ5cH2jU8pO",
        "AKIAZ7Q3M5N8P2R4T6V9",
        STRIPE_SK_LIVE,
    ];
    let settings = [
        "PUSHER_CLUSTER",
        "PUSHER_HOST",
        "PUSHER_PORT",
        "PUSHER_SCHEME",
        "NEXT_PUBLIC_PUSHER_CLUSTER",
        "VITE_PUSHER_HOST",
    ];
    for value in planted {
        for setting in settings {
            for shape in [
                value.to_owned(),
                format!("{value}.pusher.com"),
                format!("api-{value}.pusher.com"),
                format!("ws-{value}.example.org"),
                format!("{value}\0"),
            ] {
                for mode in [Mode::Server, Mode::Client] {
                    let pairs = hosted().set(setting, &shape);
                    if let Err(problems) = check(&vars(pairs), mode) {
                        let shown = problems.to_string();
                        assert!(
                            !leaks(&shown, value),
                            "{setting}={shape:?} ({mode:?}) shown in:\n{shown}"
                        );
                        let debug = format!("{problems:?}");
                        assert!(!leaks(&debug, value), "{setting}: {debug}");
                    }
                }
            }
        }
    }
}

#[test]
fn settings_holding_credentials_are_never_shown_whole() {
    let secret = "Zx9-q7Lm-2Kp-88aa";
    let aws_secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzz9q4tLm2w";
    let laravel_app_key = "base64:Zm9vYmFyYmF6cXV4cXV1eDEyMzQ1Njc4OTA=";
    let cases: [&[(&str, &str)]; 3] = [
        &[
            ("PUSHER_APP_ID", "app-id"),
            ("PUSHER_APP_KEY", "app-key"),
            ("PUSHER_APP_SECRET", secret),
            ("PUSHER_HOST", "127.0.0.1"),
            ("PUSHER_PORT", secret),
            ("PUSHER_SCHEME", secret),
        ],
        &[
            ("PUSHER_APP_ID", "2047711"),
            ("PUSHER_KEY", "9c2e4b7a1f08d3e65b4a"),
            ("PUSHER_SECRET", "3f7d0a9e6c1b8e2d4a57"),
            ("PUSHER_CLUSTER", aws_secret),
        ],
        &[
            ("PUSHER_APP_ID", "2047711"),
            ("PUSHER_KEY", "9c2e4b7a1f08d3e65b4a"),
            ("PUSHER_SECRET", "3f7d0a9e6c1b8e2d4a57"),
            ("PUSHER_HOST", laravel_app_key),
        ],
    ];
    for pairs in cases {
        let problems = check(&Vars::from_pairs(pairs.iter().copied()), Mode::Server)
            .expect_err("a credential in a setting");
        let shown = problems.to_string();
        for value in [secret, aws_secret, laravel_app_key, "Zm9vYmFyYmF6cXV4"] {
            assert!(!shown.contains(value), "{value} shown in:\n{shown}");
        }
    }
}

#[test]
fn a_pusher_host_naming_a_secret_is_masked_and_reported() {
    let host = format!("api-{SECRET}.pusher.com");
    let problems = server_fail(hosted().set("PUSHER_HOST", &host));
    assert_eq!(
        kinds(&problems),
        [(ProblemKind::Swapped, "PUSHER_HOST")],
        "{problems}"
    );
    // A client build cannot compare with the secret: the cluster the host names disagrees,
    // and is masked.
    let problems = fail(hosted().set("PUSHER_HOST", &host), Mode::Client);
    assert!(!leaks(&problems.to_string(), SECRET), "{problems}");
    assert!(problems.has(ProblemKind::Mismatch), "{problems}");
}

#[test]
fn harmless_settings_are_still_shown_whole() {
    let problems = server_fail(hosted().set("PUSHER_CLUSTER", "europe"));
    assert!(
        problems
            .to_string()
            .contains("is `europe`, not a Pusher cluster; did you mean `eu`?"),
        "{problems}"
    );
    let problems = server_fail(hosted().set("PUSHER_PORT", "6001"));
    assert!(
        problems
            .to_string()
            .contains("is `6001`, but Pusher's hosted service"),
        "{problems}"
    );
    let pairs = hosted().set("PUSHER_HOST", "https://ws.example.org");
    let problems = server_fail(pairs);
    assert!(
        problems
            .to_string()
            .contains("is `https://ws.example.org`, with a scheme inside the host"),
        "{problems}"
    );
}
