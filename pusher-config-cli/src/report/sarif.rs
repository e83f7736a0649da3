//! `--format sarif`: SARIF 2.1.0 (<https://docs.oasis-open.org/sarif/sarif/v2.1.0/>) for
//! code-scanning upload (`github/codeql-action/upload-sarif`): one rule per problem kind
//! (`ProblemKind::ALL`, the id its `code()`), one result per problem, located at the file and
//! line its variable was read from. GitHub shows only results with a location, so a problem
//! that is not about a line of a file (a variable not set, one from the process environment)
//! is located at line 1 of the file of highest precedence read, if any.

use std::io::{self, Write};

use pusher_config_core::rules::{Problem, ProblemKind};
use serde_json::{json, Value};

use super::{in_file, problems, with_help};
use crate::check::Outcome;

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

pub(super) fn write(out: &mut impl Write, outcome: &Outcome) -> io::Result<()> {
    let files = &outcome.loaded.shown_files;
    let rules: Vec<Value> = ProblemKind::ALL.iter().map(|kind| rule(*kind)).collect();
    let results: Vec<Value> = problems(outcome)
        .into_iter()
        .map(|problem| result(problem, files.first().map(String::as_str)))
        .collect();
    let artifacts: Vec<Value> = files
        .iter()
        .map(|file| json!({ "location": { "uri": uri(file) } }))
        .collect();
    let log = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "pusher-config",
                    "version": env!("CARGO_PKG_VERSION"),
                    "semanticVersion": env!("CARGO_PKG_VERSION"),
                    "informationUri": "https://crates.io/crates/pusher-config-cli",
                    "rules": rules,
                }
            },
            "artifacts": artifacts,
            "invocations": [{ "executionSuccessful": true }],
            "results": results,
        }]
    });
    serde_json::to_writer_pretty(&mut *out, &log)?;
    writeln!(out)
}

/// The reporting descriptor of `kind`.
fn rule(kind: ProblemKind) -> Value {
    json!({
        "id": kind.code(),
        "name": format!("{kind:?}"),
        "shortDescription": { "text": description(kind) },
        "defaultConfiguration": { "level": "error" },
    })
}

/// What `kind` catches, as the README's table of rules says it.
fn description(kind: ProblemKind) -> &'static str {
    match kind {
        ProblemKind::EnvFile => "A .env file that cannot be read or parsed, or defines a variable twice with different values",
        ProblemKind::ExposedSecret => "The Pusher secret where browsers see it",
        ProblemKind::ForeignCredential => "Another service's credential in a Pusher variable",
        ProblemKind::Placeholder => "A template value never replaced",
        ProblemKind::PasteResidue => "Whitespace, quotes or control characters around a value",
        ProblemKind::AppIdAsKey => "The app id pasted as the key",
        ProblemKind::Format => "A value not of its setting's format",
        ProblemKind::Swapped => "Settings holding each other's values",
        ProblemKind::Mismatch => "Variables that must agree and do not",
        ProblemKind::KeyEqualsSecret => "The key equal to the secret",
        ProblemKind::Missing => "A required variable not set",
        ProblemKind::Empty => "A required variable set to nothing",
        _ => "A Pusher configuration problem",
    }
}

/// The result of `problem`, located at its file and line, else at line 1 of `fallback`.
fn result(problem: &Problem, fallback: Option<&str>) -> Value {
    let index = ProblemKind::ALL.iter().position(|k| *k == problem.kind);
    let location = match in_file(problem.origin.as_ref()) {
        Some((path, line)) => Some((path, line.unwrap_or(1))),
        None => fallback.map(|path| (path, 1)),
    };
    let locations: Vec<Value> = location
        .into_iter()
        .map(|(path, line)| {
            json!({
                "physicalLocation": {
                    "artifactLocation": { "uri": uri(path) },
                    "region": { "startLine": line },
                }
            })
        })
        .collect();
    json!({
        "ruleId": problem.kind.code(),
        "ruleIndex": index,
        "level": "error",
        "message": { "text": with_help(problem) },
        "locations": locations,
    })
}

/// A relative path as a URI reference: `/` separators (on Windows too), and every byte but the unreserved
/// characters and `/` percent-encoded (`my app/.env` → `my%20app/.env`).
fn uri(path: &str) -> String {
    let mut uri = String::new();
    let path = if cfg!(windows) {
        path.replace('\\', "/")
    } else {
        path.to_owned()
    };
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            uri.push(char::from(byte));
        } else {
            uri.push_str(&format!("%{byte:02X}"));
        }
    }
    uri
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_percent_encoded() {
        assert_eq!(uri("my app/.env.local"), "my%20app/.env.local");
        assert_eq!(uri("../é.env"), "../%C3%A9.env");
    }

    #[test]
    fn every_kind_has_its_rule() {
        for kind in ProblemKind::ALL {
            assert_ne!(
                description(kind),
                "A Pusher configuration problem",
                "{kind:?}"
            );
            assert_eq!(rule(kind)["id"], kind.code());
        }
    }
}
