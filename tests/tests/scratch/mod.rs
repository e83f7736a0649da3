//! A scratch crate outside the workspace, depending on both crates by path, built with cargo
//! as a user would build it.

#![allow(dead_code, unreachable_pub)]

use std::path::{Path, PathBuf};
use std::process::Command;

pub struct Scratch {
    pub dir: PathBuf,
    name: String,
}

fn workspace() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("workspace root")
}

/// One target folder for every scratch crate, so dependencies build once.
pub fn target_dir() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("scratch-target")
}

impl Scratch {
    /// A fresh crate `name` whose `src/main.rs` is `main`.
    pub fn new(name: &str, main: &str) -> Self {
        Self::with_manifest_extra(name, main, "")
    }

    /// Like [`Scratch::new`], with more lines for `Cargo.toml`.
    pub fn with_manifest_extra(name: &str, main: &str, extra: &str) -> Self {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("src")).expect("scratch dir");
        let root = workspace();
        let manifest = format!(
            "[package]\nname = \"{name}\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n\
             [dependencies]\npusher-config = {{ path = {:?} }}\npusher-config-macros = {{ path = {:?} }}\n\n\
             [workspace]\n{extra}",
            root.join("pusher-config"),
            root.join("pusher-config-macros"),
        );
        let scratch = Self {
            dir,
            name: name.to_owned(),
        };
        scratch.write("Cargo.toml", &manifest);
        scratch.write("src/main.rs", main);
        // The workspace's lock file pins the same versions, so no resolution is needed.
        std::fs::copy(root.join("Cargo.lock"), scratch.dir.join("Cargo.lock")).expect("lock file");
        scratch
    }

    pub fn write(&self, path: &str, text: &str) {
        let path = self.dir.join(path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("folder");
        }
        // Modification times must move forward for cargo to see the change.
        std::thread::sleep(std::time::Duration::from_millis(1100));
        std::fs::write(path, text).expect("write scratch file");
    }

    pub fn remove(&self, path: &str) {
        std::thread::sleep(std::time::Duration::from_millis(1100));
        std::fs::remove_file(self.dir.join(path)).expect("remove scratch file");
    }

    fn cargo(&self, args: &[&str], env: &[(&str, &str)]) -> Command {
        let mut command = Command::new(env!("CARGO"));
        command
            .args(args)
            .current_dir(&self.dir)
            .env("CARGO_TARGET_DIR", target_dir());
        for (name, _) in std::env::vars_os() {
            if name
                .to_string_lossy()
                .to_ascii_uppercase()
                .contains("PUSHER")
            {
                command.env_remove(name);
            }
        }
        command.envs(env.iter().copied());
        command
    }

    /// `cargo build`; returns its stderr, panicking if the build fails.
    pub fn build(&self, env: &[(&str, &str)]) -> String {
        let (ok, stderr) = self.try_build(env);
        assert!(ok, "build of {} failed:\n{stderr}", self.name);
        stderr
    }

    /// `cargo build`; returns whether it succeeded, and its stderr (which names every crate
    /// it compiled).
    pub fn try_build(&self, env: &[(&str, &str)]) -> (bool, String) {
        self.try_build_with(&[], env)
    }

    /// `cargo build` with more arguments (`--release`).
    pub fn try_build_with(&self, args: &[&str], env: &[(&str, &str)]) -> (bool, String) {
        let mut all = vec!["build", "--offline", "--color=never"];
        all.extend_from_slice(args);
        let output = self.cargo(&all, env).output().expect("run cargo");
        (
            output.status.success(),
            String::from_utf8_lossy(&output.stderr).into_owned(),
        )
    }

    /// Builds, runs the binary, and returns its trimmed stdout.
    pub fn build_and_run(&self, env: &[(&str, &str)]) -> String {
        self.build(env);
        let binary = target_dir().join("debug").join(&self.name);
        let output = Command::new(&binary).output().expect("run scratch binary");
        assert!(output.status.success(), "{} failed", binary.display());
        String::from_utf8_lossy(&output.stdout).trim().to_owned()
    }
}
