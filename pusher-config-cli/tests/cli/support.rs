//! What the tests share: scratch projects and runs of the binary.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

/// A right configuration (made-up values), as in the UI fixture `valid.env`.
pub(crate) const VALID: &str = "\
PUSHER_APP_ID=2047711
PUSHER_KEY=9c2e4b7a1f08d3e65b4a
PUSHER_SECRET=3f7d0a9e6c1b8e2d4a57
PUSHER_CLUSTER=eu
NEXT_PUBLIC_PUSHER_KEY=9c2e4b7a1f08d3e65b4a
NEXT_PUBLIC_PUSHER_CLUSTER=eu
";

/// The incident: Stripe publishable keys in `PUSHER_KEY` and `NEXT_PUBLIC_PUSHER_KEY`.
pub(crate) fn incident() -> String {
    fixture("stripe.env")
}

/// The UI test fixture `name`.
pub(crate) fn fixture(name: &str) -> String {
    std::fs::read_to_string(ui_dir().join("fixtures").join(name)).expect("fixture")
}

/// The UI tests' folder, `tests/tests/ui`.
pub(crate) fn ui_dir() -> PathBuf {
    tests_crate().join("tests/ui")
}

/// The folder of the crate of UI tests, which their fixtures' paths are relative to.
pub(crate) fn tests_crate() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests")
}

/// A fresh project folder, removed when dropped.
pub(crate) struct Project {
    pub(crate) dir: PathBuf,
}

impl Project {
    pub(crate) fn new(tag: &str) -> Self {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("pc-cli-{tag}-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("project folder");
        let dir = std::fs::canonicalize(&dir).expect("canonical folder");
        Self { dir }
    }

    /// Writes `text` at `rel`, creating its folders.
    pub(crate) fn write(&self, rel: &str, text: &str) -> &Self {
        let path = self.dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("folders");
        }
        std::fs::write(path, text).expect("write");
        self
    }

    /// `pusher-config check ARGS` here.
    pub(crate) fn check(&self, args: &[&str]) -> Run {
        self.check_with(args, &[])
    }

    /// `pusher-config check ARGS` here, with the environment variables `env`.
    pub(crate) fn check_with(&self, args: &[&str], env: &[(&str, &str)]) -> Run {
        run_in(&self.dir, args, env)
    }
}

impl Drop for Project {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// What one run gave.
#[derive(Debug)]
pub(crate) struct Run {
    pub(crate) code: i32,
    pub(crate) stdout: String,
    pub(crate) stderr: String,
}

impl Run {
    /// The `error: …` lines of the output, without the closing count.
    pub(crate) fn errors(&self) -> Vec<String> {
        error_lines(&self.stdout)
    }

    /// The first line: what was read.
    pub(crate) fn sources(&self) -> &str {
        self.stdout.lines().next().unwrap_or_default()
    }

    pub(crate) fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| panic!("{e}: {}", self.stdout))
    }
}

/// The `error: …` lines of `text` (a run's output or a UI case's `.stderr`), without rustc's
/// and ours closing lines.
pub(crate) fn error_lines(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|line| line.strip_prefix("error: "))
        .filter(|line| {
            !line.starts_with("could not compile")
                && !line.starts_with("the Pusher configuration has")
        })
        .map(str::to_owned)
        .collect()
}

/// `pusher-config check ARGS` in `dir`, with the environment variables `env` and none of those
/// the loader, the framework detection or the colouring would read from the test's own.
pub(crate) fn run_in(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_pusher-config"));
    command.arg("check").args(args).current_dir(dir);
    for name in pusher_config_core::names::in_process_env() {
        command.env_remove(name);
    }
    for name in ["NODE_ENV", "APP_ENV", "NO_COLOR"] {
        command.env_remove(name);
    }
    command.envs(env.iter().copied());
    let output = command.output().expect("the binary runs");
    Run {
        code: output.status.code().expect("an exit code"),
        stdout: String::from_utf8(output.stdout).expect("UTF-8 output"),
        stderr: String::from_utf8(output.stderr).expect("UTF-8 errors"),
    }
}
