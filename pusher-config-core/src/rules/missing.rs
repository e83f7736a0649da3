//! [`ProblemKind::Missing`] and [`ProblemKind::Empty`]: a required setting without a value.

use crate::names::{classify, public_prefix, Field, Mode};
use crate::source::Var;

use super::clusters::{cluster_list, edit_distance};
use super::context::{at, Context, DASHBOARD};
use super::findings::Findings;
use super::problem::{Problem, ProblemKind};

/// A required setting (app id, key and secret on a server, the key in a client, the cluster
/// unless a host is set) not set, or set to the empty string; the help points at what is
/// there instead: a misspelt name, a public mirror only, Laravel Reverb's names.
pub(crate) fn check(cx: &Context, out: &mut Findings) {
    let has_host = cx.value_of(Field::Host).is_some();
    for field in [Field::AppId, Field::Key, Field::Secret, Field::Cluster] {
        let optional = field == Field::Cluster && has_host;
        if !cx.mode.reads(field) || optional || cx.value_of(field).is_some() {
            continue;
        }
        let name = field.names()[0];
        let empty = field
            .names()
            .iter()
            .find_map(|n| cx.vars.get(n).map(|var| (*n, var)));
        let problem = match empty {
            Some((empty_name, var)) => Problem::new(
                ProblemKind::Empty,
                empty_name,
                format!("{} is empty", at(empty_name, var)),
            ),
            None => Problem::new(
                ProblemKind::Missing,
                name,
                format!("`{name}` is not set{}", searched(cx)),
            ),
        };
        let help = match similar_name(cx, field) {
            Some((similar, var)) => format!(
                "{} looks like a misspelling of `{name}`; rename it",
                at(similar, var)
            ),
            None => missing_help(cx, field, empty.map(|(n, _)| n)),
        };
        let var = problem.var.clone();
        out.between(problem.help(help), &[&var]);
    }
}

/// ` in .env or the process environment`: where the value was looked for.
fn searched(cx: &Context) -> String {
    match cx.vars.searched() {
        [] => String::new(),
        [only] => format!(" in {only}"),
        [init @ .., last] => format!(" in {} or {last}", init.join(", ")),
    }
}

/// A variable whose name is a near miss of one of `field`'s names: `PUSHER_APPID`,
/// `PUSHER_KEYS`, `pusher_key`.
fn similar_name<'a>(cx: &Context<'a>, field: Field) -> Option<(&'a str, &'a Var)> {
    let squash = |s: &str| s.to_ascii_uppercase().replace(['_', '-'], "");
    cx.vars.iter().find(|(candidate, _)| {
        classify(candidate).is_none()
            && public_prefix(candidate).is_none()
            && field.names().iter().any(|name| {
                let upper = candidate.to_ascii_uppercase();
                squash(candidate) == squash(name) || edit_distance(&upper, name) <= 2
            })
    })
}

/// How to set a required `field` that has no value, from what else is there: its public
/// mirror only, or a template of `.env` (`.env.example`) where no `.env` is.
fn missing_help(cx: &Context, field: Field, empty: Option<&str>) -> String {
    let mirror = cx
        .mirrors(field)
        .into_iter()
        .find(|(_, var)| !var.value.is_empty())
        .filter(|_| cx.is_server());
    match (mirror, cx.vars.template()) {
        (Some((mirror, _)), _) => format!(
            "`{mirror}` is set, but the server reads `{}`: set it to the same value",
            empty.unwrap_or(field.names()[0])
        ),
        (None, Some(template)) => format!(
            "copy `{template}` to `.env` and set its values (`cp {template} .env`), or set `{}` in the environment; to build without the real settings (CI, forks), point `PUSHER_CONFIG_ENV_FILE` at a committed file of made-up values",
            field.names()[0]
        ),
        (None, None) => required_help(field, cx.mode, empty),
    }
}

/// How to set a required `field`: the name already there but empty (`PUSHER_APP_KEY=` in a
/// Laravel `.env`), else the Next.js-style name with the Laravel one as an alternative.
fn required_help(field: Field, mode: Mode, empty: Option<&str>) -> String {
    let first = field.names()[0];
    let laravel = field.laravel_name();
    let (name, also) = match empty {
        Some(empty) => (empty, String::new()),
        None if laravel != first => (first, format!(" (Laravel's `{laravel}` works too)")),
        None => (first, String::new()),
    };
    match field {
        Field::Cluster => format!(
            "set `{name}`{also} to your app's cluster, one of {}; or set `PUSHER_HOST` for a self-hosted server",
            cluster_list()
        ),
        Field::Key if mode == Mode::Client => format!(
            "set `{name}`{also} or a public mirror such as `NEXT_PUBLIC_PUSHER_KEY` to the key from {DASHBOARD}"
        ),
        _ => format!("set `{name}`{also} to the {} from {DASHBOARD}", field.what()),
    }
}
