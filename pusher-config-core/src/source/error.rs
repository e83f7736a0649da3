//! What is wrong with a `.env` file: [`EnvFileError`] and its [`EnvFileErrorKind`].

use std::fmt;

/// A `.env` file that could not be read or parsed, or that is ambiguous. Its `Display` never
/// quotes the file's text, which may hold secrets.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
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
#[non_exhaustive]
pub enum EnvFileErrorKind {
    /// It cannot be read (missing, not UTF-8, no permission).
    Unreadable,
    /// A line is not `NAME=value`.
    Unparsable,
    /// A variable is defined twice with different values: tools disagree on which wins.
    Redefined,
    /// The file is past a limit ([`MAX_DEFINITIONS`](super::MAX_DEFINITIONS),
    /// [`MAX_VALUE_BYTES`](super::MAX_VALUE_BYTES),
    /// [`MAX_EXPANDED_BYTES`](super::MAX_EXPANDED_BYTES)); nothing from the line named on is
    /// read.
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
