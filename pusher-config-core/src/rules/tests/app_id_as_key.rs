//! [`ProblemKind::AppIdAsKey`]: the app id pasted as the key.

use super::*;

#[test]
fn key_of_digits_only_is_the_app_id_as_key() {
    let problems = server_fail(hosted().set("PUSHER_KEY", "4471902"));
    let problem = only(&problems, ProblemKind::AppIdAsKey, "PUSHER_KEY");
    assert!(problem.message.contains("only digits"), "{problem}");
    assert!(!problem.message.contains("4471902"), "{problem}");
}
