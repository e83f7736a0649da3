//! Phase 2: the sources. The process environment, then `.env` files (or the one file named by
//! `env_file`), read without touching the compiler's environment. Everything read is recorded
//! so the expansion can make cargo track it.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use pusher_config::rules::{names, Mode};
use pusher_config::source::{self, Vars};

use crate::args::Args;

/// The variable that replaces `CARGO_MANIFEST_DIR` as the base of relative paths and of the
/// `.env` search. For test harnesses such as trybuild, which build a crate somewhere else.
pub(crate) const MANIFEST_DIR_OVERRIDE: &str = "PUSHER_CONFIG_MANIFEST_DIR";

/// What was read, and what cargo must watch so the next build sees a change.
pub(crate) struct Loaded {
    /// What is being built: the server config or the public part.
    pub(crate) mode: Mode,
    /// The variables, the process environment winning over files.
    pub(crate) vars: Vars,
    /// `.env` files that could not be read or parsed.
    pub(crate) file_errors: Vec<source::EnvFileError>,
    /// Absolute paths of the files read.
    pub(crate) files: Vec<PathBuf>,
    /// Variable names whose changes must trigger a rebuild.
    pub(crate) tracked: BTreeSet<String>,
}

#[allow(clippy::disallowed_methods)] // the one place that reads the compiler's environment
fn base_dir() -> PathBuf {
    std::env::var_os(MANIFEST_DIR_OVERRIDE)
        .or_else(|| std::env::var_os("CARGO_MANIFEST_DIR"))
        .map(PathBuf::from)
        .unwrap_or_default()
}

/// Reads the sources for `args`. An `env_file` that does not exist is an error on its literal.
pub(crate) fn load(args: &Args) -> syn::Result<Loaded> {
    let base = base_dir();
    let mode = if args.client {
        Mode::Client
    } else {
        Mode::Server
    };

    let files = match &args.env_file {
        Some(lit) => {
            let path = base.join(lit.value());
            if !path.is_file() {
                let message = format!(
                    "`{}` does not exist; `env_file` is relative to the folder of the crate's `Cargo.toml`",
                    lit.value()
                );
                return Err(syn::Error::new(lit.span(), message));
            }
            vec![path]
        }
        None => source::env_files_for_crate(&base),
    };
    let shown: Vec<(PathBuf, String)> = files
        .into_iter()
        .map(|file| {
            let shown = source::shown_path(&file, &base);
            (file, shown)
        })
        .collect();

    let sources = source::env_over_files(&shown, |name| mode.reads_name(name));
    let mut vars = sources.vars;
    if shown.is_empty() {
        vars.note_searched("a `.env` file (none found from the crate up to the workspace root)");
    }
    // Every known name, every name seen, and the names the files' `${…}` take from the
    // environment: a change to any of them changes what this expansion would be.
    let tracked = names::known_names()
        .chain(vars.iter().map(|(name, _)| name.to_owned()))
        .chain(sources.references)
        .chain([MANIFEST_DIR_OVERRIDE.to_owned()])
        .filter(|name| mode.reads_name(name))
        .collect();
    Ok(Loaded {
        mode,
        vars,
        file_errors: sources.errors,
        files: sources.read.iter().map(|file| absolute(file)).collect(),
        tracked,
    })
}

fn absolute(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned())
}
