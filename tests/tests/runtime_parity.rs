//! Run-time loading gives the verdicts of `pusher_config!()`: the same rule set, the same
//! messages. Every UI case's fixture is loaded with `from_env_file` and its problems compared
//! with the errors in the case's reviewed `.stderr`.

use std::path::Path;

use pusher_config::{PublicConfig, PusherConfig};
use pusher_config_tests::clear_ambient_loader_variables;

/// The `error: …` lines of a `.stderr`, without rustc's own closing line.
fn compile_errors(stderr: &str) -> Vec<String> {
    stderr
        .lines()
        .filter_map(|line| line.strip_prefix("error: "))
        .filter(|line| !line.starts_with("could not compile"))
        .map(str::to_owned)
        .collect()
}

/// The `error: …` lines of a run-time error's `Display`.
fn runtime_errors(display: &str) -> Vec<String> {
    display
        .lines()
        .filter_map(|line| line.strip_prefix("error: "))
        .filter(|line| !line.starts_with("the Pusher configuration has"))
        .map(str::to_owned)
        .collect()
}

/// `(fixture, client)` named by a UI case, if it names one.
fn fixture_of(case: &str) -> Option<(String, bool)> {
    let start = case.find("env_file = \"")? + "env_file = \"".len();
    let end = start + case[start..].find('"')?;
    Some((
        case[start..end].to_owned(),
        case.contains("pusher_config!(client"),
    ))
}

#[test]
fn from_env_file_reports_what_the_macro_reports() {
    clear_ambient_loader_variables();
    let mut compared = 0;
    for entry in std::fs::read_dir("tests/ui/fail").expect("ui cases") {
        let path = entry.expect("entry").path();
        if path.extension().is_none_or(|ext| ext != "rs") {
            continue;
        }
        let case = std::fs::read_to_string(&path).expect("case");
        let Some((fixture, client)) = fixture_of(&case) else {
            continue;
        };
        let stderr = std::fs::read_to_string(path.with_extension("stderr")).expect("stderr");
        let expected = compile_errors(&stderr);
        let about_values = |e: &String| e.starts_with('`') || e.starts_with("cannot parse");
        if !Path::new(&fixture).exists()
            || expected.is_empty()
            || !expected.iter().all(about_values)
        {
            // A missing file, a bad macro argument, a Rust type error: nothing for run-time
            // loading to compare.
            continue;
        }
        let result = if client {
            PublicConfig::from_env_file(&fixture).map(drop)
        } else {
            PusherConfig::from_env_file(&fixture).map(drop)
        };
        let problems = result.expect_err(&format!("{} loads at run time", path.display()));
        assert_eq!(
            runtime_errors(&problems.to_string()),
            expected,
            "{}",
            path.display()
        );
        compared += 1;
    }
    assert!(compared >= 15, "only {compared} cases compared");
}

#[test]
fn from_env_file_builds_what_the_macro_builds() {
    clear_ambient_loader_variables();
    static VALID: PusherConfig =
        pusher_config::pusher_config!(env_file = "tests/ui/fixtures/valid.env");
    static SELF_HOSTED: PusherConfig =
        pusher_config::pusher_config!(env_file = "tests/ui/fixtures/self_hosted.env");
    static LARAVEL: PusherConfig =
        pusher_config::pusher_config!(env_file = "tests/ui/fixtures/laravel.env");
    static REVERB: PusherConfig =
        pusher_config::pusher_config!(env_file = "tests/ui/fixtures/reverb.env");
    static URL: PusherConfig =
        pusher_config::pusher_config!(env_file = "tests/ui/fixtures/pusher_url.env");
    static ENCRYPTED: PusherConfig =
        pusher_config::pusher_config!(env_file = "tests/ui/fixtures/encrypted.env");
    static CLIENT: PublicConfig =
        pusher_config::pusher_config!(client, env_file = "tests/ui/fixtures/client.env");

    for (fixture, built) in [
        ("tests/ui/fixtures/valid.env", &VALID),
        ("tests/ui/fixtures/self_hosted.env", &SELF_HOSTED),
        ("tests/ui/fixtures/laravel.env", &LARAVEL),
        ("tests/ui/fixtures/reverb.env", &REVERB),
        ("tests/ui/fixtures/pusher_url.env", &URL),
        ("tests/ui/fixtures/encrypted.env", &ENCRYPTED),
    ] {
        let loaded = PusherConfig::from_env_file(fixture).expect(fixture);
        assert_eq!(&loaded, built, "{fixture}");
    }
    let loaded = PublicConfig::from_env_file("tests/ui/fixtures/client.env").expect("client");
    assert_eq!(loaded, CLIENT);
}

#[test]
fn from_vars_takes_any_map() {
    let vars = pusher_config::source::Vars::from_pairs([
        ("PUSHER_APP_ID", "2047711"),
        (
            "PUSHER_KEY",
            "pk_test_51Xa93kQb7Tn2LmPq8RwZ4vYc6JdH0sFgE1uNo5tKiMbV3x",
        ),
        ("PUSHER_SECRET", "3f7d0a9e6c1b8e2d4a57"),
        ("PUSHER_CLUSTER", "eu"),
    ]);
    let problems = PusherConfig::from_vars(&vars).expect_err("a Stripe key");
    let shown = problems.to_string();
    assert!(
        shown.starts_with("error: `PUSHER_KEY` in the given variables is a Stripe-style key"),
        "{shown}"
    );
    assert!(!shown.contains("pk_test_51Xa93kQb7"), "{shown}");
}
