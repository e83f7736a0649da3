//! Where variables come from: the process environment, `.env` files, or a map the caller gives.
//!
//! The rule set ([`crate::rules`]) never reads the environment itself: it takes a [`Vars`], a
//! plain map of variables with their [`Origin`], so tests pass in-memory maps and the macro and
//! run-time loading feed it the same way.

#[cfg(feature = "dotenv")]
mod env_file;

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

#[cfg(feature = "dotenv")]
pub use env_file::{
    read_env_file, EnvFile, MAX_DEFINITIONS, MAX_EXPANDED_BYTES, MAX_FILE_BYTES, MAX_VALUE_BYTES,
};

#[cfg(feature = "dotenv")]
use crate::names::{self, Mode};

/// Where one variable's value came from, for error messages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// The process environment (at build time: the compiler's environment).
    ProcessEnv,
    /// A `.env` file, as a path relative to the crate (or as given), and the line of the
    /// definition.
    EnvFile {
        /// The file's path as shown in messages.
        path: String,
        /// 1-based line of the definition, when it could be found.
        line: Option<usize>,
    },
    /// A map handed to [`Vars::from_pairs`].
    Given,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::ProcessEnv => f.write_str("the process environment"),
            Origin::EnvFile {
                path,
                line: Some(line),
            } => write!(f, "`{path}` line {line}"),
            Origin::EnvFile { path, line: None } => write!(f, "`{path}`"),
            Origin::Given => f.write_str("the given variables"),
        }
    }
}

/// One variable's value and where it came from.
#[derive(Clone, PartialEq, Eq)]
pub struct Var {
    /// The raw value, exactly as read.
    pub value: String,
    /// Where it was read.
    pub origin: Origin,
    /// The secret-named variable (`PUSHER_APP_SECRET`) its value was expanded from in a `.env`
    /// file (`${PUSHER_APP_SECRET}`), directly or through other variables.
    pub from_secret: Option<String>,
}

impl fmt::Debug for Var {
    // Values are credentials: never print one whole.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Var")
            .field("value", &crate::mask::Masked(&self.value))
            .field("origin", &self.origin)
            .field("from_secret", &self.from_secret)
            .finish()
    }
}

/// The variables the rule set looks at, by name.
///
/// Only names the rules look at are kept (see [`is_relevant_name`]): nothing else is ours to
/// read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Vars {
    vars: BTreeMap<String, Var>,
    /// The sources read, in words, for "is not set in …" messages.
    searched: Vec<String>,
}

/// Whether the rules look at a variable: a Pusher one (any name that mentions `PUSHER`, so that
/// misspellings can be suggested), a Laravel Reverb one (`REVERB_…`, to point a Reverb `.env`
/// at Pusher's names), or a public one (`NEXT_PUBLIC_…`, `VITE_…`), which ships to browsers and
/// so must never hold a secret.
pub fn is_relevant_name(name: &str) -> bool {
    let upper = name.to_ascii_uppercase();
    upper.contains("PUSHER") || upper.starts_with("REVERB_") || names::public_prefix(name).is_some()
}

impl Vars {
    /// An empty set.
    pub fn new() -> Self {
        Self::default()
    }

    /// Variables from `(name, value)` pairs, marked as [`Origin::Given`].
    pub fn from_pairs<I, K, V>(pairs: I) -> Self
    where
        I: IntoIterator<Item = (K, V)>,
        K: Into<String>,
        V: Into<String>,
    {
        let mut vars = Self::new();
        for (name, value) in pairs {
            vars.insert(name.into(), value.into(), Origin::Given);
        }
        vars
    }

    /// The variables of this process's environment that the rules look at. Values that are not valid UTF-8
    /// are kept lossily so the rules can report them.
    pub fn from_process_env() -> Self {
        let mut vars = Self::new();
        for (name, value) in std::env::vars_os() {
            let Some(name) = name.to_str() else { continue };
            if is_relevant_name(name) {
                let value = value.to_string_lossy().into_owned();
                vars.insert(name.to_owned(), value, Origin::ProcessEnv);
            }
        }
        vars.note_searched("the process environment");
        vars
    }

