//! How a report reads: every problem at once, in a stable order, one `error:` each with its
//! help, and where each value was read.

use super::*;

#[test]
fn every_problem_is_reported_at_once_in_setting_order() {
    let upper_secret = SECRET.to_ascii_uppercase();
    let config = [
        ("NEXT_PUBLIC_PUSHER_SECRET", SECRET),
        ("PUSHER_SCHEME", "wss"),
        ("PUSHER_PORT", "99999"),
        ("NEXT_PUBLIC_PUSHER_CLUSTER", "us2"),
        ("PUSHER_APP_CLUSTER", "europe"),
        ("PUSHER_CLUSTER", "eu"),
        ("PUSHER_SECRET", upper_secret.as_str()),
        ("VITE_PUSHER_APP_KEY", STRIPE_SK_TEST),
        ("PUSHER_KEY", &format!(" {KEY}")),
        ("PUSHER_APP_ID", "your_app_id"),
    ];
    let expected = [
        (ProblemKind::Placeholder, "PUSHER_APP_ID"),
        (ProblemKind::PasteResidue, "PUSHER_KEY"),
        (ProblemKind::ForeignCredential, "VITE_PUSHER_APP_KEY"),
        (ProblemKind::Format, "PUSHER_SECRET"),
        (ProblemKind::Format, "PUSHER_APP_CLUSTER"),
        (ProblemKind::Mismatch, "NEXT_PUBLIC_PUSHER_CLUSTER"),
        (ProblemKind::Format, "PUSHER_PORT"),
        (ProblemKind::Format, "PUSHER_SCHEME"),
        (ProblemKind::ExposedSecret, "NEXT_PUBLIC_PUSHER_SECRET"),
    ];
    let problems = server_fail(config);
    assert_eq!(kinds(&problems), expected, "{problems}");
    let shown = problems.to_string();
    assert_eq!(
        shown.matches("error: ").count(),
        expected.len() + 1,
        "{shown}"
    );
    assert!(
        shown.ends_with("error: the Pusher configuration has 9 problems"),
        "{shown}"
    );
    // The same variables in reverse order give the same report.
    let mut reversed = config.to_vec();
    reversed.reverse();
    assert_eq!(server_fail(&reversed[..]), problems);
    for value in [SECRET, upper_secret.as_str(), KEY, STRIPE_SK_TEST] {
        assert_no_leak(&problems, value);
    }
}

#[test]
fn missing_and_bad_values_are_reported_together() {
    let config = [("PUSHER_KEY", "changeme"), ("PUSHER_CLUSTER", "europe")];
    let problems = server_fail(config);
    assert_eq!(
        kinds(&problems),
        [
            (ProblemKind::Missing, "PUSHER_APP_ID"),
            (ProblemKind::Placeholder, "PUSHER_KEY"),
            (ProblemKind::Missing, "PUSHER_SECRET"),
            (ProblemKind::Format, "PUSHER_CLUSTER"),
        ],
        "{problems}"
    );
}

#[test]
fn problems_of_both_naming_schemes_are_reported_next_js_name_first() {
    let pairs = hosted()
        .set("PUSHER_KEY", STRIPE_PK_LIVE)
        .set("PUSHER_APP_KEY", "your_pusher_app_key");
    let problems = server_fail(pairs);
    assert_eq!(
        kinds(&problems),
        [
            (ProblemKind::ForeignCredential, "PUSHER_KEY"),
            (ProblemKind::Placeholder, "PUSHER_APP_KEY"),
        ],
        "{problems}"
    );
}

#[test]
fn problems_of_public_mirrors_are_reported_in_prefix_order() {
    let pairs = hosted()
        .set("VITE_PUSHER_APP_KEY", OTHER_KEY)
        .set("NEXT_PUBLIC_PUSHER_KEY", OTHER_KEY);
    let problems = server_fail(pairs);
    assert_eq!(
        kinds(&problems),
        [
            (ProblemKind::Mismatch, "NEXT_PUBLIC_PUSHER_KEY"),
            (ProblemKind::Mismatch, "VITE_PUSHER_APP_KEY"),
        ],
        "{problems}"
    );
}

