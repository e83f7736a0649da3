//! [`ProblemKind::Placeholder`]: values that were never replaced: template words, unexpanded
//! references, documentation examples.
//!
//! Entropy cannot tell a placeholder from a real key (a real 20-hex key scores lower than
//! `your_actual_pusher_key`), so these are exact shapes and word lists.

use std::sync::LazyLock;

use regex_lite::Regex;

use crate::names::{self, Field};

use super::context::{at, Context, Service, DASHBOARD};
use super::findings::Findings;
use super::paste_residue::without_residue;
use super::problem::{Problem, ProblemKind};
use super::shown::Shown;

/// A template value, a variable's name, an unexpanded reference or a documented example
/// where a value belongs.
pub(crate) fn check(cx: &Context, out: &mut Findings) {
    for (name, var, field) in cx.own_values() {
        let documented_app_id =
            field == Field::AppId && cx.is_hosted() && is_documented_app_id(&var.value);
        let Some(why) = recognise(&var.value, name, field, cx.service).or_else(|| {
            documented_app_id.then_some("the example app id of Pusher's documentation")
        }) else {
            continue;
        };
        let message = format!(
            "{} is a placeholder ({why}), not your app's {}: {}",
            at(name, var),
            field.what(),
            Shown::new(field, &var.value)
        );
        let help = if field == Field::EncryptionMasterKey {
            "replace it with 32 random bytes in base64, as `openssl rand -base64 32` prints them"
                .to_owned()
        } else {
            format!(
                "replace it with your app's {} from {DASHBOARD}",
                field.what()
            )
        };
        out.own(Problem::new(ProblemKind::Placeholder, name, message).help(help));
    }
}

/// Credentials printed in Pusher's documentation and in guides: never a real app's.
const DOCUMENTED_EXAMPLES: &[(&str, &str)] = &[
    (
        "278d425bdf160c739803",
        "the example key of Pusher's documentation",
    ),
    (
        "7ad3773142a6692b25b8",
        "the example secret of Pusher's documentation",
    ),
    ("407cb06c423e6c032e9c", "an example key from a setup guide"),
    (
        "bf769b4fd7a3cf95a803",
        "an example secret from a setup guide",
    ),
];

/// The defaults documented by soketi and sockudo: real values on a self-hosted server.
pub(crate) const SELF_HOSTED_DEFAULTS: &[&str] = &["app-id", "app-key", "app-secret"];

/// Shapes of template text, whatever the setup. Words match whole, between separators, so a
/// host such as `ws.mytodoapp.com` or a random key containing `tbd` is not one.
const TEMPLATE: &str = concat!(
    r"(?i)^(?:",
    // `your`, `yourkey`, `your_key_here`; `enter-your-key`, `paste_here`.
    r"your(?:[-_ .]?[a-z][\w .-]*)?",
    r"|(?:enter|insert|put|paste|replace)[-_ .][\w .-]*",
    r"|(?:.*[-_ .])?(?:changeme|change[-_ ]me|replace[-_ ]?(?:me|this)|placeholder|redacted)(?:[-_ .].*)?",
    // A note to self is the value (`TODO`, `tbd: ask ops`); `todo-app` names an app.
    r"|(?:todo|tbd|fixme)(?:[: !].*)?",
    r"|x{3,}(?:[-_ .].*)?|.*[-_ .]x{3,}(?:[-_ .].*)?|\*+|\.{3}|…|-+",
    r"|<[^>]*>|\[[^\]]*\]|\{\{.*\}\}|\$\{[^}]*\}|\$[A-Z_][A-Z0-9_]*|%[A-Z_]+%",
    r")$"
);

/// Words that mark a made-up credential, whole (a host may well be `ws.example.com`).
const EXAMPLE_WORDS: &str = r"(?i)(?:^|[-_ .])(?:example|sample|dummy|fake)(?:[-_ .]|$)";

/// Bare words that are never a hosted Pusher credential (a self-hosted server may use them).
const WORDS: &str = r"(?i)^(?:key|secret|app[-_ ]?(?:id|key|secret)|id|test|testing|demo|null|none|nil|undefined|true|false|abc|abc123|password|pusher)$";

static KNOWN_NAMES: LazyLock<Vec<String>> = LazyLock::new(names::known_names);
static TEMPLATE_RE: LazyLock<Regex> = LazyLock::new(|| compile(TEMPLATE));
static EXAMPLE_WORDS_RE: LazyLock<Regex> = LazyLock::new(|| compile(EXAMPLE_WORDS));
static WORDS_RE: LazyLock<Regex> = LazyLock::new(|| compile(WORDS));

