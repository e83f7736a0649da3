//! `--format json`: one document, schema version 1 (documented in the README):
//!
//! ```json
//! {"version": 1, "framework": "nextjs", "mode": "development", "client": false,
//!  "files": [".env.local", ".env"], "ok": false,
//!  "problems": [{"kind": "foreign_credential", "variable": "PUSHER_KEY", "file": ".env",
//!                "line": 3, "message": "…", "help": "…"}]}
//! ```
//!
//! A new field may be added within a version; a field is removed or changes meaning only with
//! a new `version`.

use std::io::{self, Write};

use serde::Serialize;

use super::{framework_code, in_file, problems};
use crate::check::Outcome;

/// The schema's version.
const VERSION: u32 = 1;

#[derive(Serialize)]
struct Report<'a> {
    version: u32,
    /// `nextjs`, `vite`, `laravel`, `rust`, `dotenv`; `null` for files named on the command
    /// line.
    framework: Option<&'static str>,
    /// The Next.js or Vite mode, or Laravel's `APP_ENV=…`; `null` otherwise.
    mode: Option<&'a str>,
    /// Whether only the public part was checked (`--client`).
    client: bool,
    /// The files read, highest precedence first, as the messages show them.
    files: &'a [String],
    /// Whether there are no problems.
    ok: bool,
    problems: Vec<ReportedProblem<'a>>,
}

#[derive(Serialize)]
struct ReportedProblem<'a> {
    /// `ProblemKind::code()`: `foreign_credential`, `missing`, ….
    kind: &'static str,
    /// The variable (for an `env_file` problem, the file).
    variable: &'a str,
    /// The file the variable was read from, as the messages show it; `null` when not from a
    /// file (the process environment, a variable not set).
    file: Option<&'a str>,
    /// Its 1-based line; `null` when unknown.
    line: Option<usize>,
    message: &'a str,
    help: Option<&'a str>,
}

pub(super) fn write(out: &mut impl Write, outcome: &Outcome, client: bool) -> io::Result<()> {
    let problems: Vec<ReportedProblem<'_>> = problems(outcome)
        .into_iter()
        .map(|problem| {
            let location = in_file(problem.origin.as_ref());
            ReportedProblem {
                kind: problem.kind.code(),
                variable: &problem.var,
                file: location.map(|(path, _)| path),
                line: location.and_then(|(_, line)| line),
                message: &problem.message,
                help: problem.help.as_deref(),
            }
        })
        .collect();
    let report = Report {
        version: VERSION,
        framework: outcome
            .plan
            .framework
            .as_ref()
            .map(|(framework, _)| framework_code(*framework)),
        mode: outcome.plan.mode.as_deref(),
        client,
        files: &outcome.loaded.shown_files,
        ok: problems.is_empty(),
        problems,
    };
    serde_json::to_writer_pretty(&mut *out, &report)?;
    writeln!(out)
}
