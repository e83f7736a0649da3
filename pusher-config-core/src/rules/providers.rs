//! Other services' credentials, recognised so an error can say what was pasted where.
//!
//! One table, first match wins, specific patterns before the shared prefixes. The patterns
//! follow the published secret-scanner rules of gitleaks and trufflehog. Where a prefix is
//! shared (`pk_live_` by Stripe, Clerk and Paystack; `sk-` by OpenAI, Anthropic and others) and
//! the value does not tell them apart, the entry says so instead of guessing.

use std::sync::{LazyLock, OnceLock};

use regex_lite::Regex;

/// A recognised credential of another service.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub(crate) struct Foreign {
    /// Who issues it (`"Stripe"`, or `"Stripe, Clerk, Paystack"` when the prefix is shared).
    pub provider: &'static str,
    /// What it is, for messages: "a Stripe webhook signing secret".
    pub what: &'static str,
    /// How many leading characters are the provider's public prefix, safe to show.
    pub prefix_len: usize,
}

struct Entry {
    provider: &'static str,
    what: &'static str,
    /// Anchored pattern; the group `p` is the public prefix.
    pattern: &'static str,
    /// An extra test the pattern cannot express (decoding), if any.
    confirm: Option<fn(&str) -> bool>,
}

const fn entry(provider: &'static str, what: &'static str, pattern: &'static str) -> Entry {
    Entry {
        provider,
        what,
        pattern,
        confirm: None,
    }
}

/// The recognisers, most specific first.
const TABLE: &[Entry] = &[
    entry("Paystack", "a Paystack API key", r"^(?P<p>[ps]k_(?:live|test)_)[0-9a-f]{40}$"),
    Entry {
        provider: "Clerk",
        what: "a Clerk publishable key",
        pattern: r"^(?P<p>pk_(?:live|test)_)[A-Za-z0-9+/]{8,}={0,2}$",
        confirm: Some(is_clerk_publishable),
    },
    entry("Stripe", "a Stripe webhook signing secret", r"^(?P<p>whsec_)[A-Za-z0-9+/=]{16,}$"),
    entry("Stripe", "a Stripe restricted API key", r"^(?P<p>rk_(?:live|test|prod)_)[0-9A-Za-z]{16,}$"),
    entry(
        "Stripe, Clerk, Paystack",
        "a Stripe-style key (the `pk_`/`sk_` prefix of Stripe, Clerk, Paystack and others)",
        r"^(?P<p>[ps]k_(?:live|test|prod)_)[0-9A-Za-z_]{8,}$",
    ),
    entry("Anthropic", "an Anthropic API key", r"^(?P<p>sk-ant-)[A-Za-z0-9_-]{16,}$"),
    entry(
        "OpenAI",
        "an OpenAI API key",
        r"^(?P<p>sk-(?:proj-|svcacct-|admin-)?)[A-Za-z0-9_-]*T3BlbkFJ[A-Za-z0-9_-]*$",
    ),
    entry("OpenAI", "an OpenAI API key", r"^(?P<p>sk-(?:proj|svcacct|admin)-)[A-Za-z0-9_-]{16,}$"),
    entry("OpenRouter", "an OpenRouter API key", r"^(?P<p>sk-or-v1-)[0-9a-f]{64}$"),
    entry(
        "OpenAI, Anthropic, OpenRouter",
        "an `sk-` API key (the prefix of OpenAI, Anthropic, OpenRouter and others)",
        r"^(?P<p>sk-)[A-Za-z0-9_-]{16,}$",
    ),
    entry("AWS", "an AWS access key id", r"^(?P<p>(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9]))[A-Z0-9]{16}$"),
    entry("GitHub", "a GitHub token", r"^(?P<p>gh[pousr]_)[A-Za-z0-9]{30,}$"),
    entry("GitHub", "a GitHub fine-grained token", r"^(?P<p>github_pat_)[A-Za-z0-9_]{22,}$"),
    entry(
        "GitLab",
        "a GitLab token",
        r"^(?P<p>gl(?:pat|dt|ptt|rt|cbt|oas|soat|ffct|imt|agent)-)[A-Za-z0-9_-]{20,}$",
    ),
    entry("Slack", "a Slack token", r"^(?P<p>xox[abposr]-)[0-9A-Za-z-]{10,}$"),
    entry("Slack", "a Slack app token", r"^(?P<p>xapp-)[0-9]-[0-9A-Za-z-]{10,}$"),
    entry("Twilio", "a Twilio API key SID", r"^(?P<p>SK)[0-9a-fA-F]{32}$"),
    entry("Twilio", "a Twilio account SID", r"^(?P<p>AC)[0-9a-fA-F]{32}$"),
    entry("SendGrid", "a SendGrid API key", r"^(?P<p>SG\.)[A-Za-z0-9_-]{16,32}\.[A-Za-z0-9_-]{16,64}$"),
    entry("Google", "a Google (Firebase) API key", r"^(?P<p>AIza)[0-9A-Za-z_-]{35}$"),
    entry("Mailgun", "a Mailgun API key", r"^(?P<p>key-)[0-9a-f]{32}$"),
    entry("Mailgun", "a Mailgun API key", r"^(?P<p>)[0-9a-f]{32}-[0-9a-f]{8}-[0-9a-f]{8}$"),
    entry("Mailgun", "a Mailgun public validation key", r"^(?P<p>pubkey-)[0-9a-f]{32}$"),
    entry("Mapbox", "a Mapbox access token", r"^(?P<p>[ps]k\.)eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$"),
    entry("Resend", "a Resend API key", r"^(?P<p>re_)[A-Za-z0-9]{8,}_[A-Za-z0-9]{16,}$"),
    entry("Square", "a Square access token", r"^(?P<p>sq0(?:atp|csp|idp)-)[0-9A-Za-z_-]{22,}$"),
    entry("Square", "a Square access token", r"^(?P<p>EAAA)[0-9A-Za-z_-]{60}$"),
    entry("Shopify", "a Shopify access token", r"^(?P<p>shp(?:at|ss|ca|pa)_)[a-fA-F0-9]{32}$"),
    entry("npm", "an npm access token", r"^(?P<p>npm_)[A-Za-z0-9]{36}$"),
    entry("Supabase", "a Supabase access token", r"^(?P<p>sbp_)[a-f0-9]{40}$"),
    entry(
        "Supabase",
        "a Supabase API key",
        r"^(?P<p>sb_(?:publishable|secret)_)[A-Za-z0-9_-]{16,}$",
    ),
    Entry {
        provider: "Supabase",
        what: "a Supabase key (a JSON Web Token issued by Supabase)",
        pattern: r"^(?P<p>eyJ)[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$",
        confirm: Some(is_supabase_jwt),
    },
    entry(
        "a JSON Web Token",
        "a JSON Web Token (a signed token such as a session or Supabase key, not a Pusher credential)",
        r"^(?P<p>eyJ)[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$",
    ),
    entry(
        "Ably",
        "an Ably API key (`appId.keyId:secret`)",
        r"^(?P<p>)[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}:[A-Za-z0-9_+/=-]{16,}$",
    ),
];