    /// The variables `names` of this process's environment, and no other.
    pub fn from_process_env_names<'n>(names: impl IntoIterator<Item = &'n str>) -> Self {
        let mut vars = Self::new();
        for name in names {
            if let Some(value) = std::env::var_os(name) {
                let value = value.to_string_lossy().into_owned();
                vars.insert(name.to_owned(), value, Origin::ProcessEnv);
            }
        }
        vars.note_searched("the process environment");
        vars
    }

    /// Sets `name`, replacing an earlier value. Names the rules do not look at are ignored.
    pub fn insert(&mut self, name: String, value: String, origin: Origin) {
        self.insert_expanded(name, value, origin, None);
    }

    /// [`Vars::insert`] for a value expanded from the secret-named variable `from_secret`.
    pub fn insert_expanded(
        &mut self,
        name: String,
        value: String,
        origin: Origin,
        from_secret: Option<String>,
    ) {
        if is_relevant_name(&name) {
            let var = Var {
                value,
                origin,
                from_secret,
            };
            self.vars.insert(name, var);
        }
    }

    /// Adds every variable of `lower` that `self` does not have: `self` wins.
    pub fn fill_from(&mut self, lower: Vars) {
        for (name, var) in lower.vars {
            self.vars.entry(name).or_insert(var);
        }
        self.searched.extend(lower.searched);
    }

    /// Records that `source` ("the process environment", "`.env`") was read.
    pub fn note_searched(&mut self, source: impl Into<String>) {
        self.searched.push(source.into());
    }

    /// The sources read, in the order they were noted.
    pub fn searched(&self) -> &[String] {
        &self.searched
    }

    /// The variable `name`, if set.
    pub fn get(&self, name: &str) -> Option<&Var> {
        self.vars.get(name)
    }

    /// The variable `name` with the map's own copy of its name.
    pub fn get_entry(&self, name: &str) -> Option<(&str, &Var)> {
        self.vars
            .get_key_value(name)
            .map(|(name, var)| (name.as_str(), var))
    }

    /// All variables, by name.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Var)> {
        self.vars.iter().map(|(name, var)| (name.as_str(), var))
    }

    /// Keeps only the variables whose name `keep` selects (a client build never keeps the app
    /// id or the secret).
    pub fn retain_names(&mut self, mut keep: impl FnMut(&str) -> bool) {
        self.vars.retain(|name, _| keep(name));
    }
}

/// A `.env` file that could not be read or parsed, or that is ambiguous. Its `Display` never
/// quotes the file's text, which may hold secrets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EnvFileError {
    /// What kind of error.
    pub kind: EnvFileErrorKind,
    /// The file's path as shown in messages.
    pub path: String,
    /// 1-based line of the error, when known.
    pub line: Option<usize>,
    /// What went wrong, without any of the file's content.
    pub reason: String,
}

/// What is wrong with a `.env` file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EnvFileErrorKind {
    /// It cannot be read (missing, not UTF-8, no permission).
    Unreadable,
    /// A line is not `NAME=value`.
    Unparsable,
    /// A variable is defined twice with different values: tools disagree on which wins.
    Redefined,
    /// The file is past a limit ([`MAX_DEFINITIONS`], [`MAX_VALUE_BYTES`],
    /// [`MAX_EXPANDED_BYTES`]); nothing from the line named on is read.
    TooLarge,
}

impl fmt::Display for EnvFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (path, reason) = (&self.path, &self.reason);
        match (self.kind, self.line) {
            (EnvFileErrorKind::Unreadable, _) | (_, None) => {
                write!(f, "cannot read `{path}`: {reason}")
            }
            (EnvFileErrorKind::Unparsable, Some(line)) => {
                write!(f, "cannot parse `{path}` line {line}: {reason}")
            }
            (EnvFileErrorKind::Redefined, Some(line)) => write!(f, "`{path}` line {line} {reason}"),
            (EnvFileErrorKind::TooLarge, Some(line)) => write!(f, "`{path}` line {line}: {reason}"),
        }
    }
}

impl std::error::Error for EnvFileError {}

/// Which variables of the process environment a load reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProcessEnv {
    /// Every variable the rules look at (run-time loading).
    All,
    /// Only the closed list of [`names::build_time_names`], each of which can be tracked
    /// (`pusher_config!()`).
    BuildTimeNames,
}

/// What a load read: the variables, the files' errors, and what a build must track.
#[cfg(feature = "dotenv")]
#[derive(Debug, Default)]
pub struct Loaded {
    /// The variables, the process environment winning over the files, nearer files over
    /// farther ones.
    pub vars: Vars,
    /// Every error of every file.
    pub errors: Vec<EnvFileError>,
    /// The files read, as found and, for a link, also its target: a change to either
    /// changes the result.
    pub files: Vec<std::path::PathBuf>,
    /// Whether a file was read through a symbolic link (`ln -sf prod.env .env`). Cargo records
    /// the file a link points to, never the link, so a build cannot see it re-pointed.
    pub through_link: bool,
    /// The process environment variables the result depends on: those read, and those the
    /// files' Pusher settings were expanded from. Only ever names `mode` reads.
    pub tracked: std::collections::BTreeSet<String>,
}

