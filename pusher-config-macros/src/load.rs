//! Phase 2: the sources. The process environment, then `.env` files (or the one file named by
//! `env_file`), read by the runtime crate's one loader without touching the compiler's
//! environment. It records what it read, so the expansion can make cargo track it.

use std::path::PathBuf;

use pusher_config::rules::Mode;
use pusher_config::source::{self, ProcessEnv};

use crate::args::Args;

/// The variable that replaces `CARGO_MANIFEST_DIR` as the base of relative paths and of the
/// `.env` search. For test harnesses such as trybuild, which build a crate somewhere else.
pub(crate) const MANIFEST_DIR_OVERRIDE: &str = "PUSHER_CONFIG_MANIFEST_DIR";

/// What was read, and what cargo must watch so the next build sees a change.
pub(crate) struct Loaded {
    /// What is being built: the server config or the public part.
    pub(crate) mode: Mode,
    /// The variables, files' errors, files read and names to track.
    pub(crate) sources: source::Loaded,
}

#[allow(clippy::disallowed_methods)] // the base folder; the loader reads the variables
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
            // Whatever is there is read, and reported if it is not a readable file.
            if std::fs::symlink_metadata(&path).is_err() {
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

    let mut sources = source::load(&shown, mode, ProcessEnv::BuildTimeNames);
    sources.tracked.insert(MANIFEST_DIR_OVERRIDE.to_owned());
    Ok(Loaded { mode, sources })
}

/// A file whose modification time is far in the future, for cargo to find newer than any
/// build: tracking it makes cargo expand the macro again on every build. For `.env` files
/// read through a link, whose re-pointing nothing else shows cargo (it records the file a
/// link points to, not the link). `None` if it cannot be written; the link's target is still
/// tracked.
pub(crate) fn always_newer_stamp() -> Option<PathBuf> {
    let path = std::env::temp_dir().join("pusher-config-always-newer.stamp");
    let file = std::fs::File::options()
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)
        .ok()?;
    let century = std::time::Duration::from_secs(100 * 365 * 24 * 60 * 60);
    file.set_modified(std::time::SystemTime::now() + century)
        .ok()?;
    Some(path)
}
