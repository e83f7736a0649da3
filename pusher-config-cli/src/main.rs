//! `pusher-config check`: the rule set of `pusher_config!()` over a project's env files, read
//! the way its framework reads them, for pre-commit hooks and CI.
//!
//! One module per phase: `args.rs` parses the command line, `project.rs` finds the env files
//! (each framework's precedence, with the source it was checked against), `check.rs` loads
//! them through `pusher_config_core::source::load` and runs `rules::check_with_file_errors`,
//! the loader and rules of the macro, and `report/` prints the outcome in the format asked
//! for. Nothing here touches the network, but `live.rs` with `--live`: the service itself asked
//! about the credentials the rules found right.
#![forbid(unsafe_code)]

mod args;
mod check;
mod live;
mod project;
mod report;

use std::io::Write;
use std::process::ExitCode;

use check::Outcome;

/// The configuration was checked and is right.
const RIGHT: u8 = 0;
/// The configuration was checked and has problems.
const PROBLEMS: u8 = 1;
/// It could not be checked: bad arguments, a named file that does not exist, an env file that
/// could not be read.
const COULD_NOT_CHECK: u8 = 2;

fn main() -> ExitCode {
    let args::Command::Check(check) = match args::parse() {
        Ok(command) => command,
        Err(reason) => return could_not_check(&reason),
    };
    let outcome = match check::run(&check) {
        Ok(outcome) => outcome,
        Err(reason) => return could_not_check(&reason),
    };
    // With `--live`, the service is asked only about a configuration the rules found right.
    let config = outcome
        .checked
        .as_ref()
        .and_then(|checked| checked.server())
        .filter(|_| check.live);
    let report = config.map(|config| live::verify(config, &check));
    let mut stdout = std::io::stdout().lock();
    let written =
        write_all(&mut stdout, &check, &outcome, report.as_ref()).and_then(|()| stdout.flush());
    if let Err(err) = written {
        return could_not_check(&format!("cannot write the report: {err}"));
    }
    ExitCode::from(match (&outcome.problems, &report) {
        (Some(_), _) => PROBLEMS,
        (None, Some(report)) => live::exit_code(report),
        (None, None) => RIGHT,
    })
}

/// The rules' outcome, then the live report if there is one; for `json`, one document with the
/// live report under `live`.
fn write_all(
    out: &mut impl Write,
    check: &args::Check,
    outcome: &Outcome,
    report: Option<&pusher_config_core::live::Report>,
) -> std::io::Result<()> {
    let Some(report) = report else {
        return report::write(out, check, outcome);
    };
    if check.format != args::Format::Json {
        report::write(out, check, outcome)?;
        return live::write(out, check, report);
    }
    let mut static_part = Vec::new();
    report::write(&mut static_part, check, outcome)?;
    let mut document: serde_json::Value =
        serde_json::from_slice(&static_part).map_err(std::io::Error::other)?;
    document["live"] = live::to_json(report);
    writeln!(out, "{document}")
}

/// Exit code 2, after `reason` on one line of the standard error.
fn could_not_check(reason: &str) -> ExitCode {
    let mut stderr = std::io::stderr().lock();
    // Nothing better to do if the standard error is gone too.
    let _ = writeln!(stderr, "error: could not check: {reason}");
    ExitCode::from(COULD_NOT_CHECK)
}
