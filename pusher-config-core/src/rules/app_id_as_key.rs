//! [`ProblemKind::AppIdAsKey`]: the app id pasted where the key belongs.

use crate::mask::Masked;
use crate::names::Field;

use super::context::{at, Context, DASHBOARD};
use super::findings::Findings;
use super::problem::{Problem, ProblemKind};
use super::settings::is_digits;

/// On Pusher's service, a key of digits only is the app id.
pub(crate) fn check(cx: &Context, out: &mut Findings) {
    if !cx.is_hosted() {
        return;
    }
    for (name, var, field) in cx.own_values() {
        if field != Field::Key || !is_digits(&var.value) {
            continue;
        }
        let message = format!(
            "{} is only digits: an app id, not a key: {}",
            at(name, var),
            Masked(&var.value)
        );
        let help = format!("the key is 20 lowercase hex characters; copy it from {DASHBOARD}");
        out.own(Problem::new(ProblemKind::AppIdAsKey, name, message).help(help));
    }
}