#[test]
fn one_problem_prints_as_one_error_with_its_help() {
    let problems = server_fail(hosted().set("PUSHER_CLUSTER", "europe"));
    assert!(!problems.is_empty());
    assert_eq!(problems.len(), 1);
    assert_eq!(
        problems.to_string(),
        "error: `PUSHER_CLUSTER` in the given variables is `europe`, not a Pusher cluster; did you mean `eu`?\n  \
         = help: the cluster is shown beside the keys in the Pusher Channels dashboard"
    );
}

#[test]
fn several_problems_print_one_error_each_then_their_count() {
    let pairs = hosted()
        .set("PUSHER_CLUSTER", "europe")
        .set("PUSHER_SCHEME", "wss");
    let problems = server_fail(pairs);
    assert_eq!(problems.len(), 2);
    let mut vars = Vec::new();
    for problem in &problems {
        vars.push(problem.var.as_str());
    }
    assert_eq!(vars, ["PUSHER_CLUSTER", "PUSHER_SCHEME"]);
    assert_eq!(
        problems.to_string(),
        "error: `PUSHER_CLUSTER` in the given variables is `europe`, not a Pusher cluster; did you mean `eu`?\n  \
         = help: the cluster is shown beside the keys in the Pusher Channels dashboard\n\
         error: `PUSHER_SCHEME` in the given variables is `wss`, a WebSocket scheme; use `https` (the WebSocket scheme follows from it)\n  \
         = help: fix `PUSHER_SCHEME`, or remove it to use the default\n\
         error: the Pusher configuration has 2 problems"
    );
}

#[test]
fn messages_say_where_each_value_was_read() {
    let mut vars = Vars::new();
    let env_file = |line| Origin::EnvFile {
        path: ".env".into(),
        line,
    };
    vars.insert("PUSHER_APP_ID".into(), APP_ID.into(), env_file(Some(1)));
    vars.insert("PUSHER_KEY".into(), "changeme".into(), env_file(Some(3)));
    vars.insert("PUSHER_SECRET".into(), "xxx".into(), Origin::ProcessEnv);
    vars.insert("PUSHER_CLUSTER".into(), "europe".into(), env_file(None));
    let problems = check(&vars, Mode::Server).expect_err("three problems");
    let messages: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
    assert_eq!(messages.len(), 3, "{problems}");
    assert!(
        messages[0].starts_with("`PUSHER_KEY` in `.env` line 3 "),
        "{}",
        messages[0]
    );
    assert!(
        messages[1].starts_with("`PUSHER_SECRET` in the process environment "),
        "{}",
        messages[1]
    );
    assert!(
        messages[2].starts_with("`PUSHER_CLUSTER` in `.env` "),
        "{}",
        messages[2]
    );
}

#[test]
fn given_variables_are_named_as_such() {
    let problems = server_fail(hosted().set("PUSHER_KEY", "changeme"));
    let problem = only(&problems, ProblemKind::Placeholder, "PUSHER_KEY");
    assert!(
        problem
            .message
            .starts_with("`PUSHER_KEY` in the given variables "),
        "{problem}"
    );
}

#[test]
fn each_problem_carries_where_its_variable_was_read() {
    let mut vars = vars(hosted().unset("PUSHER_CLUSTER"));
    let origin = Origin::EnvFile {
        path: ".env".to_owned(),
        line: Some(4),
    };
    vars.insert(
        "PUSHER_KEY".to_owned(),
        STRIPE_PK_LIVE.to_owned(),
        origin.clone(),
    );
    let problems = check(&vars, Mode::Server).expect_err("two problems");
    let origins: Vec<(&str, Option<&Origin>)> = problems
        .iter()
        .map(|p| (p.var.as_str(), p.origin.as_ref()))
        .collect();
    // A variable that is not set has no origin.
    assert_eq!(
        origins,
        [("PUSHER_KEY", Some(&origin)), ("PUSHER_CLUSTER", None)]
    );
}
