//! Credentials never land in `target/`: whatever the `.env` holds or the build's environment
//! carries, no value that `pusher_config!()` has no business recording appears in any file cargo
//! writes (debug and release builds, `cargo check`, `cargo doc`), nor in the compiler's messages.
//!
//! Every planted value below is made up for this file alone, so finding one anywhere under the
//! scratch target folder means one of these builds leaked it. Before building, each test removes
//! its crate's earlier artifacts, so what a scan finds was written by this run.

mod scratch;

use scratch::{files_containing, forget_artifacts, target_dir, Scratch};

/// A GitHub token in the build's environment, referenced by an unrelated `.env` line.
const GITHUB_TOKEN: &str = "ghp_XhMh9kzVqJzFrUkvOD6xoCQVBUQSyOloFeaB";
/// Another token in the build's environment, referenced without braces.
const OTHER_TOKEN: &str = "hvHaVKAmp5XJRkEZeEEu2gRKzNMkcpsnQyVihFDQ";
/// What follows `$$` in a single-quoted database password.
const PASSWORD_TAIL: &str = "ClI1aeV6Z8dBUgxkmC2l5zZX";

/// The server configuration of the scratch crates (its secret may be in the server binary).
const KEY: &str = "3776649515265b770e07";
const SECRET: &str = "e23652f87509242e37bd";
const APP_ID: &str = "4789794";

/// Values a client build must never read.
const CLIENT_SECRET: &str = "2fb00a901f5822cffa94";
const CLIENT_APP_ID: &str = "1385149";
const CLIENT_KEY: &str = "544d16b8e46fb11bc066";

/// The secret that a Laravel-style `.env` pastes into the public key.
const LARAVEL_SECRET: &str = "6926320bc3ca37a6ca0e";
const LARAVEL_KEY: &str = "c2fd57f71dffda6418e9";
const LARAVEL_APP_ID: &str = "6682813";

const SERVER_MAIN: &str = r#"
static PUSHER: pusher_config::PusherConfig = pusher_config::pusher_config!();

fn main() {
    println!("{}", PUSHER.cluster());
}
"#;

const CLIENT_MAIN: &str = r#"
static PUBLIC: pusher_config::PublicConfig = pusher_config::pusher_config!(client);

fn main() {
    println!("{} {}", PUBLIC.key().as_str(), PUBLIC.cluster());
}
"#;

/// `text` with every planted value replaced, so that a failure message never shows one.
fn redacted(text: &str, planted: &[(&str, &str)]) -> String {
    planted
        .iter()
        .fold(text.to_owned(), |text, (label, value)| {
            text.replace(value, &format!("<{label}>"))
        })
}

/// Neither a planted value nor, for the long ones, its second half (a masked value shows at
/// most a short prefix) is in `stderr`.
fn assert_stderr_clean(stderr: &str, planted: &[(&str, &str)], what: &str) {
    for (label, value) in planted {
        let tail = &value[value.len() / 2..];
        let shows_tail = value.len() >= 16 && stderr.contains(tail);
        assert!(
            !stderr.contains(value) && !shows_tail,
            "the stderr of {what} shows {label}:\n{}",
            redacted(&redacted(stderr, planted), &[(label, tail)])
        );
    }
}

/// No file under the scratch target folder holds a planted value.
fn assert_not_in_target(planted: &[(&str, &str)]) {
    let values: Vec<&str> = planted.iter().map(|(_, value)| *value).collect();
    let found = files_containing(&target_dir(), &values);
    let leaks: Vec<String> = planted
        .iter()
        .zip(found)
        .filter(|(_, files)| !files.is_empty())
        .map(|((label, _), files)| format!("{label} is in {} file(s): {files:#?}", files.len()))
        .collect();
    assert!(
        leaks.is_empty(),
        "planted values are under the target folder:\n{}",
        leaks.join("\n")
    );
}

/// The release binary `bin` holds `key` (which is public): the scan reads the files the builds
/// wrote, or finding nothing would prove nothing.
fn assert_release_binary_holds(bin: &str, key: &str) {
    let binary = target_dir().join("release").join(bin);
    let bytes = std::fs::read(&binary).expect("release binary");
    assert!(
        bytes
            .windows(key.len())
            .any(|window| window == key.as_bytes()),
        "the key is not in {}: the scan looks in the wrong place",
        binary.display()
    );
}

