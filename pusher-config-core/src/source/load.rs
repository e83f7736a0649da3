//! The one loader, [`load`]: where it looks ([`Files`], [`ProcessEnv`]) and what it gives
//! ([`Loaded`]).

use std::path::PathBuf;

use super::{EnvFileError, Vars};
use crate::names::{self, Mode};

/// Names, each once, in order: the environment variables a load tracks.
///
/// A sorted `Vec`: there are a few dozen at most (only names a mode reads), and a
/// `BTreeSet<String>` would compile a second copy of the B-tree's code, beside the one of
/// [`Vars`], into the macro's build of this crate.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Names(Vec<String>);

impl Names {
    /// Adds `name`; `false` if it was there already.
    pub fn insert(&mut self, name: String) -> bool {
        match self.0.binary_search(&name) {
            Ok(_) => false,
            Err(at) => {
                self.0.insert(at, name);
                true
            }
        }
    }

    /// Whether `name` is there.
    pub fn contains(&self, name: &str) -> bool {
        self.0.binary_search_by(|n| n.as_str().cmp(name)).is_ok()
    }

    /// The names, in order.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(String::as_str)
    }

    /// Whether there is none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Which variables of the process environment a load reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProcessEnv {
    /// Every variable the rules look at (run-time loading).
    All,
    /// Only the closed list of [`names::build_time_names`], each of which can be tracked
    /// (`pusher_config!()`).
    BuildTimeNames,
}

/// Which `.env` files a load reads, under the process environment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Files {
    /// None: the process environment only (`PusherConfig::from_env`).
    None,
    /// The `.env` file in each folder from `base` up to the workspace root (the nearest folder
    /// whose `Cargo.toml` has a `[workspace]` table; `base` itself when there is none), nearest
    /// first, each shown relative to `base` (`pusher_config!()`). Folders above the workspace
    /// are never read.
    #[cfg(feature = "dotenv")]
    Search {
        /// The crate's folder.
        base: PathBuf,
    },
    /// The one file `path`, shown relative to `base` when there is one
    /// (`pusher_config!(env_file = "…")`), as given otherwise (`from_env_file`).
    #[cfg(feature = "dotenv")]
    Only {
        /// The file.
        path: PathBuf,
        /// The folder its shown path is relative to.
        base: Option<PathBuf>,
    },
    /// The files `paths`, highest precedence first, each shown relative to `base`: a
    /// framework's list of env files (`.env.local` before `.env`), as `pusher-config check`
    /// finds them. A variable from an earlier file wins over the same one in a later file,
    /// as the process environment wins over all of them; each file is read whether or not it
    /// exists, so one that cannot be read is an error.
    #[cfg(feature = "dotenv")]
    Ordered {
        /// The files, highest precedence first.
        paths: Vec<PathBuf>,
        /// The folder their shown paths are relative to (the project's).
        base: PathBuf,
    },
}

/// The build-time variable that names a `.env` file of made-up values to read instead of
/// searching, for builds without the real settings (CI, forks, rust-analyzer): relative to the
/// workspace root. `pusher_config!()` refuses to build in release mode with it.
pub const CHECKS_ENV_FILE: &str = "PUSHER_CONFIG_ENV_FILE";

/// What a load read: the variables, the files' errors, and what a build must track.
#[derive(Debug, Default)]
pub struct Loaded {
    /// The variables, the process environment winning over the files, nearer files over
    /// farther ones.
    pub vars: Vars,
    /// Every error of every file.
    pub errors: Vec<EnvFileError>,
    /// The files read, as found and, for a link, also its target: a change to either
    /// changes the result.
    pub files: Vec<PathBuf>,
    /// The files read, as messages show them, highest precedence first (a link as found, not
    /// its target): what a tool says it read.
    pub shown_files: Vec<String>,
    /// Whether a file was read through a symbolic link (`ln -sf prod.env .env`). Cargo records
    /// the file a link points to, never the link, so a build cannot see it re-pointed.
    pub through_link: bool,
    /// The process environment variables the result depends on: those read, and those the
    /// files' Pusher settings were expanded from. Only ever names `mode` reads.
    pub tracked: Names,
    /// The file [`CHECKS_ENV_FILE`] named, as shown in messages, when a search read it instead
    /// of the `.env` files.
    pub checks_file: Option<String>,
}

