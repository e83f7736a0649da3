//! Reading one `.env` file: bounded, with the right line for every definition and error, and
//! the names each value was expanded from.
//!
//! dotenvy parses and expands the values. Alongside it, [`segments`] splits the text into the
//! logical lines dotenvy reads (a quoted value may span several lines) and [`scan_value`]
//! follows dotenvy's expansion of one value without performing it. That gives what dotenvy
//! does not tell: the line of each definition and error, which names a value was expanded
//! from (as dotenvy resolves them: `$MY_HOST` reads `MY`), and how long every value will be
//! once expanded, checked before dotenvy expands anything.

use std::collections::{BTreeSet, HashMap};
use std::io::Read;
use std::path::Path;

use super::{EnvFileError, EnvFileErrorKind, Origin, Vars};
use crate::names;

/// The largest `.env` file read, in bytes.
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;
/// The most definitions read from one file.
pub const MAX_DEFINITIONS: usize = 100_000;
/// The longest value, in bytes, once its `${…}` references are expanded.
pub const MAX_VALUE_BYTES: usize = 64 * 1024;
/// The most bytes all of a file's values may take once expanded.
pub const MAX_EXPANDED_BYTES: usize = 16 * 1024 * 1024;

/// What one `.env` file gave.
#[derive(Debug, Default)]
pub struct EnvFile {
    /// The variables the rules look at, from the lines that parsed.
    pub vars: Vars,
    /// Every error: the file could not be read, lines that did not parse, limits exceeded.
    pub errors: Vec<EnvFileError>,
    /// Whether its text was read, so that a change to it can be tracked.
    pub read: bool,
    /// For each variable kept, every name its value was expanded from, directly or through
    /// the file's other variables: the environment variables it depends on.
    pub references: BTreeSet<String>,
}

/// One logical line as dotenvy reads it: where it starts, and its text.
#[derive(Debug, PartialEq, Eq)]
struct Segment<'t> {
    /// Byte offset where it starts.
    start: usize,
    /// 1-based line where it starts.
    line: usize,
    /// Its text, as dotenvy hands it to its line parser.
    text: &'t str,
    /// Why the file ended before the line did (an open quote, a trailing space or
    /// backslash), if it did: dotenvy reports such a line as unparsable.
    cut_short: Option<&'static str>,
}

/// dotenvy's states between the characters of a logical line (`iter.rs`, `ParseState`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Complete,
    Escape,
    StrongOpen,
    StrongOpenEscape,
    WeakOpen,
    WeakOpenEscape,
    Comment,
    WhiteSpace,
}

/// dotenvy's `eval_end_state`: the state after `chunk`, and where a comment starts.
fn end_state(mut state: State, chunk: &str) -> (usize, State) {
    let mut at = 0;
    for (pos, c) in chunk.char_indices() {
        at = pos;
        state = match state {
            State::WhiteSpace => match c {
                '#' => return (pos, State::Comment),
                '\\' => State::Escape,
                '"' => State::WeakOpen,
                '\'' => State::StrongOpen,
                _ => State::Complete,
            },
            State::Escape => State::Complete,
            State::Complete => match c {
                c if c.is_whitespace() && c != '\n' && c != '\r' => State::WhiteSpace,
                '\\' => State::Escape,
                '"' => State::WeakOpen,
                '\'' => State::StrongOpen,
                _ => State::Complete,
            },
            State::WeakOpen => match c {
                '\\' => State::WeakOpenEscape,
                '"' => State::Complete,
                _ => State::WeakOpen,
            },
            State::WeakOpenEscape => State::WeakOpen,
            State::StrongOpen => match c {
                '\\' => State::StrongOpenEscape,
                '\'' => State::Complete,
                _ => State::StrongOpen,
            },
            State::StrongOpenEscape => State::StrongOpen,
            State::Comment => return (pos, State::Comment),
        };
    }
    (at, state)
}

