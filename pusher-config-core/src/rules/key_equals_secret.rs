//! [`ProblemKind::KeyEqualsSecret`]: the key and the secret are one value.

use crate::names::Field;

use super::context::{at, Context, DASHBOARD};
use super::findings::Findings;
use super::problem::{Problem, ProblemKind};

/// On Pusher's service the key equal to the secret makes the secret public. (Self-hosted
/// development setups often use one word for both, such as `local`.)
pub(crate) fn check(cx: &Context, out: &mut Findings) {
    if !cx.is_server() || !cx.is_hosted() {
        return;
    }
    let (Some((key_name, key)), Some((secret_name, secret))) =
        (cx.value_of(Field::Key), cx.value_of(Field::Secret))
    else {
        return;
    };
    if key.value != secret.value {
        return;
    }
    let message = format!(
        "{} equals {}: the key is public, so the secret would be too",
        at(key_name, key),
        at(secret_name, secret)
    );
    let help = format!("copy both from {DASHBOARD}; they are different values");
    out.between(
        Problem::new(ProblemKind::KeyEqualsSecret, key_name, message).help(help),
        &[key_name, secret_name],
    );
}
