//! Reading one `.env` file ([`read_env_file`]): bounded, with the right line for every
//! definition and error, and the names each value was expanded from.
//!
//! dotenvy parses and expands the values. Alongside it, `scan.rs` ports what dotenvy does
//! not tell: [`segments`] splits the text into the logical lines dotenvy reads (a quoted value
//! may span several lines) and [`scan_value`] follows dotenvy's expansion of one value without
//! performing it. That gives the line of each definition and error, which names a value was
//! expanded from (as dotenvy resolves them: `$MY_HOST` reads `MY`), and how long every value
//! will be once expanded, checked before dotenvy expands anything.

use std::collections::HashMap;
use std::io::Read;
use std::path::Path;

use super::{EnvFileError, EnvFileErrorKind, Names, Origin, Vars};
use crate::names;
use scan::{definition, scan_value, segments, Segment};

mod scan;

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
pub(crate) struct EnvFile {
    /// The variables the rules look at, from the lines that parsed.
    pub vars: Vars,
    /// Every error: the file could not be read, lines that did not parse, limits exceeded.
    pub errors: Vec<EnvFileError>,
    /// Whether its text was read, so that a change to it can be tracked.
    pub read: bool,
    /// For each variable kept, every name its value was expanded from, directly or through
    /// the file's other variables: the environment variables it depends on.
    pub references: Names,
}

/// Reads the variables of one `.env` file that `keep` selects, with dotenvy, never touching the
/// process environment.
///
/// `shown` is the path used in messages. The first definition of a name wins, as with
/// `dotenvy::dotenv()`; a later one with another value is an error. Every error names its line;
/// none quotes the file. A file that is not a regular file, is larger than
/// [`MAX_FILE_BYTES`], or whose values would expand past [`MAX_VALUE_BYTES`] each or
/// [`MAX_EXPANDED_BYTES`] together is an error, and nothing past the offending line is read.
pub(crate) fn read_env_file(path: &Path, shown: &str, keep: impl Fn(&str) -> bool) -> EnvFile {
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

fn io_reason(err: &std::io::Error) -> String {
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
        let Some((name, value)) = self.parsed(segment, item) else {
            return;
        };
        let names = definition(segment.text).map_or_else(Vec::new, |(_, v)| scan_value(v).names);
        self.note_secret_reference(&name, &names);
        self.refs.insert(name.clone(), names);
        if !crate::names::is_relevant_name(&name) || !(self.keep)(&name) {
            return;
        }
        match self.first.get(&name) {
            None => self.keep_first(name, value, segment.line),
            Some((first, line)) if *first != value => {
                let reason = format!(
                    "defines `{name}` again, with another value than on line {line}; dotenvy and Laravel read the first, Next.js the last: keep one"
                );
                self.error(EnvFileErrorKind::Redefined, Some(segment.line), reason);
            }
            Some(_) => {}
        }
    }

    /// The name and value of dotenvy's `item`, or `None` after reporting why there is none.
    fn parsed(
        &mut self,
        segment: &Segment<'_>,
        item: dotenvy::Result<(String, String)>,
    ) -> Option<(String, String)> {
        match item {
            Ok(pair) => Some(pair),
            Err(dotenvy::Error::LineParse(..)) => {
                let reason = segment
                    .cut_short
                    .unwrap_or("not a `NAME=value` line; check its quotes and escapes");
                self.error(
                    EnvFileErrorKind::Unparsable,
                    Some(segment.line),
                    reason.to_owned(),
                );
                None
            }
            // dotenvy reads text already checked to be UTF-8, from memory: it has no other
            // error to give.
            Err(_) => {
                let reason = "it cannot be read".to_owned();
                self.error(EnvFileErrorKind::Unreadable, None, reason);
                None
            }
        }
    }

    /// Records which secret-named variable the value of `name` (which reads `names`) was
    /// expanded from, directly or through the file's other variables, or that it was from none.
    fn note_secret_reference(&mut self, name: &str, names: &[String]) {
        let secret_ref = names.iter().find_map(|r| {
            if names::names_a_secret(r) {
                Some(r.clone())
            } else {
                self.secret_refs.get(r).cloned()
            }
        });
        match secret_ref {
            Some(secret) => self.secret_refs.insert(name.to_owned(), secret),
            None => self.secret_refs.remove(name),
        };
    }

    /// Keeps the first definition of the kept variable `name`, on `line`.
    fn keep_first(&mut self, name: String, value: String, line: usize) {
        self.add_references(&name);
        let origin = Origin::EnvFile {
            path: self.shown.to_owned(),
            line: Some(line),
        };
        let from_secret = self.secret_refs.get(&name).cloned();
        self.file
            .vars
            .insert_expanded(name.clone(), value.clone(), origin, from_secret);
        self.first.insert(name, (value, line));
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
