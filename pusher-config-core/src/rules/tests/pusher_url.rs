//! `PUSHER_URL`: its parts are checked as the settings they name, and it is never shown.

use super::*;

fn url(key: &str, secret: &str) -> String {
    format!("https://{key}:{secret}@api-eu.pusher.com/apps/{APP_ID}")
}

#[test]
fn a_pusher_url_alone_is_a_whole_server_configuration() {
    let checked = pass([("PUSHER_URL", url(KEY, SECRET).as_str())], Mode::Server);
    assert_eq!(checked.app_id.as_deref(), Some(APP_ID));
    assert_eq!(checked.key, KEY);
    assert_eq!(checked.secret.as_deref(), Some(SECRET));
    // Pusher's REST host stands for its cluster.
    assert_eq!(checked.cluster.as_deref(), Some("eu"));
    assert_eq!(checked.host, None);
}

#[test]
fn a_self_hosted_pusher_url_names_host_port_and_scheme() {
    let local = "http://app-key:app-secret@127.0.0.1:6001/apps/app-id";
    let checked = pass([("PUSHER_URL", local)], Mode::Server);
    assert_eq!(checked.host.as_deref(), Some("127.0.0.1"));
    assert_eq!(checked.port, Some(6001));
    assert_eq!(checked.scheme, Some(crate::Scheme::Http));
}

#[test]
fn a_foreign_key_inside_the_url_is_named_by_its_part_and_nothing_shows_the_secret() {
    let problems = server_fail([("PUSHER_URL", url(STRIPE_PK_LIVE, SECRET).as_str())]);
    let problem = only(&problems, ProblemKind::ForeignCredential, "PUSHER_KEY");
    assert!(
        problem
            .message
            .starts_with("`PUSHER_KEY` in the `PUSHER_URL` of the given variables is a Stripe"),
        "{problem}"
    );
    assert_no_leak(&problems, SECRET);
    assert_no_leak(&problems, STRIPE_PK_LIVE);
}

#[test]
fn a_malformed_url_is_a_format_error_shown_masked() {
    let no_path = format!("https://{KEY}:{SECRET}@api-eu.pusher.com");
    let problems = server_fail([("PUSHER_URL", no_path.as_str())]);
    // The settings it would have given are missing too; the URL's own error comes first.
    let first = problems.iter().next().expect("a problem");
    assert_eq!(
        (first.kind, first.var.as_str()),
        (ProblemKind::Format, "PUSHER_URL")
    );
    assert!(
        first.message.contains("has no `/apps/APP_ID` path"),
        "{first}"
    );
    assert_no_leak(&problems, SECRET);
    assert_no_leak(&problems, KEY);
}

#[test]
fn a_setting_also_set_one_by_one_must_match_the_url() {
    let problems = server_fail(
        hosted()
            .unset("PUSHER_CLUSTER")
            .set("PUSHER_URL", &url(OTHER_KEY, SECRET)),
    );
    let problem = only(&problems, ProblemKind::Mismatch, "PUSHER_KEY");
    assert!(
        problem
            .message
            .contains("does not match the key in `PUSHER_URL`"),
        "{problem}"
    );
    assert_no_leak(&problems, SECRET);
    // The same values one by one and in the URL agree.
    pass(
        hosted()
            .unset("PUSHER_CLUSTER")
            .set("PUSHER_URL", &url(KEY, SECRET)),
        Mode::Server,
    );
}

#[test]
fn a_client_never_reads_the_url_and_a_public_one_is_an_exposed_secret() {
    let problems = fail(
        [
            ("PUSHER_URL", url(KEY, SECRET).as_str()),
            ("NEXT_PUBLIC_PUSHER_KEY", KEY),
            ("NEXT_PUBLIC_PUSHER_CLUSTER", "eu"),
            ("NEXT_PUBLIC_PUSHER_URL", url(KEY, SECRET).as_str()),
        ],
        Mode::Client,
    );
    only(
        &problems,
        ProblemKind::ExposedSecret,
        "NEXT_PUBLIC_PUSHER_URL",
    );
    assert_no_leak(&problems, SECRET);
    assert!(!crate::names::Mode::Client.reads_name("PUSHER_URL"));
}

#[test]
fn a_client_check_of_a_map_with_only_the_url_finds_no_key() {
    // The URL holds the secret: a client never reads it, even when a map hands it over.
    let problems = fail([("PUSHER_URL", url(KEY, SECRET).as_str())], Mode::Client);
    assert_eq!(
        kinds(&problems),
        [
            (ProblemKind::Missing, "PUSHER_KEY"),
            (ProblemKind::Missing, "PUSHER_CLUSTER")
        ]
    );
}
