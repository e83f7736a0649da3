//! `from_env_and_dotenv`: the process environment over the `.env` files found from a folder up
//! to its workspace root, and the environment alone when there is none.
//!
//! One test, alone in its process: it sets process environment variables and the current
//! directory, which every test of a binary shares.
#![cfg(all(feature = "rules", feature = "dotenv"))]

use std::path::{Path, PathBuf};

use pusher_config_core::rules::ProblemKind;
use pusher_config_core::{names, PublicConfig, PusherConfig};

const APP_ID: &str = "2047711";
const KEY: &str = "9c2e4b7a1f08d3e65b4a";
const SECRET: &str = "3f7d0a9e6c1b8e2d4a57";

/// A fresh folder under the system's temporary folder, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new() -> Self {
        let dir = std::env::temp_dir().join(format!("pc-env-and-dotenv-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create the scratch folder");
        Self(dir)
    }

    /// Writes `text` to `path` under the scratch folder, creating its folder; returns the
    /// folder.
    fn write(&self, path: &str, text: &str) -> PathBuf {
        let path = self.0.join(path);
        let dir = path.parent().expect("a folder").to_owned();
        std::fs::create_dir_all(&dir).expect("create the folder");
        std::fs::write(&path, text).expect("write the file");
        dir
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn set(name: &str, value: &str) {
    std::env::set_var(name, value);
}

fn unset(names: &[&str]) {
    for name in names {
        std::env::remove_var(name);
    }
}

/// A workspace root, which bounds the search: nothing above it is read.
const WORKSPACE: &str = "[workspace]\nmembers = [\"app\"]\n";

fn shown(result: Result<impl std::fmt::Debug, pusher_config_core::rules::Problems>) -> String {
    match result {
        Ok(config) => panic!("expected problems, got {config:?}"),
        Err(problems) => problems.to_string(),
    }
}

fn server(dir: &Path) -> PusherConfig {
    PusherConfig::from_env_and_dotenv_in(dir).unwrap_or_else(|problems| panic!("{problems}"))
}

#[test]
fn env_and_dotenv_search_like_the_macro_the_environment_winning() {
    for name in names::in_process_env() {
        std::env::remove_var(name);
    }
    let scratch = Scratch::new();

    // A member crate's `.env` over the workspace's: the nearer file wins, the farther one
    // fills in what it lacks.
    scratch.write("ws/Cargo.toml", WORKSPACE);
    scratch.write(
        "ws/.env",
        &format!("PUSHER_APP_ID={APP_ID}\nPUSHER_SECRET={SECRET}\nPUSHER_CLUSTER=ap1\n"),
    );
    let app = scratch.write(
        "ws/app/.env",
        &format!("PUSHER_KEY={KEY}\nPUSHER_CLUSTER=eu\n"),
    );
    let config = server(&app);
    assert_eq!(config.app_id().as_str(), APP_ID);
    assert_eq!(config.key().as_str(), KEY);
    assert_eq!(config.secret().expose_secret(), SECRET);
    assert_eq!(config.cluster().as_str(), "eu");

    // The process environment wins over every file.
    set("PUSHER_CLUSTER", "us2");
    assert_eq!(server(&app).cluster().as_str(), "us2");
    let public = PublicConfig::from_env_and_dotenv_in(&app).expect("the public part");
    assert_eq!(public.cluster().as_str(), "us2");
    assert_eq!(&public, server(&app).public());
    unset(&["PUSHER_CLUSTER"]);

    // From the current directory.
    let before = std::env::current_dir().expect("the current directory");
    std::env::set_current_dir(&app).expect("enter the member");
    let from_cwd = PusherConfig::from_env_and_dotenv();
    std::env::set_current_dir(before).expect("leave the member");
    assert_eq!(from_cwd.expect("from the current directory"), config);

    // A file that does not parse is an error naming it relative to the folder, and its line.
    scratch.write(
        "ws/.env",
        &format!("PUSHER_APP_ID={APP_ID}\nPUSHER_SECRET {SECRET}\n"),
    );
    let error = shown(PusherConfig::from_env_and_dotenv_in(&app));
    assert!(error.contains("cannot parse `../.env` line 2"), "{error}");
    assert!(!error.contains(SECRET), "{error}");

    // No `.env` anywhere up to the workspace root: the process environment alone, no error.
    let empty = scratch.write("bare/Cargo.toml", "[workspace]\n");
    let problems = PusherConfig::from_env_and_dotenv_in(&empty).expect_err("nothing set");
    assert!(
        problems.iter().all(|p| p.kind == ProblemKind::Missing),
        "{problems}"
    );
    assert!(
        problems.to_string().contains("a `.env` file (none found"),
        "{problems}"
    );
    set("PUSHER_APP_ID", APP_ID);
    set("PUSHER_KEY", KEY);
    set("PUSHER_SECRET", SECRET);
    set("PUSHER_CLUSTER", "eu");
    let from_env = PusherConfig::from_env().expect("the process environment");
    assert_eq!(server(&empty), from_env);
    assert_eq!(server(&empty), config);
    unset(&[
        "PUSHER_APP_ID",
        "PUSHER_KEY",
        "PUSHER_SECRET",
        "PUSHER_CLUSTER",
    ]);
}