/// The table's patterns, each compiled when a value could first match it (see [`literal`]):
/// a check of a typical `.env` compiles a handful, not all of them.
static ANCHORED: [OnceLock<Regex>; TABLE.len()] = [const { OnceLock::new() }; TABLE.len()];

/// The table's patterns without their anchors, for [`recognise_within`], compiled likewise.
static UNANCHORED: [OnceLock<Regex>; TABLE.len()] = [const { OnceLock::new() }; TABLE.len()];

impl Entry {
    /// The pattern, anchored or not, compiled once.
    fn regex(&self, index: usize, anchored: bool) -> &'static Regex {
        let (cell, pattern) = if anchored {
            (&ANCHORED[index], self.pattern)
        } else {
            let bare = self.pattern.trim_start_matches('^').trim_end_matches('$');
            (&UNANCHORED[index], bare)
        };
        cell.get_or_init(|| Regex::new(pattern).expect("provider patterns are tested"))
    }
}

/// Text every match of `pattern` contains: the first run of plain characters, after a leading
/// character class if there is one (`k_` of `^(?P<p>[ps]k_(?:live|test)_)…`, `-` of
/// `^(?P<p>)[0-9a-f]{32}-…`); empty when the pattern starts with a group. Values without it
/// are not tried against the pattern. (The patterns are ours, written in this plain form; the
/// provider tests recognise a real example of each, so a wrong literal fails them.)
fn literal(pattern: &str) -> String {
    let rest = pattern.trim_start_matches('^');
    let mut rest = rest.strip_prefix("(?P<p>").unwrap_or(rest);
    rest = rest.strip_prefix(')').unwrap_or(rest);
    // One leading class, with its quantifier.
    if let Some(class) = rest.strip_prefix('[') {
        let Some(end) = class.find(']') else {
            return String::new();
        };
        rest = skip_quantifier(&class[end + 1..]);
    }
    let mut literal = String::new();
    let mut chars = rest.chars().peekable();
    while let Some(c) = chars.next() {
        let c = match c {
            // The end of the prefix group: the only group the scan can be in.
            ')' => continue,
            '\\' => match chars.next() {
                Some(escaped @ ('.' | '-' | '_')) => escaped,
                _ => break,
            },
            c if c.is_ascii_alphanumeric() || c == '_' || c == '-' => c,
            _ => break,
        };
        match chars.peek() {
            // Optional: not required of a match.
            Some('?' | '*' | '{') => break,
            Some('+') => {
                literal.push(c);
                break;
            }
            _ => literal.push(c),
        }
    }
    literal
}

