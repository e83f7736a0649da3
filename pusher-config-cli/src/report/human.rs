//! `--format human`: read like the compiler's errors. Each problem is `error: ` and the rules'
//! message (the very line `pusher_config!()` fails the build with), then, when its variable
//! came from a file, ` --> file:line` and the line with its value masked down to its length,
//! then `= help: `. Colour only on a terminal, and never with `NO_COLOR` set.

use std::collections::HashMap;
use std::io::{self, IsTerminal, Write};

use pusher_config_core::rules::Problem;
use pusher_config_core::source::Origin;

use super::{in_file, problems, sources_line, summary};
use crate::check::Outcome;

pub(super) fn write(out: &mut impl Write, outcome: &Outcome, client: bool) -> io::Result<()> {
    let paint = Paint {
        on: use_colour(
            io::stdout().is_terminal(),
            std::env::var_os("NO_COLOR").as_deref(),
        ),
    };
    writeln!(out, "{}", paint.note(&sources_line(outcome, client)))?;
    let found = problems(outcome);
    if found.is_empty() {
        return writeln!(out, "{}", summary(0));
    }
    let mut lines = Lines::new(outcome);
    for problem in &found {
        writeln!(out)?;
        write_problem(out, problem, &mut lines, paint)?;
    }
    // As rustc closes with its count, and `Problems`' `Display` with this line.
    if found.len() > 1 {
        writeln!(out)?;
        let count = summary(found.len());
        let text = count.strip_prefix("error: ").unwrap_or(&count);
        writeln!(out, "{}: {}", paint.error("error"), paint.bold(text))?;
    }
    Ok(())
}

/// Whether to colour: on a terminal, unless `NO_COLOR` is set to anything but the empty
/// string (<https://no-color.org>).
fn use_colour(terminal: bool, no_color: Option<&std::ffi::OsStr>) -> bool {
    terminal && no_color.is_none_or(|value| value.is_empty())
}

fn write_problem(
    out: &mut impl Write,
    problem: &Problem,
    lines: &mut Lines<'_>,
    paint: Paint,
) -> io::Result<()> {
    writeln!(
        out,
        "{}: {}",
        paint.error("error"),
        paint.bold(&problem.message)
    )?;
    let location = in_file(problem.origin.as_ref());
    let snippet = location.and_then(|(path, line)| Some((path, line?)));
    let number = snippet.map_or(String::new(), |(_, line)| line.to_string());
    // The gutter is as wide as the line number, and at least one column, as rustc's.
    let pad = " ".repeat(number.len().max(1));
    if let Some((path, line)) = location {
        let at = line.map_or(path.to_owned(), |line| format!("{path}:{line}"));
        writeln!(out, "{pad}{} {at}", paint.gutter("-->"))?;
    }
    if let Some((path, line)) = snippet {
        if let Some(shown) = lines.masked(path, line) {
            let bar = paint.gutter("|");
            writeln!(out, "{pad} {bar}")?;
            writeln!(
                out,
                "{} {bar} {}{}",
                paint.gutter(&number),
                shown.before,
                shown.masked
            )?;
            let under = " ".repeat(shown.before.chars().count());
            let carets = "^".repeat(shown.masked.chars().count());
            writeln!(out, "{pad} {bar} {under}{}", paint.error(&carets))?;
        }
    }
    if let Some(help) = &problem.help {
        writeln!(
            out,
            "{pad} {} {}: {help}",
            paint.gutter("="),
            paint.bold("help")
        )?;
    }
    Ok(())
}

/// A line of a file as shown: what comes before its value (`PUSHER_KEY=`), and the value
/// masked down to its length (`[87 chars]`).
#[derive(Debug, PartialEq, Eq)]
struct Shown {
    before: String,
    masked: String,
}

/// The files' lines, read once each, for snippets.
struct Lines<'o> {
    outcome: &'o Outcome,
    files: HashMap<String, Option<String>>,
}

impl<'o> Lines<'o> {
    fn new(outcome: &'o Outcome) -> Self {
        Self {
            outcome,
            files: HashMap::new(),
        }
    }

