//! Unit tests of every rule of [`check`], on in-memory maps: one file per [`ProblemKind`],
//! named by its [`ProblemKind::code`], and a few about what cuts across the kinds.
//!
//! Every test that reads a field of [`Checked`] (or its `Debug`) is in `passes`, whatever mode
//! it checks. All credentials here are made up (random hex, or random text in another
//! provider's shape), except Pusher's published documentation examples where a test is about
//! them.

use super::*;
use crate::source::EnvFileError;
use crate::source::{Origin, Vars};

mod app_id_as_key;
mod client_mode;
mod empty;
mod env_file;
mod exposed_secret;
mod foreign_credential;
mod format;
mod key_equals_secret;
mod masking;
mod mismatch;
mod missing;
mod passes;
mod paste_residue;
mod placeholder;
mod pusher_url;
mod report;
mod reverb;
mod swapped;

// Made-up hosted credentials: 20 lowercase hex characters each, app id digits.
const APP_ID: &str = "2086431";
const KEY: &str = "76bf3c472549d2e1c787";
const SECRET: &str = "8f04dc5bdb1d008a871c";
const OTHER_KEY: &str = "60d9d446e62ac3f38311";
const OTHER_SECRET: &str = "d5bae1d73d44f1000df9";

// Made-up values in Stripe's shapes.
const STRIPE_PK_LIVE: &str =
    "pk_live_51ILKVqMUOX33pjpuFdWJJ6mseNrLYm11y8xpGNBMpTpNtC6eJXmnnnZM88sJU";
const STRIPE_PK_TEST: &str =
    "pk_test_51l4CvQrDEoSSA5ckIMJ8W8QiBLrYQIZwqxRlD4n35TdoROArP0NWY4V31UphF";
const STRIPE_SK_LIVE: &str =
    "sk_live_51Oqi4jyvkxrcv1HZwpWRK94LyRAAqRZQSun3ODp28CtsXSBfX168YdWXyvAgk";
const STRIPE_SK_TEST: &str =
    "sk_test_51eZkfTdjoybrHIx1gvyKo6bSzN1Lx5NIzZeNLRHEMyTHfC2x3vdrpMmmbCuxN";
const STRIPE_RK_LIVE: &str =
    "rk_live_51Eu27idawU08Fpd6LdPQnR6vRAKy1wPyGxzz5KylS5wKtHVXBFgQYqWVpJX20";
const STRIPE_RK_TEST: &str =
    "rk_test_51w5zwopNpALqYpD5uZ2xyhvNxGinO89aXtdwKf0PdvYB3KbZnKsgTKi2uDpej";
const STRIPE_WHSEC: &str = "whsec_F1QacgXph3xan8swsaPteXvfmMHO6vxM";

const STRIPE_VALUES: [&str; 7] = [
    STRIPE_PK_LIVE,
    STRIPE_PK_TEST,
    STRIPE_SK_LIVE,
    STRIPE_SK_TEST,
    STRIPE_RK_LIVE,
    STRIPE_RK_TEST,
    STRIPE_WHSEC,
];

/// Variables to check, in order: `[(name, value), …]`, [`hosted`] or
/// [`one_word_self_hosted`], changed with [`Env::set`] and [`Env::unset`].
#[derive(Clone, Debug)]
struct Env {
    pairs: Vec<(String, String)>,
}

impl Env {
    /// `self` with `name` set to `value`, last (an earlier value of `name` is removed).
    fn set(mut self, name: &str, value: &str) -> Self {
        self.pairs.retain(|(n, _)| n != name);
        self.pairs.push((name.to_owned(), value.to_owned()));
        self
    }

    /// `self` without `name`.
    fn unset(mut self, name: &str) -> Self {
        self.pairs.retain(|(n, _)| n != name);
        self
    }
}

impl From<&[(&str, &str)]> for Env {
    fn from(pairs: &[(&str, &str)]) -> Self {
        let pairs = pairs.iter().map(|&(n, v)| (n.to_owned(), v.to_owned()));
        Self {
            pairs: pairs.collect(),
        }
    }
}

impl<const N: usize> From<[(&str, &str); N]> for Env {
    fn from(pairs: [(&str, &str); N]) -> Self {
        Self::from(&pairs[..])
    }
}

