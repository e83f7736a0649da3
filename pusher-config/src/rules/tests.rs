//! Unit tests of every rule of [`check`], on in-memory maps.
//!
//! All credentials here are made up (random hex, or random text in another provider's shape),
//! except Pusher's published documentation examples where a test is about them.

use super::*;
use crate::source::EnvFileError;
use crate::source::{Origin, Vars};

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

/// A valid hosted configuration with Next.js-style names.
fn hosted() -> Vec<(&'static str, String)> {
    vec![
        ("PUSHER_APP_ID", APP_ID.to_owned()),
        ("PUSHER_KEY", KEY.to_owned()),
        ("PUSHER_SECRET", SECRET.to_owned()),
        ("PUSHER_CLUSTER", "eu".to_owned()),
    ]
}

/// `base` with `name` set to `value` (replacing it if present).
fn with(
    mut base: Vec<(&'static str, String)>,
    name: &'static str,
    value: &str,
) -> Vec<(&'static str, String)> {
    base.retain(|(n, _)| *n != name);
    base.push((name, value.to_owned()));
    base
}

/// `base` without `name`.
fn without(mut base: Vec<(&'static str, String)>, name: &str) -> Vec<(&'static str, String)> {
    base.retain(|(n, _)| *n != name);
    base
}

fn vars(pairs: &[(&'static str, String)]) -> Vars {
    Vars::from_pairs(pairs.iter().map(|(n, v)| (*n, v.as_str())))
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

fn pass(pairs: &[(&'static str, String)], mode: Mode) -> Values {
    match check(&vars(pairs), mode) {
        Ok(checked) => values(&checked),
        Err(problems) => panic!("expected no problem, got:\n{problems}"),
    }
}

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

fn fail(pairs: &[(&'static str, String)], mode: Mode) -> Problems {
    match check(&vars(pairs), mode) {
        Ok(checked) => panic!("expected problems, got {checked:?}"),
        Err(problems) => problems,
    }
}

fn server_fail(pairs: &[(&'static str, String)]) -> Problems {
    fail(pairs, Mode::Server)
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

fn assert_no_leak(problems: &Problems, value: &str) {
    let shown = problems.to_string();
    assert!(!leaks(&shown, value), "`{value}` shown in:\n{shown}");
}

// 1. Valid configurations.

#[test]
fn valid_hosted_config_passes_and_checked_holds_the_values() {
    let checked = pass(&hosted(), Mode::Server);
    assert_eq!(checked.app_id.as_deref(), Some(APP_ID));
    assert_eq!(checked.key, KEY);
    assert_eq!(checked.secret.as_deref(), Some(SECRET));
    assert_eq!(checked.cluster.as_deref(), Some("eu"));
    assert_eq!(checked.host, None);
    assert_eq!(checked.port, None);
    assert_eq!(checked.scheme, None);
}

#[test]
fn valid_laravel_config_with_vite_mirrors_passes() {
    let pairs = [
        ("PUSHER_APP_ID", APP_ID),
        ("PUSHER_APP_KEY", KEY),
        ("PUSHER_APP_SECRET", SECRET),
        ("PUSHER_HOST", ""),
        ("PUSHER_PORT", "443"),
        ("PUSHER_SCHEME", "https"),
        ("PUSHER_APP_CLUSTER", "mt1"),
        ("VITE_PUSHER_APP_KEY", KEY),
        ("VITE_PUSHER_HOST", ""),
        ("VITE_PUSHER_PORT", "443"),
        ("VITE_PUSHER_SCHEME", "https"),
        ("VITE_PUSHER_APP_CLUSTER", "mt1"),
    ]
    .map(|(n, v)| (n, v.to_owned()));
    let checked = pass(&pairs, Mode::Server);
    assert_eq!(checked.app_id.as_deref(), Some(APP_ID));
    assert_eq!(checked.key, KEY);
    assert_eq!(checked.secret.as_deref(), Some(SECRET));
    assert_eq!(checked.cluster.as_deref(), Some("mt1"));
    assert_eq!(checked.host, None, "an empty `PUSHER_HOST` is no host");
    assert_eq!(checked.port, Some(443));
    assert_eq!(checked.scheme, Some(crate::Scheme::Https));
}

#[test]
fn valid_self_hosted_config_with_soketi_defaults_passes_without_cluster() {
    let pairs = [
        ("PUSHER_HOST", "127.0.0.1"),
        ("PUSHER_PORT", "6001"),
        ("PUSHER_SCHEME", "http"),
        ("PUSHER_APP_ID", "app-id"),
        ("PUSHER_APP_KEY", "app-key"),
        ("PUSHER_APP_SECRET", "app-secret"),
    ]
    .map(|(n, v)| (n, v.to_owned()));
    let checked = pass(&pairs, Mode::Server);
    assert_eq!(checked.app_id.as_deref(), Some("app-id"));
    assert_eq!(checked.key, "app-key");
    assert_eq!(checked.secret.as_deref(), Some("app-secret"));
    // Pusher's libraries' default, as pusher-js requires one.
    assert_eq!(checked.cluster.as_deref(), Some(crate::DEFAULT_CLUSTER));
    assert_eq!(checked.host.as_deref(), Some("127.0.0.1"));
    assert_eq!(checked.port, Some(6001));
    assert_eq!(checked.scheme, Some(crate::Scheme::Http));
}

#[test]
fn reverb_like_config_with_long_random_key_passes() {
    let pairs = [
        ("PUSHER_HOST", "localhost"),
        ("PUSHER_PORT", "8080"),
        ("PUSHER_SCHEME", "http"),
        ("PUSHER_APP_ID", "508143"),
        ("PUSHER_APP_KEY", "iqxkae9bglddfo10yea6fgijrn4k8h36"),
        ("PUSHER_APP_SECRET", "pc025e80b2vt9hbpcl4ex6n65rf07f5w"),
        ("VITE_PUSHER_APP_KEY", "iqxkae9bglddfo10yea6fgijrn4k8h36"),
        ("VITE_PUSHER_HOST", "localhost"),
        ("VITE_PUSHER_PORT", "8080"),
        ("VITE_PUSHER_SCHEME", "http"),
    ]
    .map(|(n, v)| (n, v.to_owned()));
    let checked = pass(&pairs, Mode::Server);
    assert_eq!(checked.key, "iqxkae9bglddfo10yea6fgijrn4k8h36");
    assert_eq!(checked.host.as_deref(), Some("localhost"));
    assert_eq!(checked.port, Some(8080));
}

#[test]
fn random_keys_that_start_with_an_english_word_are_not_placeholders() {
    // 1 in 4096 real hosted keys starts with `add`; random self-hosted keys may start `my`.
    let hosted_key = "add3f9c0b17e4d5a6c28";
    pass(&with(hosted(), "PUSHER_KEY", hosted_key), Mode::Server);
    let self_hosted = [
        ("PUSHER_HOST", "ws.example.org"),
        ("PUSHER_APP_ID", "508143"),
        ("PUSHER_APP_KEY", "my4kq0x7lz2w9v3r8t1n"),
        ("PUSHER_APP_SECRET", "the8c2m5p0q7w1z4y6k3"),
    ]
    .map(|(n, v)| (n, v.to_owned()));
    pass(&self_hosted, Mode::Server);
}

// 2. Stripe keys.

#[test]
fn stripe_keys_in_any_pusher_variable_are_foreign_credentials() {
    let names = [
        "PUSHER_APP_ID",
        "PUSHER_KEY",
        "PUSHER_APP_KEY",
        "PUSHER_SECRET",
        "PUSHER_APP_SECRET",
        "PUSHER_CLUSTER",
        "PUSHER_APP_CLUSTER",
        "NEXT_PUBLIC_PUSHER_KEY",
        "VITE_PUSHER_APP_KEY",
    ];
    for name in names {
        for value in STRIPE_VALUES {
            let problems = server_fail(&with(hosted(), name, value));
            let problem = only(&problems, ProblemKind::ForeignCredential, name);
            assert!(problem.message.contains(&format!("`{name}`")), "{problem}");
            assert!(problem.message.contains("Stripe"), "{problem}");
            assert!(
                problem.message.contains("not a Pusher credential"),
                "{problem}"
            );
            let help = problem.help.as_deref().unwrap_or("");
            if name.contains("CLUSTER") {
                assert_eq!(
                    help,
                    format!("set `{name}` to the cluster itself; no credential belongs there"),
                    "{problem}"
                );
            } else {
                assert!(
                    help.contains("dashboard") && help.contains("App Keys"),
                    "{problem}"
                );
            }
            assert!(!problems.to_string().contains(value), "{problems}");
            assert_no_leak(&problems, value);
        }
    }
}

#[test]
fn stripe_key_message_shows_only_the_prefix() {
    let problems = server_fail(&with(hosted(), "PUSHER_KEY", STRIPE_PK_LIVE));
    let problem = only(&problems, ProblemKind::ForeignCredential, "PUSHER_KEY");
    let len = STRIPE_PK_LIVE.len();
    assert!(
        problem
            .message
            .ends_with(&format!("`pk_live_…` ({len} chars)")),
        "{problem}"
    );
}

// 3. The incident.

#[test]
fn incident_stripe_key_in_both_key_variables_is_two_foreign_credentials_and_no_mismatch() {
    let pairs = [
        ("PUSHER_APP_ID", APP_ID),
        ("PUSHER_KEY", STRIPE_PK_LIVE),
        ("PUSHER_SECRET", SECRET),
        ("PUSHER_CLUSTER", "eu"),
        ("NEXT_PUBLIC_PUSHER_KEY", STRIPE_PK_LIVE),
        ("NEXT_PUBLIC_PUSHER_CLUSTER", "eu"),
    ]
    .map(|(n, v)| (n, v.to_owned()));
    let problems = server_fail(&pairs);
    assert_eq!(
        kinds(&problems),
        [
            (ProblemKind::ForeignCredential, "PUSHER_KEY"),
            (ProblemKind::ForeignCredential, "NEXT_PUBLIC_PUSHER_KEY"),
        ],
        "{problems}"
    );
    assert!(!problems.has(ProblemKind::Mismatch));
    assert_no_leak(&problems, STRIPE_PK_LIVE);
}

// 4. Mismatches.

#[test]
fn public_mirrors_that_differ_from_the_server_values_are_mismatches_naming_both() {
    let pairs = [
        ("NEXT_PUBLIC_PUSHER_KEY", OTHER_KEY),
        ("NEXT_PUBLIC_PUSHER_CLUSTER", "us2"),
    ]
    .map(|(n, v)| (n, v.to_owned()));
    let mut config = hosted();
    config.extend(pairs);
    let problems = server_fail(&config);
    assert_eq!(
        kinds(&problems),
        [
            (ProblemKind::Mismatch, "NEXT_PUBLIC_PUSHER_KEY"),
            (ProblemKind::Mismatch, "NEXT_PUBLIC_PUSHER_CLUSTER"),
        ],
        "{problems}"
    );
    let [key, cluster] = [0, 1].map(|i| {
        problems
            .iter()
            .nth(i)
            .expect("two problems")
            .message
            .clone()
    });
    assert!(
        key.contains("`NEXT_PUBLIC_PUSHER_KEY`") && key.contains("`PUSHER_KEY`"),
        "{key}"
    );
    assert!(
        cluster.contains("`NEXT_PUBLIC_PUSHER_CLUSTER`") && cluster.contains("`PUSHER_CLUSTER`"),
        "{cluster}"
    );
    assert!(
        cluster.contains("`us2`") && cluster.contains("`eu`"),
        "{cluster}"
    );
    assert_no_leak(&problems, KEY);
    assert_no_leak(&problems, OTHER_KEY);
}

#[test]
fn next_and_laravel_names_that_disagree_are_a_mismatch_naming_both() {
    let problems = server_fail(&with(hosted(), "PUSHER_APP_KEY", OTHER_KEY));
    let problem = only(&problems, ProblemKind::Mismatch, "PUSHER_APP_KEY");
    assert!(problem.message.contains("`PUSHER_APP_KEY`"), "{problem}");
    assert!(problem.message.contains("`PUSHER_KEY`"), "{problem}");
    assert_no_leak(&problems, KEY);
    assert_no_leak(&problems, OTHER_KEY);
}

#[test]
fn next_and_laravel_names_that_agree_pass() {
    let config = with(
        with(hosted(), "PUSHER_APP_KEY", KEY),
        "PUSHER_APP_SECRET",
        SECRET,
    );
    pass(&config, Mode::Server);
}

// 5. Missing and empty.

#[test]
fn each_missing_required_variable_is_reported() {
    for name in [
        "PUSHER_APP_ID",
        "PUSHER_KEY",
        "PUSHER_SECRET",
        "PUSHER_CLUSTER",
    ] {
        let problems = server_fail(&without(hosted(), name));
        let problem = only(&problems, ProblemKind::Missing, name);
        assert_eq!(problem.message, format!("`{name}` is not set"), "{problem}");
        let help = problem.help.as_deref().unwrap_or("");
        assert!(help.contains(&format!("set `{name}`")), "{problem}");
    }
}

#[test]
fn missing_key_help_mentions_the_laravel_name() {
    let problems = server_fail(&without(hosted(), "PUSHER_KEY"));
    let problem = only(&problems, ProblemKind::Missing, "PUSHER_KEY");
    assert!(
        problem
            .help
            .as_deref()
            .unwrap_or("")
            .contains("`PUSHER_APP_KEY`"),
        "{problem}"
    );
}

#[test]
fn missing_cluster_help_lists_clusters_and_host() {
    let problems = server_fail(&without(hosted(), "PUSHER_CLUSTER"));
    let problem = only(&problems, ProblemKind::Missing, "PUSHER_CLUSTER");
    let help = problem.help.as_deref().unwrap_or("");
    assert!(
        help.contains("`mt1`") && help.contains("`sa1`") && help.contains("PUSHER_HOST"),
        "{problem}"
    );
}

#[test]
fn each_empty_required_variable_is_reported_as_empty() {
    for name in [
        "PUSHER_APP_ID",
        "PUSHER_KEY",
        "PUSHER_SECRET",
        "PUSHER_CLUSTER",
    ] {
        let problems = server_fail(&with(hosted(), name, ""));
        let problem = only(&problems, ProblemKind::Empty, name);
        assert!(
            problem.message.contains(&format!("`{name}`")) && problem.message.contains("is empty"),
            "{problem}"
        );
    }
}

#[test]
fn empty_laravel_name_is_reported_under_its_own_name() {
    let config = with(without(hosted(), "PUSHER_KEY"), "PUSHER_APP_KEY", "");
    let problems = server_fail(&config);
    only(&problems, ProblemKind::Empty, "PUSHER_APP_KEY");
}

#[test]
fn misspelt_names_are_suggested() {
    let cases = [
        ("PUSHER_APP_ID", "PUSHER_APPID", APP_ID),
        ("PUSHER_KEY", "PUSHER_KEYS", KEY),
        ("PUSHER_KEY", "pusher_key", KEY),
    ];
    for (right, wrong, value) in cases {
        let config = with(without(hosted(), right), wrong, value);
        let problems = server_fail(&config);
        let problem = only(&problems, ProblemKind::Missing, right);
        let help = problem.help.as_deref().unwrap_or("");
        assert!(
            help.contains(&format!("`{wrong}`"))
                && help.contains(&format!("misspelling of `{right}`")),
            "{problem}"
        );
    }
}

// 6. Formats.

#[test]
fn app_id_that_is_not_digits_is_a_format_error() {
    let problems = server_fail(&with(hosted(), "PUSHER_APP_ID", "20864a1"));
    let problem = only(&problems, ProblemKind::Format, "PUSHER_APP_ID");
    assert!(problem.message.contains("digits only"), "{problem}");
}

#[test]
fn key_and_secret_not_20_lowercase_hex_are_format_errors() {
    let cases = [
        ("76bf3c472549d2e1c78", "has 19 characters"),
        ("76bf3c472549d2e1c787a", "has 21 characters"),
        ("76BF3C472549D2E1C787", "uppercase"),
        (
            "76bf3c472549d2e1c78z",
            "expected 20 lowercase hex characters",
        ),
    ];
    for name in ["PUSHER_KEY", "PUSHER_SECRET"] {
        for (value, why) in cases {
            let problems = server_fail(&with(hosted(), name, value));
            let problem = only(&problems, ProblemKind::Format, name);
            assert!(problem.message.contains(why), "{value}: {problem}");
            assert_no_leak(&problems, value);
        }
    }
}

#[test]
fn unknown_cluster_suggests_the_near_one() {
    for value in ["europe", "EU", "eu1"] {
        let problems = server_fail(&with(hosted(), "PUSHER_CLUSTER", value));
        let problem = only(&problems, ProblemKind::Format, "PUSHER_CLUSTER");
        assert!(
            problem
                .message
                .contains(&format!("is `{value}`, not a Pusher cluster")),
            "{problem}"
        );
        assert!(problem.message.contains("did you mean `eu`?"), "{problem}");
    }
    let problems = server_fail(&with(hosted(), "PUSHER_CLUSTER", "mars"));
    let problem = only(&problems, ProblemKind::Format, "PUSHER_CLUSTER");
    assert!(
        problem.message.contains("expected one of `mt1`"),
        "{problem}"
    );
}

#[test]
fn every_public_cluster_passes() {
    for cluster in CLUSTERS {
        let checked = pass(&with(hosted(), "PUSHER_CLUSTER", cluster), Mode::Server);
        assert_eq!(checked.cluster.as_deref(), Some(cluster));
    }
}

// 7. Key equals secret, app id as key, swaps.

#[test]
fn key_equal_to_secret_is_reported() {
    let problems = server_fail(&with(hosted(), "PUSHER_SECRET", KEY));
    let problem = only(&problems, ProblemKind::KeyEqualsSecret, "PUSHER_KEY");
    assert!(
        problem.message.contains("`PUSHER_KEY`") && problem.message.contains("`PUSHER_SECRET`"),
        "{problem}"
    );
    assert_no_leak(&problems, KEY);
}

#[test]
fn key_of_digits_only_is_the_app_id_as_key() {
    let problems = server_fail(&with(hosted(), "PUSHER_KEY", "4471902"));
    let problem = only(&problems, ProblemKind::AppIdAsKey, "PUSHER_KEY");
    assert!(problem.message.contains("only digits"), "{problem}");
    assert!(!problem.message.contains("4471902"), "{problem}");
}

#[test]
fn app_id_and_key_exchanged_are_swapped() {
    let config = with(with(hosted(), "PUSHER_APP_ID", KEY), "PUSHER_KEY", APP_ID);
    let problems = server_fail(&config);
    let problem = only(&problems, ProblemKind::Swapped, "PUSHER_APP_ID");
    assert!(
        problem.message.contains("`PUSHER_APP_ID`") && problem.message.contains("`PUSHER_KEY`"),
        "{problem}"
    );
    assert!(problem.message.contains("swapped"), "{problem}");
    assert_no_leak(&problems, KEY);
}

#[test]
fn key_and_secret_exchanged_are_caught_by_the_public_key_equal_to_the_secret() {
    // The browser has the right key; on the server, key and secret were exchanged.
    let config = [
        ("PUSHER_APP_ID", APP_ID),
        ("PUSHER_KEY", SECRET),
        ("PUSHER_SECRET", KEY),
        ("PUSHER_CLUSTER", "eu"),
        ("NEXT_PUBLIC_PUSHER_KEY", KEY),
    ]
    .map(|(n, v)| (n, v.to_owned()));
    let problems = server_fail(&config);
    let problem = only(
        &problems,
        ProblemKind::ExposedSecret,
        "NEXT_PUBLIC_PUSHER_KEY",
    );
    assert!(problem.message.contains("`PUSHER_SECRET`"), "{problem}");
    assert!(
        problem
            .message
            .contains("`PUSHER_KEY` and `PUSHER_SECRET` look swapped"),
        "{problem}"
    );
    assert!(
        problem.help.as_deref().unwrap_or("").contains("rotate"),
        "{problem}"
    );
    assert_no_leak(&problems, KEY);
    assert_no_leak(&problems, SECRET);
}

// 8. Paste residue.

#[test]
fn whitespace_and_quotes_left_in_a_value_are_paste_residue() {
    let cases = [
        (format!(" {KEY}"), "whitespace"),
        (format!("{KEY} "), "whitespace"),
        (format!("{KEY}\t"), "whitespace"),
        (format!("\u{200b}{KEY}"), "invisible"),
        (format!("\"{KEY}\""), "quotes"),
        (format!("'{KEY}'"), "quotes"),
        (format!("{KEY}\""), "quotes"),
    ];
    for (value, why) in &cases {
        for name in ["PUSHER_KEY", "PUSHER_SECRET"] {
            let problems = server_fail(&with(hosted(), name, value));
            let problem = only(&problems, ProblemKind::PasteResidue, name);
            assert!(problem.message.contains(why), "{value:?}: {problem}");
            assert_no_leak(&problems, KEY);
        }
    }
    let problems = server_fail(&with(hosted(), "PUSHER_CLUSTER", "eu "));
    only(&problems, ProblemKind::PasteResidue, "PUSHER_CLUSTER");
}

// 9. Placeholders.

#[test]
fn placeholders_in_key_and_secret_are_reported() {
    let values = [
        "your_actual_pusher_key",
        "your-pusher-secret",
        "changeme",
        "xxx",
        "<key>",
        "${PUSHER_KEY}",
        "TODO",
        "...",
    ];
    for name in ["PUSHER_KEY", "PUSHER_SECRET"] {
        for value in values {
            let problems = server_fail(&with(hosted(), name, value));
            let problem = only(&problems, ProblemKind::Placeholder, name);
            assert!(
                problem.message.contains("is a placeholder"),
                "{value}: {problem}"
            );
        }
    }
}

#[test]
fn incident_template_values_are_placeholders() {
    let config = [
        ("PUSHER_APP_ID", "your_actual_pusher_app_id"),
        ("PUSHER_KEY", "your_actual_pusher_key"),
        ("PUSHER_SECRET", "your_actual_pusher_secret"),
        ("PUSHER_CLUSTER", "eu"),
        ("NEXT_PUBLIC_PUSHER_KEY", "your_actual_pusher_key"),
        ("NEXT_PUBLIC_PUSHER_CLUSTER", "eu"),
    ]
    .map(|(n, v)| (n, v.to_owned()));
    let problems = server_fail(&config);
    assert_eq!(
        kinds(&problems),
        [
            (ProblemKind::Placeholder, "PUSHER_APP_ID"),
            (ProblemKind::Placeholder, "PUSHER_KEY"),
            (ProblemKind::Placeholder, "NEXT_PUBLIC_PUSHER_KEY"),
            (ProblemKind::Placeholder, "PUSHER_SECRET"),
        ],
        "{problems}"
    );
}

#[test]
fn a_variable_set_to_its_own_name_is_a_placeholder() {
    let problems = server_fail(&with(hosted(), "PUSHER_KEY", "PUSHER_KEY"));
    let problem = only(&problems, ProblemKind::Placeholder, "PUSHER_KEY");
    assert!(problem.message.contains("name"), "{problem}");
}

#[test]
fn unexpanded_reference_is_named_as_such() {
    let problems = server_fail(&with(hosted(), "PUSHER_SECRET", "${PUSHER_APP_SECRET}"));
    let problem = only(&problems, ProblemKind::Placeholder, "PUSHER_SECRET");
    assert!(
        problem.message.contains("unexpanded reference"),
        "{problem}"
    );
}

#[test]
fn pusher_documentation_examples_are_placeholders() {
    // Pusher's published worked example: app 3, key 278d…, secret 7ad3….
    let cases = [
        ("PUSHER_APP_ID", "3", "example app id"),
        ("PUSHER_KEY", "278d425bdf160c739803", "example key"),
        ("PUSHER_SECRET", "7ad3773142a6692b25b8", "example secret"),
    ];
    for (name, value, why) in cases {
        let problems = server_fail(&with(hosted(), name, value));
        let problem = only(&problems, ProblemKind::Placeholder, name);
        assert!(problem.message.contains(why), "{problem}");
    }
}

// 10. Other providers.

#[test]
fn other_providers_credentials_name_the_provider() {
    let cases = [
        ("AKIA4O1BMU5A43I61PH8", "AWS"),
        ("ghp_EbtD0ljoFZk4swmDQ8BZ0gTZqOGDFW0RD3D8", "GitHub"),
        (
            "sk-proj-ovukbOJlRoKoPn49pdfLT3BlbkFJZo0q5ZUPl5gwoUP0UwHP",
            "OpenAI",
        ),
        (
            "sk-ant-api03-3TggAUzP2RTD9h3RaGV28gNDz5BkYZ91tF9zUsLO",
            "Anthropic",
        ),
        (
            "sk-EJejm2WyzawNjWcg0fUWA0QMnqsQRpl0wSd4ZzpN",
            "OpenAI, Anthropic, OpenRouter",
        ),
        (
            "sk_live_544d38da2a8e55b8d44fb3ef493790b1c9f84af4",
            "Paystack",
        ),
        // base64("calm-otter-42.clerk.accounts.dev$")
        (
            "pk_test_Y2FsbS1vdHRlci00Mi5jbGVyay5hY2NvdW50cy5kZXYk",
            "Clerk",
        ),
        ("AIza5w4tbULqoRst3EeBjCVzGwH2DaK7gbYcWdX", "Google"),
        ("xoxb-362068165286-sAwxmiKpx1VHW8jRlHy7bqKR", "Slack"),
    ];
    for (value, provider) in cases {
        for name in ["PUSHER_KEY", "PUSHER_SECRET"] {
            let problems = server_fail(&with(hosted(), name, value));
            let problem = only(&problems, ProblemKind::ForeignCredential, name);
            assert!(problem.message.contains(provider), "{provider}: {problem}");
            assert!(
                problem.message.contains("not a Pusher credential"),
                "{problem}"
            );
            assert_no_leak(&problems, value);
        }
    }
}

#[test]
fn paystack_and_clerk_keys_are_not_called_stripe() {
    for value in [
        "sk_live_544d38da2a8e55b8d44fb3ef493790b1c9f84af4",
        "pk_test_Y2FsbS1vdHRlci00Mi5jbGVyay5hY2NvdW50cy5kZXYk",
    ] {
        let problems = server_fail(&with(hosted(), "PUSHER_KEY", value));
        let problem = only(&problems, ProblemKind::ForeignCredential, "PUSHER_KEY");
        assert!(!problem.message.contains("Stripe"), "{problem}");
    }
}

#[test]
fn foreign_credential_wrapped_in_quotes_is_still_recognised() {
    let problems = server_fail(&with(
        hosted(),
        "PUSHER_KEY",
        &format!("\"{STRIPE_PK_LIVE}\""),
    ));
    let problem = only(&problems, ProblemKind::ForeignCredential, "PUSHER_KEY");
    assert!(problem.message.contains("Stripe"), "{problem}");
    assert_no_leak(&problems, STRIPE_PK_LIVE);
}

// 11. Exposed secret.

#[test]
fn next_public_secret_variable_is_an_exposed_secret() {
    let problems = server_fail(&with(hosted(), "NEXT_PUBLIC_PUSHER_SECRET", SECRET));
    let problem = only(
        &problems,
        ProblemKind::ExposedSecret,
        "NEXT_PUBLIC_PUSHER_SECRET",
    );
    assert!(problem.message.contains("`NEXT_PUBLIC_`"), "{problem}");
    assert!(problem.message.contains("browser"), "{problem}");
    assert_no_leak(&problems, SECRET);
}

#[test]
fn vite_secret_variable_is_an_exposed_secret_even_with_another_value() {
    let problems = server_fail(&with(hosted(), "VITE_PUSHER_APP_SECRET", OTHER_SECRET));
    only(
        &problems,
        ProblemKind::ExposedSecret,
        "VITE_PUSHER_APP_SECRET",
    );
    assert_no_leak(&problems, OTHER_SECRET);
}

#[test]
fn empty_public_secret_variable_is_not_reported() {
    pass(&with(hosted(), "VITE_PUSHER_APP_SECRET", ""), Mode::Server);
}

#[test]
fn public_variable_holding_the_secret_is_an_exposed_secret() {
    let problems = server_fail(&with(hosted(), "NEXT_PUBLIC_PUSHER_AUTH", SECRET));
    let problem = only(
        &problems,
        ProblemKind::ExposedSecret,
        "NEXT_PUBLIC_PUSHER_AUTH",
    );
    assert!(problem.message.contains("`PUSHER_SECRET`"), "{problem}");
    assert_no_leak(&problems, SECRET);
}

#[test]
fn public_key_mirror_holding_the_secret_is_an_exposed_secret() {
    let problems = server_fail(&with(hosted(), "VITE_PUSHER_KEY", SECRET));
    let problem = only(&problems, ProblemKind::ExposedSecret, "VITE_PUSHER_KEY");
    assert!(problem.message.contains("look swapped"), "{problem}");
    assert_no_leak(&problems, SECRET);
}

// 12. Self-hosted servers.

#[test]
fn host_makes_cluster_optional() {
    let config = with(
        without(hosted(), "PUSHER_CLUSTER"),
        "PUSHER_HOST",
        "ws.example.org",
    );
    let checked = pass(&config, Mode::Server);
    assert_eq!(checked.cluster.as_deref(), Some(crate::DEFAULT_CLUSTER));
    assert_eq!(checked.host.as_deref(), Some("ws.example.org"));
}

#[test]
fn pusher_com_host_keeps_hosted_formats() {
    let config = with(
        with(hosted(), "PUSHER_HOST", "api-eu.pusher.com"),
        "PUSHER_KEY",
        "app-key",
    );
    let problems = server_fail(&config);
    only(&problems, ProblemKind::Placeholder, "PUSHER_KEY");
}

#[test]
fn scheme_inside_host_is_a_format_error() {
    let config = with(hosted(), "PUSHER_HOST", "https://ws.example.org");
    let problems = server_fail(&config);
    let problem = only(&problems, ProblemKind::Format, "PUSHER_HOST");
    assert!(problem.message.contains("PUSHER_SCHEME=https"), "{problem}");
}

#[test]
fn port_inside_host_is_a_format_error() {
    let problems = server_fail(&with(hosted(), "PUSHER_HOST", "ws.example.org:6001"));
    let problem = only(&problems, ProblemKind::Format, "PUSHER_HOST");
    assert!(problem.message.contains("PUSHER_PORT=6001"), "{problem}");
}

#[test]
fn port_out_of_range_is_a_format_error() {
    for port in ["0", "65536", "70000", "-1", "http"] {
        let problems = server_fail(&with(hosted(), "PUSHER_PORT", port));
        let problem = only(&problems, ProblemKind::Format, "PUSHER_PORT");
        assert!(problem.message.contains("1 to 65535"), "{port}: {problem}");
    }
    for port in ["80", "443"] {
        let checked = pass(&with(hosted(), "PUSHER_PORT", port), Mode::Server);
        assert_eq!(checked.port.map(|p| p.to_string()).as_deref(), Some(port));
    }
    let self_hosted = with(hosted(), "PUSHER_HOST", "127.0.0.1");
    for port in ["1", "6001", "65535"] {
        let checked = pass(
            &with(self_hosted.clone(), "PUSHER_PORT", port),
            Mode::Server,
        );
        assert_eq!(checked.port.map(|p| p.to_string()).as_deref(), Some(port));
    }
}

#[test]
fn a_self_hosted_port_left_on_hosted_pusher_is_a_format_error() {
    let problems = server_fail(&with(hosted(), "PUSHER_PORT", "6001"));
    let problem = only(&problems, ProblemKind::Format, "PUSHER_PORT");
    assert!(problem.message.contains("listens on 443"), "{problem}");
}

#[test]
fn bad_scheme_is_a_format_error() {
    let cases = [
        ("wss", "a WebSocket scheme; use `https`"),
        ("ws", "a WebSocket scheme; use `http`"),
        ("HTTPS", "lowercase"),
        ("ftp", "expected `http` or `https`"),
    ];
    for (scheme, why) in cases {
        let problems = server_fail(&with(hosted(), "PUSHER_SCHEME", scheme));
        let problem = only(&problems, ProblemKind::Format, "PUSHER_SCHEME");
        assert!(problem.message.contains(why), "{scheme}: {problem}");
    }
}

#[test]
fn public_host_without_server_host_is_a_mismatch() {
    let problems = server_fail(&with(hosted(), "VITE_PUSHER_HOST", "127.0.0.1"));
    let problem = only(&problems, ProblemKind::Mismatch, "VITE_PUSHER_HOST");
    assert!(
        problem.message.contains("`PUSHER_HOST` is not"),
        "{problem}"
    );
}

#[test]
fn self_hosted_browser_may_reach_the_server_at_another_address_but_not_another_key() {
    // Laravel Sail's soketi: the server reaches the container `soketi`, the browser
    // `localhost`; behind a TLS proxy the browser uses 443 and https.
    let sail = with(
        with(
            with(
                with(hosted(), "PUSHER_HOST", "soketi"),
                "PUSHER_PORT",
                "6001",
            ),
            "VITE_PUSHER_HOST",
            "localhost",
        ),
        "VITE_PUSHER_SCHEME",
        "https",
    );
    let checked = pass(&sail, Mode::Server);
    assert_eq!(checked.host.as_deref(), Some("soketi"));
    let other_key = with(sail, "VITE_PUSHER_APP_KEY", "0b1c2d3e4f5a6b7c8d9e");
    let problems = server_fail(&other_key);
    only(&problems, ProblemKind::Mismatch, "VITE_PUSHER_APP_KEY");
}

#[test]
fn soketi_defaults_without_a_host_are_placeholders() {
    let config = [
        ("PUSHER_APP_ID", "app-id"),
        ("PUSHER_APP_KEY", "app-key"),
        ("PUSHER_APP_SECRET", "app-secret"),
        ("PUSHER_APP_CLUSTER", "mt1"),
    ]
    .map(|(n, v)| (n, v.to_owned()));
    let problems = server_fail(&config);
    assert_eq!(
        kinds(&problems),
        [
            (ProblemKind::Placeholder, "PUSHER_APP_ID"),
            (ProblemKind::Placeholder, "PUSHER_APP_KEY"),
            (ProblemKind::Placeholder, "PUSHER_APP_SECRET"),
        ],
        "{problems}"
    );
}

#[test]
fn self_hosted_values_with_whitespace_are_format_errors() {
    let config = [
        ("PUSHER_HOST", "ws.example.org"),
        ("PUSHER_APP_ID", "app-id"),
        ("PUSHER_APP_KEY", "app key"),
        ("PUSHER_APP_SECRET", "app-secret"),
    ]
    .map(|(n, v)| (n, v.to_owned()));
    let problems = server_fail(&config);
    only(&problems, ProblemKind::Format, "PUSHER_APP_KEY");
}

// 13. Client mode.

#[test]
fn client_mode_needs_only_the_public_key_and_cluster() {
    let config = [
        ("NEXT_PUBLIC_PUSHER_KEY", KEY),
        ("NEXT_PUBLIC_PUSHER_CLUSTER", "eu"),
    ]
    .map(|(n, v)| (n, v.to_owned()));
    let checked = pass(&config, Mode::Client);
    assert_eq!(checked.key, KEY);
    assert_eq!(checked.cluster.as_deref(), Some("eu"));
    assert_eq!(checked.app_id, None);
    assert_eq!(checked.secret, None);
    // The same map is not a server configuration.
    let problems = fail(&config, Mode::Server);
    assert!(problems.has(ProblemKind::Missing), "{problems}");
}

#[test]
fn client_mode_never_reads_app_id_or_secret() {
    let config = [
        ("PUSHER_APP_ID", "your_app_id"),
        ("PUSHER_KEY", KEY),
        ("PUSHER_SECRET", "changeme"),
        ("PUSHER_CLUSTER", "eu"),
    ]
    .map(|(n, v)| (n, v.to_owned()));
    let checked = pass(&config, Mode::Client);
    assert_eq!(checked.app_id, None);
    assert_eq!(checked.secret, None);
    assert_eq!(checked.key, KEY);
    let checked = pass(
        &[
            ("PUSHER_KEY", KEY.to_owned()),
            ("PUSHER_CLUSTER", "eu".to_owned()),
        ],
        Mode::Client,
    );
    assert_eq!(checked.secret, None);
}

#[test]
fn client_mode_still_checks_the_public_key() {
    let config = [
        ("NEXT_PUBLIC_PUSHER_KEY", STRIPE_PK_TEST),
        ("NEXT_PUBLIC_PUSHER_CLUSTER", "eu"),
    ]
    .map(|(n, v)| (n, v.to_owned()));
    let problems = fail(&config, Mode::Client);
    only(
        &problems,
        ProblemKind::ForeignCredential,
        "NEXT_PUBLIC_PUSHER_KEY",
    );
}

#[test]
fn client_mode_missing_key_points_at_public_mirror() {
    let problems = fail(
        &[("NEXT_PUBLIC_PUSHER_CLUSTER", "eu".to_owned())],
        Mode::Client,
    );
    let problem = only(&problems, ProblemKind::Missing, "PUSHER_KEY");
    assert!(
        problem
            .help
            .as_deref()
            .unwrap_or("")
            .contains("NEXT_PUBLIC_PUSHER_KEY"),
        "{problem}"
    );
}

#[test]
fn client_mode_still_reports_a_public_secret_variable() {
    let config = [
        ("NEXT_PUBLIC_PUSHER_KEY", KEY),
        ("NEXT_PUBLIC_PUSHER_CLUSTER", "eu"),
        ("NEXT_PUBLIC_PUSHER_SECRET", SECRET),
    ]
    .map(|(n, v)| (n, v.to_owned()));
    let problems = fail(&config, Mode::Client);
    only(
        &problems,
        ProblemKind::ExposedSecret,
        "NEXT_PUBLIC_PUSHER_SECRET",
    );
}

// 14. All problems at once, in a stable order.

#[test]
fn every_problem_is_reported_at_once_in_setting_order() {
    let upper_secret = SECRET.to_ascii_uppercase();
    let config = [
        ("NEXT_PUBLIC_PUSHER_SECRET", SECRET),
        ("PUSHER_SCHEME", "wss"),
        ("PUSHER_PORT", "99999"),
        ("NEXT_PUBLIC_PUSHER_CLUSTER", "us2"),
        ("PUSHER_APP_CLUSTER", "europe"),
        ("PUSHER_CLUSTER", "eu"),
        ("PUSHER_SECRET", upper_secret.as_str()),
        ("VITE_PUSHER_APP_KEY", STRIPE_SK_TEST),
        ("PUSHER_KEY", &format!(" {KEY}")),
        ("PUSHER_APP_ID", "your_app_id"),
    ]
    .map(|(n, v)| (n, v.to_owned()));
    let expected = [
        (ProblemKind::Placeholder, "PUSHER_APP_ID"),
        (ProblemKind::PasteResidue, "PUSHER_KEY"),
        (ProblemKind::ForeignCredential, "VITE_PUSHER_APP_KEY"),
        (ProblemKind::Format, "PUSHER_SECRET"),
        (ProblemKind::Format, "PUSHER_APP_CLUSTER"),
        (ProblemKind::Mismatch, "NEXT_PUBLIC_PUSHER_CLUSTER"),
        (ProblemKind::Format, "PUSHER_PORT"),
        (ProblemKind::Format, "PUSHER_SCHEME"),
        (ProblemKind::ExposedSecret, "NEXT_PUBLIC_PUSHER_SECRET"),
    ];
    let problems = server_fail(&config);
    assert_eq!(kinds(&problems), expected, "{problems}");
    let shown = problems.to_string();
    assert_eq!(
        shown.matches("error: ").count(),
        expected.len() + 1,
        "{shown}"
    );
    assert!(
        shown.ends_with("error: the Pusher configuration has 9 problems"),
        "{shown}"
    );
    // The same variables in reverse order give the same report.
    let mut reversed = config.to_vec();
    reversed.reverse();
    assert_eq!(server_fail(&reversed), problems);
    for value in [SECRET, upper_secret.as_str(), KEY, STRIPE_SK_TEST] {
        assert_no_leak(&problems, value);
    }
}

#[test]
fn missing_and_bad_values_are_reported_together() {
    let config =
        [("PUSHER_KEY", "changeme"), ("PUSHER_CLUSTER", "europe")].map(|(n, v)| (n, v.to_owned()));
    let problems = server_fail(&config);
    assert_eq!(
        kinds(&problems),
        [
            (ProblemKind::Missing, "PUSHER_APP_ID"),
            (ProblemKind::Placeholder, "PUSHER_KEY"),
            (ProblemKind::Missing, "PUSHER_SECRET"),
            (ProblemKind::Format, "PUSHER_CLUSTER"),
        ],
        "{problems}"
    );
}

// 15. No credential in any message.

#[test]
fn no_problem_ever_shows_a_whole_key_or_secret() {
    let configs: Vec<Vec<(&'static str, String)>> = vec![
        with(hosted(), "NEXT_PUBLIC_PUSHER_KEY", OTHER_KEY),
        with(hosted(), "PUSHER_APP_KEY", OTHER_KEY),
        with(hosted(), "PUSHER_APP_SECRET", OTHER_SECRET),
        with(hosted(), "PUSHER_SECRET", KEY),
        with(with(hosted(), "PUSHER_APP_ID", KEY), "PUSHER_KEY", APP_ID),
        with(hosted(), "NEXT_PUBLIC_PUSHER_SECRET", SECRET),
        with(hosted(), "VITE_PUSHER_APP_KEY", SECRET),
        with(hosted(), "NEXT_PUBLIC_PUSHER_KEY", SECRET),
        with(hosted(), "PUBLIC_PUSHER_TOKEN", SECRET),
        with(hosted(), "PUSHER_KEY", &format!("'{KEY}'")),
        with(hosted(), "PUSHER_SECRET", &format!("{SECRET}\n")),
        with(hosted(), "PUSHER_KEY", &KEY.to_ascii_uppercase()),
        with(hosted(), "PUSHER_SECRET", &SECRET[..19]),
        with(hosted(), "PUSHER_SECRET", &format!("{SECRET}0")),
        with(hosted(), "PUSHER_KEY", &format!("{KEY}-x")),
        with(hosted(), "PUSHER_APP_ID", SECRET),
        with(hosted(), "PUSHER_CLUSTER", SECRET),
        with(hosted(), "PUSHER_APP_CLUSTER", KEY),
        with(hosted(), "NEXT_PUBLIC_PUSHER_CLUSTER", SECRET),
        with(
            with(hosted(), "PUSHER_HOST", SECRET),
            "VITE_PUSHER_HOST",
            "ws.example.org",
        ),
        with(
            with(hosted(), "PUSHER_HOST", "ws.example.org"),
            "VITE_PUSHER_HOST",
            SECRET,
        ),
        with(hosted(), "VITE_PUSHER_PORT", SECRET),
        with(hosted(), "PUSHER_PORT", SECRET),
        with(hosted(), "PUSHER_SCHEME", SECRET),
        with(without(hosted(), "PUSHER_SECRET"), "PUSHER_SECRETS", SECRET),
        with(without(hosted(), "PUSHER_KEY"), "pusher_key", KEY),
    ];
    let mut credentials = vec![KEY, SECRET, OTHER_KEY, OTHER_SECRET];
    credentials.extend(STRIPE_VALUES);
    for (index, config) in configs.iter().enumerate() {
        let problems = server_fail(config);
        for value in &credentials {
            let shown = problems.to_string();
            assert!(
                !leaks(&shown, value),
                "config {index} shows `{value}`:\n{shown}"
            );
        }
    }
}

// 16. Origins in messages.

#[test]
fn messages_say_where_each_value_was_read() {
    let mut vars = Vars::new();
    let env_file = |line| Origin::EnvFile {
        path: ".env".into(),
        line,
    };
    vars.insert("PUSHER_APP_ID".into(), APP_ID.into(), env_file(Some(1)));
    vars.insert("PUSHER_KEY".into(), "changeme".into(), env_file(Some(3)));
    vars.insert("PUSHER_SECRET".into(), "xxx".into(), Origin::ProcessEnv);
    vars.insert("PUSHER_CLUSTER".into(), "europe".into(), env_file(None));
    let problems = check(&vars, Mode::Server).expect_err("three problems");
    let messages: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
    assert_eq!(messages.len(), 3, "{problems}");
    assert!(
        messages[0].starts_with("`PUSHER_KEY` in `.env` line 3 "),
        "{}",
        messages[0]
    );
    assert!(
        messages[1].starts_with("`PUSHER_SECRET` in the process environment "),
        "{}",
        messages[1]
    );
    assert!(
        messages[2].starts_with("`PUSHER_CLUSTER` in `.env` "),
        "{}",
        messages[2]
    );
}

#[test]
fn given_variables_are_named_as_such() {
    let problems = server_fail(&with(hosted(), "PUSHER_KEY", "changeme"));
    let problem = only(&problems, ProblemKind::Placeholder, "PUSHER_KEY");
    assert!(
        problem
            .message
            .starts_with("`PUSHER_KEY` in the given variables "),
        "{problem}"
    );
}

#[test]
fn mismatch_names_the_origin_of_both_sides() {
    let mut vars = Vars::new();
    let env_file = |line| Origin::EnvFile {
        path: ".env".into(),
        line: Some(line),
    };
    vars.insert("PUSHER_APP_ID".into(), APP_ID.into(), Origin::ProcessEnv);
    vars.insert("PUSHER_KEY".into(), KEY.into(), Origin::ProcessEnv);
    vars.insert("PUSHER_SECRET".into(), SECRET.into(), Origin::ProcessEnv);
    vars.insert("PUSHER_CLUSTER".into(), "eu".into(), Origin::ProcessEnv);
    vars.insert(
        "NEXT_PUBLIC_PUSHER_KEY".into(),
        OTHER_KEY.into(),
        env_file(7),
    );
    let problems = check(&vars, Mode::Server).expect_err("a mismatch");
    let problem = only(&problems, ProblemKind::Mismatch, "NEXT_PUBLIC_PUSHER_KEY");
    assert!(
        problem
            .message
            .contains("`NEXT_PUBLIC_PUSHER_KEY` in `.env` line 7"),
        "{problem}"
    );
    assert!(
        problem
            .message
            .contains("`PUSHER_KEY` in the process environment"),
        "{problem}"
    );
}

#[test]
fn missing_variable_names_the_sources_searched() {
    let mut vars = Vars::new();
    for (name, value) in without(hosted(), "PUSHER_SECRET") {
        vars.insert(name.into(), value, Origin::ProcessEnv);
    }
    vars.note_searched("the process environment");
    vars.note_searched("`.env`");
    let problems = check(&vars, Mode::Server).expect_err("a missing secret");
    let problem = only(&problems, ProblemKind::Missing, "PUSHER_SECRET");
    assert_eq!(
        problem.message,
        "`PUSHER_SECRET` is not set in the process environment or `.env`"
    );
}

#[test]
fn secret_pasted_into_a_self_hosted_host_is_reported_masked() {
    let secret = "5d0c7e9a3b1f84e2c6a0";
    let vars = Vars::from_pairs([
        ("PUSHER_APP_ID", "app-id"),
        ("PUSHER_KEY", "app-key"),
        ("PUSHER_SECRET", secret),
        ("PUSHER_HOST", secret),
    ]);
    let problems = check(&vars, Mode::Server).expect_err("the host holds the secret");
    let kinds: Vec<_> = problems.iter().map(|p| (p.kind, p.var.as_str())).collect();
    assert_eq!(kinds, [(ProblemKind::Swapped, "PUSHER_HOST")]);
    assert!(!problems.to_string().contains(secret), "{problems}");
}

#[test]
fn self_hosted_key_equal_to_secret_builds_but_hosted_does_not() {
    // laravel-websockets tutorials use one word for app id, key and secret.
    let local = Vars::from_pairs([
        ("PUSHER_APP_ID", "local"),
        ("PUSHER_APP_KEY", "local"),
        ("PUSHER_APP_SECRET", "local"),
        ("PUSHER_HOST", "127.0.0.1"),
        ("PUSHER_PORT", "6001"),
        ("PUSHER_SCHEME", "http"),
        ("VITE_PUSHER_APP_KEY", "local"),
    ]);
    let checked =
        values(&check(&local, Mode::Server).expect("a self-hosted development setup builds"));
    assert_eq!(checked.key, "local");
    let hosted = Vars::from_pairs([
        ("PUSHER_APP_ID", "2047711"),
        ("PUSHER_KEY", "3f7d0a9e6c1b8e2d4a57"),
        ("PUSHER_SECRET", "3f7d0a9e6c1b8e2d4a57"),
        ("PUSHER_CLUSTER", "eu"),
    ]);
    let problems = check(&hosted, Mode::Server).expect_err("hosted key equals secret");
    assert!(problems.has(ProblemKind::KeyEqualsSecret), "{problems}");
}

#[test]
fn settings_holding_credentials_are_never_shown_whole() {
    let secret = "Zx9-q7Lm-2Kp-88aa";
    let aws_secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzz9q4tLm2w";
    let laravel_app_key = "base64:Zm9vYmFyYmF6cXV4cXV1eDEyMzQ1Njc4OTA=";
    let cases: [&[(&str, &str)]; 3] = [
        &[
            ("PUSHER_APP_ID", "app-id"),
            ("PUSHER_APP_KEY", "app-key"),
            ("PUSHER_APP_SECRET", secret),
            ("PUSHER_HOST", "127.0.0.1"),
            ("PUSHER_PORT", secret),
            ("PUSHER_SCHEME", secret),
        ],
        &[
            ("PUSHER_APP_ID", "2047711"),
            ("PUSHER_KEY", "9c2e4b7a1f08d3e65b4a"),
            ("PUSHER_SECRET", "3f7d0a9e6c1b8e2d4a57"),
            ("PUSHER_CLUSTER", aws_secret),
        ],
        &[
            ("PUSHER_APP_ID", "2047711"),
            ("PUSHER_KEY", "9c2e4b7a1f08d3e65b4a"),
            ("PUSHER_SECRET", "3f7d0a9e6c1b8e2d4a57"),
            ("PUSHER_HOST", laravel_app_key),
        ],
    ];
    for pairs in cases {
        let problems = check(&Vars::from_pairs(pairs.iter().copied()), Mode::Server)
            .expect_err("a credential in a setting");
        let shown = problems.to_string();
        for value in [secret, aws_secret, laravel_app_key, "Zm9vYmFyYmF6cXV4"] {
            assert!(!shown.contains(value), "{value} shown in:\n{shown}");
        }
    }
}

#[test]
fn pusher_rest_host_stands_for_its_cluster() {
    let vars = Vars::from_pairs([
        ("PUSHER_APP_ID", "2047711"),
        ("PUSHER_APP_KEY", "9c2e4b7a1f08d3e65b4a"),
        ("PUSHER_APP_SECRET", "3f7d0a9e6c1b8e2d4a57"),
        ("PUSHER_HOST", "api-eu.pusher.com"),
        ("PUSHER_PORT", "443"),
        ("PUSHER_SCHEME", "https"),
    ]);
    let checked = values(&check(&vars, Mode::Server).expect("Pusher's own REST host builds"));
    assert_eq!(
        (checked.host, checked.cluster.as_deref()),
        (None, Some("eu"))
    );

    let disagreeing = Vars::from_pairs([
        ("PUSHER_APP_ID", "2047711"),
        ("PUSHER_APP_KEY", "9c2e4b7a1f08d3e65b4a"),
        ("PUSHER_APP_SECRET", "3f7d0a9e6c1b8e2d4a57"),
        ("PUSHER_HOST", "api-eu.pusher.com"),
        ("PUSHER_APP_CLUSTER", "us2"),
    ]);
    let problems = check(&disagreeing, Mode::Server).expect_err("host and cluster disagree");
    let found: Vec<_> = problems.iter().map(|p| (p.kind, p.var.as_str())).collect();
    assert_eq!(found, [(ProblemKind::Mismatch, "PUSHER_HOST")]);
    assert!(
        problems.to_string().contains("names cluster `eu`"),
        "{problems}"
    );
}

#[test]
fn self_hosted_names_with_words_inside_build() {
    for (host, key) in [
        ("my.soketi.dev", "my-app-key"),
        ("the-realtime.example.org", "myKey"),
        ("ws.mytodoapp.com", "todo-app"),
    ] {
        let vars = Vars::from_pairs([
            ("PUSHER_APP_ID", "1"),
            ("PUSHER_APP_KEY", key),
            ("PUSHER_APP_SECRET", "s3cr3t-for-dev"),
            ("PUSHER_HOST", host),
        ]);
        assert!(check(&vars, Mode::Server).is_ok(), "{host} {key}");
    }
}

#[test]
fn parse_errors_come_first_and_hide_missing_but_not_other_problems() {
    let vars = Vars::from_pairs([
        ("PUSHER_APP_ID", "2047711"),
        (
            "PUSHER_KEY",
            "pk_live_51Xa93kQb7Tn2LmPq8RwZ4vYc6JdH0sFgE1uNo5tKiMbV3x",
        ),
    ]);
    let errors = [EnvFileError {
        kind: crate::source::EnvFileErrorKind::Unparsable,
        path: ".env".to_owned(),
        line: Some(3),
        reason: "a quote opened on this line is never closed".to_owned(),
    }];
    let problems = check_with_file_errors(&vars, &errors, Mode::Server).expect_err("bad file");
    let kinds: Vec<_> = problems.iter().map(|p| p.kind).collect();
    assert_eq!(
        kinds,
        [ProblemKind::EnvFile, ProblemKind::ForeignCredential]
    );
}

#[test]
fn any_public_variable_holding_the_secret_or_named_secret_is_exposed() {
    let secret = "3f7d0a9e6c1b8e2d4a57";
    let vars = Vars::from_pairs([
        ("PUSHER_APP_ID", "2047711"),
        ("PUSHER_KEY", "9c2e4b7a1f08d3e65b4a"),
        ("PUSHER_SECRET", secret),
        ("PUSHER_CLUSTER", "eu"),
        ("NEXT_PUBLIC_REALTIME_TOKEN", secret),
        (
            "VITE_STRIPE_SECRET_KEY",
            "sk_test_51Xa93kQb7Tn2LmPq8RwZ4vYc6JdH0sFgE1uNo5tKiMbV3x",
        ),
        ("NEXT_PUBLIC_SITE_URL", "https://example.org"),
    ]);
    let problems = check(&vars, Mode::Server).expect_err("secrets in public variables");
    let found: Vec<_> = problems.iter().map(|p| (p.kind, p.var.as_str())).collect();
    assert_eq!(
        found,
        [
            (ProblemKind::ExposedSecret, "NEXT_PUBLIC_REALTIME_TOKEN"),
            (ProblemKind::ExposedSecret, "VITE_STRIPE_SECRET_KEY"),
        ]
    );
    let shown = problems.to_string();
    assert!(
        !shown.contains(secret) && !shown.contains("sk_test_51"),
        "{shown}"
    );
}

#[test]
fn a_dedicated_cluster_is_named_by_its_pusher_host() {
    let vars = Vars::from_pairs([
        ("PUSHER_APP_ID", "2047711"),
        ("PUSHER_KEY", "9c2e4b7a1f08d3e65b4a"),
        ("PUSHER_SECRET", "3f7d0a9e6c1b8e2d4a57"),
        ("PUSHER_CLUSTER", "acme"),
        ("PUSHER_HOST", "api-acme.pusher.com"),
    ]);
    let checked = values(&check(&vars, Mode::Server).expect("a dedicated cluster with its host"));
    assert_eq!(
        (checked.cluster.as_deref(), checked.host),
        (Some("acme"), None)
    );

    let problems = server_fail(&with(hosted(), "PUSHER_CLUSTER", "acme"));
    let problem = only(&problems, ProblemKind::Format, "PUSHER_CLUSTER");
    let help = problem.help.unwrap_or_default();
    assert!(help.contains("`PUSHER_HOST=api-acme.pusher.com`"), "{help}");
}

#[test]
fn missing_server_values_point_at_what_is_there() {
    let public_only = Vars::from_pairs([
        ("PUSHER_APP_ID", "2047711"),
        ("PUSHER_SECRET", "3f7d0a9e6c1b8e2d4a57"),
        ("PUSHER_CLUSTER", "eu"),
        ("NEXT_PUBLIC_PUSHER_KEY", "9c2e4b7a1f08d3e65b4a"),
    ]);
    let problems = check(&public_only, Mode::Server).expect_err("no server key");
    let help = problems
        .iter()
        .next()
        .and_then(|p| p.help.clone())
        .unwrap_or_default();
    assert!(
        help.starts_with("`NEXT_PUBLIC_PUSHER_KEY` is set, but the server reads `PUSHER_KEY`"),
        "{help}"
    );

    let reverb = Vars::from_pairs([
        ("REVERB_APP_ID", "348219"),
        ("REVERB_APP_KEY", "jxk2ibt0yzawmiq1pnfr"),
        ("REVERB_APP_SECRET", "k0szwmbo5rbo3dgwvhmq"),
        ("REVERB_HOST", "localhost"),
    ]);
    let problems = check(&reverb, Mode::Server).expect_err("Reverb's names only");
    let helps: Vec<String> = problems.iter().filter_map(|p| p.help.clone()).collect();
    assert!(
        helps[1].contains(r#"add `PUSHER_APP_KEY="${REVERB_APP_KEY}"`"#),
        "{helps:?}"
    );
    assert!(
        !problems.to_string().contains("k0szwmbo5rbo3dgwvhmq"),
        "{problems}"
    );
}

#[test]
fn a_short_secret_equal_to_an_unrelated_public_value_is_a_coincidence() {
    let vars = Vars::from_pairs([
        ("PUSHER_APP_ID", "local"),
        ("PUSHER_APP_KEY", "local"),
        ("PUSHER_APP_SECRET", "local"),
        ("PUSHER_HOST", "127.0.0.1"),
        ("VITE_APP_ENV", "local"),
    ]);
    assert!(check(&vars, Mode::Server).is_ok());
}

#[test]
fn an_encryption_master_key_in_a_public_variable_is_exposed() {
    let vars = with(
        hosted(),
        "NEXT_PUBLIC_PUSHER_ENCRYPTION_MASTER_KEY_BASE64",
        "bXktMzItYnl0ZS1tYXN0ZXIta2V5LWZvci10ZXN0cw==",
    );
    let problems = server_fail(&vars);
    only(
        &problems,
        ProblemKind::ExposedSecret,
        "NEXT_PUBLIC_PUSHER_ENCRYPTION_MASTER_KEY_BASE64",
    );
}

// Masking: one policy for every setting.

#[test]
fn a_credential_pasted_into_any_setting_is_never_shown_whole() {
    let planted = [
        SECRET,
        APP_ID,
        "ghp_7Rk2mQ9xL4vB7nR1tY6wE3sA0dZ5cH2jU8pO",
        "AKIAZ7Q3M5N8P2R4T6V9",
        STRIPE_SK_LIVE,
    ];
    let settings = [
        "PUSHER_CLUSTER",
        "PUSHER_HOST",
        "PUSHER_PORT",
        "PUSHER_SCHEME",
        "NEXT_PUBLIC_PUSHER_CLUSTER",
        "VITE_PUSHER_HOST",
    ];
    for value in planted {
        for setting in settings {
            for shape in [
                value.to_owned(),
                format!("{value}.pusher.com"),
                format!("api-{value}.pusher.com"),
                format!("ws-{value}.example.org"),
                format!("{value}\0"),
            ] {
                for mode in [Mode::Server, Mode::Client] {
                    let pairs = with(hosted(), setting, &shape);
                    if let Err(problems) = check(&vars(&pairs), mode) {
                        let shown = problems.to_string();
                        assert!(
                            !leaks(&shown, value),
                            "{setting}={shape:?} ({mode:?}) shown in:\n{shown}"
                        );
                        let debug = format!("{problems:?}");
                        assert!(!leaks(&debug, value), "{setting}: {debug}");
                    }
                }
            }
        }
    }
}

#[test]
fn a_pusher_host_naming_a_secret_is_masked_and_reported() {
    let host = format!("api-{SECRET}.pusher.com");
    let problems = server_fail(&with(hosted(), "PUSHER_HOST", &host));
    assert_eq!(
        kinds(&problems),
        [(ProblemKind::Swapped, "PUSHER_HOST")],
        "{problems}"
    );
    // A client build cannot compare with the secret: the cluster the host names disagrees,
    // and is masked.
    let problems = fail(&with(hosted(), "PUSHER_HOST", &host), Mode::Client);
    assert!(!leaks(&problems.to_string(), SECRET), "{problems}");
    assert!(problems.has(ProblemKind::Mismatch), "{problems}");
}

#[test]
fn harmless_settings_are_still_shown_whole() {
    let problems = server_fail(&with(hosted(), "PUSHER_CLUSTER", "europe"));
    assert!(
        problems
            .to_string()
            .contains("is `europe`, not a Pusher cluster; did you mean `eu`?"),
        "{problems}"
    );
    let problems = server_fail(&with(hosted(), "PUSHER_PORT", "6001"));
    assert!(
        problems
            .to_string()
            .contains("is `6001`, but Pusher's hosted service"),
        "{problems}"
    );
    let pairs = with(hosted(), "PUSHER_HOST", "https://ws.example.org");
    let problems = server_fail(&pairs);
    assert!(
        problems
            .to_string()
            .contains("is `https://ws.example.org`, with a scheme inside the host"),
        "{problems}"
    );
}

#[test]
fn a_control_character_in_a_value_is_paste_residue_naming_the_variable() {
    let pairs = with(
        with(hosted(), "PUSHER_HOST", "soketi\0x"),
        "PUSHER_CLUSTER",
        "",
    );
    let problems = server_fail(&pairs);
    let problem = only(&problems, ProblemKind::PasteResidue, "PUSHER_HOST");
    assert!(
        problem
            .message
            .contains("a control character (U+0000) in its value"),
        "{problems}"
    );
    // Another service's token is named even with residue around it.
    let pairs = with(
        hosted(),
        "PUSHER_KEY",
        "ghp_7Rk2mQ9xL4vB7nR1tY6wE3sA0dZ5cH2jU8pO\\\0",
    );
    let problems = server_fail(&pairs);
    only(&problems, ProblemKind::ForeignCredential, "PUSHER_KEY");
}

#[test]
fn a_public_value_expanded_from_a_secret_is_an_exposed_secret_in_both_modes() {
    let mut vars = vars(&hosted());
    let origin = crate::source::Origin::EnvFile {
        path: ".env".to_owned(),
        line: Some(9),
    };
    vars.insert_expanded(
        "VITE_PUSHER_APP_KEY".to_owned(),
        SECRET.to_owned(),
        origin,
        Some("PUSHER_APP_SECRET".to_owned()),
    );
    for mode in [Mode::Server, Mode::Client] {
        let problems = check(&vars, mode).expect_err("exposed");
        let problem = only(&problems, ProblemKind::ExposedSecret, "VITE_PUSHER_APP_KEY");
        assert_eq!(
            problem.message,
            "`VITE_PUSHER_APP_KEY` in `.env` line 9 is expanded from `${PUSHER_APP_SECRET}`: the secret would ship to every browser"
        );
    }
}

#[test]
fn checked_debug_masks_what_could_be_a_credential() {
    let checked = check(&vars(&hosted()), Mode::Server).expect("valid");
    let debug = format!("{checked:?}");
    for value in [APP_ID, KEY, SECRET] {
        assert!(!leaks(&debug, value), "{debug}");
    }
    assert!(debug.contains("Cluster(\"eu\")"), "{debug}");
}

// How a report reads.

#[test]
fn one_problem_prints_as_one_error_with_its_help() {
    let problems = server_fail(&with(hosted(), "PUSHER_CLUSTER", "europe"));
    assert!(!problems.is_empty());
    assert_eq!(problems.len(), 1);
    assert_eq!(
        problems.to_string(),
        "error: `PUSHER_CLUSTER` in the given variables is `europe`, not a Pusher cluster; did you mean `eu`?\n  \
         = help: the cluster is shown beside the keys in the Pusher Channels dashboard"
    );
}

#[test]
fn several_problems_print_one_error_each_then_their_count() {
    let pairs = with(
        with(hosted(), "PUSHER_CLUSTER", "europe"),
        "PUSHER_SCHEME",
        "wss",
    );
    let problems = server_fail(&pairs);
    assert_eq!(problems.len(), 2);
    let mut vars = Vec::new();
    for problem in &problems {
        vars.push(problem.var.as_str());
    }
    assert_eq!(vars, ["PUSHER_CLUSTER", "PUSHER_SCHEME"]);
    assert_eq!(
        problems.to_string(),
        "error: `PUSHER_CLUSTER` in the given variables is `europe`, not a Pusher cluster; did you mean `eu`?\n  \
         = help: the cluster is shown beside the keys in the Pusher Channels dashboard\n\
         error: `PUSHER_SCHEME` in the given variables is `wss`, a WebSocket scheme; use `https` (the WebSocket scheme follows from it)\n  \
         = help: fix `PUSHER_SCHEME`, or remove it to use the default\n\
         error: the Pusher configuration has 2 problems"
    );
}

#[test]
fn missing_key_help_on_a_server_names_both_names_and_the_dashboard() {
    let problems = server_fail(&without(hosted(), "PUSHER_KEY"));
    let problem = only(&problems, ProblemKind::Missing, "PUSHER_KEY");
    assert_eq!(
        problem.help.as_deref(),
        Some("set `PUSHER_KEY` (Laravel's `PUSHER_APP_KEY` works too) to the key from the Pusher Channels dashboard, under App Keys")
    );
}

#[test]
fn problems_of_both_naming_schemes_are_reported_next_js_name_first() {
    let pairs = with(
        with(hosted(), "PUSHER_KEY", STRIPE_PK_LIVE),
        "PUSHER_APP_KEY",
        "your_pusher_app_key",
    );
    let problems = server_fail(&pairs);
    assert_eq!(
        kinds(&problems),
        [
            (ProblemKind::ForeignCredential, "PUSHER_KEY"),
            (ProblemKind::Placeholder, "PUSHER_APP_KEY"),
        ],
        "{problems}"
    );
}

#[test]
fn problems_of_public_mirrors_are_reported_in_prefix_order() {
    let pairs = with(
        with(hosted(), "VITE_PUSHER_APP_KEY", OTHER_KEY),
        "NEXT_PUBLIC_PUSHER_KEY",
        OTHER_KEY,
    );
    let problems = server_fail(&pairs);
    assert_eq!(
        kinds(&problems),
        [
            (ProblemKind::Mismatch, "NEXT_PUBLIC_PUSHER_KEY"),
            (ProblemKind::Mismatch, "VITE_PUSHER_APP_KEY"),
        ],
        "{problems}"
    );
}

// More about values and where they belong.

#[test]
fn a_placeholder_with_its_quotes_kept_is_still_a_placeholder() {
    for value in [
        "\"your_pusher_key\"",
        "'changeme'",
        "\"278d425bdf160c739803\"",
    ] {
        let problems = server_fail(&with(hosted(), "PUSHER_KEY", value));
        only(&problems, ProblemKind::Placeholder, "PUSHER_KEY");
    }
}

#[test]
fn a_foreign_token_with_invisible_characters_around_it_is_named_with_its_prefix() {
    let github = "ghp_7Rk2mQ9xL4vB7nR1tY6wE3sA0dZ5cH2jU8pO";
    for value in [
        format!("\u{feff}{github}"),
        format!("{github}\u{200b}"),
        format!("{github}\\\0"),
    ] {
        let problems = server_fail(&with(hosted(), "PUSHER_SECRET", &value));
        let problem = only(&problems, ProblemKind::ForeignCredential, "PUSHER_SECRET");
        assert!(
            problem
                .message
                .ends_with("is a GitHub token, not a Pusher credential: `ghp_…` (40 chars)"),
            "{value:?}: {problem}"
        );
    }
}

#[test]
fn a_server_setting_expanded_from_the_secret_is_not_exposed() {
    // `PUSHER_SECRET="${PUSHER_APP_SECRET}"` in a `.env` shared by Laravel and Next.js.
    let laravel = with(
        without(hosted(), "PUSHER_SECRET"),
        "PUSHER_APP_SECRET",
        SECRET,
    );
    let mut vars = vars(&laravel);
    for name in ["PUSHER_SECRET", "BROADCAST_PUSHER_SECRET"] {
        let origin = Origin::EnvFile {
            path: ".env".to_owned(),
            line: Some(6),
        };
        vars.insert_expanded(
            name.to_owned(),
            SECRET.to_owned(),
            origin,
            Some("PUSHER_APP_SECRET".to_owned()),
        );
    }
    for mode in [Mode::Server, Mode::Client] {
        if let Err(problems) = check(&vars, mode) {
            panic!("{mode:?}: {problems}");
        }
    }
}

#[test]
fn a_public_value_expanded_with_a_default_never_shows_the_default() {
    let mut vars = vars(&hosted());
    let origin = Origin::EnvFile {
        path: ".env".to_owned(),
        line: Some(4),
    };
    vars.insert_expanded(
        "VITE_PUSHER_APP_KEY".to_owned(),
        "s3cr3t".to_owned(),
        origin,
        Some("PUSHER_APP_SECRET:-s3cr3t".to_owned()),
    );
    let problems = check(&vars, Mode::Client).expect_err("exposed");
    let problem = only(&problems, ProblemKind::ExposedSecret, "VITE_PUSHER_APP_KEY");
    assert_eq!(
        problem.message,
        "`VITE_PUSHER_APP_KEY` in `.env` line 4 is expanded from a secret-named variable: the secret would ship to every browser"
    );
}

#[test]
fn the_key_pasted_as_the_app_id_too_is_a_format_error_not_a_swap() {
    let problems = server_fail(&with(hosted(), "PUSHER_APP_ID", KEY));
    let problem = only(&problems, ProblemKind::Format, "PUSHER_APP_ID");
    assert!(
        problem.message.contains("expected digits only"),
        "{problem}"
    );
}

#[test]
fn the_app_id_pasted_as_the_secret_is_the_secrets_own_error_not_the_app_ids() {
    // The app id is right; the secret is not one. Nothing may tell the user to change the
    // app id.
    let problems = server_fail(&with(hosted(), "PUSHER_SECRET", APP_ID));
    let problem = only(&problems, ProblemKind::Format, "PUSHER_SECRET");
    assert!(problem.message.contains("has 7 characters"), "{problems}");
    assert!(
        !problems.to_string().contains("set `PUSHER_APP_ID`"),
        "{problems}"
    );
}

#[test]
fn a_key_set_only_for_the_browser_is_reported_once_as_missing_on_the_server() {
    for (name, mirror, value) in [
        ("PUSHER_KEY", "NEXT_PUBLIC_PUSHER_KEY", KEY),
        ("PUSHER_CLUSTER", "VITE_PUSHER_APP_CLUSTER", "eu"),
    ] {
        let pairs = with(without(hosted(), name), mirror, value);
        let problems = server_fail(&pairs);
        only(&problems, ProblemKind::Missing, name);
    }
}

#[test]
fn a_public_host_holding_the_secret_is_exposed_and_to_be_set_to_the_host() {
    let problems = server_fail(&with(hosted(), "VITE_PUSHER_HOST", SECRET));
    let problem = only(&problems, ProblemKind::ExposedSecret, "VITE_PUSHER_HOST");
    assert_eq!(
        problem.message,
        "`VITE_PUSHER_HOST` in the given variables holds the value of `PUSHER_SECRET`: the secret would ship to every browser"
    );
    assert_eq!(
        problem.help.as_deref(),
        Some("set `VITE_PUSHER_HOST` to the host, and if it was ever deployed, rotate the secret in the Pusher Channels dashboard, under App Keys")
    );
}

#[test]
fn a_pusher_host_that_names_no_cluster_is_a_format_error() {
    for host in ["sockjs.pusher.com", "api-${PUSHER_APP_CLUSTER}.pusher.com"] {
        let problems = server_fail(&with(hosted(), "PUSHER_HOST", host));
        let problem = only(&problems, ProblemKind::Format, "PUSHER_HOST");
        assert!(
            problem
                .message
                .contains("a Pusher host that names no cluster"),
            "{problem}"
        );
    }
}

#[test]
fn a_self_hosted_server_accepts_any_cluster_name() {
    let pairs = with(
        with(hosted(), "PUSHER_HOST", "127.0.0.1"),
        "PUSHER_CLUSTER",
        "local",
    );
    let checked = pass(&pairs, Mode::Server);
    assert_eq!(checked.cluster.as_deref(), Some("local"));
}

#[test]
fn an_app_id_after_a_colon_in_the_host_is_not_offered_as_the_port() {
    let host = format!("ws.example.org:{APP_ID}");
    let problems = server_fail(&with(hosted(), "PUSHER_HOST", &host));
    let problem = only(&problems, ProblemKind::Format, "PUSHER_HOST");
    assert!(
        problem
            .message
            .ends_with("with a port inside the host; put the port in `PUSHER_PORT` instead"),
        "{problem}"
    );
    assert_no_leak(&problems, APP_ID);
}

#[test]
fn a_public_cluster_mirror_holding_the_secret_is_an_exposed_secret() {
    for mirror in [
        "NEXT_PUBLIC_PUSHER_CLUSTER",
        "VITE_PUSHER_APP_CLUSTER",
        "MIX_PUSHER_PORT",
    ] {
        let problems = server_fail(&with(hosted(), mirror, SECRET));
        only(&problems, ProblemKind::ExposedSecret, mirror);
        assert!(!leaks(&problems.to_string(), SECRET), "{problems}");
    }
}

/// A self-hosted development setup with one short word for everything.
fn one_word_self_hosted(word: &str) -> Vec<(&'static str, String)> {
    vec![
        ("PUSHER_APP_ID", word.to_owned()),
        ("PUSHER_KEY", word.to_owned()),
        ("PUSHER_SECRET", word.to_owned()),
        ("PUSHER_HOST", "soketi".to_owned()),
    ]
}

#[test]
fn a_one_word_self_hosted_setup_with_its_key_mirrored_builds() {
    let pairs = with(
        one_word_self_hosted("local"),
        "NEXT_PUBLIC_PUSHER_KEY",
        "local",
    );
    let checked = pass(&pairs, Mode::Server);
    assert_eq!(checked.key, "local");
}

#[test]
fn a_short_self_hosted_secret_in_another_server_setting_is_still_reported() {
    let pairs = with(one_word_self_hosted("hush"), "PUSHER_CLUSTER", "hush");
    let problems = server_fail(&pairs);
    only(&problems, ProblemKind::Swapped, "PUSHER_CLUSTER");
}
