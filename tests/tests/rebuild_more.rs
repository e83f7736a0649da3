//! More ways a build could go stale: a `.env` that is a symbolic link re-pointed elsewhere, a
//! variable that was unset at the first build, a variable a `.env` line refers to (`${NAME}`,
//! `$NAME`), a `.env` at the workspace root, and public variables that expose the secret added
//! after a good build.
//!
//! Like `rebuild.rs`, each test builds a scratch crate outside the workspace, changes what the
//! macro reads, builds again and runs the binary.

mod scratch;

use scratch::Scratch;

const MAIN: &str = r#"
static PUSHER: pusher_config::PusherConfig = pusher_config::pusher_config!();

fn main() {
    println!("{} {}", PUSHER.app_id(), PUSHER.cluster());
}
"#;

/// Prints where the client connects: `host:port` when self-hosted, else the cluster.
const HOST_MAIN: &str = r#"
static PUSHER: pusher_config::PusherConfig = pusher_config::pusher_config!();

fn main() {
    match PUSHER.host() {
        Some(host) => match PUSHER.port() {
            Some(port) => println!("{host}:{port}"),
            None => println!("{host}"),
        },
        None => println!("{}", PUSHER.cluster()),
    }
}
"#;

/// Made up for this file; a message that shows it whole leaks it.
const SECRET: &str = "a3bb5c0556ac89a91e39";
const KEY: &str = "fc39ef249e32fc713982";

fn env_file(app_id: &str, cluster: &str) -> String {
    format!("PUSHER_APP_ID={app_id}\nPUSHER_KEY={KEY}\nPUSHER_SECRET={SECRET}\nPUSHER_CLUSTER={cluster}\n")
}

/// `text` with the secret replaced, for failure messages.
fn redacted(text: &str) -> String {
    text.replace(SECRET, "<SECRET>")
}

/// Cargo records the file a link points at, never the link (it canonicalizes the paths of
/// dep-info), so re-pointing `.env` changes no file that cargo watches.
#[test]
fn env_link_pointed_at_a_newer_file_rebuilds() {
    let scratch = Scratch::new("rebuild-link-newer", MAIN);
    scratch.write("dev.env", &env_file("2047711", "eu"));
    scratch.symlink("dev.env", ".env");
    assert_eq!(scratch.build_and_run(&[]), "2047711 eu");

    // Written after that build, so its modification time is newer than the build's.
    scratch.write("prod.env", &env_file("3141592", "ap2"));
    scratch.symlink("prod.env", ".env");
    assert_eq!(
        scratch.build_and_run(&[]),
        "3141592 ap2",
        "the build still has the values of the file `.env` pointed at before"
    );
}

/// Cargo compares modification times and records the file a link points at: a link
/// re-pointed at an older, unchanged file changes nothing cargo watches.
#[test]
fn env_link_pointed_back_at_an_older_unchanged_file_rebuilds() {
    let scratch = Scratch::new("rebuild-link-older", MAIN);
    scratch.write("dev.env", &env_file("2047711", "eu"));
    scratch.write("prod.env", &env_file("3141592", "ap2"));
    scratch.symlink("prod.env", ".env");
    assert_eq!(scratch.build_and_run(&[]), "3141592 ap2");

    // `dev.env` is unchanged and older than that build.
    scratch.symlink("dev.env", ".env");
    assert_eq!(
        scratch.build_and_run(&[]),
        "2047711 eu",
        "the build still has the values of the file `.env` pointed at before"
    );
}

#[test]
fn a_variable_unset_at_the_first_build_and_set_later_rebuilds() {
    let scratch = Scratch::new("rebuild-host-later", HOST_MAIN);
    scratch.write(".env", &env_file("2047711", "eu"));
    assert_eq!(scratch.build_and_run(&[]), "eu");

    assert_eq!(
        scratch.build_and_run(&[("PUSHER_HOST", "ws.example.org"), ("PUSHER_PORT", "6001")]),
        "ws.example.org:6001"
    );
}

/// A good build, then one with `name=value` added to the process environment, which must fail
/// with an error that names `name` and does not show the secret.
fn assert_added_variable_fails_the_build(crate_name: &str, name: &str, value: &str) {
    let scratch = Scratch::new(crate_name, MAIN);
    scratch.write(".env", &env_file("2047711", "eu"));
    assert_eq!(scratch.build_and_run(&[]), "2047711 eu");

    let (ok, stderr) = scratch.try_build(&[(name, value)]);
    assert!(
        !ok,
        "`{name}` holding the secret, added after a good build, did not fail the build:\n{}",
        redacted(&stderr)
    );
    assert!(
        stderr.contains(&format!("`{name}`")),
        "the error does not name `{name}`:\n{}",
        redacted(&stderr)
    );
    assert!(
        !stderr.contains(SECRET) && !stderr.contains(&SECRET[8..]),
        "the error shows the secret:\n{}",
        redacted(&stderr).replace(&SECRET[8..], "<END OF SECRET>")
    );
}

