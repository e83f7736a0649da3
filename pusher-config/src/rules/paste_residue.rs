//! [`ProblemKind::PasteResidue`]: whitespace, quotes or control characters left around a
//! pasted value.

use super::context::{at, Context};
use super::findings::Findings;
use super::foreign_credential::INVISIBLE;
use super::problem::{Problem, ProblemKind};
use super::shown::Shown;

/// A value with a control character in it, whitespace or invisible characters around it, or
/// quotes left inside.
pub(crate) fn check(cx: &Context, out: &mut Findings) {
    for (name, var, field) in cx.own_values() {
        let Some(what) = residue(&var.value) else {
            continue;
        };
        let message = format!(
            "{} has {what} its value: {}",
            at(name, var),
            Shown::new(field, &var.value)
        );
        out.own(Problem::new(ProblemKind::PasteResidue, name, message).help(
            "remove them; in a `.env` file write `NAME=value` or `NAME=\"value\"`, nothing else",
        ));
    }
}

/// What residue `value` has, worded to precede "its value".
fn residue(value: &str) -> Option<String> {
    // Tabs and line ends around the value are whitespace residue, below.
    if let Some(control) = value.trim().chars().find(|c| c.is_control()) {
        return Some(format!(
            "a control character (U+{:04X}) in",
            u32::from(control)
        ));
    }
    if value != value.trim() || value.contains(INVISIBLE) {
        return Some("whitespace or invisible characters around".to_owned());
    }
    let quotes = ['"', '\'', '`'];
    (value.starts_with(quotes) || value.ends_with(quotes)).then(|| "quotes left inside".to_owned())
}
