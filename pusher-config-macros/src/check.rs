//! Phase 3: the shared rule set of `pusher-config`, over what was loaded.

use pusher_config_core::rules::{self, Checked};

use crate::load::Loaded;

/// The typed configuration, or the text of every compile error, `.env` file errors first.
pub(crate) fn check(loaded: &Loaded) -> Result<Checked, Vec<String>> {
    let sources = &loaded.sources;
    rules::check_with_file_errors(&sources.vars, &sources.errors, loaded.mode)
        .map_err(|problems| problems.iter().map(ToString::to_string).collect())
}
