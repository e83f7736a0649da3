//! Other services' credentials, recognised so an error can say what was pasted where.
//!
//! One table, first match wins, specific patterns before the shared prefixes. The patterns
//! follow the published secret-scanner rules of gitleaks and trufflehog. Where a prefix is
//! shared (`pk_live_` by Stripe, Clerk and Paystack; `sk-` by OpenAI, Anthropic and others) and
//! the value does not tell them apart, the entry says so instead of guessing.

use std::sync::OnceLock;

use regex_lite::Regex;

/// A recognised credential of another service.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Foreign {
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

fn compiled() -> &'static [Regex] {
    static COMPILED: OnceLock<Vec<Regex>> = OnceLock::new();
    COMPILED.get_or_init(|| {
        TABLE
            .iter()
            .map(|entry| Regex::new(entry.pattern).expect("provider patterns are tested"))
            .collect()
    })
}

/// The other service whose credential `value` is, if any.
pub fn recognise(value: &str) -> Option<Foreign> {
    recognise_entry(value).map(|(_, foreign)| foreign)
}

/// Another service's credential anywhere in `value` (`https://AKIA….example.org`, a token
/// pasted twice), starting where a word starts: the whole value masked is all a message may
/// show of it.
pub fn recognise_within(value: &str) -> Option<Foreign> {
    if let Some(foreign) = recognise(value) {
        return Some(foreign);
    }
    TABLE.iter().zip(unanchored()).find_map(|(entry, regex)| {
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

/// The table's patterns without their anchors, for [`recognise_within`].
fn unanchored() -> &'static [Regex] {
    static COMPILED: OnceLock<Vec<Regex>> = OnceLock::new();
    COMPILED.get_or_init(|| {
        TABLE
            .iter()
            .map(|entry| {
                let pattern = entry.pattern.trim_start_matches('^').trim_end_matches('$');
                Regex::new(pattern).expect("provider patterns are tested")
            })
            .collect()
    })
}

/// [`recognise`], with the index of the table entry that matched.
fn recognise_entry(value: &str) -> Option<(usize, Foreign)> {
    TABLE
        .iter()
        .zip(compiled())
        .enumerate()
        .find_map(|(index, (entry, regex))| {
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
mod tests {
    use super::*;

    fn provider(value: &str) -> Option<&'static str> {
        recognise(value).map(|f| f.provider)
    }

    #[test]
    fn every_pattern_compiles() {
        assert_eq!(compiled().len(), TABLE.len());
        assert_eq!(unanchored().len(), TABLE.len());
    }

    #[test]
    fn credentials_inside_a_value_are_found_where_a_word_starts() {
        let github = "ghp_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";
        for value in [
            format!("{github}{github}"),
            format!("https://{github}.example.org"),
            "https://AKIAABCDEFGHIJKLMNOP.example.org".to_owned(),
        ] {
            assert!(
                recognise(&value).is_none() || value.starts_with("ghp"),
                "{value}"
            );
            assert!(recognise_within(&value).is_some(), "{value}");
        }
        for value in [
            "ws.example.org",
            "task-abcdefghijklmnopqrstu",
            "soketi",
            "api-eu.pusher.com",
        ] {
            assert_eq!(recognise_within(value), None, "{value}");
        }
    }

    #[test]
    fn base64_decodes_both_alphabets() {
        assert_eq!(decode_base64("aGk_").as_deref(), Some(&b"hi?"[..]));
        assert_eq!(decode_base64("aGk/").as_deref(), Some(&b"hi?"[..]));
        assert_eq!(decode_base64("aGk=").as_deref(), Some(&b"hi"[..]));
        assert_eq!(decode_base64("fn5-").as_deref(), Some(&b"~~~"[..]));
        assert_eq!(decode_base64("fn5+").as_deref(), Some(&b"~~~"[..]));
        assert_eq!(decode_base64("a!"), None);
    }

    #[test]
    fn stripe_style_prefixes_stay_ambiguous_unless_the_value_tells() {
        // Made-up values in each provider's shape.
        let stripe = "pk_live_51Hq2xK7f3Rb9QmZpL0sT4vW8yA1cE5gI7kM9oQ2sU4wY6aC8eG0iK2mO4qS6uW8yA";
        assert_eq!(provider(stripe), Some("Stripe, Clerk, Paystack"));
        let paystack = "sk_test_0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c";
        assert_eq!(provider(paystack), Some("Paystack"));
        // base64("example-app-12.clerk.accounts.dev$")
        let clerk = "pk_test_ZXhhbXBsZS1hcHAtMTIuY2xlcmsuYWNjb3VudHMuZGV2JA";
        assert_eq!(provider(clerk), Some("Clerk"));
        // Clerk's shape without the `$` after the host, or without a dot in it, is not Clerk's.
        // base64("example-app-12.clerk.accounts.dev"), base64("example-app-12$")
        for lookalike in [
            "pk_test_ZXhhbXBsZS1hcHAtMTIuY2xlcmsuYWNjb3VudHMuZGV2",
            "pk_test_ZXhhbXBsZS1hcHAtMTIk",
        ] {
            assert_eq!(
                provider(lookalike),
                Some("Stripe, Clerk, Paystack"),
                "{lookalike}"
            );
        }
        assert_eq!(provider("rk_live_9aB8cD7eF6gH5iJ4kL3mN2oP"), Some("Stripe"));
        assert_eq!(
            provider("whsec_3f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c"),
            Some("Stripe")
        );
    }

    #[test]
    fn sk_dash_keys_are_named_when_the_value_tells() {
        let anthropic = "sk-ant-api03-a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";
        assert_eq!(provider(anthropic), Some("Anthropic"));
        let openai = "sk-proj-a1B2c3D4e5T3BlbkFJf6G7h8I9j0K1l2";
        assert_eq!(provider(openai), Some("OpenAI"));
        let unknown = "sk-a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6";
        assert_eq!(provider(unknown), Some("OpenAI, Anthropic, OpenRouter"));
    }

    /// One made-up value in each entry's shape, in table order.
    const EXAMPLES: &[(&str, &str)] = &[
        ("sk_test_0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c", "Paystack"),
        ("pk_test_ZXhhbXBsZS1hcHAtMTIuY2xlcmsuYWNjb3VudHMuZGV2JA", "Clerk"),
        ("whsec_3f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c", "Stripe"),
        ("rk_live_9aB8cD7eF6gH5iJ4kL3mN2oP", "Stripe"),
        ("pk_live_51Hq2xK7f3Rb9QmZpL0sT4vW8yA1cE5gI7kM9", "Stripe, Clerk, Paystack"),
        ("sk-ant-api03-a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8", "Anthropic"),
        ("sk-proj-a1B2c3D4e5T3BlbkFJf6G7h8I9j0K1l2", "OpenAI"),
        ("sk-svcacct-q8W7e6R5t4Y3u2I1o0P9a8S7d6F5", "OpenAI"),
        (
            "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",
            "OpenRouter",
        ),
        ("sk-a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6", "OpenAI, Anthropic, OpenRouter"),
        ("AKIAQ3EGRUV7EXAMPL3S", "AWS"),
        ("ghp_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8", "GitHub"),
        (
            "github_pat_11ABCDEFG0a1B2c3D4e5F6_g7H8i9J0k1L2m3N4o5P6q7R8s9T0u1V2w3X4y5Z6a7B8c9D0e1F2g3H4",
            "GitHub",
        ),
        ("glpat-a1B2c3D4e5F6g7H8i9J0", "GitLab"),
        ("xoxb-1234567890-abcdefghij", "Slack"),
        ("xapp-1-A0123456789-0123456789012-abcdef0123456789", "Slack"),
        ("SK0123456789abcdef0123456789abcdef", "Twilio"),
        ("AC0123456789abcdef0123456789abcdef", "Twilio"),
        (
            "SG.a1B2c3D4e5F6g7H8i9J0kL.a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8s9T0u1V",
            "SendGrid",
        ),
        ("AIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q", "Google"),
        ("key-0123456789abcdef0123456789abcdef", "Mailgun"),
        ("0123456789abcdef0123456789abcdef-0a1b2c3d-4e5f6a7b", "Mailgun"),
        ("pubkey-0123456789abcdef0123456789abcdef", "Mailgun"),
        ("pk.eyJ1IjoiZXhhbXBsZSIsImEiOiJjazEyMyJ9.a1B2c3D4e5F6g7H8", "Mapbox"),
        ("re_a1B2c3D4_e5F6g7H8i9J0k1L2m3N4", "Resend"),
        ("sq0atp-a1B2c3D4e5F6g7H8i9J0k1", "Square"),
        (
            "EAAAl0a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8s9T0u1V2w3X4y5Z6a7B8c9",
            "Square",
        ),
        ("shpat_0123456789abcdef0123456789abcdef", "Shopify"),
        ("npm_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8", "npm"),
        ("sbp_0123456789abcdef0123456789abcdef01234567", "Supabase"),
        ("sb_secret_a1B2c3D4e5F6g7H8i9J0k1L2", "Supabase"),
        (
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJvbGUiOiJhbm9uIn0.c2lnbmF0dXJl",
            "Supabase",
        ),
        (
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI0MiJ9.c2lnbmF0dXJl",
            "a JSON Web Token",
        ),
        ("aBcD12.eFgH34:a1B2c3D4e5F6g7H8i9J0k1L2", "Ably"),
    ];

    #[test]
    fn every_recogniser_names_a_value_of_its_own_shape() {
        assert_eq!(EXAMPLES.len(), TABLE.len());
        for (index, (value, provider)) in EXAMPLES.iter().enumerate() {
            let found = recognise_entry(value);
            assert_eq!(
                found.map(|(entry, foreign)| (entry, foreign.provider)),
                Some((index, *provider)),
                "{value} should be recognised by entry {index}: {}",
                TABLE[index].what
            );
        }
    }

    #[test]
    fn jwts_name_supabase_only_when_it_issued_them() {
        // {"alg":"HS256","typ":"JWT"} . {"iss":"supabase","role":"anon"} . made-up signature
        let supabase =
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJvbGUiOiJhbm9uIn0.c2lnbmF0dXJl";
        assert_eq!(provider(supabase), Some("Supabase"));
        // {"sub":"42"}
        let other = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI0MiJ9.c2lnbmF0dXJl";
        assert_eq!(provider(other), Some("a JSON Web Token"));
    }

    #[test]
    fn pusher_shaped_and_self_hosted_values_are_not_foreign() {
        for value in [
            "278d425bdf160c739803",
            "app-key",
            "app-secret",
            "1234567",
            "eu",
            "mt1",
        ] {
            assert_eq!(recognise(value), None, "{value}");
        }
    }
}
