//! [`ProblemKind::PasteResidue`]: whitespace, quotes or control characters left around a
//! pasted value.

use super::context::{at, Context};
use super::findings::Findings;
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

/// Characters that never belong in a setting and are invisible when pasted.
const INVISIBLE: [char; 4] = ['\u{200b}', '\u{200c}', '\u{200d}', '\u{feff}'];

/// `value` without what a paste may leave in and around it: control and invisible characters,
/// whitespace, quotes and a stray backslash. Other rules recognise a value through it (a
/// quoted placeholder is still a placeholder).
pub(crate) fn without_residue(value: &str) -> String {
    let cleaned: String = value
        .chars()
        .filter(|c| !c.is_control() && !INVISIBLE.contains(c))
        .collect();
    let core = cleaned.trim().trim_matches(['"', '\'', '`', '\\']).trim();
    core.to_owned()
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
