//! Phase 3: the shared rule set of `pusher-config`, and the messages of everything wrong.

use pusher_config::rules::{self, Checked, ProblemKind};

use crate::load::Loaded;

/// The checked values, or every message to report, `.env` file errors first.
pub(crate) fn validate(loaded: &Loaded) -> Result<Checked, Vec<String>> {
    let checked = rules::check(&loaded.vars, loaded.mode);
    let mut messages = loaded.file_errors.clone();
    match checked {
        Ok(checked) if messages.is_empty() => return Ok(checked),
        Ok(_) => {}
        Err(problems) => messages.extend(
            problems
                .iter()
                // A variable on a line that did not parse is not missing: fix the file first.
                .filter(|problem| {
                    loaded.file_errors.is_empty() || problem.kind != ProblemKind::Missing
                })
                // rustc prints a message's later lines under its first: `= help:` then reads
                // as rustc's own help notes.
                .map(|problem| match &problem.help {
                    Some(help) => format!("{}\n= help: {help}", problem.message),
                    None => problem.message.clone(),
                }),
        ),
    }
    Err(messages)
}
