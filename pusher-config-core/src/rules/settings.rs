//! What a valid value of each setting is, on Pusher's hosted service and on self-hosted
//! servers: the one parser of each, used by the format rule and by the validated config.

use crate::config::Scheme;
use crate::names::Field;

use super::clusters::{cluster_list, suggest_cluster, CLUSTERS};
use super::context::Service;

/// Why `value` is not a valid `field` value, if it is not. On a self-hosted server any app id,
/// key and secret without whitespace is valid.
///
/// `shown` is how the value may appear in the message ([`super::shown::Shown`]).
pub(crate) fn format_error(
    field: Field,
    value: &str,
    shown: &str,
    service: Service,
) -> Option<String> {
    let hosted = service == Service::Hosted;
    match field {
        Field::EncryptionMasterKey => parse_encryption_master_key(value).err(),
        Field::AppId if hosted => {
            (!is_digits(value)).then(|| "is not a Pusher app id; expected digits only".to_owned())
        }
        Field::Key | Field::Secret if hosted => hex20_error(field, value),
        Field::AppId | Field::Key | Field::Secret | Field::Cluster if !hosted => value
            .contains(char::is_whitespace)
            .then(|| "contains whitespace".to_owned()),
        Field::Cluster => (!CLUSTERS.contains(&value)).then(|| {
            let mut why = format!("is {shown}, not a Pusher cluster");
            match suggest_cluster(value) {
                Some(near) => why.push_str(&format!("; did you mean `{near}`?")),
                None => why.push_str(&format!("; expected one of {}", cluster_list())),
            }
            why
        }),
        Field::Host => host_error(value, shown),
        Field::Port => parse_port(value, service, shown).err(),
        Field::Scheme => parse_scheme(value, shown).err(),
        Field::AppId | Field::Key | Field::Secret => None,
    }
}

/// The port `value` names, or why it names none. Pusher's own servers listen on 443 (and 80
/// without TLS) only: another port left from a self-hosted setup would fail every connection.
pub(crate) fn parse_port(value: &str, service: Service, shown: &str) -> Result<u16, String> {
    let port = value
        .parse::<u16>()
        .ok()
        .filter(|port| *port != 0 && is_digits(value))
        .ok_or_else(|| format!("is {shown}, not a port; expected a number from 1 to 65535"))?;
    if service == Service::Hosted && !matches!(port, 80 | 443) {
        return Err(format!(
            "is {shown}, but Pusher's hosted service listens on 443 (80 without TLS); set `PUSHER_HOST` for a self-hosted server, or remove the port"
        ));
    }
    Ok(port)
}

/// The scheme `value` names, or why it names none.
pub(crate) fn parse_scheme(value: &str, shown: &str) -> Result<Scheme, String> {
    match value {
        "http" => Ok(Scheme::Http),
        "https" => Ok(Scheme::Https),
        other if other.eq_ignore_ascii_case("http") || other.eq_ignore_ascii_case("https") => {
            Err(format!(
                "is {shown}; write it lowercase: `{}`",
                other.to_ascii_lowercase()
            ))
        }
        "ws" | "wss" => Err(format!(
            "is {shown}, a WebSocket scheme; use `{}` (the WebSocket scheme follows from it)",
            if value == "wss" { "https" } else { "http" }
        )),
        _ => Err(format!(
            "is {shown}, not a scheme; expected `http` or `https`"
        )),
    }
}

/// The 32 bytes an encryption master key in standard base64 (`openssl rand -base64 32`) names,
/// or why it names none. Padding may be left out, as Node's `Buffer.from(…, "base64")` allows.
/// The message never shows the value.
pub(crate) fn parse_encryption_master_key(value: &str) -> Result<[u8; 32], String> {
    use base64ct::{Base64, Base64Unpadded, Encoding};

    let decoded = if value.ends_with('=') {
        Base64::decode_vec(value)
    } else {
        Base64Unpadded::decode_vec(value)
    };
    let Ok(bytes) = decoded else {
        return Err(if value.contains(['-', '_']) {
            "is not standard base64: it has `-` or `_`, of the URL-safe alphabet; expected 32 bytes in standard base64 (`+` and `/`)".to_owned()
        } else {
            "is not base64; expected 32 bytes in standard base64".to_owned()
        });
    };
    <[u8; 32]>::try_from(bytes.as_slice()).map_err(|_| {
        format!(
            "decodes to {} bytes; an encryption master key is 32 bytes",
            bytes.len()
        )
    })
}

