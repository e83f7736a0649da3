//! [`ProblemKind::KeyEqualsSecret`]: the key pasted as the secret.

use super::*;

#[test]
fn key_equal_to_secret_is_reported() {
    let problems = server_fail(hosted().set("PUSHER_SECRET", KEY));
    let problem = only(&problems, ProblemKind::KeyEqualsSecret, "PUSHER_KEY");
    assert!(
        problem.message.contains("`PUSHER_KEY`") && problem.message.contains("`PUSHER_SECRET`"),
        "{problem}"
    );
    assert_no_leak(&problems, KEY);
}
