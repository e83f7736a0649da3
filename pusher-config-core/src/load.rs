//! Run-time loading: the same rules as `pusher_config!()`, applied to the environment the
//! program runs in, with `.env` files when asked (feature `dotenv`).

use crate::config::{PublicConfig, PusherConfig};
use crate::rules::{self, Mode, Problems};
use crate::source::{self, Files, ProcessEnv, Vars};

impl PublicConfig {
    /// The public part from `vars`, checked by the rule set in [`Mode::Client`]: the app id and
    /// secret are never read.
    pub fn from_vars(vars: &Vars) -> Result<Self, Problems> {
        rules::check_client(vars, &[])
    }

    /// The public part from the process environment, as `pusher_config!(client)` reads it.
    pub fn from_env() -> Result<Self, Problems> {
        Self::from_vars(&process_env(Mode::Client))
    }

    /// The public part from a `.env` file, the process environment winning over it.
    #[cfg(feature = "dotenv")]
    pub fn from_env_file(path: impl AsRef<std::path::Path>) -> Result<Self, Problems> {
        let loaded = load_env_file(path.as_ref(), Mode::Client);
        rules::check_client(&loaded.vars, &loaded.errors)
    }

    /// The public part from the process environment and the `.env` files found from the
    /// current directory up, as [`PusherConfig::from_env_and_dotenv`] finds them; the app id
    /// and the secret are never read.
    #[cfg(feature = "dotenv")]
    pub fn from_env_and_dotenv() -> Result<Self, Problems> {
        Self::from_env_and_dotenv_in(current_dir())
    }

    /// [`PublicConfig::from_env_and_dotenv`] searching from `dir` instead of the current
    /// directory.
    #[cfg(feature = "dotenv")]
    pub fn from_env_and_dotenv_in(dir: impl AsRef<std::path::Path>) -> Result<Self, Problems> {
        let loaded = load_env_and_dotenv(dir.as_ref(), Mode::Client);
        rules::check_client(&loaded.vars, &loaded.errors)
    }
}

impl PusherConfig {
    /// A configuration from `vars`, checked by the rule set: every problem at once.
    ///
    /// ```
    /// # extern crate pusher_config_core as pusher_config;
    /// use pusher_config::{source::Vars, PusherConfig};
    ///
    /// let vars = Vars::from_pairs([
    ///     ("PUSHER_APP_ID", "1234567"),
    ///     ("PUSHER_KEY", "a1b2c3d4e5f60718293a"),
    ///     ("PUSHER_SECRET", "0f1e2d3c4b5a69788796"),
    ///     ("PUSHER_CLUSTER", "eu"),
    /// ]);
    /// let config = PusherConfig::from_vars(&vars).unwrap();
    /// assert_eq!(config.cluster().as_str(), "eu");
    /// ```
    pub fn from_vars(vars: &Vars) -> Result<Self, Problems> {
        rules::check_server(vars, &[])
    }

    /// A configuration from the process environment (`PUSHER_APP_ID`, `PUSHER_KEY`, …), with
    /// the rules of `pusher_config!()`.
    ///
    /// Its error's `Display` reads like the compile errors: one `error:` line per problem,
    /// masked values, where each came from.
    pub fn from_env() -> Result<Self, Problems> {
        Self::from_vars(&process_env(Mode::Server))
    }

    /// A configuration from a `.env` file, with the process environment winning over it as it
    /// does for `pusher_config!()`. A file that cannot be read or parsed is an error naming
    /// the file and line, never quoting it.
    #[cfg(feature = "dotenv")]
    pub fn from_env_file(path: impl AsRef<std::path::Path>) -> Result<Self, Problems> {
        let loaded = load_env_file(path.as_ref(), Mode::Server);
        rules::check_server(&loaded.vars, &loaded.errors)
    }

