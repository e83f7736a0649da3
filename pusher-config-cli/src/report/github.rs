//! `--format github`: one GitHub Actions workflow command per problem,
//! `::error file=.env,line=3,title=pusher-config%3A foreign_credential::…`, which the runner
//! turns into an annotation on the file and line. Escaped as the runner unescapes them
//! (`@actions/core`'s `command.ts`): `%`, `\r`, `\n` in the message, and also `:` and `,` in
//! property values.

use std::io::{self, Write};

use super::{in_file, problems, sources_line, summary, with_help};
use crate::check::Outcome;

pub(super) fn write(out: &mut impl Write, outcome: &Outcome, client: bool) -> io::Result<()> {
    // A plain line: the log says what was read without an annotation of its own.
    writeln!(out, "{}", sources_line(outcome, client))?;
    let found = problems(outcome);
    for problem in &found {
        let mut properties = Vec::new();
        if let Some((path, line)) = in_file(problem.origin.as_ref()) {
            properties.push(format!("file={}", escape_property(path)));
            if let Some(line) = line {
                properties.push(format!("line={line}"));
            }
        }
        let title = format!("pusher-config: {}", problem.kind.code());
        properties.push(format!("title={}", escape_property(&title)));
        writeln!(
            out,
            "::error {}::{}",
            properties.join(","),
            escape_data(&with_help(problem))
        )?;
    }
    writeln!(out, "{}", summary(found.len()))
}

/// A command's message: `%`, `\r` and `\n` escaped.
pub(super) fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A command's property value: as a message, and `:` and `,` too.
pub(super) fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_as_the_runner_unescapes() {
        assert_eq!(escape_data("100% a\r\nb: c, d"), "100%25 a%0D%0Ab: c, d");
        assert_eq!(escape_property("dir,a/.env:x%\n"), "dir%2Ca/.env%3Ax%25%0A");
    }
}
