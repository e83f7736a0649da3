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
