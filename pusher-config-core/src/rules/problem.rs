//! What the rules report: one [`Problem`] per mistake, all of them at once in [`Problems`].

use std::fmt;

use crate::source::Origin;

/// Which rule a problem comes from.
///
/// ```
/// # extern crate pusher_config_core as pusher_config;
/// use pusher_config::rules::{check, Mode, ProblemKind};
/// use pusher_config::source::Vars;
///
/// let vars = Vars::from_pairs([
///     ("PUSHER_APP_ID", "1234567"),
///     ("PUSHER_KEY", "your_pusher_key"),
///     ("PUSHER_SECRET", "e0b7d2a94c5f13868a2d"),
///     ("PUSHER_CLUSTER", "europe"),
/// ]);
/// let problems = check(&vars, Mode::Server).unwrap_err();
/// assert!(problems.has(ProblemKind::Placeholder) && problems.has(ProblemKind::Format));
/// for problem in &problems {
///     let code = match problem.kind {
///         ProblemKind::Placeholder => "placeholder",
///         ProblemKind::Format => "format",
///         _ => "other",
///     };
///     assert_eq!(code, problem.kind.code());
/// }
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ProblemKind {
    /// A required variable is not set.
    Missing,
    /// A required variable is set to the empty string.
    Empty,
    /// Another service's credential (Stripe, AWS, …) in a Pusher variable.
    ForeignCredential,
    /// A template value that was never replaced.
    Placeholder,
    /// Whitespace or quotes left around the value when it was pasted.
    PasteResidue,
    /// The value does not have the setting's format.
    Format,
    /// Two variables that must agree (a public mirror and its server value, or the two naming
    /// schemes) disagree.
    Mismatch,
    /// The key equals the secret.
    KeyEqualsSecret,
    /// The key is only digits: the app id pasted as the key.
    AppIdAsKey,
    /// Two settings hold each other's values.
    Swapped,
    /// The secret would ship to browsers.
    ExposedSecret,
    /// A `.env` file that cannot be read or parsed.
    EnvFile,
}

impl ProblemKind {
    /// Every kind, in the order of the rule table.
    pub const ALL: [ProblemKind; 12] = [
        ProblemKind::EnvFile,
        ProblemKind::ExposedSecret,
        ProblemKind::ForeignCredential,
        ProblemKind::Placeholder,
        ProblemKind::PasteResidue,
        ProblemKind::AppIdAsKey,
        ProblemKind::Format,
        ProblemKind::Swapped,
        ProblemKind::Mismatch,
        ProblemKind::KeyEqualsSecret,
        ProblemKind::Missing,
        ProblemKind::Empty,
    ];

    /// The kind's name in snake case (`foreign_credential`): the name of its UI test case,
    /// and its code in machine-readable reports.
    pub const fn code(self) -> &'static str {
        match self {
            ProblemKind::Missing => "missing",
            ProblemKind::Empty => "empty",
            ProblemKind::ForeignCredential => "foreign_credential",
            ProblemKind::Placeholder => "placeholder",
            ProblemKind::PasteResidue => "paste_residue",
            ProblemKind::Format => "format",
            ProblemKind::Mismatch => "mismatch",
            ProblemKind::KeyEqualsSecret => "key_equals_secret",
            ProblemKind::AppIdAsKey => "app_id_as_key",
            ProblemKind::Swapped => "swapped",
            ProblemKind::ExposedSecret => "exposed_secret",
            ProblemKind::EnvFile => "env_file",
        }
    }
}

/// One mistake in a configuration, worded like a compiler error: lowercase, no trailing
/// period, names in backticks, never a whole credential.
///
/// ```
/// # extern crate pusher_config_core as pusher_config;
/// use pusher_config::rules::{check, Mode, ProblemKind};
/// use pusher_config::source::Vars;
///
/// let vars = Vars::from_pairs([
///     ("PUSHER_APP_ID", "1234567"),
///     ("PUSHER_KEY", "9c2e5b0f4d7a18e36c41"),
///     ("PUSHER_SECRET", "e0b7d2a94c5f13868a2d"),
///     ("PUSHER_CLUSTER", "europe"),
/// ]);
/// let problems = check(&vars, Mode::Server).unwrap_err();
/// let problem = problems.iter().next().unwrap();
/// assert_eq!(problem.kind, ProblemKind::Format);
/// assert_eq!(problem.var, "PUSHER_CLUSTER");
/// assert_eq!(
///     problem.message,
///     "`PUSHER_CLUSTER` in the given variables is `europe`, not a Pusher cluster; did you mean `eu`?"
/// );
/// assert_eq!(
///     problem.help.as_deref(),
///     Some("the cluster is shown beside the keys in the Pusher Channels dashboard")
/// );
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Problem {
    /// The rule that found it.
    pub kind: ProblemKind,
    /// The variable it is about (the first one, when it names several).
    pub var: String,
    /// What is wrong, with where the value came from.
    pub message: String,
    /// How to fix it, if there is more to say.
    pub help: Option<String>,
    /// Where [`Problem::var`] was read (a `.env` file and line, the process environment), for
    /// tools that annotate files; `None` for a variable that is not set.
    pub origin: Option<Origin>,
}

