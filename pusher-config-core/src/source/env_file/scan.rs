//! The port of dotenvy's parser, for what dotenvy does not tell: [`segments`] (its line state
//! machine, `iter.rs`) splits a file into the logical lines dotenvy reads, each with its line
//! number; [`definition`] and [`scan_value`] follow its `parse_line` and `parse_value` over one
//! line without expanding anything.

/// One logical line as dotenvy reads it: where it starts, and its text.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Segment<'t> {
    /// Byte offset where it starts.
    pub(super) start: usize,
    /// 1-based line where it starts.
    pub(super) line: usize,
    /// Its text, as dotenvy hands it to its line parser.
    pub(super) text: &'t str,
    /// Why the file ended before the line did (an open quote, a trailing space or
    /// backslash), if it did: dotenvy reports such a line as unparsable.
    pub(super) cut_short: Option<&'static str>,
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
pub(super) fn segments(text: &str) -> Vec<Segment<'_>> {
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
    let cut_short = cut_short(state);
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

/// Why a file that ends in `state` ends before its last line does, if it does.
fn cut_short(state: State) -> Option<&'static str> {
    match state {
        State::Complete | State::Comment => None,
        State::WhiteSpace => Some(
            "the file ends in this line, after a space and with no line end; remove the space or end the line",
        ),
        State::Escape => Some(
            "the file ends in this line, after a backslash and with no line end; remove the backslash or end the line",
        ),
        _ => Some("a quote opened on this line is never closed"),
    }
}

/// The name a logical line defines and the text of its value, as dotenvy's `parse_line` reads
/// them; `None` when the line is not a definition.
pub(super) fn definition(line: &str) -> Option<(&str, &str)> {
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
pub(super) struct Expansion {
    /// The bytes copied as they are.
    pub(super) literal_bytes: usize,
    /// The names substituted, in order.
    pub(super) names: Vec<String>,
}

/// Follows dotenvy's `parse_value` over `value` without expanding it: the bytes it copies and
/// the names it substitutes (an unbraced name stops at the first character that is not
/// alphanumeric, so `$MY_HOST` reads `MY`; nothing is expanded inside single quotes or after
/// a backslash).
pub(super) fn scan_value(value: &str) -> Expansion {
    let mut scanner = Scanner::default();
    for c in value.chars() {
        if !scanner.step(c) {
            break;
        }
    }
    scanner.take_name();
    scanner.found
}

/// Where `parse_value` is within a `$` substitution.
#[derive(Default, PartialEq, Eq)]
enum Substitution {
    #[default]
    None,
    /// After `$`.
    Block,
    /// After `${`.
    Braced,
}

/// The state of [`scan_value`] between two characters.
#[derive(Default)]
struct Scanner {
    found: Expansion,
    /// Inside single quotes.
    strong: bool,
    /// Inside double quotes.
    weak: bool,
    /// After a backslash.
    escaped: bool,
    substitution: Substitution,
    /// The name of the substitution so far.
    name: String,
}

impl Scanner {
    /// Reads `c`; `false` where the value ends (dotenvy reads only a comment after it, or fails).
    fn step(&mut self, c: char) -> bool {
        if self.escaped {
            self.escaped = false;
            self.literal(c);
        } else if self.strong {
            if c == '\'' {
                self.strong = false;
            } else {
                self.literal(c);
            }
        } else if self.substitution != Substitution::None {
            self.in_substitution(c);
        } else if c == '$' {
            self.substitution = Substitution::Block;
        } else if self.weak {
            match c {
                '"' => self.weak = false,
                '\\' => self.escaped = true,
                _ => self.literal(c),
            }
        } else {
            match c {
                '\'' => self.strong = true,
                '"' => self.weak = true,
                '\\' => self.escaped = true,
                ' ' | '\t' => return false,
                _ => self.literal(c),
            }
        }
        true
    }

    /// Reads `c` after a `$`.
    fn in_substitution(&mut self, c: char) {
        if c.is_alphanumeric() {
            self.name.push(c);
        } else if self.substitution == Substitution::Block {
            if c == '{' && self.name.is_empty() {
                self.substitution = Substitution::Braced;
            } else {
                self.take_name();
                if c == '$' {
                    self.substitution = Substitution::Block;
                } else {
                    self.substitution = Substitution::None;
                    self.literal(c);
                }
            }
        } else if c == '}' {
            self.substitution = Substitution::None;
            self.take_name();
        } else {
            self.name.push(c);
        }
    }

    fn literal(&mut self, c: char) {
        self.found.literal_bytes += c.len_utf8();
    }

    /// Ends the name being read, if any.
    fn take_name(&mut self) {
        if !self.name.is_empty() {
            self.found.names.push(std::mem::take(&mut self.name));
        }
    }
}

#[cfg(test)]
mod tests;