/// Debug and release builds, `cargo check` and `cargo doc` (private items too), each of which
/// must succeed without showing a planted value.
fn build_everything(scratch: &Scratch, env: &[(&str, &str)], planted: &[(&str, &str)]) {
    let commands: [&[&str]; 4] = [
        &["build"],
        &["build", "--release"],
        &["check"],
        &["doc", "--no-deps", "--document-private-items"],
    ];
    for command in commands {
        let (ok, stderr) = scratch.try_cargo(command, env);
        let what = format!("`cargo {}` of {}", command.join(" "), scratch.name());
        assert!(ok, "{what} failed:\n{}", redacted(&stderr, planted));
        assert_stderr_clean(&stderr, planted, &what);
    }
}

/// A crate whose `src/main.rs` is a server build and `src/bin/<name>-client.rs` a client
/// build, with no artifacts left from an earlier run.
fn server_and_client(name: &str) -> Scratch {
    forget_artifacts(name);
    let scratch = Scratch::new(name, SERVER_MAIN);
    scratch.write(&format!("src/bin/{name}-client.rs"), CLIENT_MAIN);
    scratch
}

fn server_env_file(extra: &str) -> String {
    format!(
        "PUSHER_APP_ID={APP_ID}\nPUSHER_KEY={KEY}\nPUSHER_SECRET={SECRET}\nPUSHER_CLUSTER=eu\n{extra}"
    )
}

/// Builds the server and client binaries of `server_and_client(name)` every way, checks both
/// still run with their values, and that no planted value is anywhere under the target folder
/// (the client's release binary holds the key, or the scan would prove nothing).
fn server_and_client_run_and_keep_out(
    scratch: &Scratch,
    name: &str,
    env: &[(&str, &str)],
    planted: &[(&str, &str)],
) {
    build_everything(scratch, env, planted);
    assert_eq!(scratch.run_binary("debug", name), "eu");
    assert_eq!(
        scratch.run_binary("release", &format!("{name}-client")),
        format!("{KEY} eu")
    );
    assert_not_in_target(planted);
    assert_release_binary_holds(&format!("{name}-client"), KEY);
}

#[test]
fn tokens_referenced_by_unrelated_lines_stay_out_of_target() {
    let name = "artifacts-unrelated-refs";
    let scratch = server_and_client(name);
    scratch.write(
        ".env",
        &server_env_file("GH=${GITHUB_TOKEN}\nUNRELATED=$OTHER_TOKEN\n"),
    );
    let env = [("GITHUB_TOKEN", GITHUB_TOKEN), ("OTHER_TOKEN", OTHER_TOKEN)];
    let planted = [("GITHUB_TOKEN", GITHUB_TOKEN), ("OTHER_TOKEN", OTHER_TOKEN)];
    server_and_client_run_and_keep_out(&scratch, name, &env, &planted);
}

#[test]
fn text_after_a_dollar_in_a_single_quoted_value_stays_out_of_target() {
    let name = "artifacts-single-quoted";
    let scratch = server_and_client(name);
    scratch.write(
        ".env",
        &server_env_file(&format!("DB_PASSWORD='pa$$w0rd{PASSWORD_TAIL}'\n")),
    );
    let planted = [("the password's tail", PASSWORD_TAIL)];
    server_and_client_run_and_keep_out(&scratch, name, &[], &planted);
}

#[test]
fn client_build_leaves_out_secret_and_app_id_of_the_process_environment() {
    let name = "artifacts-client-env";
    forget_artifacts(name);
    let scratch = Scratch::new(name, CLIENT_MAIN);
    scratch.write(
        ".env",
        &format!("PUSHER_KEY={CLIENT_KEY}\nPUSHER_CLUSTER=ap3\n"),
    );
    let env = [
        ("PUSHER_SECRET", CLIENT_SECRET),
        ("PUSHER_APP_ID", CLIENT_APP_ID),
    ];
    let planted = [("the secret", CLIENT_SECRET), ("the app id", CLIENT_APP_ID)];
    build_everything(&scratch, &env, &planted);
    assert_eq!(
        scratch.run_binary("release", name),
        format!("{CLIENT_KEY} ap3")
    );

    assert_not_in_target(&planted);
    assert_release_binary_holds(name, CLIENT_KEY);
}

