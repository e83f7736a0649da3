//! [`ProblemKind::Format`]: values of the wrong shape (app id, key, secret, cluster, host, port,
//! scheme).

use super::*;

#[test]
fn app_id_that_is_not_digits_is_a_format_error() {
    let problems = server_fail(hosted().set("PUSHER_APP_ID", "20864a1"));
    let problem = only(&problems, ProblemKind::Format, "PUSHER_APP_ID");
    assert!(problem.message.contains("digits only"), "{problem}");
}

#[test]
fn the_key_pasted_as_the_app_id_too_is_a_format_error_not_a_swap() {
    let problems = server_fail(hosted().set("PUSHER_APP_ID", KEY));
    let problem = only(&problems, ProblemKind::Format, "PUSHER_APP_ID");
    assert!(
        problem.message.contains("expected digits only"),
        "{problem}"
    );
}

#[test]
fn key_and_secret_not_20_lowercase_hex_are_format_errors() {
    let cases = [
        ("76bf3c472549d2e1c78", "has 19 characters"),
        ("76bf3c472549d2e1c787a", "has 21 characters"),
        ("76BF3C472549D2E1C787", "uppercase"),
        (
            "76bf3c472549d2e1c78z",
            "expected 20 lowercase hex characters",
        ),
    ];
    for name in ["PUSHER_KEY", "PUSHER_SECRET"] {
        for (value, why) in cases {
            let problems = server_fail(hosted().set(name, value));
            let problem = only(&problems, ProblemKind::Format, name);
            assert!(problem.message.contains(why), "{value}: {problem}");
            assert_no_leak(&problems, value);
        }
    }
}

#[test]
fn the_app_id_pasted_as_the_secret_is_the_secrets_own_error_not_the_app_ids() {
    // The app id is right; the secret is not one. Nothing may tell the user to change the
    // app id.
    let problems = server_fail(hosted().set("PUSHER_SECRET", APP_ID));
    let problem = only(&problems, ProblemKind::Format, "PUSHER_SECRET");
    assert!(problem.message.contains("has 7 characters"), "{problems}");
    assert!(
        !problems.to_string().contains("set `PUSHER_APP_ID`"),
        "{problems}"
    );
}

#[test]
fn unknown_cluster_suggests_the_near_one() {
    for value in ["europe", "EU", "eu1"] {
        let problems = server_fail(hosted().set("PUSHER_CLUSTER", value));
        let problem = only(&problems, ProblemKind::Format, "PUSHER_CLUSTER");
        assert!(
            problem
                .message
                .contains(&format!("is `{value}`, not a Pusher cluster")),
            "{problem}"
        );
        assert!(problem.message.contains("did you mean `eu`?"), "{problem}");
    }
    let problems = server_fail(hosted().set("PUSHER_CLUSTER", "mars"));
    let problem = only(&problems, ProblemKind::Format, "PUSHER_CLUSTER");
    assert!(
        problem.message.contains("expected one of `mt1`"),
        "{problem}"
    );
}

#[test]
fn scheme_inside_host_is_a_format_error() {
    let config = hosted().set("PUSHER_HOST", "https://ws.example.org");
    let problems = server_fail(config);
    let problem = only(&problems, ProblemKind::Format, "PUSHER_HOST");
    assert!(problem.message.contains("PUSHER_SCHEME=https"), "{problem}");
}

#[test]
fn port_inside_host_is_a_format_error() {
    let problems = server_fail(hosted().set("PUSHER_HOST", "ws.example.org:6001"));
    let problem = only(&problems, ProblemKind::Format, "PUSHER_HOST");
    assert!(problem.message.contains("PUSHER_PORT=6001"), "{problem}");
}

#[test]
fn an_app_id_after_a_colon_in_the_host_is_not_offered_as_the_port() {
    let host = format!("ws.example.org:{APP_ID}");
    let problems = server_fail(hosted().set("PUSHER_HOST", &host));
    let problem = only(&problems, ProblemKind::Format, "PUSHER_HOST");
    assert!(
        problem
            .message
            .ends_with("with a port inside the host; put the port in `PUSHER_PORT` instead"),
        "{problem}"
    );
    assert_no_leak(&problems, APP_ID);
}

#[test]
fn a_pusher_host_that_names_no_cluster_is_a_format_error() {
    for host in ["sockjs.pusher.com", "api-${PUSHER_APP_CLUSTER}.pusher.com"] {
        let problems = server_fail(hosted().set("PUSHER_HOST", host));
        let problem = only(&problems, ProblemKind::Format, "PUSHER_HOST");
        assert!(
            problem
                .message
                .contains("a Pusher host that names no cluster"),
            "{problem}"
        );
    }
}

#[test]
fn port_out_of_range_is_a_format_error() {
    for port in ["0", "65536", "70000", "-1", "http"] {
        let problems = server_fail(hosted().set("PUSHER_PORT", port));
        let problem = only(&problems, ProblemKind::Format, "PUSHER_PORT");
        assert!(problem.message.contains("1 to 65535"), "{port}: {problem}");
    }
}

#[test]
fn a_self_hosted_port_left_on_hosted_pusher_is_a_format_error() {
    let problems = server_fail(hosted().set("PUSHER_PORT", "6001"));
    let problem = only(&problems, ProblemKind::Format, "PUSHER_PORT");
    assert!(problem.message.contains("listens on 443"), "{problem}");
}

