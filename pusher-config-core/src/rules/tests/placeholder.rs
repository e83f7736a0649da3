//! [`ProblemKind::Placeholder`]: template values never replaced, and real values that are not
//! placeholders.

use super::*;

#[test]
fn placeholders_in_key_and_secret_are_reported() {
    let values = [
        "your_actual_pusher_key",
        "your-pusher-secret",
        "changeme",
        "xxx",
        "<key>",
        "${PUSHER_KEY}",
        "TODO",
        "...",
    ];
    for name in ["PUSHER_KEY", "PUSHER_SECRET"] {
        for value in values {
            let problems = server_fail(hosted().set(name, value));
            let problem = only(&problems, ProblemKind::Placeholder, name);
            assert!(
                problem.message.contains("is a placeholder"),
                "{value}: {problem}"
            );
        }
    }
}

#[test]
fn incident_template_values_are_placeholders() {
    let config = [
        ("PUSHER_APP_ID", "your_actual_pusher_app_id"),
        ("PUSHER_KEY", "your_actual_pusher_key"),
        ("PUSHER_SECRET", "your_actual_pusher_secret"),
        ("PUSHER_CLUSTER", "eu"),
        ("NEXT_PUBLIC_PUSHER_KEY", "your_actual_pusher_key"),
        ("NEXT_PUBLIC_PUSHER_CLUSTER", "eu"),
    ];
    let problems = server_fail(config);
    assert_eq!(
        kinds(&problems),
        [
            (ProblemKind::Placeholder, "PUSHER_APP_ID"),
            (ProblemKind::Placeholder, "PUSHER_KEY"),
            (ProblemKind::Placeholder, "NEXT_PUBLIC_PUSHER_KEY"),
            (ProblemKind::Placeholder, "PUSHER_SECRET"),
        ],
        "{problems}"
    );
}

#[test]
fn a_variable_set_to_its_own_name_is_a_placeholder() {
    let problems = server_fail(hosted().set("PUSHER_KEY", "PUSHER_KEY"));
    let problem = only(&problems, ProblemKind::Placeholder, "PUSHER_KEY");
    assert!(problem.message.contains("name"), "{problem}");
}

#[test]
fn unexpanded_reference_is_named_as_such() {
    let problems = server_fail(hosted().set("PUSHER_SECRET", "${PUSHER_APP_SECRET}"));
    let problem = only(&problems, ProblemKind::Placeholder, "PUSHER_SECRET");
    assert!(
        problem.message.contains("unexpanded reference"),
        "{problem}"
    );
}

#[test]
fn pusher_documentation_examples_are_placeholders() {
    // Pusher's published worked example: app 3, key 278d…, secret 7ad3….
    let cases = [
        ("PUSHER_APP_ID", "3", "example app id"),
        ("PUSHER_KEY", "278d425bdf160c739803", "example key"),
        ("PUSHER_SECRET", "7ad3773142a6692b25b8", "example secret"),
    ];
    for (name, value, why) in cases {
        let problems = server_fail(hosted().set(name, value));
        let problem = only(&problems, ProblemKind::Placeholder, name);
        assert!(problem.message.contains(why), "{problem}");
    }
}

#[test]
fn a_placeholder_with_its_quotes_kept_is_still_a_placeholder() {
    for value in [
        "\"your_pusher_key\"",
        "'changeme'",
        "\"278d425bdf160c739803\"",
    ] {
        let problems = server_fail(hosted().set("PUSHER_KEY", value));
        only(&problems, ProblemKind::Placeholder, "PUSHER_KEY");
    }
}

#[test]
fn pusher_com_host_keeps_hosted_formats() {
    let config = hosted()
        .set("PUSHER_HOST", "api-eu.pusher.com")
        .set("PUSHER_KEY", "app-key");
    let problems = server_fail(config);
    only(&problems, ProblemKind::Placeholder, "PUSHER_KEY");
}

#[test]
fn soketi_defaults_without_a_host_are_placeholders() {
    let config = [
        ("PUSHER_APP_ID", "app-id"),
        ("PUSHER_APP_KEY", "app-key"),
        ("PUSHER_APP_SECRET", "app-secret"),
        ("PUSHER_APP_CLUSTER", "mt1"),
    ];
    let problems = server_fail(config);
    assert_eq!(
        kinds(&problems),
        [
            (ProblemKind::Placeholder, "PUSHER_APP_ID"),
            (ProblemKind::Placeholder, "PUSHER_APP_KEY"),
            (ProblemKind::Placeholder, "PUSHER_APP_SECRET"),
        ],
        "{problems}"
    );
}

#[test]
fn random_keys_that_start_with_an_english_word_are_not_placeholders() {
    // 1 in 4096 real hosted keys starts with `add`; random self-hosted keys may start `my`.
    let hosted_key = "add3f9c0b17e4d5a6c28";
    pass(hosted().set("PUSHER_KEY", hosted_key), Mode::Server);
    let self_hosted = [
        ("PUSHER_HOST", "ws.example.org"),
        ("PUSHER_APP_ID", "508143"),
        ("PUSHER_APP_KEY", "my4kq0x7lz2w9v3r8t1n"),
        ("PUSHER_APP_SECRET", "the8c2m5p0q7w1z4y6k3"),
    ];
    pass(self_hosted, Mode::Server);
}
