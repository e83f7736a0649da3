//! Phase 3: the loader and the rule set of `pusher_config!()` over the files found.
//!
//! What could not be checked is an `Err` with its one-line reason (exit 2): a file named on the
//! command line that does not exist, or an env file the loader could not read (no permission,
//! a folder, a pipe, not UTF-8, over the size limit), since its variables were never seen.
//! Everything else the loader reports about a file it read (a line that does not parse, a
//! variable defined twice, a value past the limits) is a problem of the configuration, reported
//! with the rules' problems (exit 1), as `pusher_config!()` fails the build on it.

use std::path::{Path, PathBuf};

use pusher_config_core::rules::{self, Checked, Mode, Problems};
use pusher_config_core::source::{self, EnvFileErrorKind, ProcessEnv};

use crate::args::Check;
use crate::project::{self, Plan};

/// What a check found.
#[derive(Debug)]
pub(crate) struct Outcome {
    /// Where the project is (the current folder, or `--dir`): shown paths are relative to it.
    pub(crate) dir: PathBuf,
    /// The framework and the files it reads.
    pub(crate) plan: Plan,
    /// What was read: the variables and the files, as messages show them.
    pub(crate) loaded: source::Loaded,
    /// Every problem, in the rules' report order; `None` when the configuration is right.
    pub(crate) problems: Option<Problems>,
    /// The checked configuration, when it is right.
    pub(crate) checked: Option<Checked>,
}

/// Checks the project in the current folder, or `--dir`, as `args` say.
pub(crate) fn run(args: &Check) -> Result<Outcome, String> {
    let current =
        std::env::current_dir().map_err(|err| format!("cannot find the current folder: {err}"))?;
    let dir = match &args.dir {
        Some(dir) if !current.join(dir).is_dir() => {
            return Err(format!("`{}` is not a folder", dir.display()));
        }
        Some(dir) => current.join(dir),
        None => current,
    };
    check(&dir, args, &project::Env::from_process())
}

/// Checks the project in `dir`.
pub(crate) fn check(dir: &Path, args: &Check, env: &project::Env) -> Result<Outcome, String> {
    if let Some(absent) = args
        .files
        .iter()
        .find(|file| std::fs::symlink_metadata(dir.join(file)).is_err())
    {
        return Err(format!("`{}` does not exist", absent.display()));
    }
    let plan = if args.files.is_empty() {
        project::plan(dir, args.framework, args.mode, env)
    } else {
        project::named(dir, &args.files)
    };
    let mode = if args.client {
        Mode::Client
    } else {
        Mode::Server
    };
    // Every variable the rules look at, not only those a build may track: the check runs
    // where the app runs, and a near-miss name (`PUSHER_APPID`) deserves its suggestion.
    let loaded = source::load(plan.files.clone(), mode, ProcessEnv::All);
    if let Some(unreadable) = loaded
        .errors
        .iter()
        .find(|e| e.kind == EnvFileErrorKind::Unreadable)
    {
        return Err(unreadable.to_string());
    }
    let (checked, problems) =
        match rules::check_with_file_errors(&loaded.vars, &loaded.errors, mode) {
            Ok(checked) => (Some(checked), None),
            Err(problems) => (None, Some(problems)),
        };
    Ok(Outcome {
        dir: dir.to_path_buf(),
        plan,
        loaded,
        problems,
        checked,
    })
}