/// `rest` after a quantifier (`{4,}`, `+`, `*`, `?`) at its start, if any.
fn skip_quantifier(rest: &str) -> &str {
    if let Some(counted) = rest.strip_prefix('{') {
        return counted.find('}').map_or(rest, |end| &counted[end + 1..]);
    }
    rest.strip_prefix(['+', '*', '?']).unwrap_or(rest)
}

/// Each entry's [`literal`], worked out once.
static LITERALS: LazyLock<Vec<String>> =
    LazyLock::new(|| TABLE.iter().map(|entry| literal(entry.pattern)).collect());

/// The fewest characters any pattern of the table matches: a JSON Web Token's
/// `eyJ?.eyJ?.` (10); every other credential is longer. Shorter values (a cluster, a port, an
/// app id) are not tried, which saves most of the work on a typical `.env`.
const SHORTEST_MATCH: usize = 10;

/// The other service whose credential `value` is, if any.
pub(crate) fn recognise(value: &str) -> Option<Foreign> {
    if value.len() < SHORTEST_MATCH {
        return None;
    }
    recognise_entry(value).map(|(_, foreign)| foreign)
}

/// Another service's credential anywhere in `value` (`https://AKIA….example.org`, a token
/// pasted twice), starting where a word starts: the whole value masked is all a message may
/// show of it.
pub(crate) fn recognise_within(value: &str) -> Option<Foreign> {
    if value.len() < SHORTEST_MATCH {
        return None;
    }
    if let Some(foreign) = recognise(value) {
        return Some(foreign);
    }
    TABLE
        .iter()
        .enumerate()
        .filter(|(index, _)| value.contains(LITERALS[*index].as_str()))
        .find_map(|(index, entry)| {
            let regex = entry.regex(index, false);
            let starts_a_word = regex.find_iter(value).any(|m| {
                let before = value[..m.start()].chars().next_back();
                !before.is_some_and(|c| c.is_ascii_alphanumeric())
                    && entry.confirm.is_none_or(|confirm| confirm(m.as_str()))
            });
            starts_a_word.then_some(Foreign {
                provider: entry.provider,
                what: entry.what,
                prefix_len: 0,
            })
        })
}

/// [`recognise`], with the index of the table entry that matched.
fn recognise_entry(value: &str) -> Option<(usize, Foreign)> {
    TABLE
        .iter()
        .enumerate()
        .filter(|(index, _)| value.contains(LITERALS[*index].as_str()))
        .find_map(|(index, entry)| {
            let regex = entry.regex(index, true);
            // `is_match` first: cheaper than `captures`, and most values match nothing.
            if !regex.is_match(value) {
                return None;
            }
            let captures = regex.captures(value)?;
            if entry.confirm.is_some_and(|confirm| !confirm(value)) {
                return None;
            }
            let prefix_len = captures.name("p").map_or(0, |p| p.as_str().chars().count());
            let foreign = Foreign {
                provider: entry.provider,
                what: entry.what,
                prefix_len,
            };
            Some((index, foreign))
        })
}

/// Clerk publishable keys are `pk_{live,test}_` and the base64 of the Frontend API host
/// followed by `$`.
fn is_clerk_publishable(value: &str) -> bool {
    let encoded = value.splitn(3, '_').nth(2).unwrap_or("");
    decode_base64(encoded).is_some_and(|host| {
        host.last() == Some(&b'$')
            && host[..host.len() - 1]
                .iter()
                .all(|b| b.is_ascii_alphanumeric() || *b == b'.' || *b == b'-')
            && host.contains(&b'.')
    })
}

/// Supabase's legacy anon and service-role keys are JWTs whose payload names the issuer
/// `supabase`.
fn is_supabase_jwt(value: &str) -> bool {
    let payload = value.split('.').nth(1).unwrap_or("");
    decode_base64(payload).is_some_and(|json| {
        let json = String::from_utf8_lossy(&json);
        json.contains("\"iss\":\"supabase\"") || json.contains("\"iss\": \"supabase\"")
    })
}

/// Decodes base64 in either alphabet (standard or URL-safe), padded or not. Only used to
/// recognise a credential's shape, so a tiny decoder serves instead of another dependency
/// compiled into every user's build.
fn decode_base64(text: &str) -> Option<Vec<u8>> {
    let mut bits = 0u32;
    let mut count = 0;
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    for byte in text.trim_end_matches('=').bytes() {
        let sextet = match byte {
            b'A'..=b'Z' => byte - b'A',
            b'a'..=b'z' => byte - b'a' + 26,
            b'0'..=b'9' => byte - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            _ => return None,
        };
        bits = (bits << 6) | u32::from(sextet);
        count += 6;
        if count >= 8 {
            count -= 8;
            out.push((bits >> count) as u8);
            bits &= (1 << count) - 1;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests;
