//! Exit 0 when right, 1 with problems, 2 when it could not check (with one line saying why).

use crate::support::{error_lines, incident, ui_dir, Project, Run, VALID};

/// Exit 2, one line on the standard error, nothing on the standard output: the reason.
fn could_not_check(run: Run) -> String {
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stdout.is_empty(), "{run:?}");
    assert_eq!(run.stderr.lines().count(), 1, "{run:?}");
    run.stderr
        .trim_end()
        .strip_prefix("error: could not check: ")
        .unwrap_or_else(|| panic!("{run:?}"))
        .to_owned()
}

#[test]
fn a_right_configuration_exits_0() {
    let project = Project::new("right");
    project.write(".env", VALID);
    let run = project.check(&[]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run
        .stdout
        .ends_with("ok: the Pusher configuration has no problems\n"));
    assert!(run.stderr.is_empty(), "{run:?}");
}

#[test]
fn the_incident_exits_1_with_the_macros_messages() {
    let project = Project::new("incident");
    project.write(".env", &incident());
    let run = project.check(&[]);
    assert_eq!(run.code, 1, "{run:?}");
    let stderr = std::fs::read_to_string(ui_dir().join("fail/stripe.stderr")).expect("stderr");
    let expected: Vec<String> = error_lines(&stderr)
        .iter()
        .map(|line| line.replace("tests/ui/fixtures/stripe.env", ".env"))
        .collect();
    assert_eq!(expected.len(), 2);
    assert_eq!(run.errors(), expected);
    assert!(run
        .stdout
        .ends_with("\nerror: the Pusher configuration has 2 problems\n"));
}

#[test]
fn a_file_with_bad_lines_is_a_problem_of_the_configuration() {
    let project = Project::new("bad-lines");
    project.write(".env", &format!("{VALID}PUSHER_HOST soketi\n"));
    let run = project.check(&[]);
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(
        run.errors(),
        ["cannot parse `.env` line 7: not a `NAME=value` line; check its quotes and escapes"]
    );
    // The line is never shown, only its length.
    assert!(
        run.stdout.contains("7 | [a line of 18 chars, not shown]"),
        "{run:?}"
    );
}

#[test]
fn a_named_file_that_does_not_exist_cannot_be_checked() {
    let project = Project::new("absent");
    project.write(".env", VALID);
    let reason = could_not_check(project.check(&[".env", "config/pusher.env"]));
    assert_eq!(reason, "`config/pusher.env` does not exist");
}

#[test]
fn a_file_that_cannot_be_read_cannot_be_checked() {
    let project = Project::new("unreadable");
    project.write("folder.env/x", "");
    let reason = could_not_check(project.check(&["folder.env"]));
    assert_eq!(
        reason,
        "cannot read `folder.env`: it is a folder, not a file"
    );

    std::fs::write(project.dir.join("latin1.env"), b"PUSHER_CLUSTER=\xe9u\n").expect("write");
    let reason = could_not_check(project.check(&["latin1.env"]));
    assert_eq!(reason, "cannot read `latin1.env`: it is not valid UTF-8");
}

#[cfg(unix)]
#[test]
fn a_link_to_nothing_in_a_crate_cannot_be_checked() {
    // The macro's search reads whatever is at `.env`, as `pusher_config!()` does.
    let project = Project::new("broken-link");
    project.write("Cargo.toml", "[package]\nname = \"app\"\n");
    std::os::unix::fs::symlink("nowhere.env", project.dir.join(".env")).expect("link");
    let reason = could_not_check(project.check(&[]));
    assert_eq!(
        reason,
        "cannot read `.env`: it is a link to a file that does not exist"
    );
}

#[test]
fn bad_arguments_cannot_be_checked() {
    let project = Project::new("arguments");
    let reason = could_not_check(project.check(&["--format", "xml"]));
    assert!(
        reason.starts_with("invalid value 'xml' for '--format"),
        "{reason}"
    );
    let reason = could_not_check(project.check(&["--framework", "rails"]));
    assert!(reason.starts_with("invalid value 'rails'"), "{reason}");
    let reason = could_not_check(project.check(&["--mode", "test", ".env"]));
    assert!(reason.contains("cannot be used with"), "{reason}");
}

#[test]
fn help_and_version_exit_0() {
    let project = Project::new("help");
    let run = project.check(&["--help"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.contains("Usage: pusher-config check"), "{run:?}");
}
