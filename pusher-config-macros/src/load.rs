//! Phase 2: the sources. The process environment, then `.env` files (or the one file named by
//! `env_file`), read by the runtime crate's one loader, `pusher_config_core::source::load`, which
//! reads the compiler's environment and never changes it. This module says only where to
//! look; what was read is recorded, so the expansion can make cargo track it.

#[cfg(test)]
use std::path::Path;
use std::path::PathBuf;

use pusher_config_core::rules::Mode;
use pusher_config_core::source::{self, Files, ProcessEnv};

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
    let mode = args.mode();

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
            Files::Only {
                path,
                base: Some(base),
            }
        }
        None => Files::Search { base },
    };
    let mut sources = source::load(files, mode, ProcessEnv::BuildTimeNames);
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

#[cfg(test)]
mod tests {
    use super::*;

    fn args(env_file: &str, client: bool) -> Args {
        Args {
            client,
            env_file: Some(syn::LitStr::new(env_file, proc_macro2::Span::call_site())),
            ..Args::default()
        }
    }

    #[test]
    fn env_file_is_read_relative_to_the_crate_and_tracked() {
        let loaded = load(&args("fixtures/docs.env", false)).unwrap_or_else(|e| panic!("{e}"));
        let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/docs.env");
        assert_eq!(loaded.sources.files, [file]);
        let cluster = loaded
            .sources
            .vars
            .get("PUSHER_CLUSTER")
            .map(|v| v.value.as_str());
        assert_eq!(cluster, Some("eu"));
        for name in [
            "PUSHER_KEY",
            "PUSHER_SECRET",
            "NEXT_PUBLIC_PUSHER_SECRET",
            MANIFEST_DIR_OVERRIDE,
        ] {
            assert!(
                loaded.sources.tracked.contains(name),
                "{name} is not tracked"
            );
        }
        // Only the closed list is read from the compiler's environment.
        assert!(!loaded.sources.tracked.contains("PATH"));
    }

    #[test]
    fn a_client_build_neither_reads_nor_tracks_the_secret_or_app_id() {
        let loaded = load(&args("fixtures/docs.env", true)).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(loaded.mode, Mode::Client);
        for name in ["PUSHER_SECRET", "PUSHER_APP_SECRET", "PUSHER_APP_ID"] {
            assert!(loaded.sources.vars.get(name).is_none(), "{name} read");
            assert!(!loaded.sources.tracked.contains(name), "{name} tracked");
        }
        assert!(loaded.sources.tracked.contains("NEXT_PUBLIC_PUSHER_SECRET"));
    }

    #[test]
    fn a_missing_env_file_is_an_error_on_its_literal() {
        let error = load(&args("fixtures/nowhere.env", false))
            .err()
            .map(|e| e.to_string());
        assert_eq!(
            error.as_deref(),
            Some("`fixtures/nowhere.env` does not exist; `env_file` is relative to the folder of the crate's `Cargo.toml`")
        );
    }

    #[test]
    fn the_stamp_is_dated_decades_ahead() {
        let stamp = always_newer_stamp().expect("the temporary folder is writable");
        let modified = std::fs::metadata(&stamp)
            .and_then(|m| m.modified())
            .expect("modification time");
        let ahead = modified
            .duration_since(std::time::SystemTime::now())
            .expect("in the future");
        assert!(
            ahead > std::time::Duration::from_secs(50 * 365 * 24 * 60 * 60),
            "{ahead:?}"
        );
    }
}
