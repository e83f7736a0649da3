//! Phase 3: the shared rule set of `pusher-config`, and the message of each problem.

use pusher_config::rules::{self, Checked};

use crate::load::Loaded;

/// The checked values, or every message to report, `.env` file errors first.
pub(crate) fn validate(loaded: &Loaded) -> Result<Checked, Vec<String>> {
    let sources = &loaded.sources;
    let problems = match rules::check_with_file_errors(&sources.vars, &sources.errors, loaded.mode)
    {
        Ok(checked) => return Ok(checked),
        Err(problems) => problems,
    };
    // rustc prints a message's later lines under its first: `= help:` then reads as rustc's
    // own help notes.
    let messages = problems.iter().map(|problem| match &problem.help {
        Some(help) => format!("{}\n= help: {help}", problem.message),
        None => problem.message.clone(),
    });
    Err(messages.collect())
}