fn compile(pattern: &str) -> Regex {
    Regex::new(pattern).expect("tested pattern")
}

/// Why `value` of variable `name` is a placeholder, if it is one.
///
/// For credentials (app id, key, secret) it adds the words that mark a made-up credential
/// (`example`, `dummy`), which a host name may contain, and on hosted Pusher the bare words
/// that are never a Pusher credential (`test`, `secret`). A self-hosted server accepts the
/// servers' documented defaults (`app-id`, `app-key`, `app-secret`).
pub(crate) fn recognise(
    value: &str,
    name: &str,
    field: Field,
    service: Service,
) -> Option<&'static str> {
    let self_hosted = service == Service::SelfHosted;
    let credential = field.is_credential();
    let trimmed = &*without_residue(value);
    if self_hosted && SELF_HOSTED_DEFAULTS.contains(&trimmed) {
        return None;
    }
    if let Some((_, what)) = DOCUMENTED_EXAMPLES
        .iter()
        .find(|(example, _)| *example == trimmed)
    {
        return Some(what);
    }
    let upper = trimmed.to_ascii_uppercase();
    if upper == name.to_ascii_uppercase() || KNOWN_NAMES.contains(&upper) {
        return Some("a variable's name, not its value");
    }
    if trimmed.starts_with("${") || trimmed.starts_with("$(") {
        return Some("an unexpanded reference");
    }
    if TEMPLATE_RE.is_match(trimmed) {
        return Some("template text");
    }
    if credential && EXAMPLE_WORDS_RE.is_match(trimmed) {
        return Some("example text");
    }
    if credential && !self_hosted && WORDS_RE.is_match(trimmed) {
        return Some("a placeholder word");
    }
    None
}

/// The app id of Pusher's documented example, `3`.
pub(crate) fn is_documented_app_id(value: &str) -> bool {
    value.trim() == "3"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn template_values_are_placeholders() {
        for value in [
            "your_actual_pusher_key",
            "your-pusher-secret",
            "YOUR_KEY_HERE",
            "changeme",
            "change_me",
            "xxx",
            "xxxxxxxxxxxxxxxxxxxx",
            "pusher_key_xxx",
            "<key>",
            "<your pusher key>",
            "${PUSHER_KEY}",
            "{{ pusher_key }}",
            "TODO",
            "...",
            "PUSHER_KEY",
            "NEXT_PUBLIC_PUSHER_KEY",
            "278d425bdf160c739803",
            "7ad3773142a6692b25b8",
            "example",
            "placeholder",
        ] {
            assert!(
                recognise(value, "PUSHER_KEY", Field::Key, Service::Hosted).is_some(),
                "{value}"
            );
            assert!(
                recognise(value, "PUSHER_KEY", Field::Key, Service::SelfHosted).is_some(),
                "{value} (self-hosted)"
            );
        }
    }

    #[test]
    fn real_looking_values_are_not_placeholders() {
        for value in ["a1b2c3d4e5f60718293a", "1234567", "eu", "mt1"] {
            assert_eq!(
                recognise(value, "PUSHER_KEY", Field::Key, Service::Hosted),
                None,
                "{value}"
            );
        }
        for host in [
            "ws.example.org",
            "soketi.example.com",
            "127.0.0.1",
            "localhost",
            "my.soketi.dev",
            "the-realtime.example.org",
            "ws.mytodoapp.com",
            "add-ons.example.net",
        ] {
            assert_eq!(
                recognise(host, "PUSHER_HOST", Field::Host, Service::SelfHosted),
                None,
                "{host}"
            );
        }
    }

    #[test]
    fn self_hosted_keys_with_words_inside_are_not_placeholders() {
        for key in [
            "my-app-key",
            "myKey",
            "addcfe",
            "k3tbdq9z",
            "realtime-todo-app",
        ] {
            assert_eq!(
                recognise(key, "PUSHER_APP_KEY", Field::Key, Service::SelfHosted),
                None,
                "{key}"
            );
        }
    }

    #[test]
    fn self_hosted_defaults_and_words_pass_only_with_a_host() {
        for value in ["app-key", "app-secret", "app-id"] {
            assert_eq!(
                recognise(value, "PUSHER_KEY", Field::Key, Service::SelfHosted),
                None,
                "{value}"
            );
            assert!(
                recognise(value, "PUSHER_KEY", Field::Key, Service::Hosted).is_some(),
                "{value}"
            );
        }
        assert_eq!(
            recognise("test", "PUSHER_KEY", Field::Key, Service::SelfHosted),
            None
        );
        assert!(recognise("secret", "PUSHER_SECRET", Field::Secret, Service::Hosted).is_some());
    }
}
