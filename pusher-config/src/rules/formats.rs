//! The format of each setting, on Pusher's hosted service and on self-hosted servers.

use crate::names::Field;

/// Pusher's public clusters (pusher/docs, `clusters.md`).
pub const CLUSTERS: [&str; 9] = ["mt1", "us2", "us3", "eu", "ap1", "ap2", "ap3", "ap4", "sa1"];

/// Why `value` is not a valid `field` value, if it is not. `hosted` selects Pusher's own
/// formats; a self-hosted server accepts any app id, key and secret without whitespace.
///
/// `shown` is how the value may appear in the message ([`super::shown::Shown`]).
pub(crate) fn format_error(field: Field, value: &str, shown: &str, hosted: bool) -> Option<String> {
    match field {
        Field::AppId if hosted => {
            (!is_digits(value)).then(|| "is not a Pusher app id; expected digits only".to_owned())
        }
        Field::Key | Field::Secret if hosted => hex20_error(field, value),
        Field::AppId | Field::Key | Field::Secret => value
            .contains(char::is_whitespace)
            .then(|| "contains whitespace".to_owned()),
        Field::Cluster if hosted => (!CLUSTERS.contains(&value)).then(|| {
            let mut why = format!("is {shown}, not a Pusher cluster");
            match suggest_cluster(value) {
                Some(near) => why.push_str(&format!("; did you mean `{near}`?")),
                None => why.push_str(&format!("; expected one of {}", cluster_list())),
            }
            why
        }),
        Field::Cluster => value
            .contains(char::is_whitespace)
            .then(|| "contains whitespace".to_owned()),
        Field::Host => host_error(value, shown),
        Field::Port => match value.parse::<u32>() {
            // Pusher's own servers listen on 443 (and 80 without TLS) only: another port left
            // from a self-hosted setup would fail every connection.
            Ok(80 | 443) if is_digits(value) => None,
            Ok(1..=65535) if is_digits(value) && hosted => Some(format!(
                "is {shown}, but Pusher's hosted service listens on 443 (80 without TLS); set `PUSHER_HOST` for a self-hosted server, or remove the port"
            )),
            Ok(1..=65535) if is_digits(value) => None,
            _ => Some(format!(
                "is {shown}, not a port; expected a number from 1 to 65535"
            )),
        },
        Field::Scheme => match value {
            "http" | "https" => None,
            other if other.eq_ignore_ascii_case("http") || other.eq_ignore_ascii_case("https") => {
                Some(format!(
                    "is {shown}; write it lowercase: `{}`",
                    other.to_ascii_lowercase()
                ))
            }
            "ws" | "wss" => Some(format!(
                "is {shown}, a WebSocket scheme; use `{}` (the WebSocket scheme follows from it)",
                if value == "wss" { "https" } else { "http" }
            )),
            _ => Some(format!(
                "is {shown}, not a scheme; expected `http` or `https`"
            )),
        },
    }
}

fn is_digits(value: &str) -> bool {
    !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit())
}

