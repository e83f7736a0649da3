//! Building without the real settings: a template of `.env` is named in the help, and
//! `PUSHER_CONFIG_ENV_FILE` points the macro at a file of made-up values that builds checks and
//! tests but never a release build.

mod scratch;

use scratch::Scratch;

const MAIN: &str = r#"
static PUSHER: pusher_config::PusherConfig = pusher_config::pusher_config!();

fn main() {
    println!("{}", PUSHER.app_id());
}
"#;

/// Made-up values, as a project would commit them for CI.
const CHECKS: &str = "PUSHER_APP_ID=1000001\nPUSHER_KEY=0a1b2c3d4e5f60718293\nPUSHER_SECRET=90817263544536271809\nPUSHER_CLUSTER=mt1\n";

#[test]
fn with_only_a_template_the_help_says_to_copy_it() {
    let app = Scratch::new("only_a_template", MAIN);
    app.write(
        ".env.example",
        "PUSHER_APP_ID=\nPUSHER_APP_KEY=\nPUSHER_APP_SECRET=\nPUSHER_APP_CLUSTER=mt1\n",
    );
    let (ok, stderr) = app.try_build(&[]);
    assert!(!ok, "{stderr}");
    assert!(
        stderr
            .contains("copy `.env.example` to `.env` and set its values (`cp .env.example .env`)"),
        "{stderr}"
    );
}

#[test]
fn a_checks_file_builds_checks_but_never_a_release() {
    let app = Scratch::new("checks_file", MAIN);
    app.write("ci/pusher.env", CHECKS);
    let env = [("PUSHER_CONFIG_ENV_FILE", "ci/pusher.env")];
    assert_eq!(app.build_and_run(&env), "1000001");

    let (ok, stderr) = app.try_build_with(&["--release"], &env);
    assert!(!ok, "a release build with made-up values: {stderr}");
    assert!(
        stderr.contains("`PUSHER_CONFIG_ENV_FILE` is set to `ci/pusher.env`, whose made-up values are for checks and tests, not for a release build"),
        "{stderr}"
    );

    // The variable is tracked: unset, the next build reads the (missing) `.env` again.
    let (ok, stderr) = app.try_build(&[]);
    assert!(!ok, "{stderr}");
    assert!(stderr.contains("`PUSHER_APP_ID` is not set"), "{stderr}");
}

#[test]
fn real_settings_in_the_environment_win_over_a_checks_file_and_the_release_builds() {
    // The guard is about the file being read: with every value from the environment, the
    // file gives nothing, and the release builds.
    let app = Scratch::new("checks_file_overridden", MAIN);
    app.write("ci/pusher.env", CHECKS);
    let env = [
        ("PUSHER_CONFIG_ENV_FILE", "ci/pusher.env"),
        ("PUSHER_APP_ID", "2047711"),
        ("PUSHER_KEY", "9c2e4b7a1f08d3e65b4a"),
        ("PUSHER_SECRET", "3f7d0a9e6c1b8e2d4a57"),
        ("PUSHER_CLUSTER", "eu"),
    ];
    let (ok, stderr) = app.try_build_with(&["--release"], &env);
    assert!(ok, "{stderr}");
}
