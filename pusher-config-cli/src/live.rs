//! Phase 5, with `--live`: the service itself asked whether the checked credentials are right
//! (`pusher_config_core::live::verify`), reported after the rules' outcome.

use std::io::{self, IsTerminal, Write};
use std::time::Duration;

use pusher_config_core::live::{self, Options, Outcome, Report};
use pusher_config_core::PusherConfig;
use serde_json::json;

use crate::args::{Check, Format};

/// What the service said, as an exit code: 0 right, 1 a credential is wrong, 2 it could not
/// tell (unreachable, timeout, TLS, an answer that says nothing about the credentials).
pub(crate) fn exit_code(report: &Report) -> u8 {
    if report.is_ok() {
        return 0;
    }
    let told = report.checks().iter().any(|check| {
        !check.outcome().is_ok()
            && !matches!(
                check.outcome(),
                Outcome::Unreachable { .. }
                    | Outcome::Timeout { .. }
                    | Outcome::Tls { .. }
                    | Outcome::UnexpectedAnswer
                    | Outcome::NotChecked { .. }
            )
    });
    if told {
        1
    } else {
        2
    }
}

/// Asks the service, with a progress line on the standard error when it is a terminal.
pub(crate) fn verify(config: &PusherConfig, args: &Check) -> Report {
    let options = Options::new().with_timeout(Duration::from_secs(args.timeout.max(1)));
    let terminal = io::stderr().is_terminal();
    if terminal {
        let mut stderr = io::stderr().lock();
        let _ = write!(stderr, "asking the service about the credentials…");
        let _ = stderr.flush();
    }
    let report = live::verify(config, &options);
    if terminal {
        // Clear the progress line.
        let _ = write!(io::stderr().lock(), "\r\x1b[2K");
    }
    report
}

/// The `live` member of the JSON report: `{"ok", "checks": [{"ok", "variable", "message"}]}`.
pub(crate) fn to_json(report: &Report) -> serde_json::Value {
    let checks: Vec<_> = report
        .checks()
        .iter()
        .map(|check| {
            json!({
                "ok": check.outcome().is_ok(),
                "variable": check.outcome().variable().map(|v| v.to_string()),
                "message": check.to_string(),
            })
        })
        .collect();
    json!({ "ok": report.is_ok(), "checks": checks })
}

/// Writes `report` as `args.format` says: the report itself for `human`, one workflow command
/// per failed check for `github`, a JSON document for `json`; SARIF has no place for it (the
/// static problems are its results), so `--live` with SARIF writes the report on the standard
/// error.
pub(crate) fn write(out: &mut impl Write, args: &Check, report: &Report) -> io::Result<()> {
    match args.format {
        Format::Human => writeln!(out, "\n{report}"),
        Format::Github => {
            for check in report.checks().iter().filter(|c| !c.outcome().is_ok()) {
                let message = check.to_string().replace('%', "%25").replace('\r', "%0D");
                writeln!(
                    out,
                    "::error title=pusher-config%3A live check::{}",
                    message.replace('\n', "%0A")
                )?;
            }
            Ok(())
        }
        Format::Json => writeln!(out, "{}", json!({ "live": to_json(report) })),
        Format::Sarif => writeln!(io::stderr().lock(), "{report}"),
    }
}
