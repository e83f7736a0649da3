//! Builds never go stale: after a change to a `.env` file or a variable that
//! `pusher_config!()` read, the next `cargo build` re-expands the macro, and a build with nothing
//! changed stays fresh.
//!
//! Each test builds a scratch crate outside the workspace that depends on both crates by path,
//! changes its sources, builds again and runs the binary.

mod scratch;

use scratch::Scratch;

const MAIN: &str = r#"
static PUSHER: pusher_config::PusherConfig = pusher_config::pusher_config!();

fn main() {
    println!("{} {}", PUSHER.app_id(), PUSHER.cluster());
}
"#;

fn env_file(app_id: &str, cluster: &str) -> String {
    format!(
        "PUSHER_APP_ID={app_id}\nPUSHER_KEY=6d0f3b9a2c7e41d85a0b\nPUSHER_SECRET=e81c5a2f9d04b7c3e6a1\nPUSHER_CLUSTER={cluster}\n"
    )
}

#[test]
fn editing_env_file_rebuilds_with_the_new_values() {
    let scratch = Scratch::new("rebuild-env-file", MAIN);
    scratch.write(".env", &env_file("2047711", "eu"));
    assert_eq!(scratch.build_and_run(&[]), "2047711 eu");

    scratch.write(".env", &env_file("3141592", "ap2"));
    assert_eq!(scratch.build_and_run(&[]), "3141592 ap2");
}

#[test]
fn process_env_wins_and_its_changes_rebuild() {
    let scratch = Scratch::new("rebuild-process-env", MAIN);
    scratch.write(".env", &env_file("2047711", "eu"));
    assert_eq!(scratch.build_and_run(&[]), "2047711 eu");

    assert_eq!(
        scratch.build_and_run(&[("PUSHER_CLUSTER", "us3")]),
        "2047711 us3"
    );
    assert_eq!(
        scratch.build_and_run(&[("PUSHER_CLUSTER", "sa1")]),
        "2047711 sa1"
    );
    // Unset again: back to the `.env` value.
    assert_eq!(scratch.build_and_run(&[]), "2047711 eu");
}

#[test]
fn unchanged_sources_leave_the_build_fresh() {
    let scratch = Scratch::new("rebuild-fresh", MAIN);
    scratch.write(".env", &env_file("2047711", "mt1"));
    assert_eq!(scratch.build_and_run(&[]), "2047711 mt1");
    let again = scratch.build(&[]);
    assert!(
        !again.contains("Compiling rebuild-fresh"),
        "rebuilt with nothing changed:\n{again}"
    );
}
