//! [`ProblemKind::ExposedSecret`]: a secret where a browser would get it.

use crate::names::{self, classify, public_prefix, Field};
use crate::source::Var;

use super::context::{at, Context};
use super::findings::Findings;
use super::problem::{Problem, ProblemKind};
use super::shown;

/// A public-prefixed variable whose name says `SECRET` ships to every browser, whatever it
/// holds.
pub(crate) fn check_secret_named_public(cx: &Context, out: &mut Findings) {
    for (name, var) in cx.vars.iter() {
        let Some(prefix) = public_prefix(name) else {
            continue;
        };
        if !names::names_a_secret(name) || var.value.trim().is_empty() {
            continue;
        }
        let help = if name.to_ascii_uppercase().contains("PUSHER") {
            format!("delete `{name}`; only the key and cluster (or host) belong in public variables, the secret stays in `PUSHER_SECRET` on the server")
        } else {
            format!("keep secrets in server-only variables, without the `{prefix}` prefix, and if `{name}` was ever deployed, rotate it")
        };
        let message = format!(
            "{} puts a secret in the browser bundle; every `{prefix}` variable ships to every browser",
            at(name, var)
        );
        out.own(Problem::new(ProblemKind::ExposedSecret, name, message).help(help));
    }
}

/// A public value (a mirror, the key, any public-prefixed variable) expanded in a `.env` file
/// from a secret-named variable (`VITE_PUSHER_APP_KEY="${PUSHER_APP_SECRET}"`) ships that
/// secret, whatever its value: a client build, which never reads the secret, judges it by the
/// reference.
pub(crate) fn check_public_value_from_secret(cx: &Context, out: &mut Findings) {
    for (name, var) in cx.vars.iter() {
        let Some(secret) = &var.from_secret else {
            continue;
        };
        let known = classify(name);
        let public = match known {
            Some(known) => known.field.is_public(),
            None => public_prefix(name).is_some(),
        };
        if !public {
            continue;
        }
        let help = match known {
            Some(known) => {
                let laravel = known.field.laravel_name();
                format!(
                    "set `{name}` to the {} (Laravel writes `\"${{{laravel}}}\"`), and if it was ever deployed, {}",
                    known.field.what(),
                    cx.rotate()
                )
            }
            None => format!(
                "expand `{name}` from a public value, and if it was ever deployed, rotate the secret it was expanded from"
            ),
        };
        let message = format!(
            "{} is expanded from {}: the secret would ship to every browser",
            at(name, var),
            shown::reference(secret)
        );
        out.own(Problem::new(ProblemKind::ExposedSecret, name, message).help(help));
    }
}

/// The secret's value in a public variable: a mirror of another setting, or any
/// public-prefixed variable with the secret inside. (The key's mirrors have
/// [`check_mirror_holds_secret`].)
pub(crate) fn check_secret_in_public_variable(cx: &Context, out: &mut Findings) {
    let Some((secret_name, holders)) = cx.holding_the_secret() else {
        return;
    };
    for (name, var) in holders {
        if let Some(mirror) = classify(name).filter(|known| known.public.is_some()) {
            out.own(mirror_holds_secret(
                cx,
                mirror.field,
                (name, var),
                secret_name,
            ));
        } else if public_prefix(name).is_some() {
            let message = holds_the_secret(name, var, secret_name);
            let help = format!(
                "delete `{name}`, and if it was ever deployed, {}",
                cx.rotate()
            );
            out.own(Problem::new(ProblemKind::ExposedSecret, name, message).help(help));
        }
    }
}

/// The encryption master key's value in a public variable (any name: one named as a secret is
/// reported by [`check_secret_named_public`]): every channel's key derives from it.
pub(crate) fn check_master_key_in_public_variable(cx: &Context, out: &mut Findings) {
    let Some((key_name, key)) = cx
        .value_of(Field::EncryptionMasterKey)
        .filter(|_| cx.is_server())
    else {
        return;
    };
    for (name, var) in cx.vars.iter() {
        if public_prefix(name).is_none() || !var.value.contains(key.value.as_str()) {
            continue;
        }
        let message = format!(
            "{} holds the value of `{key_name}`: the encryption master key would ship to every browser",
            at(name, var)
        );
        let help = format!(
            "delete `{name}`, and if it was ever deployed, generate a new master key (`openssl rand -base64 32`)"
        );
        out.own(Problem::new(ProblemKind::ExposedSecret, name, message).help(help));
    }
}

/// A public mirror equal to the secret, unless it mirrors a key that equals the secret too (a
/// self-hosted `local`/`local` setup exposes nothing more). Found even where
/// [`Context::holding_the_secret`] does not look: the key's mirrors, and a malformed secret.
pub(crate) fn check_mirror_holds_secret(cx: &Context, out: &mut Findings) {
    let Some((secret_name, _)) = cx.value_of(Field::Secret).filter(|_| cx.is_server()) else {
        return;
    };
    for field in Field::ALL.into_iter().filter(|f| f.is_public()) {
        let server = cx.value_of(field);
        for (name, var) in cx.mirrors(field) {
            let mirrors_key =
                field == Field::Key && server.is_some_and(|(_, key)| key.value == var.value);
            if !var.value.is_empty() && cx.is_the_secret(&var.value) && !mirrors_key {
                out.own(mirror_holds_secret(cx, field, (name, var), secret_name));
            }
        }
    }
}

/// A mirror of `field` holding the secret; for the key's, the key and secret may be swapped.
fn mirror_holds_secret(
    cx: &Context,
    field: Field,
    (name, var): (&str, &Var),
    secret_name: &str,
) -> Problem {
    let key = cx.value_of(Field::Key);
    let swapped = field == Field::Key && key.is_some_and(|(_, key)| key.value != var.value);
    let mut message = holds_the_secret(name, var, secret_name);
    let help = if swapped {
        let key_name = key.map_or("PUSHER_KEY", |(n, _)| n);
        message.push_str(&format!("; `{key_name}` and `{secret_name}` look swapped"));
        format!(
            "exchange the values of `{key_name}` and `{secret_name}`, set `{name}` to the key, and if it was ever deployed, {}",
            cx.rotate()
        )
    } else {
        format!(
            "set `{name}` to the {}, and if it was ever deployed, {}",
            field.what(),
            cx.rotate()
        )
    };
    Problem::new(ProblemKind::ExposedSecret, name, message).help(help)
}

/// `` `NAME` in `.env` line 3 holds the value of `PUSHER_SECRET`: … ``
fn holds_the_secret(name: &str, var: &Var, secret_name: &str) -> String {
    format!(
        "{} holds the value of `{secret_name}`: the secret would ship to every browser",
        at(name, var)
    )
}