/// The logical lines of `text` that dotenvy turns into a definition or an error, in order:
/// dotenvy's `QuotedLines`, without the blank and comment lines it skips.
fn segments(text: &str) -> Vec<Segment<'_>> {
    let mut found = Vec::new();
    let mut state = State::Complete;
    let (mut start, mut start_line) = (0, 1);
    let mut offset = 0;
    for (index, physical) in text.split_inclusive('\n').enumerate() {
        let here = offset;
        offset += physical.len();
        if state == State::Complete {
            start = here;
            start_line = index + 1;
            if physical.trim_start().starts_with('#') {
                continue;
            }
        }
        let (pos, next) = end_state(state, physical);
        state = next;
        let end = match state {
            State::Complete => {
                let line = &text[start..offset];
                let line = line
                    .strip_suffix('\n')
                    .map_or(line, |l| l.strip_suffix('\r').unwrap_or(l));
                start + line.len()
            }
            State::Comment => here + pos,
            _ => continue,
        };
        state = State::Complete;
        let segment = &text[start..end];
        let trimmed = segment.trim();
        if !trimmed.is_empty() && !trimmed.starts_with('#') {
            found.push(Segment {
                start,
                line: start_line,
                text: segment,
                cut_short: None,
            });
        }
    }
    let cut_short = match state {
        State::Complete | State::Comment => None,
        State::WhiteSpace => Some(
            "the file ends in this line, after a space and with no line end; remove the space or end the line",
        ),
        State::Escape => Some(
            "the file ends in this line, after a backslash and with no line end; remove the backslash or end the line",
        ),
        _ => Some("a quote opened on this line is never closed"),
    };
    if cut_short.is_some() {
        found.push(Segment {
            start,
            line: start_line,
            text: &text[start..],
            cut_short,
        });
    }
    found
}

/// The name a logical line defines and the text of its value, as dotenvy's `parse_line` reads
/// them; `None` when the line is not a definition.
fn definition(line: &str) -> Option<(&str, &str)> {
    let line = line.trim();
    let (mut name, rest) = line.split_once('=')?;
    name = name.trim_end();
    if let Some(after) = name.strip_prefix("export") {
        if after.starts_with(char::is_whitespace) {
            name = after.trim_start();
        }
    }
    let valid = name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.');
    let value = rest.trim_start();
    valid.then_some((name, if value.starts_with('#') { "" } else { value }))
}

/// What expanding one value involves: its literal bytes and the names it reads, in order.
#[derive(Debug, Default, PartialEq, Eq)]
struct Expansion {
    literal_bytes: usize,
    names: Vec<String>,
}

/// Follows dotenvy's `parse_value` over `value` without expanding it: the bytes it copies and
/// the names it substitutes (an unbraced name stops at the first character that is not
/// alphanumeric, so `$MY_HOST` reads `MY`; nothing is expanded inside single quotes or after
/// a backslash).
fn scan_value(value: &str) -> Expansion {
    #[derive(PartialEq)]
    enum Substitution {
        None,
        Block,
        Braced,
    }
    let mut found = Expansion::default();
    let (mut strong, mut weak, mut escaped) = (false, false, false);
    let mut mode = Substitution::None;
    let mut name = String::new();
    let take = |name: &mut String, found: &mut Expansion| {
        if !name.is_empty() {
            found.names.push(std::mem::take(name));
        }
    };
    for c in value.chars() {
        if escaped {
            found.literal_bytes += c.len_utf8();
            escaped = false;
        } else if strong {
            if c == '\'' {
                strong = false;
            } else {
                found.literal_bytes += c.len_utf8();
            }
        } else if mode != Substitution::None {
            if c.is_alphanumeric() {
                name.push(c);
            } else if mode == Substitution::Block {
                if c == '{' && name.is_empty() {
                    mode = Substitution::Braced;
                } else {
                    take(&mut name, &mut found);
                    if c == '$' {
                        mode = Substitution::Block;
                    } else {
                        mode = Substitution::None;
                        found.literal_bytes += c.len_utf8();
                    }
                }
            } else if c == '}' {
                mode = Substitution::None;
                take(&mut name, &mut found);
            } else {
                name.push(c);
            }
        } else if c == '$' {
            mode = Substitution::Block;
        } else if weak {
            match c {
                '"' => weak = false,
                '\\' => escaped = true,
                _ => found.literal_bytes += c.len_utf8(),
            }
        } else {
            match c {
                '\'' => strong = true,
                '"' => weak = true,
                '\\' => escaped = true,
                // The value ends here: dotenvy reads only a comment after it, or fails.
                ' ' | '\t' => break,
                _ => found.literal_bytes += c.len_utf8(),
            }
        }
    }
    take(&mut name, &mut found);
    found
}

