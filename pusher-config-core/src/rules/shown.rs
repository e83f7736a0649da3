//! The one masking policy of the rules' messages: a value is shown whole only when it passed
//! as harmless for its setting; anything else, whatever setting it was put in, is masked.

use std::fmt;

use super::providers;
use super::settings::is_digits;
use crate::mask::Masked;
use crate::names::Field;

/// A setting's value as a message shows it: `` `eu` `` when harmless, else masked
/// (`` `ghp_…` (40 chars) ``).
///
/// Harmless means: a port of at most five digits; a cluster or scheme that is one short word
/// of letters, digits and `-`; a host that is a name or address made of such words, with an
/// optional `scheme://`, `:port` and path. No credential (app id, key, secret) is ever shown,
/// and no value with a run that could be one: another service's token, six or more digits in
/// a row (an app id), twelve or more mixed letters and digits, sixteen or more hex digits.
#[derive(Clone, Copy)]
pub(crate) struct Shown<'a> {
    field: Field,
    value: &'a str,
}

impl<'a> Shown<'a> {
    pub(crate) fn new(field: Field, value: &'a str) -> Self {
        Self { field, value }
    }

    /// Whether the value is shown whole.
    pub(crate) fn is_whole(&self) -> bool {
        is_harmless(self.field, self.value)
    }
}

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_whole() {
            write!(f, "`{}`", self.value)
        } else {
            fmt::Display::fmt(&Masked(self.value), f)
        }
    }
}

fn is_harmless(field: Field, value: &str) -> bool {
    match field {
        Field::AppId | Field::Key | Field::Secret | Field::EncryptionMasterKey => false,
        Field::Port => (1..=5).contains(&value.len()) && is_digits(value),
        Field::Cluster | Field::Scheme => is_word(value),
        Field::Host => is_plain_host(value),
    }
}

/// One short word of letters, digits and `-`, that cannot be a credential.
fn is_word(value: &str) -> bool {
    !value.is_empty()
        && value.len() <= 32
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        && !could_be_a_credential(value)
}

/// A host name or address, with an optional known scheme, port and path, none of whose
/// words could be a credential.
fn is_plain_host(value: &str) -> bool {
    if value.is_empty() || value.len() > 253 || could_be_a_credential(value) {
        return false;
    }
    let rest = ["https://", "http://", "wss://", "ws://"]
        .iter()
        .find_map(|scheme| value.strip_prefix(scheme))
        .unwrap_or(value);
    let (authority, path) = rest.split_once('/').unwrap_or((rest, ""));
    let path_ok = path
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"-._/".contains(&b));
    let host = match authority.rsplit_once(':') {
        Some((host, port)) if !host.contains(':') || host.ends_with(']') => {
            if !port.is_empty() && !is_harmless(Field::Port, port) {
                return false;
            }
            host
        }
        _ => authority,
    };
    let ipv6 = |h: &str| {
        h.len() <= 41
            && h.bytes()
                .all(|b| b.is_ascii_hexdigit() || b == b':' || b == b'[' || b == b']')
    };
    let labels_ok = !host.is_empty()
        && host.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        });
    path_ok && (labels_ok || ipv6(host))
}

/// `` `${NAME}` `` for a reference whose name may be shown (a plain variable name that could not
/// be a credential), else `a secret-named variable`: what a `${…}` holds is the file's text,
/// and a reference left unclosed runs on over the next lines.
pub(crate) fn reference(name: &str) -> String {
    let plain = name.len() <= 64
        && name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
    if plain && !could_be_a_credential(name) {
        format!("`${{{name}}}`")
    } else {
        "a secret-named variable".to_owned()
    }
}

/// Whether `value`, or a run of letters and digits in it, could be a credential.
pub(crate) fn could_be_a_credential(value: &str) -> bool {
    if providers::recognise_within(value).is_some() {
        return true;
    }
    crate::mask::has_credential_like_run(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(field: Field, value: &str) -> String {
        Shown::new(field, value).to_string()
    }

    #[test]
    fn harmless_settings_are_shown_whole() {
        assert_eq!(shown(Field::Cluster, "europe"), "`europe`");
        assert_eq!(shown(Field::Cluster, "eu-west-1"), "`eu-west-1`");
        assert_eq!(shown(Field::Scheme, "wss"), "`wss`");
        assert_eq!(shown(Field::Port, "70000"), "`70000`");
        for host in [
            "ws.example.org",
            "soketi",
            "127.0.0.1",
            "[::1]",
            "::1",
            "https://ws.example.org",
            "ws.example.org:6001",
            "ws.example.org/app",
            "api-eu.pusher.com",
        ] {
            assert_eq!(shown(Field::Host, host), format!("`{host}`"));
        }
    }

    #[test]
    fn credentials_and_what_could_be_one_are_masked_in_every_setting() {
        let secret = "0f1e2d3c4b5a69788796";
        let planted = [
            secret,
            "7305518",
            "AKIAIOSFODNN7EXAMPLQ",
            "ghp_8fK2mQ9xL4vB7nR1tY6wE3sA0dZ5cH2jU8pO",
            "pk_live_51Hq2xK7f3Rb9QmZpL0sT4vW8yA1cE5gI7kM9",
        ];
        for field in Field::ALL {
            for value in planted {
                for wrapped in [
                    value.to_owned(),
                    format!("{value}.pusher.com"),
                    format!("api-{value}.pusher.com"),
                    format!("https://{value}@ws.example.org"),
                    format!("{value}\0x"),
                ] {
                    let text = shown(field, &wrapped);
                    assert!(!text.contains(value), "{field:?}: {text}");
                }
            }
        }
        assert_eq!(shown(Field::Key, "a"), "(1 chars)");
    }

    #[test]
    fn a_host_with_a_password_or_user_in_it_is_masked() {
        for host in [
            "ws.example.org:hunter2",
            "https://hunter2@ws.example.org",
            "soketi@ws.example.org",
        ] {
            let text = shown(Field::Host, host);
            assert!(!text.contains(host), "{host}: {text}");
        }
    }

    #[test]
    fn a_host_is_shown_whole_only_as_a_dns_name() {
        // A DNS name has at most 253 characters, and no empty label.
        let longest = format!("{}example.org", "ws.".repeat(80) + "a.");
        assert_eq!(longest.len(), 253);
        assert_eq!(shown(Field::Host, &longest), format!("`{longest}`"));
        let longer = format!("a{longest}");
        assert!(!shown(Field::Host, &longer).contains(&longer));
        for host in ["ws..example.org", ".ws.example.org"] {
            let text = shown(Field::Host, host);
            assert!(!text.contains(host), "{host}: {text}");
        }
    }

    #[test]
    fn references_are_shown_only_as_plain_variable_names() {
        for name in ["PUSHER_APP_SECRET", "_PUSHER_SECRET", "pusher_secret"] {
            assert_eq!(reference(name), format!("`${{{name}}}`"));
        }
        let long = "PUSHER_APP_SECRET_OF_THE_PRODUCTION_CLUSTER_IN_FRANKFURT_AND_DUBLIN";
        assert!(long.len() > 64);
        for name in [
            // A default value after the name, or a reference left unclosed, is the file's
            // text, which may be the secret.
            "PUSHER_APP_SECRET:-s3cr3t",
            "PUSHER_APP_SECRET\nVITE_PUSHER_APP_CLUSTER=eu",
            "2FA_SECRET",
            long,
            // A plain name made of a credential.
            "AKIAZ7Q3M5N8P2R4T6V9",
        ] {
            assert_eq!(reference(name), "a secret-named variable", "{name}");
        }
    }
}
