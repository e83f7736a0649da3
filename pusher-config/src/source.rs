//! Where variables come from: the process environment, `.env` files, or a map the caller gives.
//!
//! The rule set ([`crate::rules`]) never reads the environment itself: it takes a [`Vars`], a
//! plain map of variables with their [`Origin`], so tests pass in-memory maps and the macro and
//! run-time loading feed it the same way.

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

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
}

impl fmt::Debug for Var {
    // Values are credentials: never print one whole.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Var")
            .field("value", &crate::mask::Masked(&self.value))
            .field("origin", &self.origin)
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
    upper.contains("PUSHER")
        || upper.starts_with("REVERB_")
        || crate::rules::names::public_prefix(name).is_some()
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

    /// Sets `name`, replacing an earlier value. Names the rules do not look at are ignored.
    pub fn insert(&mut self, name: String, value: String, origin: Origin) {
        if is_relevant_name(&name) {
            self.vars.insert(name, Var { value, origin });
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
        }
    }
}

impl std::error::Error for EnvFileError {}

/// What one `.env` file gave.
#[cfg(feature = "dotenv")]
#[derive(Debug, Default)]
pub struct EnvFile {
    /// Its Pusher variables, from the lines that parsed.
    pub vars: Vars,
    /// Every error: the file could not be read, or lines that did not parse.
    pub errors: Vec<EnvFileError>,
    /// Whether its text was read (it exists and is UTF-8), so that a change to it can be
    /// tracked.
    pub read: bool,
    /// The names its values refer to (`${NAME}`, `$NAME`): dotenvy takes them from the process
    /// environment when the file does not define them.
    pub references: Vec<String>,
}

/// Reads the Pusher variables of one `.env` file with dotenvy, which expands `${VAR}`
/// references and never touches the process environment.
///
/// `shown` is the path used in messages. The first definition of a name wins, as with
/// `dotenvy::dotenv()`. Every parse error of the file is returned, with its line, and the
/// variables of the lines that did parse.
#[cfg(feature = "dotenv")]
pub fn read_env_file(path: &Path, shown: &str) -> EnvFile {
    let mut file = EnvFile::default();
    let error = |kind, line, reason: String| EnvFileError {
        kind,
        path: shown.to_owned(),
        line,
        reason,
    };
    // One read serves dotenvy and the line numbers of our messages.
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(err) => {
            file.errors
                .push(error(EnvFileErrorKind::Unreadable, None, io_reason(&err)));
            return file;
        }
    };
    file.read = true;
    // Editors on Windows may start a file with a byte-order mark, which dotenvy cannot parse.
    let text = text
        .strip_prefix('\u{feff}')
        .map(str::to_owned)
        .unwrap_or(text);
    file.references = references(&text);
    let mut definitions = std::collections::HashMap::new();
    for item in dotenvy::from_read_iter(text.as_bytes()) {
        match item {
            Ok((name, value)) => {
                let seen = definitions.entry(name.clone()).or_insert(0);
                *seen += 1;
                match file.vars.get(&name) {
                    None => {
                        let line = definition_lines(&text, &name).first().copied();
                        let origin = Origin::EnvFile {
                            path: shown.to_owned(),
                            line,
                        };
                        file.vars.insert(name, value, origin);
                    }
                    Some(first) if first.value != value => {
                        let lines = definition_lines(&text, &name);
                        let first_line = lines
                            .first()
                            .map_or(String::new(), |l| format!(" on line {l}"));
                        file.errors.push(error(
                            EnvFileErrorKind::Redefined,
                            lines.get(*seen - 1).copied(),
                            format!(
                                "defines `{name}` again, with another value than{first_line}; dotenvy and Laravel read the first, Next.js the last: keep one"
                            ),
                        ));
                    }
                    Some(_) => {}
                }
            }
            Err(dotenvy::Error::LineParse(bad, _)) => {
                // An unclosed quote makes dotenvy read on to the end of the file: the line that
                // opened it is the one to fix.
                let reason = if bad.trim_end().contains('\n') {
                    "a quote opened on this line is never closed"
                } else {
                    "not a `NAME=value` line; check its quotes and escapes"
                };
                let line = parse_error_line(&text, &bad);
                file.errors
                    .push(error(EnvFileErrorKind::Unparsable, line, reason.to_owned()));
            }
            Err(dotenvy::Error::Io(err)) => {
                file.errors
                    .push(error(EnvFileErrorKind::Unreadable, None, io_reason(&err)));
                break;
            }
            Err(other) => {
                file.errors
                    .push(error(EnvFileErrorKind::Unreadable, None, other.to_string()))
            }
        }
    }
    file
}