#[test]
fn a_referenced_cluster_is_expanded() {
    let name = "artifacts-region-ref";
    let scratch = server_and_client(name);
    scratch.write(
        ".env",
        &format!(
            "PUSHER_APP_ID={APP_ID}\nPUSHER_KEY={KEY}\nPUSHER_SECRET={SECRET}\nPUSHER_CLUSTER=${{REGION}}\n"
        ),
    );
    let (ok, stderr) = scratch.try_cargo(&["build"], &[("REGION", "eu")]);
    assert!(ok, "{stderr}");
    assert_eq!(scratch.run_binary("debug", name), "eu");
    assert_eq!(
        scratch.run_binary("debug", &format!("{name}-client")),
        format!("{KEY} eu")
    );
}

/// A client build that must fail: `VITE_PUSHER_APP_KEY` is expanded from the secret. The error
/// names both variables; neither stderr nor any file under target holds the secret.
fn assert_secret_key_refused(scratch: &Scratch, env: &[(&str, &str)], secret: &str) {
    let planted = [("the secret", secret)];
    let (ok, stderr) = scratch.try_cargo(&["build"], env);
    let shown = redacted(&stderr, &planted);
    assert!(
        !ok,
        "a client build whose public key is the secret built:\n{shown}"
    );
    assert!(
        stderr.contains("VITE_PUSHER_APP_KEY") && stderr.contains("PUSHER_APP_SECRET"),
        "the error does not say the public key comes from `PUSHER_APP_SECRET`:\n{shown}"
    );
    assert_stderr_clean(
        &stderr,
        &planted,
        &format!("the build of {}", scratch.name()),
    );
    assert_not_in_target(&planted);
}

#[test]
fn laravel_public_key_expanded_from_the_secret_fails_the_client_build() {
    let name = "artifacts-laravel-secret-key";
    forget_artifacts(name);
    let scratch = Scratch::new(name, CLIENT_MAIN);
    scratch.write(
        ".env",
        &format!(
            "APP_NAME=Laravel\nBROADCAST_CONNECTION=pusher\n\n\
             PUSHER_APP_ID={LARAVEL_APP_ID}\nPUSHER_APP_KEY={LARAVEL_KEY}\n\
             PUSHER_APP_SECRET={LARAVEL_SECRET}\nPUSHER_APP_CLUSTER=eu\n\n\
             VITE_APP_NAME=\"${{APP_NAME}}\"\nVITE_PUSHER_APP_KEY=\"${{PUSHER_APP_SECRET}}\"\n\
             VITE_PUSHER_APP_CLUSTER=\"${{PUSHER_APP_CLUSTER}}\"\n"
        ),
    );
    assert_secret_key_refused(&scratch, &[], LARAVEL_SECRET);
}

#[test]
fn front_end_public_key_expanded_from_the_secret_fails_the_client_build() {
    let name = "artifacts-frontend-secret-key";
    forget_artifacts(name);
    let scratch = Scratch::new(name, CLIENT_MAIN);
    // No server key to compare with: only the reference tells that the key is the secret.
    scratch.write(
        ".env",
        &format!(
            "PUSHER_APP_SECRET={LARAVEL_SECRET}\nVITE_PUSHER_APP_KEY=\"${{PUSHER_APP_SECRET}}\"\nVITE_PUSHER_APP_CLUSTER=eu\n"
        ),
    );
    assert_secret_key_refused(&scratch, &[], LARAVEL_SECRET);

    // The same with the secret in the build's environment, as CI provides it.
    scratch.write(
        ".env",
        "VITE_PUSHER_APP_KEY=\"${PUSHER_APP_SECRET}\"\nVITE_PUSHER_APP_CLUSTER=eu\n",
    );
    assert_secret_key_refused(
        &scratch,
        &[("PUSHER_APP_SECRET", LARAVEL_SECRET)],
        LARAVEL_SECRET,
    );
}
