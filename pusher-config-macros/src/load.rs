//! Phase 2: the sources. The process environment, then `.env` files (or the one file named by
//! `env_file`), read without touching the compiler's environment. Everything read is recorded
//! so the expansion can make cargo track it.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use pusher_config::rules::names::{self, client_may_read};
use pusher_config::source::{self, Vars};

use crate::args::Args;

/// The variable that replaces `CARGO_MANIFEST_DIR` as the base of relative paths and of the
/// `.env` search. For test harnesses such as trybuild, which build a crate somewhere else.
pub(crate) const MANIFEST_DIR_OVERRIDE: &str = "PUSHER_CONFIG_MANIFEST_DIR";

/// What was read, and what cargo must watch so the next build sees a change.
pub(crate) struct Loaded {
    /// The variables, the process environment winning over files.
    pub(crate) vars: Vars,
    /// `.env` files that could not be read or parsed, as messages.
    pub(crate) file_errors: Vec<String>,
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
    let may_read = |name: &str| !args.client || client_may_read(name);

    let mut vars = Vars::from_process_env();
    vars.retain_names(may_read);

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

    let mut file_errors = Vec::new();
    for file in &files {
        let shown = source::shown_path(file, &base);
        let (mut file_vars, errors) = source::read_env_file(file, &shown);
        file_vars.retain_names(may_read);
        file_vars.note_searched(format!("`{shown}`"));
        file_errors.extend(errors.iter().map(ToString::to_string));
        vars.fill_from(file_vars);
    }
    if files.is_empty() {
        vars.note_searched("a `.env` file (none found from the crate up to the workspace root)");
    }

    let tracked = names::known_names()
        .chain(vars.iter().map(|(name, _)| name.to_owned()))
        .chain([MANIFEST_DIR_OVERRIDE.to_owned()])
        .filter(|name| may_read(name))
        .collect();
    let files = files.into_iter().map(|file| absolute(&file)).collect();
    Ok(Loaded {
        vars,
        file_errors,
        files,
        tracked,
    })
}

fn absolute(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned())
}
