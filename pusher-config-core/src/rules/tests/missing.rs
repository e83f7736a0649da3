//! [`ProblemKind::Missing`]: a required variable not set, and the help pointing at what is set.

use super::*;

#[test]
fn each_missing_required_variable_is_reported() {
    for name in [
        "PUSHER_APP_ID",
        "PUSHER_KEY",
        "PUSHER_SECRET",
        "PUSHER_CLUSTER",
    ] {
        let problems = server_fail(hosted().unset(name));
        let problem = only(&problems, ProblemKind::Missing, name);
        assert_eq!(problem.message, format!("`{name}` is not set"), "{problem}");
        let help = problem.help.as_deref().unwrap_or("");
        assert!(help.contains(&format!("set `{name}`")), "{problem}");
    }
}

#[test]
fn missing_key_help_mentions_the_laravel_name() {
    let problems = server_fail(hosted().unset("PUSHER_KEY"));
    let problem = only(&problems, ProblemKind::Missing, "PUSHER_KEY");
    assert!(
        problem
            .help
            .as_deref()
            .unwrap_or("")
            .contains("`PUSHER_APP_KEY`"),
        "{problem}"
    );
}

#[test]
fn missing_key_help_on_a_server_names_both_names_and_the_dashboard() {
    let problems = server_fail(hosted().unset("PUSHER_KEY"));
    let problem = only(&problems, ProblemKind::Missing, "PUSHER_KEY");
    assert_eq!(
        problem.help.as_deref(),
        Some("set `PUSHER_KEY` (Laravel's `PUSHER_APP_KEY` works too) to the key from the Pusher Channels dashboard, under App Keys")
    );
}

#[test]
fn missing_cluster_help_lists_clusters_and_host() {
    let problems = server_fail(hosted().unset("PUSHER_CLUSTER"));
    let problem = only(&problems, ProblemKind::Missing, "PUSHER_CLUSTER");
    let help = problem.help.as_deref().unwrap_or("");
    assert!(
        help.contains("`mt1`") && help.contains("`sa1`") && help.contains("PUSHER_HOST"),
        "{problem}"
    );
}

#[test]
fn misspelt_names_are_suggested() {
    let cases = [
        ("PUSHER_APP_ID", "PUSHER_APPID", APP_ID),
        ("PUSHER_KEY", "PUSHER_KEYS", KEY),
        ("PUSHER_KEY", "pusher_key", KEY),
    ];
    for (right, wrong, value) in cases {
        let config = hosted().unset(right).set(wrong, value);
        let problems = server_fail(config);
        let problem = only(&problems, ProblemKind::Missing, right);
        let help = problem.help.as_deref().unwrap_or("");
        assert!(
            help.contains(&format!("`{wrong}`"))
                && help.contains(&format!("misspelling of `{right}`")),
            "{problem}"
        );
    }
}

#[test]
fn missing_variable_names_the_sources_searched() {
    let mut vars = Vars::new();
    for (name, value) in hosted().unset("PUSHER_SECRET").pairs {
        vars.insert(name, value, Origin::ProcessEnv);
    }
    vars.note_searched("the process environment");
    vars.note_searched("`.env`");
    let problems = check(&vars, Mode::Server).expect_err("a missing secret");
    let problem = only(&problems, ProblemKind::Missing, "PUSHER_SECRET");
    assert_eq!(
        problem.message,
        "`PUSHER_SECRET` is not set in the process environment or `.env`"
    );
}

#[test]
fn missing_server_values_point_at_what_is_there() {
    let public_only = Vars::from_pairs([
        ("PUSHER_APP_ID", "2047711"),
        ("PUSHER_SECRET", "3f7d0a9e6c1b8e2d4a57"),
        ("PUSHER_CLUSTER", "eu"),
        ("NEXT_PUBLIC_PUSHER_KEY", "9c2e4b7a1f08d3e65b4a"),
    ]);
    let problems = check(&public_only, Mode::Server).expect_err("no server key");
    let help = problems
        .iter()
        .next()
        .and_then(|p| p.help.clone())
        .unwrap_or_default();
    assert!(
        help.starts_with("`NEXT_PUBLIC_PUSHER_KEY` is set, but the server reads `PUSHER_KEY`"),
        "{help}"
    );

    let reverb = Vars::from_pairs([
        ("REVERB_APP_ID", "348219"),
        ("REVERB_APP_KEY", "jxk2ibt0yzawmiq1pnfr"),
        ("REVERB_APP_SECRET", "k0szwmbo5rbo3dgwvhmq"),
        ("REVERB_HOST", "localhost"),
    ]);
    // Laravel Reverb's names are read too: a Reverb `.env` builds as it is.
    let checked = check(&reverb, Mode::Server).expect("Reverb's names only");
    assert_eq!(checked.public().key().as_str(), "jxk2ibt0yzawmiq1pnfr");
}

#[test]
fn a_key_set_only_for_the_browser_is_reported_once_as_missing_on_the_server() {
    for (name, mirror, value) in [
        ("PUSHER_KEY", "NEXT_PUBLIC_PUSHER_KEY", KEY),
        ("PUSHER_CLUSTER", "VITE_PUSHER_APP_CLUSTER", "eu"),
    ] {
        let pairs = hosted().unset(name).set(mirror, value);
        let problems = server_fail(pairs);
        only(&problems, ProblemKind::Missing, name);
    }
}

#[test]
fn only_a_near_miss_of_the_name_is_offered_as_a_misspelling() {
    // Unrelated variables, a public near miss and a far one are not misspellings of
    // `PUSHER_KEY`: the help is the usual one.
    let env = hosted()
        .unset("PUSHER_KEY")
        .set("DATABASE_URL", "postgres://localhost/app")
        .set("NEXT_PUBLIC_PUSHER_KEYS", KEY)
        .set("PUSHER_KEYRING_PATH", "/etc/keys");
    let problems = server_fail(env);
    let problem = only(&problems, ProblemKind::Missing, "PUSHER_KEY");
    let help = problem.help.unwrap_or_default();
    assert!(help.starts_with("set `PUSHER_KEY`"), "{help}");
    for name in [
        "DATABASE_URL",
        "NEXT_PUBLIC_PUSHER_KEYS",
        "PUSHER_KEYRING_PATH",
    ] {
        assert!(!help.contains(name), "{name} offered: {help}");
    }
}

#[test]
fn a_client_never_judges_server_only_rules() {
    // Given a secret anyway (a map, not the loader, which never reads it for a client), a
    // client check does not judge what only a server has: the key equal to the secret, or
    // the app id and key swapped.
    let env = Env::from([
        ("PUSHER_APP_ID", KEY),
        ("PUSHER_KEY", "1234567"),
        ("PUSHER_SECRET", "1234567"),
        ("PUSHER_CLUSTER", "eu"),
    ]);
    let problems = fail(env, Mode::Client);
    assert_eq!(kinds(&problems), [(ProblemKind::AppIdAsKey, "PUSHER_KEY")]);
}

#[test]
fn the_help_names_a_laravel_spelling_only_where_there_is_another() {
    let problems = server_fail(hosted().unset("PUSHER_APP_ID").unset("PUSHER_KEY"));
    let helps: Vec<String> = problems.iter().filter_map(|p| p.help.clone()).collect();
    assert!(!helps[0].contains("Laravel"), "{}", helps[0]);
    assert!(
        helps[1].contains("(Laravel's `PUSHER_APP_KEY` works too)"),
        "{}",
        helps[1]
    );
}
