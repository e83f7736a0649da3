//! The rule set: the one place that decides whether a Pusher configuration is right.
//!
//! [`check`] takes a plain map of variables with their origin ([`Vars`]) and returns either
//! the typed configuration ([`Checked`]) or every [`Problem`] at once. `pusher_config!()` calls
//! it at compile time and `PusherConfig::from_env` at run time: one implementation, two
//! callers.
//!
//! Each kind of problem has its module, named after it, holding its rules:
//!
//! | kind | what it catches | example |
//! |---|---|---|
//! | [`ProblemKind::EnvFile`] | a `.env` file that cannot be read or parsed | `PUSHER_KEY 9c2e…` (no `=`) |
//! | [`ProblemKind::ExposedSecret`] | a secret where a browser would get it | `NEXT_PUBLIC_PUSHER_SECRET`, a public variable expanded from the secret |
//! | [`ProblemKind::ForeignCredential`] | another service's credential | `pk_live_…` (Stripe), `AKIA…` (AWS) |
//! | [`ProblemKind::Placeholder`] | a template value never replaced | `your_actual_pusher_key`, `${PUSHER_KEY}`, the docs' examples |
//! | [`ProblemKind::PasteResidue`] | whitespace, quotes or control characters around a value | `" a1b2…"`, `'a1b2…'` |
//! | [`ProblemKind::AppIdAsKey`] | the app id pasted as the key | `PUSHER_KEY=1234567` |
//! | [`ProblemKind::Format`] | a value not of its setting's format | a key not 20 lowercase hex, cluster `europe`, an encryption master key not 32 bytes of base64 |
//! | [`ProblemKind::Swapped`] | settings holding each other's values | app id and key exchanged, the secret in `PUSHER_CLUSTER` |
//! | [`ProblemKind::Mismatch`] | variables that must agree and do not | `NEXT_PUBLIC_PUSHER_KEY` ≠ `PUSHER_KEY`, `PUSHER_APP_KEY` ≠ `PUSHER_KEY` |
//! | [`ProblemKind::KeyEqualsSecret`] | the key equal to the secret | `PUSHER_KEY=$PUSHER_SECRET` |
//! | [`ProblemKind::Missing`] | a required variable not set | no `PUSHER_KEY` |
//! | [`ProblemKind::Empty`] | a required variable set to nothing | `PUSHER_KEY=` |
//!
//! The rules run in the order of the `RULES` table and none reads another's result. When two find
//! something about the same variable, the collector (`findings.rs`) reports the first: one
//! mistake is reported once (a Stripe key in the key and its mirror is a foreign credential
//! twice, not also a mismatch).
//!
//! With `PUSHER_HOST` set to a self-hosted server (soketi, sockudo, Laravel Reverb,
//! laravel-websockets) the cluster is optional and app id, key and secret may be any string
//! without whitespace; every other rule still applies.

mod app_id_as_key;
mod checked;
mod clusters;
mod context;
mod exposed_secret;
mod findings;
mod foreign_credential;
mod format;
mod key_equals_secret;
mod mismatch;
mod missing;
mod paste_residue;
mod placeholder;
mod problem;
mod providers;
mod pusher_url;
mod settings;
mod shown;
mod swapped;

pub use crate::names::Mode;
pub use checked::Checked;
pub use clusters::{suggest_cluster, CLUSTERS};
pub use problem::{Problem, ProblemKind, Problems};

#[cfg(feature = "rules")]
use crate::config::{PublicConfig, PusherConfig};
use crate::source::{EnvFileError, EnvFileErrorKind, Origin, Vars};
use context::Context;
use findings::Findings;

/// One rule: it reads the context and reports what it finds, whatever the other rules find.
type Rule = fn(&Context, &mut Findings);

/// Every rule, in the order that decides which of two findings about one variable is
/// reported: a secret's exposure first (no later message may quote it), then each value's
/// own mistakes from the most telling (another service's key) to its format, then the
/// relations between variables, then what is missing.
const RULES: &[Rule] = &[
    pusher_url::check,
    exposed_secret::check_secret_named_public,
    exposed_secret::check_public_value_from_secret,
    exposed_secret::check_secret_in_public_variable,
    exposed_secret::check_master_key_in_public_variable,
    swapped::check_secret_in_server_setting,
    swapped::check_app_id_and_key,
    foreign_credential::check,
    placeholder::check,
    paste_residue::check,
    app_id_as_key::check,
    format::check,
    format::check_pusher_host_names_a_cluster,
    format::check_raw_encryption_master_key,
    mismatch::check_pusher_host_and_cluster,
    mismatch::check_naming_schemes,
    exposed_secret::check_mirror_holds_secret,
    mismatch::check_mirrors,
    key_equals_secret::check,
    missing::check,
];