    /// A configuration from the process environment and the `.env` files that exist, the run-time
    /// form of the `dotenvy::dotenv().ok()` habit, with the rules of `pusher_config!()`.
    ///
    /// The files are searched as the macro searches them, from the current directory instead
    /// of the crate's folder: the `.env` in the current directory and in each folder above it
    /// up to the workspace root (the nearest folder whose `Cargo.toml` has a `[workspace]`
    /// table; the current directory alone when there is none, as where a binary is deployed).
    /// The process environment wins over every file, and a nearer file over a farther one.
    /// Finding no `.env` is no error: the process environment alone is read, as by
    /// [`PusherConfig::from_env`]. A `.env` that exists but cannot be read or parsed is an
    /// error naming it (relative to the current directory) and the line, never quoting it.
    /// The process environment is only read, never changed.
    ///
    /// ```no_run
    /// # extern crate pusher_config_core as pusher_config;
    /// let config = pusher_config::PusherConfig::from_env_and_dotenv()?;
    /// # Ok::<(), pusher_config::rules::Problems>(())
    /// ```
    #[cfg(feature = "dotenv")]
    pub fn from_env_and_dotenv() -> Result<Self, Problems> {
        Self::from_env_and_dotenv_in(current_dir())
    }

    /// [`PusherConfig::from_env_and_dotenv`] searching from `dir` instead of the current
    /// directory; paths in messages are relative to `dir`.
    #[cfg(feature = "dotenv")]
    pub fn from_env_and_dotenv_in(dir: impl AsRef<std::path::Path>) -> Result<Self, Problems> {
        let loaded = load_env_and_dotenv(dir.as_ref(), Mode::Server);
        rules::check_server(&loaded.vars, &loaded.errors)
    }
}

/// The process environment's variables that `mode` may read: every one (not only the closed
/// list a build reads), as the one loader reads them.
fn process_env(mode: Mode) -> Vars {
    source::load(Files::None, mode, ProcessEnv::All).vars
}

/// The process environment over the `.env` file at `path` (shown as given), as
/// `pusher_config!()` reads them.
#[cfg(feature = "dotenv")]
fn load_env_file(path: &std::path::Path, mode: Mode) -> source::Loaded {
    let only = Files::Only {
        path: path.to_owned(),
        base: None,
    };
    source::load(only, mode, ProcessEnv::All)
}

/// The process environment over the `.env` files from `dir` up to the workspace root, as
/// `pusher_config!()` reads them from the crate's folder.
#[cfg(feature = "dotenv")]
fn load_env_and_dotenv(dir: &std::path::Path, mode: Mode) -> source::Loaded {
    let search = Files::Search {
        base: dir.to_owned(),
    };
    source::load(search, mode, ProcessEnv::All)
}

/// The current directory; when it cannot be known (it was removed), `.`, where no `.env` will
/// be found.
#[cfg(feature = "dotenv")]
fn current_dir() -> std::path::PathBuf {
    std::env::current_dir().unwrap_or_else(|_| std::path::PathBuf::from("."))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_process_environment_gives_only_what_the_mode_reads() {
        let (key, secret) = (
            "PC_MUTANT_TEST_PUSHER_PROCESS_KEY",
            "PC_MUTANT_TEST_PUSHER_PROCESS_SECRET",
        );
        std::env::set_var(key, "9c2e5b0f4d7a18e36c41");
        std::env::set_var(secret, "e0b7d2a94c5f13868a2d");
        let value = |vars: &Vars, name| vars.get(name).map(|var| var.value.clone());
        let client = process_env(Mode::Client);
        let server = process_env(Mode::Server);
        std::env::remove_var(key);
        std::env::remove_var(secret);
        assert_eq!(value(&client, key).as_deref(), Some("9c2e5b0f4d7a18e36c41"));
        assert_eq!(value(&client, secret), None);
        assert_eq!(value(&server, key).as_deref(), Some("9c2e5b0f4d7a18e36c41"));
        assert_eq!(
            value(&server, secret).as_deref(),
            Some("e0b7d2a94c5f13868a2d")
        );
    }

    #[cfg(feature = "dotenv")]
    #[test]
    fn from_env_file_reports_the_files_errors_and_the_rules_problems() {
        let dir = std::env::temp_dir().join(format!("pc-load-errors-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        let path = dir.join(".env");
        std::fs::write(
            &path,
            "PUSHER_APP_ID=2047711\nPUSHER_KEY 9c2e5b0f4d7a18e36c41\nPUSHER_CLUSTER=europe\n",
        )
        .expect("write");
        let server = PusherConfig::from_env_file(&path).map(|_| ());
        let client = PublicConfig::from_env_file(&path).map(|_| ());
        let _ = std::fs::remove_dir_all(&dir);
        let shown = path.display();
        for result in [server, client] {
            let message = result.expect_err("refused").to_string();
            assert!(
                message.contains(&format!("cannot parse `{shown}` line 2")),
                "{message}"
            );
            assert!(message.contains("did you mean `eu`?"), "{message}");
        }
    }
}