/// Reads the variables of one `.env` file that `keep` selects, with dotenvy, never touching the
/// process environment.
///
/// `shown` is the path used in messages. The first definition of a name wins, as with
/// `dotenvy::dotenv()`; a later one with another value is an error. Every error names its line;
/// none quotes the file. A file that is not a regular file, is larger than
/// [`MAX_FILE_BYTES`], or whose values would expand past [`MAX_VALUE_BYTES`] each or
/// [`MAX_EXPANDED_BYTES`] together is an error, and nothing past the offending line is read.
pub fn read_env_file(path: &Path, shown: &str, keep: impl Fn(&str) -> bool) -> EnvFile {
    let mut file = EnvFile::default();
    let text = match read_text(path) {
        Ok(text) => text,
        Err(reason) => {
            file.errors.push(EnvFileError {
                kind: EnvFileErrorKind::Unreadable,
                path: shown.to_owned(),
                line: None,
                reason,
            });
            return file;
        }
    };
    file.read = true;
    // Editors on Windows may start a file with a byte-order mark, which dotenvy cannot parse.
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let mut reader = Reader {
        shown,
        keep: &keep,
        file,
        first: HashMap::new(),
        refs: HashMap::new(),
        secret_refs: HashMap::new(),
    };
    let segments = segments(text);
    let (count, limit_error) = within_limits(&segments);
    // dotenvy reads no further than the segments within the limits.
    let readable = segments.get(count).map_or(text, |next| &text[..next.start]);
    let mut items = dotenvy::from_read_iter(readable.as_bytes());
    for segment in &segments[..count] {
        let Some(item) = items.next() else { break };
        reader.item(segment, item);
    }
    if let Some((line, reason)) = limit_error {
        reader.error(EnvFileErrorKind::TooLarge, Some(line), reason);
    }
    reader.file
}

/// The file's text: an error, without any of its content, unless it is a readable regular
/// file of at most [`MAX_FILE_BYTES`] of UTF-8.
fn read_text(path: &Path) -> Result<String, String> {
    let metadata = std::fs::metadata(path).map_err(|err| {
        if std::fs::symlink_metadata(path).is_ok() {
            "it is a link to a file that does not exist".to_owned()
        } else {
            io_reason(&err)
        }
    })?;
    if metadata.is_dir() {
        return Err("it is a folder, not a file".to_owned());
    }
    if !metadata.is_file() {
        // Opening a FIFO would wait for a writer: never open what is not a regular file.
        return Err("it is not a regular file (a pipe, socket or device)".to_owned());
    }
    if metadata.len() > MAX_FILE_BYTES {
        return Err(format!(
            "it has {} bytes, more than the {MAX_FILE_BYTES} bytes a `.env` file may have",
            metadata.len()
        ));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|file| file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes))
        .map_err(|err| io_reason(&err))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(format!(
            "it has more than the {MAX_FILE_BYTES} bytes a `.env` file may have"
        ));
    }
    String::from_utf8(bytes).map_err(|_| "it is not valid UTF-8".to_owned())
}

pub(super) fn io_reason(err: &std::io::Error) -> String {
    match err.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_owned(),
        _ => err.to_string().to_lowercase(),
    }
}

/// How many of `segments` may be read, and why the next may not: too many definitions, or
/// values that would expand past the limits. Lengths are computed as dotenvy expands (a
/// name from the process environment wins over one defined earlier in the file), before
/// anything is expanded, so a file of doubling `${V}${V}` lines costs its own length only.
fn within_limits(segments: &[Segment<'_>]) -> (usize, Option<(usize, String)>) {
    let mut lengths: HashMap<&str, usize> = HashMap::new();
    let mut total = 0usize;
    for (index, segment) in segments.iter().enumerate() {
        if index == MAX_DEFINITIONS {
            let why = format!("the file has more than {MAX_DEFINITIONS} definitions; nothing from this line on is read");
            return (index, Some((segment.line, why)));
        }
        let Some((name, value)) = definition(segment.text) else {
            continue;
        };
        let expansion = scan_value(value);
        let mut length = expansion.literal_bytes;
        for reference in &expansion.names {
            let from_env = process_env_len(reference);
            let stored = lengths.get(reference.as_str()).copied().unwrap_or(0);
            length = length.saturating_add(from_env.unwrap_or(stored));
        }
        total = total.saturating_add(length);
        if length > MAX_VALUE_BYTES {
            let why = format!(
                "`{name}` would expand to {length} bytes, more than the {MAX_VALUE_BYTES} a value may have; nothing from this line on is read"
            );
            return (index, Some((segment.line, why)));
        }
        if total > MAX_EXPANDED_BYTES {
            let why = format!(
                "the file's values would expand to more than {MAX_EXPANDED_BYTES} bytes; nothing from this line on is read"
            );
            return (index, Some((segment.line, why)));
        }
        lengths.insert(name, length);
    }
    (segments.len(), None)
}

/// The length of a process environment variable, as dotenvy's expansion reads it.
#[allow(clippy::disallowed_methods)] // a length only, for the expansion limits
fn process_env_len(name: &str) -> Option<usize> {
    std::env::var(name).ok().map(|value| value.len())
}

/// The state of reading one file's items.
struct Reader<'a, K> {
    shown: &'a str,
    keep: &'a K,
    file: EnvFile,
    /// The first definition of each kept name: its value and line.
    first: HashMap<String, (String, usize)>,
    /// The names each variable's latest definition reads, for the references of the kept ones.
    refs: HashMap<String, Vec<String>>,
    /// For variables expanded from a secret-named one, directly or not: that name.
    secret_refs: HashMap<String, String>,
}

