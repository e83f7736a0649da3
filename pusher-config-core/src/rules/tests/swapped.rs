//! [`ProblemKind::Swapped`]: a value pasted into another setting (app id and key exchanged, the
//! secret as the host or cluster).

use super::*;

#[test]
fn app_id_and_key_exchanged_are_swapped() {
    let config = hosted().set("PUSHER_APP_ID", KEY).set("PUSHER_KEY", APP_ID);
    let problems = server_fail(config);
    let problem = only(&problems, ProblemKind::Swapped, "PUSHER_APP_ID");
    assert!(
        problem.message.contains("`PUSHER_APP_ID`") && problem.message.contains("`PUSHER_KEY`"),
        "{problem}"
    );
    assert!(problem.message.contains("swapped"), "{problem}");
    assert_no_leak(&problems, KEY);
}

#[test]
fn secret_pasted_into_a_self_hosted_host_is_reported_masked() {
    let secret = "5d0c7e9a3b1f84e2c6a0";
    let vars = Vars::from_pairs([
        ("PUSHER_APP_ID", "app-id"),
        ("PUSHER_KEY", "app-key"),
        ("PUSHER_SECRET", secret),
        ("PUSHER_HOST", secret),
    ]);
    let problems = check(&vars, Mode::Server).expect_err("the host holds the secret");
    let kinds: Vec<_> = problems.iter().map(|p| (p.kind, p.var.as_str())).collect();
    assert_eq!(kinds, [(ProblemKind::Swapped, "PUSHER_HOST")]);
    assert!(!problems.to_string().contains(secret), "{problems}");
}

#[test]
fn a_short_self_hosted_secret_in_another_server_setting_is_still_reported() {
    let pairs = one_word_self_hosted("hush").set("PUSHER_CLUSTER", "hush");
    let problems = server_fail(pairs);
    only(&problems, ProblemKind::Swapped, "PUSHER_CLUSTER");
}

#[test]
fn a_self_hosted_app_id_and_key_may_look_like_each_other() {
    // Any app id and key go on a self-hosted server: hex as the app id, digits as the key.
    let env = Env::from([
        ("PUSHER_APP_ID", KEY),
        ("PUSHER_KEY", "1234567"),
        ("PUSHER_SECRET", SECRET),
        ("PUSHER_HOST", "soketi"),
    ]);
    pass(env, Mode::Server);
}
