//! Pusher's clusters: the list, the cluster a Pusher host stands for, and the one a near miss
//! meant.

/// Pusher's public clusters (pusher/docs, `clusters.md`).
pub const CLUSTERS: [&str; 9] = ["mt1", "us2", "us3", "eu", "ap1", "ap2", "ap3", "ap4", "sa1"];

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

pub(crate) fn cluster_list() -> String {
    CLUSTERS
        .iter()
        .map(|c| format!("`{c}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Other names people give each cluster: its AWS region, city, country or continent.
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

/// The cluster a near miss most likely meant: `EU`, `europe`, `eu1`, `ws-eu.pusher.com`,
/// an AWS region name, `us1`.
#[doc(hidden)]
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
}
