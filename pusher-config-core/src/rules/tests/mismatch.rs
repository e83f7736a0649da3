//! [`ProblemKind::Mismatch`]: a public mirror or the other naming scheme disagrees with the
//! server's value.

use super::*;

#[test]
fn public_mirrors_that_differ_from_the_server_values_are_mismatches_naming_both() {
    let config = hosted()
        .set("NEXT_PUBLIC_PUSHER_KEY", OTHER_KEY)
        .set("NEXT_PUBLIC_PUSHER_CLUSTER", "us2");
    let problems = server_fail(config);
    assert_eq!(
        kinds(&problems),
        [
            (ProblemKind::Mismatch, "NEXT_PUBLIC_PUSHER_KEY"),
            (ProblemKind::Mismatch, "NEXT_PUBLIC_PUSHER_CLUSTER"),
        ],
        "{problems}"
    );
    let [key, cluster] = [0, 1].map(|i| {
        problems
            .iter()
            .nth(i)
            .expect("two problems")
            .message
            .clone()
    });
    assert!(
        key.contains("`NEXT_PUBLIC_PUSHER_KEY`") && key.contains("`PUSHER_KEY`"),
        "{key}"
    );
    assert!(
        cluster.contains("`NEXT_PUBLIC_PUSHER_CLUSTER`") && cluster.contains("`PUSHER_CLUSTER`"),
        "{cluster}"
    );
    assert!(
        cluster.contains("`us2`") && cluster.contains("`eu`"),
        "{cluster}"
    );
    assert_no_leak(&problems, KEY);
    assert_no_leak(&problems, OTHER_KEY);
}

#[test]
fn next_and_laravel_names_that_disagree_are_a_mismatch_naming_both() {
    let problems = server_fail(hosted().set("PUSHER_APP_KEY", OTHER_KEY));
    let problem = only(&problems, ProblemKind::Mismatch, "PUSHER_APP_KEY");
    assert!(problem.message.contains("`PUSHER_APP_KEY`"), "{problem}");
    assert!(problem.message.contains("`PUSHER_KEY`"), "{problem}");
    assert_no_leak(&problems, KEY);
    assert_no_leak(&problems, OTHER_KEY);
}

#[test]
fn next_and_laravel_names_that_agree_pass() {
    let config = hosted()
        .set("PUSHER_APP_KEY", KEY)
        .set("PUSHER_APP_SECRET", SECRET);
    pass(config, Mode::Server);
}

#[test]
fn public_host_without_server_host_is_a_mismatch() {
    let problems = server_fail(hosted().set("VITE_PUSHER_HOST", "127.0.0.1"));
    let problem = only(&problems, ProblemKind::Mismatch, "VITE_PUSHER_HOST");
    assert!(
        problem.message.contains("`PUSHER_HOST` is not"),
        "{problem}"
    );
}

#[test]
fn mismatch_names_the_origin_of_both_sides() {
    let mut vars = Vars::new();
    let env_file = |line| Origin::EnvFile {
        path: ".env".into(),
        line: Some(line),
    };
    vars.insert("PUSHER_APP_ID".into(), APP_ID.into(), Origin::ProcessEnv);
    vars.insert("PUSHER_KEY".into(), KEY.into(), Origin::ProcessEnv);
    vars.insert("PUSHER_SECRET".into(), SECRET.into(), Origin::ProcessEnv);
    vars.insert("PUSHER_CLUSTER".into(), "eu".into(), Origin::ProcessEnv);
    vars.insert(
        "NEXT_PUBLIC_PUSHER_KEY".into(),
        OTHER_KEY.into(),
        env_file(7),
    );
    let problems = check(&vars, Mode::Server).expect_err("a mismatch");
    let problem = only(&problems, ProblemKind::Mismatch, "NEXT_PUBLIC_PUSHER_KEY");
    assert!(
        problem
            .message
            .contains("`NEXT_PUBLIC_PUSHER_KEY` in `.env` line 7"),
        "{problem}"
    );
    assert!(
        problem
            .message
            .contains("`PUSHER_KEY` in the process environment"),
        "{problem}"
    );
}