impl<K: Fn(&str) -> bool> Reader<'_, K> {
    fn error(&mut self, kind: EnvFileErrorKind, line: Option<usize>, reason: String) {
        self.file.errors.push(EnvFileError {
            kind,
            path: self.shown.to_owned(),
            line,
            reason,
        });
    }

    /// One item of dotenvy's, for the logical line `segment`.
    fn item(&mut self, segment: &Segment<'_>, item: dotenvy::Result<(String, String)>) {
        let (name, value) = match item {
            Ok(pair) => pair,
            Err(dotenvy::Error::LineParse(..)) => {
                let reason = segment
                    .cut_short
                    .unwrap_or("not a `NAME=value` line; check its quotes and escapes");
                self.error(
                    EnvFileErrorKind::Unparsable,
                    Some(segment.line),
                    reason.to_owned(),
                );
                return;
            }
            // dotenvy reads text already checked to be UTF-8, from memory: it has no other
            // error to give.
            Err(_) => {
                let reason = "it cannot be read".to_owned();
                self.error(EnvFileErrorKind::Unreadable, None, reason);
                return;
            }
        };
        let names = definition(segment.text).map_or_else(Vec::new, |(_, v)| scan_value(v).names);
        let secret_ref = names.iter().find_map(|r| {
            if names::names_a_secret(r) {
                Some(r.clone())
            } else {
                self.secret_refs.get(r).cloned()
            }
        });
        match secret_ref {
            Some(secret) => self.secret_refs.insert(name.clone(), secret),
            None => self.secret_refs.remove(&name),
        };
        self.refs.insert(name.clone(), names);
        if !super::is_relevant_name(&name) || !(self.keep)(&name) {
            return;
        }
        match self.first.get(&name) {
            None => {
                self.add_references(&name);
                let origin = Origin::EnvFile {
                    path: self.shown.to_owned(),
                    line: Some(segment.line),
                };
                let from_secret = self.secret_refs.get(&name).cloned();
                self.file
                    .vars
                    .insert_expanded(name.clone(), value.clone(), origin, from_secret);
                self.first.insert(name, (value, segment.line));
            }
            Some((first, line)) if *first != value => {
                let reason = format!(
                    "defines `{name}` again, with another value than on line {line}; dotenvy and Laravel read the first, Next.js the last: keep one"
                );
                self.error(EnvFileErrorKind::Redefined, Some(segment.line), reason);
            }
            Some(_) => {}
        }
    }

    /// Adds the names `name`'s value was expanded from, through the file's own variables, to
    /// the references to track: the ones the mode reads. Each name is visited once per file.
    fn add_references(&mut self, name: &str) {
        if names::classify(name).is_none() {
            // Only Pusher settings are tracked; other public variables are checked, never tracked.
            return;
        }
        let mut stack: Vec<String> = self.refs.get(name).cloned().unwrap_or_default();
        while let Some(reference) = stack.pop() {
            if !(self.keep)(&reference) || !self.file.references.insert(reference.clone()) {
                continue;
            }
            if let Some(next) = self.refs.get(&reference) {
                stack.extend(next.iter().cloned());
            }
        }
    }
}

#[cfg(test)]
mod tests;
