use super::*;

fn provider(value: &str) -> Option<&'static str> {
    recognise(value).map(|f| f.provider)
}

#[test]
fn every_pattern_compiles() {
    for (index, entry) in TABLE.iter().enumerate() {
        // Every pattern compiles, both ways.
        entry.regex(index, true);
        entry.regex(index, false);
    }
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

#[test]
fn the_literal_a_pattern_starts_with_is_required_of_every_match() {
    assert_eq!(literal(r"^(?P<p>pk_(?:live|test)_)[A-Za-z0-9]{8,}$"), "pk_");
    assert_eq!(literal(r"^(?P<p>SG\.)[A-Za-z0-9_-]{16,32}$"), "SG.");
    assert_eq!(literal(r"^(?P<p>[ps]k_(?:live|test)_)[0-9a-f]{40}$"), "k_");
    assert_eq!(literal(r"^(?P<p>[ps]k\.)eyJ[A-Za-z0-9_-]+$"), "k.eyJ");
    assert_eq!(literal(r"^(?P<p>)[0-9a-f]{32}-[0-9a-f]{8}$"), "-");
    assert_eq!(
        literal(r"^(?P<p>)[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}:[a-z]{16,}$"),
        "."
    );
    assert_eq!(literal(r"^(?P<p>(?:AKIA|ASIA))[A-Z0-9]{16}$"), "");
    assert_eq!(literal(r"^(?P<p>xox[abposr]-)[0-9A-Za-z-]{10,}$"), "xox");
    assert_eq!(
        literal(r"^(?P<p>sk-(?:proj-|svcacct-|admin-)?)T3BlbkFJ$"),
        "sk-"
    );
    assert_eq!(literal(r"^(?P<p>ab?c)$"), "a");
    assert_eq!(literal(r"^(?P<p>)[0-9a-f]{32}$"), "");
    assert_eq!(literal(r"^(?P<p>ab+c)$"), "ab");
}

#[test]
fn the_shortest_credential_the_table_matches_is_tried_and_nothing_shorter() {
    // A JSON Web Token with one-character header and payload: the shortest match of any
    // pattern, `SHORTEST_MATCH` long.
    let jwt = "eyJa.eyJb.";
    assert_eq!(jwt.len(), SHORTEST_MATCH);
    assert!(recognise(jwt).is_some());
    assert!(recognise_within(&format!("x {jwt}")).is_some());
    // No pattern matches a shorter run of any one character a credential is made of.
    for entry in TABLE {
        let bare = entry.pattern.trim_start_matches('^').trim_end_matches('$');
        let regex = regex_lite::Regex::new(&format!("^(?:{bare})$")).expect("compiles");
        for len in 0..SHORTEST_MATCH {
            for fill in ['a', '0', 'A', '.', '-', '_', ':'] {
                let probe: String = std::iter::repeat_n(fill, len).collect();
                assert!(
                    !regex.is_match(&probe),
                    "{} matches {probe:?}",
                    entry.pattern
                );
            }
        }
    }
}