fn hex20_error(field: Field, value: &str) -> Option<String> {
    let is_hex = !value.is_empty() && value.bytes().all(|b| b.is_ascii_hexdigit());
    let len = value.chars().count();
    let what = field.what();
    if is_hex && len == 20 && value.bytes().all(|b| !b.is_ascii_uppercase()) {
        return None;
    }
    Some(if is_hex && len == 20 {
        format!("has uppercase letters; a Pusher {what} is 20 lowercase hex characters")
    } else if is_hex {
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

/// Whether `host` is on Pusher's own domains: Pusher's hosted service, not a self-hosted
/// server.
pub(crate) fn is_pusher_host(host: &str) -> bool {
    let host = host.to_ascii_lowercase();
    host.ends_with(".pusher.com") || host.ends_with(".pusherapp.com")
}

/// The cluster a host on Pusher's domains stands for: `api-eu.pusher.com` and
/// `ws-eu.pusher.com` for `eu`, `api-acme.pusher.com` for a dedicated cluster `acme`; the
/// legacy `api.pusherapp.com` for `mt1`.
pub(crate) fn pusher_host_cluster(host: &str) -> Option<String> {
    let host = host.to_ascii_lowercase();
    if matches!(
        host.as_str(),
        "api.pusherapp.com" | "ws.pusherapp.com" | "api.pusher.com" | "ws.pusher.com"
    ) {
        return Some("mt1".to_owned());
    }
    let name = host
        .strip_prefix("api-")
        .or_else(|| host.strip_prefix("ws-"))?;
    let name = name
        .strip_suffix(".pusher.com")
        .or_else(|| name.strip_suffix(".pusherapp.com"))?;
    let is_label = !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    is_label.then(|| name.to_owned())
}

fn cluster_list() -> String {
    CLUSTERS
        .iter()
        .map(|c| format!("`{c}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The cluster a near miss most likely meant: `EU`, `europe`, `eu1`, `ws-eu.pusher.com`,
/// an AWS region name, `us1`.
pub fn suggest_cluster(value: &str) -> Option<&'static str> {
    let lower = value.trim().to_ascii_lowercase();
    let mut name = lower.as_str();
    for prefix in ["ws-", "api-", "sockjs-"] {
        name = name.strip_prefix(prefix).unwrap_or(name);
    }
    for suffix in [".pusher.com", ".pusherapp.com"] {
        name = name.strip_suffix(suffix).unwrap_or(name);
    }
    if let Some(known) = CLUSTERS.iter().find(|c| **c == name) {
        return Some(known);
    }
    const ALIASES: &[(&str, &[&str])] = &[
        (
            "mt1",
            &[
                "us",
                "us1",
                "us-east",
                "us-east-1",
                "virginia",
                "n-virginia",
                "useast",
            ],
        ),
        ("us2", &["us-east-2", "ohio"]),
        ("us3", &["us-west", "us-west-2", "oregon", "uswest"]),
        (
            "eu",
            &[
                "europe",
                "ireland",
                "eu-west",
                "eu-west-1",
                "euwest",
                "eu-1",
                "emea",
            ],
        ),
        (
            "ap1",
            &["ap-southeast-1", "singapore", "asia", "apac", "sg"],
        ),
        ("ap2", &["ap-south-1", "mumbai", "india", "in"]),
        ("ap3", &["ap-northeast-1", "tokyo", "japan", "jp"]),
        ("ap4", &["ap-southeast-2", "sydney", "australia", "au"]),
        (
            "sa1",
            &[
                "sa-east-1",
                "sao-paulo",
                "saopaulo",
                "são paulo",
                "brazil",
                "br",
                "sa",
            ],
        ),
    ];
    let spaced = name.replace([' ', '_'], "-");
    if let Some((cluster, _)) = ALIASES
        .iter()
        .find(|(_, aliases)| aliases.contains(&spaced.as_str()))
    {
        return Some(cluster);
    }
    let without_digits = name.trim_end_matches(|c: char| c.is_ascii_digit() || c == '-');
    if let Some(known) = CLUSTERS.iter().find(|c| **c == without_digits) {
        return Some(known);
    }
    // One typo away from exactly one cluster.
    let mut near = CLUSTERS.iter().filter(|c| edit_distance(c, name) == 1);
    match (near.next(), near.next()) {
        (Some(only), None) => Some(only),
        _ => None,
    }
}

/// Levenshtein distance, for "did you mean" suggestions.
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != *cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn format_error(field: Field, value: &str, hosted: bool) -> Option<String> {
        super::format_error(field, value, &format!("`{value}`"), hosted)
    }

    #[test]
    fn near_misses_suggest_the_cluster() {
        let cases = [
            ("EU", "eu"),
            ("europe", "eu"),
            ("eu1", "eu"),
            ("eu-west-1", "eu"),
            ("ws-eu.pusher.com", "eu"),
            ("us1", "mt1"),
            ("US2", "us2"),
            ("mt2", "mt1"),
            ("ap-southeast-2", "ap4"),
            ("tokyo", "ap3"),
            ("eu-2", "eu"),
            ("eu01", "eu"),
        ];
        for (value, expected) in cases {
            assert_eq!(suggest_cluster(value), Some(expected), "{value}");
        }
        assert_eq!(suggest_cluster("mars"), None);
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
    fn pusher_hosts_name_their_cluster() {
        assert_eq!(
            pusher_host_cluster("api-eu.pusher.com").as_deref(),
            Some("eu")
        );
        assert_eq!(
            pusher_host_cluster("ws-ap3.pusher.com").as_deref(),
            Some("ap3")
        );
        assert_eq!(
            pusher_host_cluster("api.pusherapp.com").as_deref(),
            Some("mt1")
        );
        assert_eq!(
            pusher_host_cluster("api-acme-1.pusher.com").as_deref(),
            Some("acme-1")
        );
        assert_eq!(pusher_host_cluster("sockjs.pusher.com"), None);
        assert_eq!(pusher_host_cluster("api-eu.example.com"), None);
        assert!(is_pusher_host("API-EU.PUSHER.COM"));
        assert!(!is_pusher_host("soketi.example.com"));
    }

    #[test]
    fn edit_distance_counts_edits() {
        assert_eq!(edit_distance("PUSHER_KEY", "PUSHER_KEYS"), 1);
        assert_eq!(edit_distance("mt1", "mt1"), 0);
        assert_eq!(edit_distance("abc", ""), 3);
        assert_eq!(edit_distance("PUSHER_KEYS", "PUSHER_KEY"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
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
