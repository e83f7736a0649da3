//! [`ProblemKind::Swapped`]: a setting holding another's value.

use crate::mask::Masked;
use crate::names::{classify, public_prefix, Field};

use super::context::{at, Context};
use super::findings::Findings;
use super::problem::{Problem, ProblemKind};
use super::settings::{is_digits, is_hex20};

/// On Pusher's service the app id is digits and the key 20 hex characters: each in the
/// other's place means they were exchanged.
pub(crate) fn check_app_id_and_key(cx: &Context, out: &mut Findings) {
    if !cx.is_server() || !cx.is_hosted() {
        return;
    }
    let (Some((id_name, id)), Some((key_name, key))) =
        (cx.value_of(Field::AppId), cx.value_of(Field::Key))
    else {
        return;
    };
    if !(is_hex20(&id.value) && is_digits(&key.value)) {
        return;
    }
    let message = format!(
        "{} and {} look swapped: the app id holds a key {} and the key holds digits {}",
        at(id_name, id),
        at(key_name, key),
        Masked(&id.value),
        Masked(&key.value)
    );
    let help = format!("exchange the values of `{id_name}` and `{key_name}`");
    out.explains(
        Problem::new(ProblemKind::Swapped, id_name, message).help(help),
        &[id_name, key_name],
    );
}

/// The secret's value in another server setting (the cluster, the host, …): pasted in the
/// wrong place.
pub(crate) fn check_secret_in_server_setting(cx: &Context, out: &mut Findings) {
    let Some((secret_name, holders)) = cx.holding_the_secret() else {
        return;
    };
    let server_settings = holders.into_iter().filter(|(name, _)| {
        public_prefix(name).is_none() && classify(name).is_some_and(|k| k.public.is_none())
    });
    for (name, var) in server_settings {
        let message = format!("{} holds the value of `{secret_name}`", at(name, var));
        let help =
            format!("set `{name}` to its own value; the secret belongs in `{secret_name}` only");
        out.own(Problem::new(ProblemKind::Swapped, name, message).help(help));
    }
}
