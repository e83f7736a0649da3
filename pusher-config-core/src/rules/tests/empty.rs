//! [`ProblemKind::Empty`]: a required variable set to nothing.

use super::*;

#[test]
fn each_empty_required_variable_is_reported_as_empty() {
    for name in [
        "PUSHER_APP_ID",
        "PUSHER_KEY",
        "PUSHER_SECRET",
        "PUSHER_CLUSTER",
    ] {
        let problems = server_fail(hosted().set(name, ""));
        let problem = only(&problems, ProblemKind::Empty, name);
        assert!(
            problem.message.contains(&format!("`{name}`")) && problem.message.contains("is empty"),
            "{problem}"
        );
    }
}

#[test]
fn empty_laravel_name_is_reported_under_its_own_name() {
    let config = hosted().unset("PUSHER_KEY").set("PUSHER_APP_KEY", "");
    let problems = server_fail(config);
    only(&problems, ProblemKind::Empty, "PUSHER_APP_KEY");
}