impl From<&Env> for Env {
    fn from(env: &Env) -> Self {
        env.clone()
    }
}

/// A valid hosted configuration with Next.js-style names.
fn hosted() -> Env {
    Env::from([
        ("PUSHER_APP_ID", APP_ID),
        ("PUSHER_KEY", KEY),
        ("PUSHER_SECRET", SECRET),
        ("PUSHER_CLUSTER", "eu"),
    ])
}

/// A self-hosted development setup with one short word for everything.
fn one_word_self_hosted(word: &str) -> Env {
    Env::from([
        ("PUSHER_APP_ID", word),
        ("PUSHER_KEY", word),
        ("PUSHER_SECRET", word),
        ("PUSHER_HOST", "soketi"),
    ])
}

/// `env` as [`Vars`] given by the caller ([`Origin::Given`]).
fn vars(env: impl Into<Env>) -> Vars {
    Vars::from_pairs(env.into().pairs)
}

/// A checked configuration's values, flat, for assertions.
#[derive(Debug)]
struct Values {
    app_id: Option<String>,
    key: String,
    secret: Option<String>,
    cluster: Option<String>,
    host: Option<String>,
    port: Option<u16>,
    scheme: Option<crate::Scheme>,
}

/// The values of what [`check`] returns for `env` in `mode`, after checking it passes.
fn pass(env: impl Into<Env>, mode: Mode) -> Values {
    match check(&vars(env), mode) {
        Ok(checked) => values(&checked),
        Err(problems) => panic!("expected no problem, got:\n{problems}"),
    }
}

/// `checked`'s values; the app id and secret only in a server's.
fn values(checked: &Checked) -> Values {
    let public = checked.public();
    let server = checked.server();
    Values {
        app_id: server.map(|s| s.app_id().as_str().to_owned()),
        key: public.key().as_str().to_owned(),
        secret: server.map(|s| s.secret().expose_secret().to_owned()),
        cluster: Some(public.cluster().as_str().to_owned()),
        host: public.host().map(|h| h.as_str().to_owned()),
        port: public.port(),
        scheme: public.scheme_is_set().then(|| public.scheme()),
    }
}

/// The problems [`check`] finds in `env` in `mode`, after checking there are some.
fn fail(env: impl Into<Env>, mode: Mode) -> Problems {
    match check(&vars(env), mode) {
        Ok(checked) => panic!("expected problems, got {checked:?}"),
        Err(problems) => problems,
    }
}

/// [`fail`] in [`Mode::Server`].
fn server_fail(env: impl Into<Env>) -> Problems {
    fail(env, Mode::Server)
}

/// `(kind, var)` of each problem, in report order.
fn kinds(problems: &Problems) -> Vec<(ProblemKind, &str)> {
    problems.iter().map(|p| (p.kind, p.var.as_str())).collect()
}

/// The only problem, after checking it is the only one and of `kind` about `var`.
fn only(problems: &Problems, kind: ProblemKind, var: &str) -> Problem {
    assert_eq!(kinds(problems), [(kind, var)], "{problems}");
    problems.iter().next().cloned().expect("one problem")
}

/// Whether `text` shows 9 or more consecutive characters of `value` (a mask shows at most 8:
/// a provider's prefix such as `pk_live_`, or 4 characters of a Pusher key), or, for a value
/// shorter than that (a 7-digit app id), the whole value as a word of its own.
fn leaks(text: &str, value: &str) -> bool {
    let chars: Vec<char> = value.chars().collect();
    if chars.len() < 9 {
        let apart = |c: Option<char>| !c.is_some_and(|c| c.is_ascii_alphanumeric());
        return text.match_indices(value).any(|(at, _)| {
            apart(text[..at].chars().next_back()) && apart(text[at + value.len()..].chars().next())
        });
    }
    chars
        .windows(9)
        .any(|window| text.contains(&window.iter().collect::<String>()))
}

/// Checks that `problems` do not show `value` (see [`leaks`]).
fn assert_no_leak(problems: &Problems, value: &str) {
    let shown = problems.to_string();
    assert!(!leaks(&shown, value), "`{value}` shown in:\n{shown}");
}
