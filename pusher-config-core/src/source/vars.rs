//! The variables the rules read: [`Vars`], each [`Var`] with its [`Origin`].

use std::collections::BTreeMap;
use std::fmt;

use crate::names;

/// Where one variable's value came from, for error messages.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
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
    /// A part of another variable's value: the key of a `PUSHER_URL`.
    Within {
        /// The variable it is a part of.
        name: String,
        /// Where that variable was read.
        origin: Box<Origin>,
    },
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
            Origin::Within { name, origin } => write!(f, "the `{name}` of {origin}"),
        }
    }
}

/// One variable's value and where it came from.
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
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
/// ```
/// # extern crate pusher_config_core as pusher_config;
/// use pusher_config::source::{Origin, Vars};
///
/// let vars = Vars::from_pairs([
///     ("PUSHER_KEY", "9c2e5b0f4d7a18e36c41"),
///     ("PUSHER_CLUSTER", "eu"),
///     ("HOME", "/root"),
/// ]);
/// assert!(vars.get("HOME").is_none(), "not a name the rules read");
/// let key = vars.get("PUSHER_KEY").unwrap();
/// assert_eq!(key.value, "9c2e5b0f4d7a18e36c41");
/// assert_eq!(key.origin, Origin::Given);
/// assert_eq!(vars.iter().count(), 2);
/// ```
///
/// Only names the rules look at are kept (see [`names::is_relevant_name`]): nothing else is ours to
/// read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Vars {
    vars: BTreeMap<String, Var>,
    /// The sources read, in words, for "is not set in …" messages.
    searched: Vec<String>,
    /// A template of `.env` found where no `.env` was (`.env.example`), as shown in messages.
    template: Option<String>,
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
    pub(crate) fn from_process_env() -> Self {
        let mut vars = Self::new();
        for (name, value) in std::env::vars_os() {
            let Some(name) = name.to_str() else { continue };
            if names::is_relevant_name(name) {
                let value = value.to_string_lossy().into_owned();
                vars.insert(name.to_owned(), value, Origin::ProcessEnv);
            }
        }
        vars.note_searched("the process environment");
        vars
    }

    /// The variables `names` of this process's environment, and no other.
    pub(crate) fn from_process_env_names<'n>(names: impl IntoIterator<Item = &'n str>) -> Self {
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
    pub(crate) fn insert_expanded(
        &mut self,
        name: String,
        value: String,
        origin: Origin,
        from_secret: Option<String>,
    ) {
        if names::is_relevant_name(&name) {
            let var = Var {
                value,
                origin,
                from_secret,
            };
            self.vars.insert(name, var);
        }
    }

    /// Adds every variable of `lower` that `self` does not have: `self` wins.
    #[cfg(feature = "dotenv")]
    pub(crate) fn fill_from(&mut self, lower: Vars) {
        for (name, var) in lower.vars {
            self.vars.entry(name).or_insert(var);
        }
        self.searched.extend(lower.searched);
    }

    /// Records that `source` ("the process environment", "`.env`") was read.
    pub(crate) fn note_searched(&mut self, source: impl Into<String>) {
        self.searched.push(source.into());
    }

    /// The sources read, in the order they were noted.
    pub(crate) fn searched(&self) -> &[String] {
        &self.searched
    }

    /// Records that no `.env` file was found but the template `shown` (`.env.example`) was.
    #[cfg(feature = "dotenv")]
    pub(crate) fn note_template(&mut self, shown: impl Into<String>) {
        self.template = Some(shown.into());
    }

    /// The template of `.env` found where no `.env` was, for "copy it" help notes.
    pub(crate) fn template(&self) -> Option<&str> {
        self.template.as_deref()
    }

    /// The variable `name`, if set.
    pub fn get(&self, name: &str) -> Option<&Var> {
        self.vars.get(name)
    }

    /// The variable `name` with the map's own copy of its name.
    pub(crate) fn get_entry(&self, name: &str) -> Option<(&str, &Var)> {
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
    pub(crate) fn retain_names(&mut self, mut keep: impl FnMut(&str) -> bool) {
        self.vars.retain(|name, _| keep(name));
    }
}

#[cfg(test)]
mod tests;