#[test]
fn a_public_secret_variable_added_after_a_good_build_fails_it() {
    assert_added_variable_fails_the_build(
        "rebuild-public-secret",
        "NEXT_PUBLIC_PUSHER_SECRET",
        SECRET,
    );
}

#[test]
fn a_public_key_holding_the_secret_added_after_a_good_build_fails_it() {
    assert_added_variable_fails_the_build(
        "rebuild-public-key-secret",
        "VITE_PUSHER_APP_KEY",
        SECRET,
    );
}

#[test]
fn a_braced_reference_rebuilds_when_its_variable_changes() {
    let scratch = Scratch::new("rebuild-braced-ref", MAIN);
    scratch.write(
        ".env",
        &format!("PUSHER_APP_ID=2047711\nPUSHER_KEY={KEY}\nPUSHER_SECRET={SECRET}\nPUSHER_CLUSTER=${{REGION}}\n"),
    );
    assert_eq!(scratch.build_and_run(&[("REGION", "eu")]), "2047711 eu");
    assert_eq!(scratch.build_and_run(&[("REGION", "ap3")]), "2047711 ap3");
}

/// dotenvy 0.15 expands `${NAME}` from the process environment first, and from the file's own
/// earlier definition only when the environment has no `NAME`: the environment's `REGION`
/// must stay tracked though the file defines `REGION`.
#[test]
fn a_reference_to_a_name_the_file_defines_follows_the_environment() {
    let scratch = Scratch::new("rebuild-shadowed-ref", MAIN);
    scratch.write(
        ".env",
        &format!("REGION=eu\nPUSHER_APP_ID=2047711\nPUSHER_KEY={KEY}\nPUSHER_SECRET={SECRET}\nPUSHER_CLUSTER=${{REGION}}\n"),
    );
    assert_eq!(scratch.build_and_run(&[]), "2047711 eu");
    assert_eq!(scratch.build_and_run(&[("REGION", "ap3")]), "2047711 ap3");
    assert_eq!(scratch.build_and_run(&[("REGION", "us2")]), "2047711 us2");
    assert_eq!(scratch.build_and_run(&[]), "2047711 eu");
}

/// A self-hosted `.env` (documented default credentials, no cluster) whose host is `host`.
fn self_hosted_env_file(host: &str) -> String {
    format!(
        "PUSHER_APP_ID=app-id\nPUSHER_KEY=app-key\nPUSHER_SECRET=app-secret\nPUSHER_HOST={host}\n"
    )
}

#[test]
fn an_unbraced_reference_rebuilds_when_its_variable_changes() {
    let scratch = Scratch::new("rebuild-unbraced-ref", HOST_MAIN);
    scratch.write(".env", &self_hosted_env_file("$WSHOST.example.org"));
    assert_eq!(scratch.build_and_run(&[("WSHOST", "a")]), "a.example.org");
    assert_eq!(scratch.build_and_run(&[("WSHOST", "b")]), "b.example.org");
}

/// dotenvy 0.15 reads an unbraced name only while its characters are alphanumeric: `$WS_NODE`
/// is `$WS` followed by the text `_NODE`. The variable to watch is `WS`.
#[test]
fn an_unbraced_reference_tracks_the_name_dotenvy_reads() {
    let scratch = Scratch::new("rebuild-unbraced-underscore", HOST_MAIN);
    scratch.write(".env", &self_hosted_env_file("$WS_NODE.example.org"));
    assert_eq!(scratch.build_and_run(&[("WS", "a")]), "a_NODE.example.org");
    assert_eq!(
        scratch.build_and_run(&[("WS", "b")]),
        "b_NODE.example.org",
        "a change to `WS` did not rebuild"
    );
}

#[test]
fn env_file_at_the_workspace_root_is_read_and_its_edits_rebuild() {
    let scratch = Scratch::in_workspace("rebuild-workspace-root", MAIN);
    scratch.write("../.env", &env_file("2047711", "eu"));
    assert!(!scratch.dir.join(".env").exists());
    assert_eq!(scratch.build_and_run(&[]), "2047711 eu");

    scratch.write("../.env", &env_file("3141592", "us2"));
    assert_eq!(scratch.build_and_run(&[]), "3141592 us2");
}