/// The names that `${NAME}` and `$NAME` refer to in `text`.
#[cfg(feature = "dotenv")]
fn references(text: &str) -> Vec<String> {
    let is_name = |c: char| c.is_ascii_alphanumeric() || c == '_';
    let mut names: Vec<String> = text
        .split('$')
        .skip(1)
        .filter_map(|rest| {
            let rest = rest.strip_prefix('{').unwrap_or(rest);
            let name: String = rest.chars().take_while(|c| is_name(*c)).collect();
            (!name.is_empty()).then_some(name)
        })
        .collect();
    names.sort();
    names.dedup();
    names
}

/// The variables of the process environment and of `.env` files, as the rule set takes them.
#[cfg(feature = "dotenv")]
#[derive(Debug, Default)]
pub struct Sources {
    /// The variables, the process environment winning over the files.
    pub vars: Vars,
    /// Every error of every file.
    pub errors: Vec<EnvFileError>,
    /// The files whose text was read, to track for changes.
    pub read: Vec<std::path::PathBuf>,
    /// The names the files' values refer to, to track for changes.
    pub references: Vec<String>,
}

/// The process environment over the variables of `files` (each with the path shown in
/// messages), keeping only the names `keep` selects. Earlier files win over later ones, so pass
/// the nearest first.
///
/// `pusher_config!()` and `PusherConfig::from_env_file` both read their sources through this.
#[cfg(feature = "dotenv")]
pub fn env_over_files(
    files: &[(std::path::PathBuf, String)],
    keep: impl Fn(&str) -> bool,
) -> Sources {
    let mut sources = Sources {
        vars: Vars::from_process_env(),
        ..Sources::default()
    };
    sources.vars.retain_names(&keep);
    for (path, shown) in files {
        let mut file = read_env_file(path, shown);
        file.vars.retain_names(&keep);
        file.vars.note_searched(format!("`{shown}`"));
        sources.vars.fill_from(file.vars);
        sources.errors.extend(file.errors);
        if file.read {
            sources.read.push(path.clone());
        }
        sources
            .references
            .extend(file.references.into_iter().filter(|name| keep(name)));
    }
    sources
}

#[cfg(feature = "dotenv")]
fn io_reason(err: &std::io::Error) -> String {
    match err.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_owned(),
        std::io::ErrorKind::InvalidData => "not valid UTF-8".to_owned(),
        _ => err.to_string().to_lowercase(),
    }
}

/// The 1-based lines where `name` is defined (`NAME=`, `export NAME=`), in order.
pub fn definition_lines(text: &str, name: &str) -> Vec<usize> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| {
            let line = line.trim_start();
            let line = line.strip_prefix("export ").map_or(line, str::trim_start);
            line.strip_prefix(name)
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        })
        .map(|(index, _)| index + 1)
        .collect()
}

/// dotenvy reports a parse error with the text of the logical line (which spans several lines
/// after an unclosed quote); find where it starts in the file without ever showing the text.
#[cfg(feature = "dotenv")]
fn parse_error_line(text: &str, bad: &str) -> Option<usize> {
    let start = text.find(bad.trim_end_matches('\n'))?;
    Some(text[..start].matches('\n').count() + 1)
}

