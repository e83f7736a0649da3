//! Phase 3: the shared rule set of `pusher-config`, and the messages of everything wrong.

use pusher_config::rules::{self, Checked, Mode, ProblemKind};

use crate::args::Args;
use crate::load::Loaded;

/// The checked values, or every message to report, `.env` file errors first.
pub(crate) fn validate(args: &Args, loaded: &Loaded) -> Result<Checked, Vec<String>> {
    let mode = if args.client {
        Mode::Client
    } else {
        Mode::Server
    };
    let checked = rules::check(&loaded.vars, mode);
    let mut messages = loaded.file_errors.clone();
    match checked {
        Ok(checked) if messages.is_empty() => return Ok(checked),
        Ok(_) => {}
        // rustc prints a message's later lines under its first: `= help:` then reads as
        // rustc's own help notes.
        Err(problems) => messages.extend(
            problems
                .iter()
                .filter(|problem| {
                    // A variable on a line that did not parse is not missing: fix the file first.
                    loaded.file_errors.is_empty() || !matches!(problem.kind, ProblemKind::Missing)
                })
                .map(|problem| match &problem.help {
                    Some(help) => format!("{}\n= help: {help}", problem.message),
                    None => problem.message.clone(),
                }),
        ),
    }
    Err(messages)
}
