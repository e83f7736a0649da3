//! [`ProblemKind::ForeignCredential`]: another service's credential (Stripe, AWS, GitHub, …)
//! in a Pusher variable, named by its provider and shown by its prefix only.

use super::*;

#[test]
fn stripe_keys_in_any_pusher_variable_are_foreign_credentials() {
    let names = [
        "PUSHER_APP_ID",
        "PUSHER_KEY",
        "PUSHER_APP_KEY",
        "PUSHER_SECRET",
        "PUSHER_APP_SECRET",
        "PUSHER_CLUSTER",
        "PUSHER_APP_CLUSTER",
        "NEXT_PUBLIC_PUSHER_KEY",
        "VITE_PUSHER_APP_KEY",
    ];
    for name in names {
        for value in STRIPE_VALUES {
            let problems = server_fail(hosted().set(name, value));
            let problem = only(&problems, ProblemKind::ForeignCredential, name);
            assert!(problem.message.contains(&format!("`{name}`")), "{problem}");
            assert!(problem.message.contains("Stripe"), "{problem}");
            assert!(
                problem.message.contains("not a Pusher credential"),
                "{problem}"
            );
            let help = problem.help.as_deref().unwrap_or("");
            if name.contains("CLUSTER") {
                assert_eq!(
                    help,
                    format!("set `{name}` to the cluster itself; no credential belongs there"),
                    "{problem}"
                );
            } else {
                assert!(
                    help.contains("dashboard") && help.contains("App Keys"),
                    "{problem}"
                );
            }
            assert!(!problems.to_string().contains(value), "{problems}");
            assert_no_leak(&problems, value);
        }
    }
}

#[test]
fn stripe_key_message_shows_only_the_prefix() {
    let problems = server_fail(hosted().set("PUSHER_KEY", STRIPE_PK_LIVE));
    let problem = only(&problems, ProblemKind::ForeignCredential, "PUSHER_KEY");
    let len = STRIPE_PK_LIVE.len();
    assert!(
        problem
            .message
            .ends_with(&format!("`pk_live_…` ({len} chars)")),
        "{problem}"
    );
}

#[test]
fn incident_stripe_key_in_both_key_variables_is_two_foreign_credentials_and_no_mismatch() {
    let pairs = [
        ("PUSHER_APP_ID", APP_ID),
        ("PUSHER_KEY", STRIPE_PK_LIVE),
        ("PUSHER_SECRET", SECRET),
        ("PUSHER_CLUSTER", "eu"),
        ("NEXT_PUBLIC_PUSHER_KEY", STRIPE_PK_LIVE),
        ("NEXT_PUBLIC_PUSHER_CLUSTER", "eu"),
    ];
    let problems = server_fail(pairs);
    assert_eq!(
        kinds(&problems),
        [
            (ProblemKind::ForeignCredential, "PUSHER_KEY"),
            (ProblemKind::ForeignCredential, "NEXT_PUBLIC_PUSHER_KEY"),
        ],
        "{problems}"
    );
    assert!(!problems.has(ProblemKind::Mismatch));
    assert_no_leak(&problems, STRIPE_PK_LIVE);
}

#[test]
fn other_providers_credentials_name_the_provider() {
    let cases = [
        ("AKIA4O1BMU5A43I61PH8", "AWS"),
        ("ghp_EbtD0ljoFZk4swmDQ8BZ0gTZqOGDFW0RD3D8", "GitHub"),
        (
            "sk-proj-ovukbOJlRoKoPn49pdfLT3BlbkFJZo0q5ZUPl5gwoUP0UwHP",
            "OpenAI",
        ),
        (
            "sk-ant-api03-3TggAUzP2RTD9h3RaGV28gNDz5BkYZ91tF9zUsLO",
            "Anthropic",
        ),
        (
            "sk-EJejm2WyzawNjWcg0fUWA0QMnqsQRpl0wSd4ZzpN",
            "OpenAI, Anthropic, OpenRouter",
        ),
        (
            "sk_live_544d38da2a8e55b8d44fb3ef493790b1c9f84af4",
            "Paystack",
        ),
        // base64("calm-otter-42.clerk.accounts.dev$")
        (
            "pk_test_Y2FsbS1vdHRlci00Mi5jbGVyay5hY2NvdW50cy5kZXYk",
            "Clerk",
        ),
        ("AIza5w4tbULqoRst3EeBjCVzGwH2DaK7gbYcWdX", "Google"),
        ("xoxb-362068165286-sAwxmiKpx1VHW8jRlHy7bqKR", "Slack"),
    ];
    for (value, provider) in cases {
        for name in ["PUSHER_KEY", "PUSHER_SECRET"] {
            let problems = server_fail(hosted().set(name, value));
            let problem = only(&problems, ProblemKind::ForeignCredential, name);
            assert!(problem.message.contains(provider), "{provider}: {problem}");
            assert!(
                problem.message.contains("not a Pusher credential"),
                "{problem}"
            );
            assert_no_leak(&problems, value);
        }
    }
}

#[test]
fn paystack_and_clerk_keys_are_not_called_stripe() {
    for value in [
        "sk_live_544d38da2a8e55b8d44fb3ef493790b1c9f84af4",
        "pk_test_Y2FsbS1vdHRlci00Mi5jbGVyay5hY2NvdW50cy5kZXYk",
    ] {
        let problems = server_fail(hosted().set("PUSHER_KEY", value));
        let problem = only(&problems, ProblemKind::ForeignCredential, "PUSHER_KEY");
        assert!(!problem.message.contains("Stripe"), "{problem}");
    }
}

#[test]
fn foreign_credential_wrapped_in_quotes_is_still_recognised() {
    let problems = server_fail(hosted().set("PUSHER_KEY", &format!("\"{STRIPE_PK_LIVE}\"")));
    let problem = only(&problems, ProblemKind::ForeignCredential, "PUSHER_KEY");
    assert!(problem.message.contains("Stripe"), "{problem}");
    assert_no_leak(&problems, STRIPE_PK_LIVE);
}

#[test]
fn a_foreign_token_with_invisible_characters_around_it_is_named_with_its_prefix() {
    let github = "ghp_7Rk2mQ9xL4vB7nR1tY6wE3sA0dZ5cH2jU8pO";
    for value in [
        format!("\u{feff}{github}"),
        format!("{github}\u{200b}"),
        format!("{github}\\\0"),
    ] {
        let problems = server_fail(hosted().set("PUSHER_SECRET", &value));
        let problem = only(&problems, ProblemKind::ForeignCredential, "PUSHER_SECRET");
        assert!(
            problem
                .message
                .ends_with("is a GitHub token, not a Pusher credential: `ghp_…` (40 chars)"),
            "{value:?}: {problem}"
        );
    }
}
