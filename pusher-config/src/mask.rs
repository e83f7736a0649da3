//! Showing a credential without giving it away: a short prefix and the length, never the value.

use std::fmt;

/// How many leading characters of a value of `len` characters may be shown: none for short
/// values, at most four, never more than a fifth of the value.
fn shown_chars(len: usize) -> usize {
    (len / 5).min(4)
}

/// Displays a value as `` `abcd…` (20 chars) ``: a prefix of at most four characters and the
/// length. Short values show only their length.
///
/// ```
/// use pusher_config::mask::Masked;
/// assert_eq!(Masked("278d425bdf160c739803").to_string(), "`278d…` (20 chars)");
/// assert_eq!(Masked("abc").to_string(), "(3 chars)");
/// ```
#[derive(Clone, Copy)]
pub struct Masked<'a>(pub &'a str);

/// The prefix that may be shown of `value`, and its length in characters.
pub(crate) fn prefix_and_len(value: &str) -> (String, usize) {
    let len = value.chars().count();
    (value.chars().take(shown_chars(len)).collect(), len)
}

impl fmt::Display for Masked<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (prefix, len) = prefix_and_len(self.0);
        if prefix.is_empty() {
            write!(f, "({len} chars)")
        } else {
            write!(f, "`{prefix}…` ({len} chars)")
        }
    }
}

impl fmt::Debug for Masked<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

/// Displays a value whose first `known` characters are a provider's public prefix (`pk_live_`,
/// `ghp_`): the prefix is shown since it is what identifies the value, never the rest.
#[cfg(feature = "rules")]
pub(crate) struct WithKnownPrefix<'a> {
    pub(crate) value: &'a str,
    pub(crate) known: usize,
}

#[cfg(feature = "rules")]
impl fmt::Display for WithKnownPrefix<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let len = self.value.chars().count();
        // A prefix is shown only while most of the value stays hidden.
        let known = if self.known * 2 <= len {
            self.known
        } else {
            shown_chars(len)
        };
        let prefix: String = self.value.chars().take(known).collect();
        if prefix.is_empty() {
            write!(f, "({len} chars)")
        } else {
            write!(f, "`{prefix}…` ({len} chars)")
        }
    }
}

#[cfg(test)]
mod tests {
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

    #[cfg(feature = "rules")]
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
}
