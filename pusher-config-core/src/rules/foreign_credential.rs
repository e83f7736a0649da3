//! [`ProblemKind::ForeignCredential`]: another service's credential in a Pusher setting.

use crate::mask::WithKnownPrefix;

use super::context::{at, Context, DASHBOARD};
use super::findings::Findings;
use super::paste_residue::without_residue;
use super::problem::{Problem, ProblemKind};
use super::providers;

/// A known service's token (Stripe's `pk_live_…`, AWS's `AKIA…`) in a Pusher setting, even
/// with paste residue around it.
pub(crate) fn check(cx: &Context, out: &mut Findings) {
    for (name, var, field) in cx.own_values() {
        let value = var.value.as_str();
        // Another service's token stays recognisable with residue around it.
        let core = without_residue(value);
        let Some(foreign) =
            providers::recognise(&core).or_else(|| providers::recognise_within(value))
        else {
            continue;
        };
        let masked = WithKnownPrefix {
            value: &core,
            known: foreign.prefix_len,
        };
        let mut help = if field.is_credential() {
            format!("copy the Pusher {} from {DASHBOARD}", field.what())
        } else {
            format!(
                "set `{name}` to the {} itself; no credential belongs there",
                field.what()
            )
        };
        if foreign.provider.starts_with("Stripe") && field.is_credential() {
            help.push_str("; a Pusher key or secret is 20 lowercase hex characters and never starts with `pk_`, `sk_`, `rk_` or `whsec_`");
        }
        let message = format!(
            "{} is {}, not a Pusher credential: {masked}",
            at(name, var),
            foreign.what
        );
        out.own(Problem::new(ProblemKind::ForeignCredential, name, message).help(help));
    }
}
