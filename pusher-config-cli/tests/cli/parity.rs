//! `check` gives the verdicts of `pusher_config!()`: the same loader, the same rules, the same
//! messages. Every UI case's fixture is checked by the binary, from the folder the cases'
//! paths are relative to, and its `error: …` lines compared with the case's reviewed `.stderr`.

use crate::support::{error_lines, run_in, tests_crate, ui_dir};

/// `(fixture, client)` named by a UI case, if it names one.
fn fixture_of(case: &str) -> Option<(String, bool)> {
    let start = case.find("env_file = \"")? + "env_file = \"".len();
    let end = start + case[start..].find('"')?;
    Some((
        case[start..end].to_owned(),
        case.contains("pusher_config!(client"),
    ))
}

/// Every UI case in `tests/ui/{kind}` with its fixture and whether it is a client build.
fn cases(kind: &str) -> Vec<(std::path::PathBuf, String, bool)> {
    let mut cases = Vec::new();
    for entry in std::fs::read_dir(ui_dir().join(kind)).expect("ui cases") {
        let path = entry.expect("entry").path();
        if path.extension().is_none_or(|ext| ext != "rs") {
            continue;
        }
        let case = std::fs::read_to_string(&path).expect("case");
        if let Some((fixture, client)) = fixture_of(&case) {
            cases.push((path, fixture, client));
        }
    }
    cases.sort();
    cases
}

fn check(fixture: &str, client: bool) -> crate::support::Run {
    let mut args = vec![fixture];
    if client {
        args.push("--client");
    }
    run_in(&tests_crate(), &args, &[])
}

#[test]
fn every_failing_fixture_exits_1_with_the_macros_messages() {
    let mut compared = 0;
    for (case, fixture, client) in cases("fail") {
        let stderr = std::fs::read_to_string(case.with_extension("stderr")).expect("stderr");
        let expected = error_lines(&stderr);
        let about_values = |e: &String| e.starts_with('`') || e.starts_with("cannot parse");
        if !tests_crate().join(&fixture).exists()
            || expected.is_empty()
            || !expected.iter().all(about_values)
        {
            // A missing file, a bad macro argument, a Rust type error: nothing to compare.
            continue;
        }
        let run = check(&fixture, client);
        assert_eq!(run.code, 1, "{}: {run:?}", case.display());
        assert_eq!(run.errors(), expected, "{}", case.display());
        compared += 1;
    }
    assert!(compared >= 15, "only {compared} cases compared");
}

#[test]
fn every_passing_fixture_exits_0() {
    let cases = cases("pass");
    assert!(cases.len() >= 5, "{cases:?}");
    for (case, fixture, client) in cases {
        let run = check(&fixture, client);
        assert_eq!(run.code, 0, "{}: {run:?}", case.display());
    }
}