/// Digits only, at least one: a hosted app id.
pub(crate) fn is_digits(value: &str) -> bool {
    !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit())
}

/// Hex digits only, either case, at least one.
fn is_hex(value: &str) -> bool {
    !value.is_empty() && value.bytes().all(|b| b.is_ascii_hexdigit())
}

/// 20 hex digits, either case: the shape of a hosted key or secret.
pub(crate) fn is_hex20(value: &str) -> bool {
    value.len() == 20 && is_hex(value)
}

fn hex20_error(field: Field, value: &str) -> Option<String> {
    let what = field.what();
    if is_hex20(value) && !value.bytes().any(|b| b.is_ascii_uppercase()) {
        return None;
    }
    let len = value.chars().count();
    Some(if is_hex20(value) {
        format!("has uppercase letters; a Pusher {what} is 20 lowercase hex characters")
    } else if is_hex(value) {
        format!("has {len} characters; a Pusher {what} is 20 lowercase hex characters")
    } else {
        format!("is not a Pusher {what}; expected 20 lowercase hex characters")
    })
}

fn host_error(value: &str, shown: &str) -> Option<String> {
    if let Some((scheme, _)) = value.split_once("://") {
        let scheme = scheme.to_ascii_lowercase();
        let fix = match scheme.as_str() {
            "https" | "wss" => "; remove it and set `PUSHER_SCHEME=https`",
            "http" | "ws" => "; remove it and set `PUSHER_SCHEME=http`",
            _ => "; remove it",
        };
        return Some(format!("is {shown}, with a scheme inside the host{fix}"));
    }
    if value.contains(char::is_whitespace) {
        return Some("contains whitespace".to_owned());
    }
    if value.contains('/') {
        return Some(format!(
            "is {shown}, with a path; a host is a name or an address only"
        ));
    }
    let bracketed_ipv6 = value.starts_with('[') && value.ends_with(']');
    if bracketed_ipv6 {
        return None;
    }
    let port_inside = |port: &str| {
        let fix = if (1..=5).contains(&port.len()) && is_digits(port) {
            format!("set `PUSHER_PORT={port}` instead")
        } else {
            "put the port in `PUSHER_PORT` instead".to_owned()
        };
        Some(format!("is {shown}, with a port inside the host; {fix}"))
    };
    // `[::1]:6001`: an address in brackets already, with a port after it.
    if let Some((_, port)) = value.strip_prefix('[').and_then(|v| v.split_once("]:")) {
        return port_inside(port);
    }
    match value.matches(':').count() {
        0 => None,
        1 => port_inside(value.rsplit(':').next().unwrap_or_default()),
        _ => Some(format!(
            "is {shown}, an IPv6 address; write it in brackets, as in `[::1]`"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::clusters::CLUSTERS;

    fn format_error(field: Field, value: &str, hosted: bool) -> Option<String> {
        let service = if hosted {
            Service::Hosted
        } else {
            Service::SelfHosted
        };
        super::format_error(field, value, &format!("`{value}`"), service)
    }

    #[test]
    fn hosted_formats() {
        assert_eq!(format_error(Field::AppId, "1234567", true), None);
        assert!(format_error(Field::AppId, "12a4", true).is_some());
        assert_eq!(format_error(Field::Key, "a1b2c3d4e5f60718293a", true), None);
        let upper = format_error(Field::Key, "A1B2C3D4E5F60718293A", true);
        assert!(upper.is_some_and(|m| m.contains("uppercase")));
        let short = format_error(Field::Secret, "a1b2c3", true);
        assert!(short.is_some_and(|m| m.contains("has 6 characters")));
        assert!(format_error(Field::Cluster, "europe", true).is_some_and(|m| m.contains("`eu`")));
        for cluster in CLUSTERS {
            assert_eq!(format_error(Field::Cluster, cluster, true), None);
        }
    }

    #[test]
    fn self_hosted_formats() {
        assert_eq!(format_error(Field::Key, "app-key", false), None);
        assert_eq!(format_error(Field::AppId, "app-id", false), None);
        assert!(format_error(Field::Secret, "app secret", false).is_some());
        assert_eq!(format_error(Field::Host, "127.0.0.1", false), None);
        assert_eq!(format_error(Field::Host, "[::1]", false), None);
        let scheme_inside = format_error(Field::Host, "https://ws.example.org", false);
        assert!(scheme_inside.is_some_and(|m| m.contains("PUSHER_SCHEME=https")));
        assert!(format_error(Field::Host, "ws.example.org:6001", false)
            .is_some_and(|m| m.contains("PUSHER_PORT=6001")));
        assert!(format_error(Field::Host, "::1", false).is_some_and(|m| m.contains("[::1]")));
        let odd = format_error(Field::Host, "base64:Zm9vYmFyYmF6cXV4", false);
        assert!(odd.is_some_and(|m| !m.contains("PUSHER_PORT=Zm9v")));
        assert_eq!(format_error(Field::Port, "6001", false), None);
        assert_eq!(format_error(Field::Port, "443", true), None);
        assert!(format_error(Field::Port, "6001", true).is_some_and(|m| m.contains("443")));
        for port in ["0", "65536", "-1", "+80", "http"] {
            assert!(format_error(Field::Port, port, false).is_some(), "{port}");
        }
        assert_eq!(format_error(Field::Scheme, "https", false), None);
        assert!(format_error(Field::Scheme, "HTTPS", false).is_some());
        assert!(format_error(Field::Scheme, "wss", false).is_some());
    }

    #[test]
    fn an_encryption_master_key_is_32_bytes_of_standard_base64() {
        // `openssl rand -base64 32`: 44 characters, one `=`.
        let key = "bfJ8MRJ7VV3j6vBhCfmPBBRQJ1gqxvA8zbF0Rl+YjP0=";
        let bytes = parse_encryption_master_key(key).expect("32 bytes");
        assert_eq!(bytes[..3], [0x6d, 0xf2, 0x7c]);
        assert_eq!(parse_encryption_master_key(&key[..43]), Ok(bytes));
        for (value, why) in [
            ("bfJ8MRJ7VV3j6vBhCfmPBBRQJ1gqxvA8zbF0Rl-YjP0=", "URL-safe"),
            (
                "bfJ8MRJ7VV3j6vBhCfmPBBRQJ1gqxvA8zbF0Rl+YjP0==",
                "not base64",
            ),
            ("not base64 at all!", "not base64"),
            // The raw 32-character form in the base64 variable.
            ("abcdefghijklmnopqrstuvwxyz012345", "decodes to 24 bytes"),
            ("", "decodes to 0 bytes"),
        ] {
            let message = parse_encryption_master_key(value).expect_err(value);
            assert!(message.contains(why), "{value}: {message}");
            assert!(value.is_empty() || !message.contains(value), "{message}");
        }
        assert_eq!(format_error(Field::EncryptionMasterKey, key, true), None);
        assert!(format_error(Field::EncryptionMasterKey, "abc", false).is_some());
    }

    #[test]
    fn a_scheme_inside_the_host_names_the_scheme_to_set_instead() {
        let cases = [
            (
                "https://ws.example.org",
                "; remove it and set `PUSHER_SCHEME=https`",
            ),
            (
                "wss://ws.example.org",
                "; remove it and set `PUSHER_SCHEME=https`",
            ),
            (
                "http://127.0.0.1",
                "; remove it and set `PUSHER_SCHEME=http`",
            ),
            ("ws://127.0.0.1", "; remove it and set `PUSHER_SCHEME=http`"),
            (
                "tcp://127.0.0.1",
                "with a scheme inside the host; remove it",
            ),
        ];
        for (host, fix) in cases {
            let message = format_error(Field::Host, host, false).unwrap_or_default();
            assert!(message.ends_with(fix), "{host}: {message}");
        }
    }

    #[test]
    fn a_bracketed_address_with_a_port_has_the_port_inside_the_host() {
        assert_eq!(
            format_error(Field::Host, "[::1]:6001", false).as_deref(),
            Some("is `[::1]:6001`, with a port inside the host; set `PUSHER_PORT=6001` instead")
        );
        assert_eq!(
            format_error(Field::Host, "[fd00::2]:", false).as_deref(),
            Some("is `[fd00::2]:`, with a port inside the host; put the port in `PUSHER_PORT` instead")
        );
    }
}
