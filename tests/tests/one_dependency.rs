//! An app depends on `pusher-config` alone: the macro comes with it, a renamed dependency
//! works with `crate = "…"`, and the app's own code is built without the rule set, which only
//! the macro (built for the host) compiles.

mod scratch;

use scratch::{target_dir, Scratch};

const ENV: &str = "PUSHER_APP_ID=2047711\nPUSHER_KEY=9c2e4b7a1f08d3e65b4a\nPUSHER_SECRET=3f7d0a9e6c1b8e2d4a57\nPUSHER_CLUSTER=eu\n";

#[test]
fn the_macro_comes_with_the_runtime_crate() {
    let main = r#"
static PUSHER: pusher_config::PusherConfig = pusher_config::pusher_config!();

fn main() {
    println!("{} {}", PUSHER.app_id(), PUSHER.cluster());
}
"#;
    let app = Scratch::new("one_dependency", main);
    app.write(".env", ENV);
    assert_eq!(app.build_and_run(&[]), "2047711 eu");
}

#[test]
fn a_renamed_dependency_names_itself_with_crate() {
    let main = r#"
static PUSHER: pc::PusherConfig = pc::pusher_config!(crate = "pc");
static PUBLIC: pc::PublicConfig = pc::pusher_config!(client, crate = "pc");

fn main() {
    println!("{} {}", PUSHER.cluster(), PUBLIC.key().as_str());
}
"#;
    let app = Scratch::with_dependency("renamed_dependency", main, "pc", "");
    app.write(".env", ENV);
    assert_eq!(app.build_and_run(&[]), "eu 9c2e4b7a1f08d3e65b4a");

    // Without `crate`, the expansion names `::pusher_config`, which this app does not have.
    app.write(
        "src/main.rs",
        "static PUSHER: pc::PusherConfig = pc::pusher_config!();\nfn main() {}\n",
    );
    let (ok, stderr) = app.try_build(&[]);
    assert!(!ok, "{stderr}");
    let unresolved = ["unresolved", "failed to resolve", "cannot find"]
        .iter()
        .any(|words| stderr.contains(words));
    assert!(unresolved && stderr.contains("pusher_config"), "{stderr}");
}

/// The host's triple, from `rustc -vV`.
fn host() -> String {
    let output = std::process::Command::new("rustc")
        .arg("-vV")
        .output()
        .expect("rustc -vV");
    let text = String::from_utf8_lossy(&output.stdout).into_owned();
    text.lines()
        .find_map(|line| line.strip_prefix("host: "))
        .expect("a host line")
        .to_owned()
}

#[test]
fn an_app_that_only_uses_the_macro_does_not_build_the_rule_set() {
    let main = r#"
static PUSHER: pusher_config::PusherConfig = pusher_config::pusher_config!();

fn main() {
    println!("{}", PUSHER.cluster());
}
"#;
    let app = Scratch::new("macro_only", main);
    app.write(".env", ENV);
    // With `--target`, what is built for the app lands under `target/<triple>/`, and what is
    // built for the macro (the host) under `target/debug/`.
    let host = host();
    let (ok, stderr) = app.try_build_with(&["--target", &host], &[]);
    assert!(ok, "{stderr}");
    let deps = target_dir().join(&host).join("debug").join("deps");
    let names: Vec<String> = std::fs::read_dir(&deps)
        .expect("the app's deps folder")
        .flatten()
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names.iter().any(|n| n.starts_with("libpusher_config_core")),
        "{names:?}"
    );
    for rule_set_dependency in ["libregex_lite", "libdotenvy"] {
        assert!(
            !names.iter().any(|n| n.starts_with(rule_set_dependency)),
            "{rule_set_dependency} built for the app: {names:?}"
        );
    }
}