    /// Line `line` of the file shown as `path`, masked.
    fn masked(&mut self, path: &str, line: usize) -> Option<Shown> {
        let dir = &self.outcome.dir;
        let text = self
            .files
            .entry(path.to_owned())
            .or_insert_with(|| std::fs::read_to_string(dir.join(path)).ok())
            .as_deref()?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let raw = text.lines().nth(line.checked_sub(1)?)?;
        let vars = &self.outcome.loaded.vars;
        Some(mask_line(raw, |name| {
            let var = vars.get(name)?;
            let here = Origin::EnvFile {
                path: path.to_owned(),
                line: Some(line),
            };
            (var.origin == here).then(|| var.value.chars().count())
        }))
    }
}

/// `raw` with everything after its `NAME=` masked down to a length: the length of the value
/// as read (`read_len` of the name, for a definition that the loader kept), or else of the
/// text after `=`. A line with no `NAME=` is masked whole.
fn mask_line(raw: &str, read_len: impl Fn(&str) -> Option<usize>) -> Shown {
    let Some((before, name, after)) = definition(raw) else {
        let masked = format!("[a line of {} chars, not shown]", raw.chars().count());
        return Shown {
            before: String::new(),
            masked,
        };
    };
    let len = read_len(name).unwrap_or_else(|| after.trim().chars().count());
    Shown {
        before: before.trim_start().to_owned(),
        masked: match len {
            0 => "[empty]".to_owned(),
            1 => "[1 char]".to_owned(),
            len => format!("[{len} chars]"),
        },
    }
}

/// `(up to and with the '=', name, after the '=')` of a `NAME=value` or `export NAME=value`
/// line.
fn definition(raw: &str) -> Option<(&str, &str, &str)> {
    let start = raw.len() - raw.trim_start().len();
    let mut rest = &raw[start..];
    if let Some(exported) = rest.strip_prefix("export ") {
        rest = exported.trim_start();
    }
    let name_len = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '.'))
        .unwrap_or(rest.len());
    let name = &rest[..name_len];
    let eq = rest[name_len..].trim_start().strip_prefix('=')?;
    if name.is_empty() {
        return None;
    }
    let split = raw.len() - eq.len();
    Some((&raw[..split], name, eq))
}

/// ANSI colours, or none.
#[derive(Clone, Copy)]
struct Paint {
    on: bool,
}

impl Paint {
    fn paint(self, code: &str, text: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    }
    fn error(self, text: &str) -> String {
        self.paint("1;31", text)
    }
    fn gutter(self, text: &str) -> String {
        self.paint("1;34", text)
    }
    fn bold(self, text: &str) -> String {
        self.paint("1", text)
    }
    fn note(self, text: &str) -> String {
        self.paint("2", text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_only_on_a_terminal_without_no_color() {
        use std::ffi::OsStr;
        assert!(use_colour(true, None));
        assert!(use_colour(true, Some(OsStr::new(""))));
        assert!(!use_colour(true, Some(OsStr::new("1"))));
        assert!(!use_colour(false, None));
    }

    #[test]
    fn a_line_shows_its_name_and_the_length_of_its_value_only() {
        let none = |_: &str| None;
        let shown = mask_line("PUSHER_KEY=pk_live_51Xa93kQb7Tn2", none);
        assert_eq!(shown.before, "PUSHER_KEY=");
        assert_eq!(shown.masked, "[21 chars]");
        let exported = mask_line("  export PUSHER_SECRET = \"3f7d0a\"", |_| Some(6));
        assert_eq!(exported.before, "export PUSHER_SECRET =");
        assert_eq!(exported.masked, "[6 chars]");
        assert_eq!(mask_line("PUSHER_APP_ID=", none).masked, "[empty]");
        let unparsable = mask_line("PUSHER_KEY 9c2e4b7a1f08d3e65b4a", none);
        assert_eq!(unparsable.before, "");
        assert_eq!(unparsable.masked, "[a line of 31 chars, not shown]");
    }
}