/// The one loader, and the only code that assembles sources: the process environment
/// variables `env` selects over the variables of `files`, keeping only the names `mode` reads.
///
/// `pusher_config!()` loads [`Files::Search`] (or [`Files::Only`] for its `env_file`) with
/// [`ProcessEnv::BuildTimeNames`]; `from_env` loads [`Files::None`] and `from_env_file`
/// [`Files::Only`], both with [`ProcessEnv::All`]; `pusher-config check` loads a framework's
/// [`Files::Ordered`] (for a Rust crate, [`Files::Search`]) with [`ProcessEnv::All`]. The
/// process environment is only read, never changed.
pub fn load(files: Files, mode: Mode, env: ProcessEnv) -> Loaded {
    let mut loaded = Loaded::default();
    loaded.vars = loaded.read_process_env(mode, env);
    match files {
        Files::None => {}
        #[cfg(feature = "dotenv")]
        Files::Search { base } => loaded.search(&base, mode, env),
        #[cfg(feature = "dotenv")]
        Files::Only { path, base } => {
            let shown = match &base {
                Some(base) => super::files::shown_path(&path, base),
                None => path.display().to_string(),
            };
            loaded.read_file(path, &shown, mode);
        }
        #[cfg(feature = "dotenv")]
        Files::Ordered { paths, base } => {
            for path in paths {
                let shown = super::files::shown_path(&path, &base);
                loaded.read_file(path, &shown, mode);
            }
        }
    }
    loaded
}

impl Loaded {
    /// The process environment's variables that `env` selects and `mode` reads; the names
    /// looked up when they are a closed list, to be tracked.
    fn read_process_env(&mut self, mode: Mode, env: ProcessEnv) -> Vars {
        let mut vars = match env {
            ProcessEnv::All => Vars::from_process_env(),
            ProcessEnv::BuildTimeNames => {
                let mut names = names::build_time_names();
                names.retain(|name| mode.reads_name(name));
                for name in &names {
                    self.tracked.insert(name.clone());
                }
                Vars::from_process_env_names(names.iter().map(String::as_str))
            }
        };
        vars.retain_names(|name| mode.reads_name(name));
        vars
    }

    /// The file [`CHECKS_ENV_FILE`] names, or else the `.env` files from `base` up to the
    /// workspace root; with none, the template of `.env` there is, if any.
    #[cfg(feature = "dotenv")]
    fn search(&mut self, base: &std::path::Path, mode: Mode, env: ProcessEnv) {
        if env == ProcessEnv::BuildTimeNames {
            self.tracked.insert(CHECKS_ENV_FILE.to_owned());
        }
        if let Some(checks) = std::env::var_os(CHECKS_ENV_FILE).filter(|v| !v.is_empty()) {
            let path = super::files::workspace_root(base).join(checks);
            let shown = super::files::shown_path(&path, base);
            self.read_file(path, &shown, mode);
            self.checks_file = Some(shown);
            return;
        }
        let found = super::files::env_files_for_crate(base);
        if found.is_empty() {
            self.vars.note_searched(
                "a `.env` file (none found from the crate up to the workspace root)",
            );
            if let Some(template) = super::files::template_for_crate(base) {
                self.vars
                    .note_template(super::files::shown_path(&template, base));
            }
        }
        for path in found {
            let shown = super::files::shown_path(&path, base);
            self.read_file(path, &shown, mode);
        }
    }

    /// Reads the `.env` file at `path` (shown as `shown`) under the variables already read.
    #[cfg(feature = "dotenv")]
    fn read_file(&mut self, path: PathBuf, shown: &str, mode: Mode) {
        let mut file = super::read_env_file(&path, shown, |name| mode.reads_name(name));
        file.vars.note_searched(format!("`{shown}`"));
        self.vars.fill_from(file.vars);
        self.errors.extend(file.errors);
        for name in file.references.0 {
            self.tracked.insert(name);
        }
        if !file.read {
            return;
        }
        let target = std::fs::canonicalize(&path).ok().filter(|t| *t != path);
        self.shown_files.push(shown.to_owned());
        self.files.push(path);
        if let Some(target) = target {
            self.through_link = true;
            self.files.push(target);
        }
    }
}

#[cfg(test)]
mod tests;
