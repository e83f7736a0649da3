//! Unit tests of the masks, the redaction and the credential-like check.

use super::*;

#[test]
fn masked_never_shows_more_than_a_fifth() {
    for len in 0..64 {
        let value: String = "abcdefghij".chars().cycle().take(len).collect();
        let shown = Masked(&value).to_string();
        let prefix = shown
            .split('…')
            .next()
            .unwrap_or("")
            .trim_start_matches('`');
        assert!(prefix.chars().count() * 5 <= len.max(1) || prefix.starts_with('('));
        assert!(shown.contains(&format!("({len} chars)")), "{shown}");
    }
}

#[test]
fn plain_is_masked_without_backticks() {
    assert_eq!(
        MaskedPlain("278d425bdf160c739803").to_string(),
        "278d… (20 chars)"
    );
    assert_eq!(MaskedPlain("abc").to_string(), "(3 chars)");
    // Multi-byte characters are cut at a character boundary and counted as characters.
    assert_eq!(MaskedPlain("ééééééééééé").to_string(), "éé… (11 chars)");
}

#[cfg(feature = "connect")]
#[test]
fn tokens_of_twelve_characters_or_more_are_masked() {
    let reason = "App key 278d425bdf160c739803 not in this cluster. Did you forget to \
                  specify the cluster? (pk_live_51Hq2xK7f3Rb9QmZpL0sT4vW8yA1cE5gI7kM9)";
    let shown = MaskedTokens(reason).to_string();
    assert_eq!(
        shown,
        "App key 278d… (20 chars) not in this cluster. Did you forget to specify the \
         cluster? (pk_l… (45 chars))"
    );
    // Eleven characters stay, and so do words; the edges of the text are handled.
    assert_eq!(MaskedTokens("abcdefghij1").to_string(), "abcdefghij1");
    assert_eq!(MaskedTokens("abcdefghij12").to_string(), "ab… (12 chars)");
    assert_eq!(MaskedTokens("Unauthorized").to_string(), "Unauthorized");
    assert_eq!(MaskedTokens("").to_string(), "");
    assert_eq!(
        format!("{:?}", MaskedTokens("a \"b\" 0123456789abcdef")),
        "\"a \\\"b\\\" 012… (16 chars)\""
    );
}

/// How [`Setting`] displays `value`: whole, or masked.
fn shown_whole(value: &str) -> bool {
    let display = Setting(value).to_string();
    let debug = format!("{:?}", Setting(value));
    if display == value {
        assert_eq!(debug, format!("{value:?}"));
        true
    } else {
        assert_eq!(display, MaskedPlain(value).to_string());
        assert_eq!(debug, Masked(value).to_string());
        false
    }
}

#[test]
fn a_setting_that_could_be_a_credential_is_masked() {
    for value in [
        "204771.example.org",       // six digits in a row: an app id
        "a1b2c3d4e5f6.example.org", // twelve letters and digits
        "ABCDEFGHJKLMNPQR",         // sixteen upper-case letters
        "abcdefabcdefabcd",         // sixteen hex digits
        "QmZpLsTvWy.example.org",   // ten letters of mixed case
        "pusherchannelsloadbalanc", // any run of 24
        "278d425bdf160c739803.soketi.example.org",
    ] {
        assert!(!shown_whole(value), "{value}");
    }
}

#[test]
fn a_setting_of_plain_words_is_shown_whole() {
    for value in [
        "20477.example.org",        // five digits in a row are not an app id
        "a1b2c3d4e5f.example.org",  // eleven letters and digits
        "loadbalancer.example.org", // twelve lower-case letters, no digit
        "ABCDEFGHJKLMNPQ",          // fifteen upper-case letters
        "abcdefabcdefabc",          // fifteen hex digits
        "QmZpLsTvW.example.org",    // nine letters of mixed case
        "pusherchannelsloadbalan",  // 23
        "ws-eu.pusher.com",
        "soketi",
        "eu",
    ] {
        assert!(shown_whole(value), "{value}");
    }
}

#[test]
fn a_setting_with_a_control_character_is_masked() {
    assert_eq!(Setting("eu\u{1b}[2J").to_string(), "e… (6 chars)");
    assert_eq!(format!("{:?}", Setting("soketi\n")), "`s…` (7 chars)");
}

#[test]
fn masked_debug_is_its_display() {
    assert_eq!(
        format!("{:?}", MaskedPlain("278d425bdf160c739803")),
        "278d… (20 chars)"
    );
    assert_eq!(
        format!("{:?}", Masked("278d425bdf160c739803")),
        "`278d…` (20 chars)"
    );
}

#[cfg(feature = "connect")]
#[test]
fn short_tokens_anywhere_in_the_text_stay_readable() {
    let reason = "Over capacity: code 4100 for app 2047711, retry after 1s";
    assert_eq!(MaskedTokens(reason).to_string(), reason);
}

#[cfg(feature = "rule-set")]
#[test]
fn known_prefix_is_shown_only_while_at_most_half_the_value() {
    let shown = |value| WithKnownPrefix { value, known: 8 }.to_string();
    assert_eq!(shown("pk_live_51Hq2xK7"), "`pk_live_…` (16 chars)");
    assert_eq!(shown("pk_live_51Hq2xK"), "`pk_…` (15 chars)");
    assert_eq!(shown("pk_live_51Hq"), "`pk…` (12 chars)");
}

#[cfg(feature = "rule-set")]
#[test]
fn known_prefix_is_shown_only_when_the_value_is_long() {
    let long = "pk_live_51Hq2xK7f3Rb9QmZpL0sT4vW8yA1cE5gI7kM9";
    let shown = WithKnownPrefix {
        value: long,
        known: 8,
    }
    .to_string();
    assert_eq!(shown, "`pk_live_…` (45 chars)");
    let short = WithKnownPrefix {
        value: "pk_live_x",
        known: 8,
    }
    .to_string();
    assert_eq!(short, "`p…` (9 chars)");
}

#[test]
fn redacted_shows_the_length_in_characters_only() {
    let shown = Redacted("7ad3773142a6692b25b8").to_string();
    assert_eq!(shown, "[redacted secret, 20 chars]");
    assert_eq!(format!("{:?}", Redacted("7ad3773142a6692b25b8")), shown);
    assert_eq!(Redacted("ééé").to_string(), "[redacted secret, 3 chars]");
}