#[test]
fn bad_scheme_is_a_format_error() {
    let cases = [
        ("wss", "a WebSocket scheme; use `https`"),
        ("ws", "a WebSocket scheme; use `http`"),
        ("HTTPS", "lowercase"),
        ("ftp", "expected `http` or `https`"),
    ];
    for (scheme, why) in cases {
        let problems = server_fail(hosted().set("PUSHER_SCHEME", scheme));
        let problem = only(&problems, ProblemKind::Format, "PUSHER_SCHEME");
        assert!(problem.message.contains(why), "{scheme}: {problem}");
    }
}

#[test]
fn self_hosted_values_with_whitespace_are_format_errors() {
    let config = [
        ("PUSHER_HOST", "ws.example.org"),
        ("PUSHER_APP_ID", "app-id"),
        ("PUSHER_APP_KEY", "app key"),
        ("PUSHER_APP_SECRET", "app-secret"),
    ];
    let problems = server_fail(config);
    only(&problems, ProblemKind::Format, "PUSHER_APP_KEY");
}

/// A made-up encryption master key: 32 bytes in standard base64 (`openssl rand -base64 32`).
const MASTER_KEY: &str = "bfJ8MRJ7VV3j6vBhCfmPBBRQJ1gqxvA8zbF0Rl+YjP0=";

#[test]
fn an_encryption_master_key_not_32_bytes_of_base64_is_a_format_error() {
    let name = "PUSHER_ENCRYPTION_MASTER_KEY_BASE64";
    for (value, why) in [
        ("abcdefghijklmnopqrstuvwxyz012345", "decodes to 24 bytes"),
        (&MASTER_KEY[..40], "decodes to 30 bytes"),
        ("bfJ8MRJ7VV3j6vBhCfmPBBRQJ1gqxvA8zbF0Rl-YjP0=", "URL-safe"),
        (
            "bfJ8MRJ7VV3j6vBhCfmPBBRQ!1gqxvA8zbF0Rl+YjP0=",
            "is not base64",
        ),
    ] {
        let problems = server_fail(hosted().set(name, value));
        let problem = only(&problems, ProblemKind::Format, name);
        assert!(problem.message.contains(why), "{value}: {problem}");
        let help = problem.help.as_deref().unwrap_or_default();
        assert!(help.contains("openssl rand -base64 32"), "{help}");
        assert!(help.contains(r#"printf '%s' "$KEY" | base64"#), "{help}");
        assert_no_leak(&problems, value);
    }
}

#[test]
fn the_raw_master_key_of_old_is_a_format_error_that_says_how_to_convert_it() {
    let raw = "abcdefghijklmnopqrstuvwxyz012345";
    let problems = server_fail(hosted().set("PUSHER_ENCRYPTION_MASTER_KEY", raw));
    let problem = only(
        &problems,
        ProblemKind::Format,
        "PUSHER_ENCRYPTION_MASTER_KEY",
    );
    assert!(
        problem.message.contains("raw 32-character form")
            && problem.message.contains("`encryptionMasterKey`")
            && problem
                .message
                .contains("reads `PUSHER_ENCRYPTION_MASTER_KEY_BASE64`"),
        "{problem}"
    );
    let help = problem.help.as_deref().unwrap_or_default();
    assert!(
        help.contains(r#"printf '%s' "$PUSHER_ENCRYPTION_MASTER_KEY" | base64"#),
        "{help}"
    );
    assert_no_leak(&problems, raw);
    // Another length is said.
    let problems = server_fail(hosted().set("PUSHER_ENCRYPTION_MASTER_KEY", "short-raw-key"));
    let problem = only(
        &problems,
        ProblemKind::Format,
        "PUSHER_ENCRYPTION_MASTER_KEY",
    );
    assert!(
        problem.message.contains("has 13 characters, not 32"),
        "{problem}"
    );
    // A client never reads it.
    let client = hosted()
        .unset("PUSHER_APP_ID")
        .unset("PUSHER_SECRET")
        .set("PUSHER_ENCRYPTION_MASTER_KEY", raw);
    pass(client, Mode::Client);
}

#[test]
fn a_master_key_equal_to_the_secret_is_the_secret_in_the_wrong_place() {
    let env = one_word_self_hosted("local")
        .set("PUSHER_SECRET", MASTER_KEY)
        .set("PUSHER_ENCRYPTION_MASTER_KEY_BASE64", MASTER_KEY);
    let problems = server_fail(env);
    let problem = only(
        &problems,
        ProblemKind::Swapped,
        "PUSHER_ENCRYPTION_MASTER_KEY_BASE64",
    );
    assert!(
        problem
            .message
            .contains("holds the value of `PUSHER_SECRET`"),
        "{problem}"
    );
    assert_no_leak(&problems, MASTER_KEY);
}

#[test]
fn a_placeholder_master_key_is_a_placeholder() {
    let name = "PUSHER_ENCRYPTION_MASTER_KEY_BASE64";
    let problems = server_fail(hosted().set(name, "your_encryption_master_key"));
    let problem = only(&problems, ProblemKind::Placeholder, name);
    let help = problem.help.as_deref().unwrap_or_default();
    assert!(help.contains("openssl rand -base64 32"), "{help}");
}