/// The one loader: the process environment over the variables of `files` (each with the
/// path shown in messages, nearest first), keeping only what `mode` reads.
///
/// `pusher_config!()` and the run-time loaders read their sources through this.
#[cfg(feature = "dotenv")]
pub fn load(files: &[(std::path::PathBuf, String)], mode: Mode, env: ProcessEnv) -> Loaded {
    let keep = |name: &str| mode.reads_name(name);
    let mut loaded = Loaded::default();
    let mut vars = match env {
        ProcessEnv::All => Vars::from_process_env(),
        ProcessEnv::BuildTimeNames => {
            let names: Vec<String> = names::build_time_names().filter(|n| keep(n)).collect();
            loaded.tracked.extend(names.iter().cloned());
            Vars::from_process_env_names(names.iter().map(String::as_str))
        }
    };
    vars.retain_names(keep);
    for (path, shown) in files {
        let mut file = read_env_file(path, shown, keep);
        file.vars.note_searched(format!("`{shown}`"));
        vars.fill_from(file.vars);
        loaded.errors.extend(file.errors);
        loaded.tracked.extend(file.references);
        if file.read {
            loaded.files.push(path.clone());
            match std::fs::canonicalize(path) {
                Ok(target) if target != *path => {
                    loaded.through_link = true;
                    loaded.files.push(target);
                }
                _ => {}
            }
        }
    }
    if files.is_empty() {
        vars.note_searched("a `.env` file (none found from the crate up to the workspace root)");
    }
    loaded.vars = vars;
    loaded
}

/// The `.env` files to read for a crate: one in each folder from `crate_dir` up to the
/// workspace root (the nearest folder whose `Cargo.toml` has a `[workspace]` table; the crate's
/// own folder when there is none), nearest first. Folders above the workspace are never read.
pub fn env_files_for_crate(crate_dir: &Path) -> Vec<std::path::PathBuf> {
    let root = workspace_root(crate_dir);
    let mut files = Vec::new();
    for dir in crate_dir.ancestors() {
        let candidate = dir.join(".env");
        // Anything there, a folder or a broken link too: reading it reports what is wrong.
        if std::fs::symlink_metadata(&candidate).is_ok() {
            files.push(candidate);
        }
        if dir == root {
            break;
        }
    }
    files
}

/// The workspace root that cargo would pick for the crate in `crate_dir`.
pub fn workspace_root(crate_dir: &Path) -> &Path {
    crate_dir
        .ancestors()
        .find(|dir| {
            std::fs::read_to_string(dir.join("Cargo.toml")).is_ok_and(|manifest| {
                manifest.lines().any(|line| {
                    let line = line.trim();
                    line == "[workspace]" || line.starts_with("[workspace.")
                })
            })
        })
        .unwrap_or(crate_dir)
}

