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
        Self::with_dependency(name, main, "pusher-config", extra)
    }

    /// Like [`Scratch::with_manifest_extra`], with `pusher-config` under the name `dependency`
    /// (`pc` renames it).
    pub fn with_dependency(name: &str, main: &str, dependency: &str, extra: &str) -> Self {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("src")).expect("scratch dir");
        let root = workspace();
        let manifest = format!(
            "[package]\nname = \"{name}\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n\
             [dependencies]\n{dependency} = {{ package = \"pusher-config\", path = {:?} }}\n\n\
             [workspace]\n{extra}",
            root.join("pusher-config"),
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
        for name in pusher_config::names::in_process_env() {
            command.env_remove(name);
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

/// For each of `needles` (ASCII text), the files under `dir` (every level, symbolic links not
/// followed) whose bytes contain it. Each file is read once.
pub fn files_containing(dir: &Path, needles: &[&str]) -> Vec<Vec<PathBuf>> {
    assert!(needles
        .iter()
        .all(|needle| needle.is_ascii() && !needle.is_empty()));
    let mut found = vec![Vec::new(); needles.len()];
    collect_files_containing(dir, needles, &mut found);
    found
}

fn collect_files_containing(dir: &Path, needles: &[&str], found: &mut [Vec<PathBuf>]) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            collect_files_containing(&path, needles, found);
        } else if kind.is_file() {
            let Ok(bytes) = std::fs::read(&path) else {
                continue;
            };
            // A lossy conversion keeps every ASCII byte in place, and std's substring search
            // is fast even in a test build.
            let text = String::from_utf8_lossy(&bytes);
            for (needle, files) in needles.iter().zip(found.iter_mut()) {
                if text.contains(needle) {
                    files.push(path.clone());
                }
            }
        }
    }
}

/// Removes every artifact of the scratch crate `name` from the shared target folder (anything
/// whose file name starts with the crate's name, in its `-` or `_` spelling), so that what a
/// scan finds afterwards was written by the builds that follow.
pub fn forget_artifacts(name: &str) {
    let spellings = [name.to_owned(), name.replace('-', "_")];
    remove_named(&target_dir(), &spellings);
}

fn remove_named(dir: &Path, spellings: &[String]) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        let ours = spellings.iter().any(|spelling| {
            file_name == *spelling
                || file_name
                    .strip_prefix(spelling.as_str())
                    .is_some_and(|rest| rest.starts_with(['-', '.', '_']))
        });
        let path = entry.path();
        let is_dir = entry.file_type().is_ok_and(|kind| kind.is_dir());
        if ours {
            if is_dir {
                let _ = std::fs::remove_dir_all(&path);
            } else {
                let _ = std::fs::remove_file(&path);
            }
        } else if is_dir {
            remove_named(&path, spellings);
        }
    }
}

impl Scratch {
    /// A workspace `name` whose one member, the crate `name`, lives in its folder `app/`:
    /// `dir` is the member's folder, so `write("../.env", …)` writes at the workspace root.
    pub fn in_workspace(name: &str, main: &str) -> Self {
        let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(root.join("app/src")).expect("scratch dir");
        let scratch = Self {
            dir: root.join("app"),
            name: name.to_owned(),
        };
        let repo = workspace();
        let manifest = format!(
            "[package]\nname = \"{name}\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n\
             [dependencies]\npusher-config = {{ path = {:?} }}\n",
            repo.join("pusher-config"),
        );
        scratch.write(
            "../Cargo.toml",
            "[workspace]\nresolver = \"2\"\nmembers = [\"app\"]\n",
        );
        scratch.write("Cargo.toml", &manifest);
        scratch.write("src/main.rs", main);
        std::fs::copy(repo.join("Cargo.lock"), root.join("Cargo.lock")).expect("lock file");
        scratch
    }

    /// The package's name (also its binary's).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Points the symbolic link `link` at `target` (both relative to the crate's folder; the
    /// link's text is `target` as given), replacing the link if there is one.
    pub fn symlink(&self, target: &str, link: &str) {
        std::thread::sleep(std::time::Duration::from_millis(1100));
        let link = self.dir.join(link);
        if link.symlink_metadata().is_ok() {
            std::fs::remove_file(&link).expect("remove old link");
        }
        std::os::unix::fs::symlink(target, &link).expect("symbolic link");
    }

    /// Any cargo subcommand with its arguments (`&["check"]`, `&["doc", "--no-deps"]`), offline
    /// and without colors; returns whether it succeeded, and its stderr.
    pub fn try_cargo(&self, args: &[&str], env: &[(&str, &str)]) -> (bool, String) {
        let (subcommand, rest) = args.split_first().expect("a cargo subcommand");
        let mut all = vec![*subcommand, "--offline", "--color=never"];
        all.extend_from_slice(rest);
        let output = self.cargo(&all, env).output().expect("run cargo");
        (
            output.status.success(),
            String::from_utf8_lossy(&output.stderr).into_owned(),
        )
    }

    /// Runs the binary `bin` of `profile` (`debug`, `release`) already built, and returns its
    /// trimmed stdout.
    pub fn run_binary(&self, profile: &str, bin: &str) -> String {
        let binary = target_dir().join(profile).join(bin);
        let output = Command::new(&binary).output().expect("run scratch binary");
        assert!(output.status.success(), "{} failed", binary.display());
        String::from_utf8_lossy(&output.stdout).trim().to_owned()
    }
}