/// Checks a configuration: returns it typed, or every problem in report order.
///
/// ```
/// # extern crate pusher_config_core as pusher_config;
/// use pusher_config::rules::{check, Mode, ProblemKind};
/// use pusher_config::source::Vars;
///
/// let vars = Vars::from_pairs([
///     ("PUSHER_APP_ID", "1234567"),
///     ("PUSHER_KEY", "pk_live_51Hq2xK7f3Rb9QmZpL0sT4vW8yA1cE5gI7kM9oQ2sU4wY6"),
///     ("PUSHER_SECRET", "0f1e2d3c4b5a69788796"),
///     ("PUSHER_CLUSTER", "eu"),
/// ]);
/// let problems = check(&vars, Mode::Server).unwrap_err();
/// assert_eq!(problems.len(), 1);
/// assert!(problems.has(ProblemKind::ForeignCredential));
/// ```
pub fn check(vars: &Vars, mode: Mode) -> Result<Checked, Problems> {
    run(vars, &[], mode, checked::build)
}

/// [`check`] for variables read from `.env` files, some of which may have lines that did not
/// parse: the files' errors come first, then the rules' problems, except that nothing is
/// reported missing while a line did not parse (the variable may be on it).
///
/// `pusher_config!()` and the run-time loaders of `.env` files report through this.
#[doc(hidden)]
pub fn check_with_file_errors(
    vars: &Vars,
    file_errors: &[EnvFileError],
    mode: Mode,
) -> Result<Checked, Problems> {
    run(vars, file_errors, mode, checked::build)
}

/// [`check_with_file_errors`] of a server's whole configuration.
#[cfg(feature = "rules")]
pub(crate) fn check_server(
    vars: &Vars,
    file_errors: &[EnvFileError],
) -> Result<PusherConfig, Problems> {
    run(vars, file_errors, Mode::Server, checked::server)
}

/// [`check_with_file_errors`] of a client's public part.
#[cfg(feature = "rules")]
pub(crate) fn check_client(
    vars: &Vars,
    file_errors: &[EnvFileError],
) -> Result<PublicConfig, Problems> {
    run(vars, file_errors, Mode::Client, checked::public)
}

/// Every rule over `vars`, then `build` of the values if nothing was found.
fn run<T>(
    vars: &Vars,
    file_errors: &[EnvFileError],
    mode: Mode,
    build: fn(&Context) -> T,
) -> Result<T, Problems> {
    let expanded = pusher_url::expand(vars, mode);
    let cx = Context::new(expanded.as_ref().unwrap_or(vars), mode);
    let problems = problems(&cx, file_errors);
    if problems.is_empty() {
        Ok(build(&cx))
    } else {
        Err(problems)
    }
}

/// The files' errors, then every rule's problems, each with its variable's origin; nothing
/// reported missing while a line did not parse. Not generic, unlike [`run`], so that it is
/// compiled once.
fn problems(cx: &Context, file_errors: &[EnvFileError]) -> Problems {
    let mut findings = Findings::default();
    for rule in RULES {
        rule(cx, &mut findings);
    }
    let found = findings.into_problems();
    let unparsable = file_errors
        .iter()
        .any(|e| e.kind == EnvFileErrorKind::Unparsable);
    let mut problems = Vec::new();
    for error in file_errors {
        let mut problem = Problem::new(ProblemKind::EnvFile, &error.path, error.to_string());
        problem.origin = Some(Origin::EnvFile {
            path: error.path.clone(),
            line: error.line,
        });
        problems.push(problem);
    }
    for mut problem in found {
        if unparsable && problem.kind == ProblemKind::Missing {
            continue;
        }
        problem.origin = cx.vars.get(&problem.var).map(|var| var.origin.clone());
        problems.push(problem);
    }
    Problems(problems)
}

#[cfg(test)]
mod tests;
