//! Phase 4: the outcome in the format asked for, on the standard output.
//!
//! Every message and help note is the rules' own text, which never shows a whole credential;
//! nothing here prints a value read from a file or the environment. `human.rs` adds snippets
//! of the offending lines with the value masked down to its length.

mod github;
mod human;
mod json;
mod sarif;

use std::io::{self, Write};

use pusher_config_core::rules::Problem;
use pusher_config_core::source::Origin;

use crate::args::{Check, Format, Framework};
use crate::check::Outcome;

/// Writes `outcome` as `args.format` says.
pub(crate) fn write(out: &mut impl Write, args: &Check, outcome: &Outcome) -> io::Result<()> {
    match args.format {
        Format::Human => human::write(out, outcome, args.client),
        Format::Github => github::write(out, outcome, args.client),
        Format::Json => json::write(out, outcome, args.client),
        Format::Sarif => sarif::write(out, outcome),
    }
}

/// The problems found, in report order; none when the configuration is right.
fn problems(outcome: &Outcome) -> Vec<&Problem> {
    outcome.problems.iter().flatten().collect()
}

/// The file and line a problem's variable was read from, when a file: the file of a
/// `PUSHER_URL` for a part of one.
fn in_file(origin: Option<&Origin>) -> Option<(&str, Option<usize>)> {
    match origin? {
        Origin::EnvFile { path, line } => Some((path.as_str(), *line)),
        Origin::Within { origin, .. } => in_file(Some(origin)),
        _ => None,
    }
}

/// The name a framework goes by in the reports (`--framework`'s value).
fn framework_code(framework: Framework) -> &'static str {
    match framework {
        Framework::Nextjs => "nextjs",
        Framework::Vite => "vite",
        Framework::Laravel => "laravel",
        Framework::Rust => "rust",
        Framework::Dotenv => "dotenv",
    }
}

/// What was read, in precedence order, as one line: `` checked as Next.js (`next` in
/// `package.json`, mode `development`): the process environment, then `.env.local`, `.env`,
/// each over those after it ``.
fn sources_line(outcome: &Outcome, client: bool) -> String {
    let plan = &outcome.plan;
    let mut line = String::from("checked");
    if client {
        line.push_str(" the public part");
    }
    if let Some((framework, why)) = &plan.framework {
        let name = match framework {
            Framework::Nextjs => "Next.js",
            Framework::Vite => "Vite",
            Framework::Laravel => "Laravel",
            Framework::Rust => "a Rust crate",
            Framework::Dotenv => "dotenv",
        };
        line.push_str(&format!(" as {name} ({why}"));
        if let Some(mode) = &plan.mode {
            line.push_str(&format!(", mode `{mode}`"));
        }
        line.push(')');
    }
    let read = &outcome.loaded.shown_files;
    let quoted: Vec<String> = read.iter().map(|file| format!("`{file}`")).collect();
    match quoted.len() {
        0 => {
            let looked: Vec<String> = plan.candidates.iter().map(|f| format!("`{f}`")).collect();
            line.push_str(&format!(
                ": the process environment only; no env file (looked for {})",
                looked.join(", ")
            ));
        }
        1 => line.push_str(&format!(
            ": the process environment, then {}",
            quoted.join("")
        )),
        _ => line.push_str(&format!(
            ": the process environment, then {}, each over those after it",
            quoted.join(", ")
        )),
    }
    if let Some(checks) = &outcome.loaded.checks_file {
        line.push_str(&format!(
            " (`{checks}`, named by `{}`)",
            pusher_config_core::source::CHECKS_ENV_FILE
        ));
    }
    line
}

/// A problem's help note with rustc's `help: ` label, for formats that have one text.
fn with_help(problem: &Problem) -> String {
    match &problem.help {
        Some(help) => format!("{}\nhelp: {help}", problem.message),
        None => problem.message.clone(),
    }
}

/// `ok: …` or how many problems there are.
fn summary(count: usize) -> String {
    match count {
        0 => "ok: the Pusher configuration has no problems".to_owned(),
        1 => "error: the Pusher configuration has 1 problem".to_owned(),
        count => format!("error: the Pusher configuration has {count} problems"),
    }
}
