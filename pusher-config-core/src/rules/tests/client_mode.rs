//! [`Mode::Client`] failures: a browser build still checks what it reads (every client build
//! that passes, and what it holds, is in `passes`).

use super::*;

#[test]
fn client_mode_still_checks_the_public_key() {
    let config = [
        ("NEXT_PUBLIC_PUSHER_KEY", STRIPE_PK_TEST),
        ("NEXT_PUBLIC_PUSHER_CLUSTER", "eu"),
    ];
    let problems = fail(config, Mode::Client);
    only(
        &problems,
        ProblemKind::ForeignCredential,
        "NEXT_PUBLIC_PUSHER_KEY",
    );
}

#[test]
fn client_mode_missing_key_points_at_public_mirror() {
    let problems = fail([("NEXT_PUBLIC_PUSHER_CLUSTER", "eu")], Mode::Client);
    let problem = only(&problems, ProblemKind::Missing, "PUSHER_KEY");
    assert!(
        problem
            .help
            .as_deref()
            .unwrap_or("")
            .contains("NEXT_PUBLIC_PUSHER_KEY"),
        "{problem}"
    );
}

#[test]
fn client_mode_still_reports_a_public_secret_variable() {
    let config = [
        ("NEXT_PUBLIC_PUSHER_KEY", KEY),
        ("NEXT_PUBLIC_PUSHER_CLUSTER", "eu"),
        ("NEXT_PUBLIC_PUSHER_SECRET", SECRET),
    ];
    let problems = fail(config, Mode::Client);
    only(
        &problems,
        ProblemKind::ExposedSecret,
        "NEXT_PUBLIC_PUSHER_SECRET",
    );
}
