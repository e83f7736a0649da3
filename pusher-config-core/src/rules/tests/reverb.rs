//! Laravel Reverb's names (`REVERB_APP_KEY`, `VITE_REVERB_APP_KEY`, …) are read as Pusher's.

use super::*;

/// A Laravel 11 `.env` after `php artisan install:broadcasting` with Reverb.
fn reverb() -> Env {
    Env::from([
        ("BROADCAST_CONNECTION", "reverb"),
        ("REVERB_APP_ID", "348219"),
        ("REVERB_APP_KEY", "jxk2ibt0yzawmiq1pnfr"),
        ("REVERB_APP_SECRET", "k0szwmbo5rbo3dgwvhmq"),
        ("REVERB_HOST", "localhost"),
        ("REVERB_PORT", "8080"),
        ("REVERB_SCHEME", "http"),
        ("VITE_REVERB_APP_KEY", "jxk2ibt0yzawmiq1pnfr"),
        ("VITE_REVERB_HOST", "localhost"),
        ("VITE_REVERB_PORT", "8080"),
        ("VITE_REVERB_SCHEME", "http"),
    ])
}

#[test]
fn a_reverb_env_builds_for_the_server_and_the_browser() {
    let server = pass(reverb(), Mode::Server);
    assert_eq!(server.app_id.as_deref(), Some("348219"));
    assert_eq!(server.secret.as_deref(), Some("k0szwmbo5rbo3dgwvhmq"));
    assert_eq!(server.host.as_deref(), Some("localhost"));
    assert_eq!(server.port, Some(8080));
    assert_eq!(server.scheme, Some(crate::Scheme::Http));
    let client = pass(reverb(), Mode::Client);
    assert_eq!(client.key, "jxk2ibt0yzawmiq1pnfr");
    assert_eq!(client.secret, None);
}

#[test]
fn empty_pusher_names_beside_reverb_ones_are_not_missing() {
    let env = reverb()
        .set("PUSHER_APP_ID", "")
        .set("PUSHER_APP_KEY", "")
        .set("PUSHER_APP_SECRET", "");
    pass(env, Mode::Server);
}

#[test]
fn a_reverb_mirror_that_differs_is_a_mismatch() {
    let problems = fail(
        reverb().set("VITE_REVERB_APP_KEY", "q8w1nzb3c5v7x9m2l4k6"),
        Mode::Server,
    );
    only(&problems, ProblemKind::Mismatch, "VITE_REVERB_APP_KEY");
}

#[test]
fn a_public_reverb_secret_is_exposed() {
    let problems = fail(
        reverb().set("VITE_REVERB_APP_SECRET", "k0szwmbo5rbo3dgwvhmq"),
        Mode::Client,
    );
    only(
        &problems,
        ProblemKind::ExposedSecret,
        "VITE_REVERB_APP_SECRET",
    );
}

#[test]
fn pusher_and_reverb_names_that_disagree_say_laravel_uses_one_of_them() {
    let problems = fail(reverb().set("PUSHER_APP_KEY", KEY), Mode::Server);
    // Pusher's name is read first, so the Reverb mirror disagrees with it too.
    assert_eq!(
        kinds(&problems),
        [
            (ProblemKind::Mismatch, "REVERB_APP_KEY"),
            (ProblemKind::Mismatch, "VITE_REVERB_APP_KEY")
        ]
    );
    let problem = problems.iter().next().expect("a problem");
    assert!(
        problem
            .help
            .as_deref()
            .unwrap_or_default()
            .contains("BROADCAST_CONNECTION"),
        "{problem}"
    );
}