/// The `.env` files to read for a crate: one in each folder from `crate_dir` up to the
/// workspace root (the nearest folder whose `Cargo.toml` has a `[workspace]` table; the crate's
/// own folder when there is none), nearest first. Folders above the workspace are never read.
pub fn env_files_for_crate(crate_dir: &Path) -> Vec<std::path::PathBuf> {
    let root = workspace_root(crate_dir);
    let mut files = Vec::new();
    for dir in crate_dir.ancestors() {
        let candidate = dir.join(".env");
        if candidate.is_file() {
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
    fn definition_lines_finds_plain_and_exported_definitions() {
        let text = "# c\nPUSHER_KEYS=1\nexport  PUSHER_KEY = 2\nPUSHER_KEY=3\n";
        assert_eq!(definition_lines(text, "PUSHER_KEY"), [3, 4]);
        assert_eq!(definition_lines(text, "PUSHER_KEYS"), [2]);
        assert!(definition_lines(text, "PUSHER_SECRET").is_empty());
    }

    #[cfg(feature = "dotenv")]
    #[test]
    fn parse_error_line_counts_lines_before_the_bad_one() {
        let text = "A=1\nB=2\nC='unterminated\n";
        assert_eq!(parse_error_line(text, "C='unterminated\n"), Some(3));
    }

    #[cfg(feature = "dotenv")]
    #[test]
    fn a_byte_order_mark_is_not_part_of_the_first_name() {
        let dir = std::env::temp_dir().join(format!("pc-bom-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let file = dir.join("bom.env");
        std::fs::write(&file, "\u{feff}PUSHER_APP_ID=2047711\nPUSHER_CLUSTER=eu\n").expect("write");
        let read = read_env_file(&file, "bom.env");
        assert!(read.errors.is_empty(), "{:?}", read.errors);
        assert_eq!(
            read.vars.get("PUSHER_APP_ID").map(|v| v.origin.clone()),
            Some(Origin::EnvFile {
                path: "bom.env".to_owned(),
                line: Some(1)
            })
        );
        std::fs::remove_dir_all(&dir).ok();
    }

    #[cfg(feature = "dotenv")]
    #[test]
    fn references_are_the_names_of_expansions() {
        let text = "A=${PUSHER_APP_KEY}\nB=\"$HOME/x\"\nC=$\nD=${}\nE=${PUSHER_APP_KEY}\n";
        assert_eq!(references(text), ["HOME", "PUSHER_APP_KEY"]);
    }

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

    #[cfg(feature = "dotenv")]
    #[test]
    fn env_file_parse_error_names_the_line_and_hides_the_text() {
        let dir = std::env::temp_dir().join(format!("pc-src-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let file = dir.join("bad.env");
        std::fs::write(
            &file,
            "PUSHER_APP_ID=1\nPUSHER_SECRET='0123abcd\nPUSHER_KEY=9\n",
        )
        .expect("write");
        let read = read_env_file(&file, "bad.env");
        assert_eq!(read.errors.len(), 1, "{:?}", read.errors);
        assert_eq!(read.errors[0].line, Some(2));
        assert!(
            !read.errors[0].to_string().contains("0123abcd"),
            "{}",
            read.errors[0]
        );
        assert_eq!(
            read.vars.get("PUSHER_APP_ID").map(|v| v.value.as_str()),
            Some("1")
        );
        assert!(read.read);
        std::fs::write(
            &file,
            "PUSHER_KEY=1\n# PUSHER_KEY=2\nPUSHER_KEY=1\nPUSHER_KEY=3\n",
        )
        .expect("write");
        let read = read_env_file(&file, "twice.env");
        let errors: Vec<String> = read.errors.iter().map(ToString::to_string).collect();
        assert_eq!(
            errors,
            ["`twice.env` line 4 defines `PUSHER_KEY` again, with another value than on line 1; \
              dotenvy and Laravel read the first, Next.js the last: keep one"]
        );
        std::fs::remove_dir_all(&dir).ok();
    }
}