/// `path` relative to `base` for messages (`.env`, `../.env`, `config/pusher.env`).
pub fn shown_path(path: &Path, base: &Path) -> String {
    if let Ok(rel) = path.strip_prefix(base) {
        return rel.display().to_string();
    }
    let mut ups = String::new();
    for dir in base.ancestors().skip(1) {
        ups.push_str("../");
        if let Ok(rel) = path.strip_prefix(dir) {
            return format!("{ups}{}", rel.display());
        }
    }
    path.display().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shown_path_is_relative_to_the_crate() {
        let base = Path::new("/w/app");
        assert_eq!(shown_path(Path::new("/w/app/.env"), base), ".env");
        assert_eq!(shown_path(Path::new("/w/.env"), base), "../.env");
        assert_eq!(
            shown_path(Path::new("/w/app/config/p.env"), base),
            "config/p.env"
        );
    }

    #[test]
    fn debug_never_shows_a_value() {
        let vars = Vars::from_pairs([
            ("PUSHER_SECRET", "8f04dc5bdb1d008a871c"),
            ("PUSHER_APP_ID", "2086431"),
        ]);
        let debug = format!("{vars:?}");
        assert!(
            !debug.contains("8f04dc5bdb1d008a871c") && !debug.contains("2086431"),
            "{debug}"
        );
        assert!(debug.contains("`8f04…` (20 chars)"), "{debug}");
    }

    /// A fresh folder under the system's temporary folder, removed when dropped.
    struct Scratch {
        dir: std::path::PathBuf,
    }

    impl Scratch {
        fn new(tag: &str) -> Self {
            let dir = std::env::temp_dir().join(format!("pc-source-{tag}-{}", std::process::id()));
            let _ = std::fs::remove_dir_all(&dir);
            std::fs::create_dir_all(&dir).expect("temp dir");
            // The folder as a link-free path, so that only the links a test makes are links.
            let dir = std::fs::canonicalize(&dir).expect("canonical temp dir");
            Self { dir }
        }

        /// Writes `text` at `rel` (creating its folders) and returns its path.
        fn write(&self, rel: &str, text: &str) -> std::path::PathBuf {
            let path = self.dir.join(rel);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).expect("folders");
            }
            std::fs::write(&path, text).expect("write");
            path
        }
    }

    impl Drop for Scratch {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }

    /// Sets the process environment variables `vars` (names no other test uses) for the
    /// duration of a test.
    struct EnvVars(Vec<&'static str>);

    impl EnvVars {
        fn set(vars: &[(&'static str, &str)]) -> Self {
            for (name, value) in vars {
                std::env::set_var(name, value);
            }
            Self(vars.iter().map(|(name, _)| *name).collect())
        }
    }

    impl Drop for EnvVars {
        fn drop(&mut self) {
            for name in &self.0 {
                std::env::remove_var(name);
            }
        }
    }

    fn value<'v>(vars: &'v Vars, name: &str) -> Option<&'v str> {
        vars.get(name).map(|var| var.value.as_str())
    }

    #[test]
    fn the_process_environment_gives_its_pusher_and_public_variables() {
        let _env = EnvVars::set(&[
            ("PC_MUTANT_TEST_PUSHER_FROM_ENV", "5e0c1a9b7d3f"),
            ("NEXT_PUBLIC_PC_MUTANT_TEST_FROM_ENV", "https://example.org"),
            ("PC_MUTANT_TEST_UNRELATED_FROM_ENV", "8d2f4e6a0c1b"),
        ]);
        let vars = Vars::from_process_env();
        let var = vars.get("PC_MUTANT_TEST_PUSHER_FROM_ENV").expect("read");
        assert_eq!(var.value, "5e0c1a9b7d3f");
        assert_eq!(var.origin, Origin::ProcessEnv);
        assert_eq!(
            value(&vars, "NEXT_PUBLIC_PC_MUTANT_TEST_FROM_ENV"),
            Some("https://example.org")
        );
        assert_eq!(value(&vars, "PC_MUTANT_TEST_UNRELATED_FROM_ENV"), None);
        assert_eq!(vars.searched(), ["the process environment"]);
    }

    #[test]
    fn only_the_names_asked_for_are_read_from_the_process_environment() {
        let _env = EnvVars::set(&[
            ("PC_MUTANT_TEST_PUSHER_NAMES_ASKED", "3b9e7c1d5a2f"),
            ("PC_MUTANT_TEST_PUSHER_NAMES_OTHER", "f4a8c0e2d6b1"),
        ]);
        let vars = Vars::from_process_env_names([
            "PC_MUTANT_TEST_PUSHER_NAMES_ASKED",
            "PC_MUTANT_TEST_PUSHER_NAMES_UNSET",
        ]);
        let names: Vec<_> = vars.iter().map(|(name, _)| name).collect();
        assert_eq!(names, ["PC_MUTANT_TEST_PUSHER_NAMES_ASKED"]);
        let var = vars.get("PC_MUTANT_TEST_PUSHER_NAMES_ASKED").expect("read");
        assert_eq!(
            (var.value.as_str(), &var.origin),
            ("3b9e7c1d5a2f", &Origin::ProcessEnv)
        );
        assert_eq!(vars.searched(), ["the process environment"]);
    }

    #[test]
    fn the_nearer_source_wins_and_the_farther_fills_in() {
        let far_origin = |line| Origin::EnvFile {
            path: "../.env".to_owned(),
            line: Some(line),
        };
        let mut near = Vars::from_pairs([("PUSHER_KEY", "9c2e5b0f4d7a18e36c41")]);
        near.note_searched("the process environment");
        let mut far = Vars::new();
        far.insert(
            "PUSHER_KEY".into(),
            "4d7a18e36c419c2e5b0f".into(),
            far_origin(1),
        );
        far.insert("PUSHER_CLUSTER".into(), "eu".into(), far_origin(2));
        far.note_searched("`../.env`");
        near.fill_from(far);
        let key = near.get("PUSHER_KEY").expect("kept");
        assert_eq!(
            (key.value.as_str(), &key.origin),
            ("9c2e5b0f4d7a18e36c41", &Origin::Given)
        );
        let cluster = near.get("PUSHER_CLUSTER").expect("filled in");
        assert_eq!(
            (cluster.value.as_str(), &cluster.origin),
            ("eu", &far_origin(2))
        );
        assert_eq!(near.searched(), ["the process environment", "`../.env`"]);
    }

    #[test]
    fn retain_names_keeps_only_what_is_selected() {
        let mut vars = Vars::from_pairs([
            ("PUSHER_APP_ID", "2047711"),
            ("PUSHER_KEY", "9c2e5b0f4d7a18e36c41"),
            ("PUSHER_SECRET", "e0b7d2a94c5f13868a2d"),
            ("VITE_PUSHER_APP_SECRET", "e0b7d2a94c5f13868a2d"),
        ]);
        vars.retain_names(|name| !name.contains("SECRET"));
        let names: Vec<_> = vars.iter().map(|(name, _)| name).collect();
        assert_eq!(names, ["PUSHER_APP_ID", "PUSHER_KEY"]);
    }

    /// A workspace in `scratch`: `ws/Cargo.toml` with `manifest`, the crate `ws/app`, and a
    /// `.env` in every folder from the scratch folder (above the workspace) to the crate.
    fn workspace(scratch: &Scratch, manifest: &str) -> std::path::PathBuf {
        scratch.write(".env", "PUSHER_CLUSTER=ap1\n");
        scratch.write("ws/Cargo.toml", manifest);
        scratch.write("ws/.env", "PUSHER_CLUSTER=eu\n");
        scratch.write("ws/app/Cargo.toml", "[package]\nname = \"app\"\n");
        scratch.write("ws/app/.env", "PUSHER_CLUSTER=mt1\n");
        scratch.dir.join("ws/app")
    }

    #[test]
    fn env_files_go_from_the_crate_up_to_the_workspace_root_and_no_further() {
        let scratch = Scratch::new("walk");
        let app = workspace(&scratch, "[workspace]\nmembers = [\"app\"]\n");
        assert_eq!(workspace_root(&app), scratch.dir.join("ws"));
        assert_eq!(
            env_files_for_crate(&app),
            [scratch.dir.join("ws/app/.env"), scratch.dir.join("ws/.env")]
        );
    }

    #[test]
    fn a_workspace_table_with_a_dotted_name_makes_a_workspace_root() {
        let scratch = Scratch::new("dotted");
        let app = workspace(
            &scratch,
            "[package]\nname = \"ws\"\n\n  [workspace.package]  \nversion = \"0.1.0\"\n",
        );
        assert_eq!(workspace_root(&app), scratch.dir.join("ws"));
        assert_eq!(
            env_files_for_crate(&app),
            [scratch.dir.join("ws/app/.env"), scratch.dir.join("ws/.env")]
        );
    }

    #[test]
    fn a_crate_outside_any_workspace_reads_only_its_own_env_file() {
        let scratch = Scratch::new("alone");
        let app = workspace(&scratch, "[package]\nname = \"ws\"\n# [workspace]\n");
        assert_eq!(workspace_root(&app), app);
        assert_eq!(env_files_for_crate(&app), [app.join(".env")]);
    }

    #[cfg(feature = "dotenv")]
    #[test]
    fn load_reads_the_environment_over_nearer_files_over_farther_ones() {
        let _env = EnvVars::set(&[("PC_MUTANT_TEST_PUSHER_LOAD_ALL", "from-the-environment")]);
        let scratch = Scratch::new("load");
        let near = scratch.write(
            "app/.env",
            "PC_MUTANT_TEST_PUSHER_LOAD_ALL=from-a-file\nPUSHER_CLUSTER=eu\n",
        );
        let far = scratch.write(".env", "PUSHER_CLUSTER=mt1\nPUSHER_HOST=soketi\n");
        let files = [
            (near.clone(), ".env".into()),
            (far.clone(), "../.env".into()),
        ];
        let loaded = load(&files, Mode::Server, ProcessEnv::All);
        assert_eq!(
            value(&loaded.vars, "PC_MUTANT_TEST_PUSHER_LOAD_ALL"),
            Some("from-the-environment")
        );
        assert_eq!(value(&loaded.vars, "PUSHER_CLUSTER"), Some("eu"));
        assert_eq!(value(&loaded.vars, "PUSHER_HOST"), Some("soketi"));
        assert_eq!(
            loaded.vars.searched(),
            ["the process environment", "`.env`", "`../.env`"]
        );
        assert_eq!(loaded.files, [near, far]);
        assert!(!loaded.through_link);
        assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
        assert!(loaded.tracked.is_empty(), "{:?}", loaded.tracked);
    }

    #[cfg(feature = "dotenv")]
    #[test]
    fn a_client_load_never_reads_the_secret_from_the_environment() {
        let _env = EnvVars::set(&[
            ("PC_MUTANT_TEST_PUSHER_CLIENT_KEY", "9c2e5b0f4d7a18e36c41"),
            (
                "PC_MUTANT_TEST_PUSHER_CLIENT_SECRET",
                "e0b7d2a94c5f13868a2d",
            ),
        ]);
        let loaded = load(&[], Mode::Client, ProcessEnv::All);
        assert_eq!(
            value(&loaded.vars, "PC_MUTANT_TEST_PUSHER_CLIENT_KEY"),
            Some("9c2e5b0f4d7a18e36c41")
        );
        assert_eq!(
            value(&loaded.vars, "PC_MUTANT_TEST_PUSHER_CLIENT_SECRET"),
            None
        );
        let server = load(&[], Mode::Server, ProcessEnv::All);
        assert_eq!(
            value(&server.vars, "PC_MUTANT_TEST_PUSHER_CLIENT_SECRET"),
            Some("e0b7d2a94c5f13868a2d")
        );
    }

    #[cfg(feature = "dotenv")]
    #[test]
    fn a_build_reads_and_tracks_only_the_closed_list_of_names() {
        let _env = EnvVars::set(&[("PC_MUTANT_TEST_PUSHER_BUILD", "7f3a9c1e5b0d")]);
        let loaded = load(&[], Mode::Server, ProcessEnv::BuildTimeNames);
        assert_eq!(value(&loaded.vars, "PC_MUTANT_TEST_PUSHER_BUILD"), None);
        for name in [
            "PUSHER_KEY",
            "PUSHER_APP_SECRET",
            "NEXT_PUBLIC_PUSHER_SECRET",
        ] {
            assert!(loaded.tracked.contains(name), "{name}");
        }
        assert!(!loaded.tracked.contains("PC_MUTANT_TEST_PUSHER_BUILD"));
        assert_eq!(
            loaded.vars.searched(),
            [
                "the process environment",
                "a `.env` file (none found from the crate up to the workspace root)"
            ]
        );
        let client = load(&[], Mode::Client, ProcessEnv::BuildTimeNames);
        assert!(client.tracked.contains("PUSHER_KEY"));
        assert!(client
            .tracked
            .iter()
            .all(|name| Mode::Client.reads_name(name)));
        assert!(!client.tracked.contains("PUSHER_APP_SECRET"));
        assert!(!client.tracked.contains("PUSHER_APP_ID"));
    }

    #[cfg(feature = "dotenv")]
    #[test]
    fn a_file_read_through_a_link_adds_its_target() {
        let scratch = Scratch::new("link");
        let target = scratch.write("prod.env", "PUSHER_CLUSTER=eu\n");
        let link = scratch.dir.join(".env");
        std::os::unix::fs::symlink(&target, &link).expect("link");
        let loaded = load(
            &[(link.clone(), ".env".into())],
            Mode::Server,
            ProcessEnv::BuildTimeNames,
        );
        assert_eq!(value(&loaded.vars, "PUSHER_CLUSTER"), Some("eu"));
        assert_eq!(loaded.files, [link, target]);
        assert!(loaded.through_link);
    }

    #[test]
    fn only_pusher_and_public_names_are_kept() {
        let vars = Vars::from_pairs([
            ("PUSHER_KEY", "a"),
            ("DATABASE_URL", "b"),
            ("pusher_x", "c"),
            ("NEXT_PUBLIC_SITE", "d"),
        ]);
        let names: Vec<_> = vars.iter().map(|(name, _)| name).collect();
        assert_eq!(names, ["NEXT_PUBLIC_SITE", "PUSHER_KEY", "pusher_x"]);
    }
}