impl Problem {
    pub(crate) fn new(kind: ProblemKind, var: &str, message: String) -> Self {
        Self {
            kind,
            var: var.to_owned(),
            message,
            help: None,
            origin: None,
        }
    }

    pub(crate) fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

impl fmt::Display for Problem {
    /// `message`, then `= help: …` on the next line: the text of a compile error, which rustc
    /// prints with its help note under it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)?;
        if let Some(help) = &self.help {
            write!(f, "\n= help: {help}")?;
        }
        Ok(())
    }
}

/// Every problem of a configuration, in a stable order: by setting, server names before
/// their public mirrors. `Display` prints them as the compiler does.
///
/// ```
/// # extern crate pusher_config_core as pusher_config;
/// use pusher_config::rules::{check, Mode};
/// use pusher_config::source::Vars;
///
/// let vars = Vars::from_pairs([
///     ("PUSHER_APP_ID", "1234567"),
///     ("PUSHER_KEY", "your_pusher_key"),
///     ("PUSHER_SECRET", "e0b7d2a94c5f13868a2d"),
///     ("PUSHER_CLUSTER", "europe"),
/// ]);
/// let problems = check(&vars, Mode::Server).unwrap_err();
/// let vars: Vec<&str> = problems.iter().map(|p| p.var.as_str()).collect();
/// assert_eq!(vars, ["PUSHER_KEY", "PUSHER_CLUSTER"]);
/// assert_eq!(
///     problems.to_string(),
///     "error: `PUSHER_KEY` in the given variables is a placeholder (template text), not your app's key: `you…` (15 chars)\n  \
///      = help: replace it with your app's key from the Pusher Channels dashboard, under App Keys\n\
///      error: `PUSHER_CLUSTER` in the given variables is `europe`, not a Pusher cluster; did you mean `eu`?\n  \
///      = help: the cluster is shown beside the keys in the Pusher Channels dashboard\n\
///      error: the Pusher configuration has 2 problems"
/// );
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problems(pub(crate) Vec<Problem>);

impl Problems {
    /// The problems, in report order.
    pub fn iter(&self) -> std::slice::Iter<'_, Problem> {
        self.0.iter()
    }

    /// How many there are.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are none (never true of a returned `Problems`).
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Whether one of them comes from `kind`.
    pub fn has(&self, kind: ProblemKind) -> bool {
        self.0.iter().any(|p| p.kind == kind)
    }
}

impl IntoIterator for Problems {
    type Item = Problem;
    type IntoIter = std::vec::IntoIter<Problem>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a> IntoIterator for &'a Problems {
    type Item = &'a Problem;
    type IntoIter = std::slice::Iter<'a, Problem>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl fmt::Display for Problems {
    /// Each problem as `error: …` with its help note indented under it, as the compiler
    /// prints them.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let count = self.0.len();
        for (index, problem) in self.0.iter().enumerate() {
            if index > 0 {
                f.write_str("\n")?;
            }
            let text = problem.to_string().replace('\n', "\n  ");
            write!(f, "error: {text}")?;
        }
        if count > 1 {
            write!(f, "\nerror: the Pusher configuration has {count} problems")?;
        }
        Ok(())
    }
}

impl std::error::Error for Problems {}

#[cfg(test)]
mod tests {
    use super::ProblemKind;

    /// The first cell of each row of the markdown table that follows `header` in `text`.
    fn first_cells(text: &str, header: &str) -> Vec<String> {
        let start = text.find(header).expect("the table's header");
        text[start..]
            .lines()
            .skip(2)
            .map(|line| line.trim_start_matches("//!").trim())
            .take_while(|line| line.starts_with('|'))
            .map(|line| line.split('|').nth(1).unwrap_or_default().trim().to_owned())
            .collect()
    }

    #[test]
    fn the_module_doc_table_lists_every_kind_once_in_order() {
        let cells = first_cells(
            include_str!("mod.rs"),
            "| kind | what it catches | example |",
        );
        let expected: Vec<String> = ProblemKind::ALL
            .iter()
            .map(|kind| format!("[`ProblemKind::{kind:?}`]"))
            .collect();
        assert_eq!(cells, expected);
    }

    #[test]
    fn the_readme_table_lists_every_kind_once_in_order() {
        let readme = include_str!("../../../README.md");
        let cells = first_cells(readme, "| kind | what it catches | example |");
        let expected: Vec<String> = ProblemKind::ALL
            .iter()
            .map(|kind| format!("`{}`", kind.code()))
            .collect();
        assert_eq!(cells, expected);
    }

    #[test]
    fn every_kind_has_one_distinct_code() {
        let mut codes: Vec<&str> = ProblemKind::ALL.iter().map(|k| k.code()).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), ProblemKind::ALL.len());
    }
}
