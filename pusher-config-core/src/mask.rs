//! Showing a credential without giving it away: a short prefix and the length, or for a secret
//! the length alone ([`Redacted`]), never the value.

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
/// # extern crate pusher_config_core as pusher_config;
/// use pusher_config::mask::Masked;
/// assert_eq!(Masked("278d425bdf160c739803").to_string(), "`278d…` (20 chars)");
/// assert_eq!(Masked("abc").to_string(), "(3 chars)");
/// ```
#[derive(Clone, Copy)]
pub struct Masked<'a>(pub &'a str);

/// Displays a secret as `[redacted secret, 20 chars]`: its length in characters, nothing of
/// its value. The one spelling of a redaction in this crate (`Secret`'s `Display` and `Debug`,
/// a signer's secret); `Debug` is the same text.
///
/// ```
/// # extern crate pusher_config_core as pusher_config;
/// use pusher_config::mask::Redacted;
/// assert_eq!(
///     Redacted("7ad3773142a6692b25b8").to_string(),
///     "[redacted secret, 20 chars]"
/// );
/// assert_eq!(format!("{:?}", Redacted("")), "[redacted secret, 0 chars]");
/// ```
#[derive(Clone, Copy)]
pub struct Redacted<'a>(pub &'a str);

impl fmt::Display for Redacted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_redacted(f, self.0.chars().count(), "chars")
    }
}

/// The one spelling of a redaction: `[redacted secret, 20 chars]`, or `32 bytes` for a secret
/// that is bytes (the encryption master key).
pub(crate) fn write_redacted(f: &mut fmt::Formatter<'_>, len: usize, unit: &str) -> fmt::Result {
    write!(f, "[redacted secret, {len} {unit}]")
}

impl fmt::Debug for Redacted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

/// Displays a value as `abcd… (20 chars)`: [`Masked`] without the backticks, for text where
/// they would be noise (a host in a summary, a close reason). Short values show only their
/// length.
#[derive(Clone, Copy)]
pub(crate) struct MaskedPlain<'a>(pub(crate) &'a str);

/// Whether a run of letters and digits in `value` could be a credential: six or more digits in
/// a row (an app id), twelve or more mixed letters and digits, sixteen or more hex digits or
/// upper-case letters and digits, ten or more of mixed case, or any run of 24 or more.
pub(crate) fn has_credential_like_run(value: &str) -> bool {
    value
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|run| {
            let digits = run.bytes().filter(u8::is_ascii_digit).count();
            let digit_run = run
                .split(|c: char| !c.is_ascii_digit())
                .any(|digits| digits.len() >= 6);
            let hex = run.bytes().all(|b| b.is_ascii_hexdigit());
            let upper = run
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
            let mixed_case = run.bytes().any(|b| b.is_ascii_uppercase())
                && run.bytes().any(|b| b.is_ascii_lowercase());
            // A run of twelve or more with a digit has a letter too: twelve digits are a
            // digit run already.
            digit_run
                || (run.len() >= 12 && digits > 0)
                || (run.len() >= 16 && (hex || upper))
                || (run.len() >= 10 && mixed_case)
                || run.len() >= 24
        })
}

/// A setting's value (host, cluster) in a summary or `Debug`: whole unless it could be a
/// credential, which a client build, never reading the secret, cannot rule out.
pub(crate) struct Setting<'a>(pub(crate) &'a str);

impl Setting<'_> {
    fn is_whole(&self) -> bool {
        !has_credential_like_run(self.0) && !self.0.chars().any(char::is_control)
    }
}

impl fmt::Debug for Setting<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_whole() {
            fmt::Debug::fmt(self.0, f)
        } else {
            fmt::Display::fmt(&Masked(self.0), f)
        }
    }
}

impl fmt::Display for Setting<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_whole() {
            f.write_str(self.0)
        } else {
            fmt::Display::fmt(&MaskedPlain(self.0), f)
        }
    }
}

/// The prefix that may be shown of `value`, and its length in characters.
fn prefix_and_len(value: &str) -> (&str, usize) {
    let len = value.chars().count();
    prefix_of(value, len, shown_chars(len))
}

/// The first `shown` characters of `value` (of `len` characters), and `len`.
fn prefix_of(value: &str, len: usize, shown: usize) -> (&str, usize) {
    let end = value
        .char_indices()
        .nth(shown)
        .map_or(value.len(), |(i, _)| i);
    (&value[..end], len)
}

/// The one place the masked format is written: `` `prefix…` (N chars) `` when `quoted`,
/// `prefix… (N chars)` otherwise, and `(N chars)` alone for an empty prefix.
fn write_masked(
    f: &mut fmt::Formatter<'_>,
    (prefix, len): (&str, usize),
    quoted: bool,
) -> fmt::Result {
    match (prefix.is_empty(), quoted) {
        (true, _) => write!(f, "({len} chars)"),
        (false, true) => write!(f, "`{prefix}…` ({len} chars)"),
        (false, false) => write!(f, "{prefix}… ({len} chars)"),
    }
}

impl fmt::Display for Masked<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_masked(f, prefix_and_len(self.0), true)
    }
}

impl fmt::Debug for Masked<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl fmt::Display for MaskedPlain<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_masked(f, prefix_and_len(self.0), false)
    }
}

impl fmt::Debug for MaskedPlain<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

/// The shortest run of token characters that [`MaskedTokens`] masks.
#[cfg(feature = "connect")]
const MIN_TOKEN_LEN: usize = 12;

/// Displays free text (a server's close reason) with every token of at least 12 characters
/// made of ASCII letters, digits, `_` and `-` masked as [`MaskedPlain`]: an app key
/// (20 hex characters) or a pasted `pk_live_…` key shows as `278d… (20 chars)`, and shorter
/// words stay readable.
#[cfg(feature = "connect")]
#[derive(Clone, Copy)]
pub(crate) struct MaskedTokens<'a>(pub(crate) &'a str);

#[cfg(feature = "connect")]
impl fmt::Display for MaskedTokens<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let is_token_byte = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-');
        let text = self.0;
        let bytes = text.as_bytes();
        // Every byte a run is made of is ASCII, so run boundaries are char boundaries.
        let (mut written, mut i) = (0, 0);
        while i < bytes.len() {
            if !is_token_byte(bytes[i]) {
                i += 1;
                continue;
            }
            let start = i;
            while i < bytes.len() && is_token_byte(bytes[i]) {
                i += 1;
            }
            // Words ("Unauthorized") stay; a credential has digits or underscores.
            let token = &bytes[start..i];
            let credential_like = token.iter().any(|b| b.is_ascii_digit() || *b == b'_');
            if i - start >= MIN_TOKEN_LEN && credential_like {
                f.write_str(&text[written..start])?;
                fmt::Display::fmt(&MaskedPlain(&text[start..i]), f)?;
                written = i;
            }
        }
        f.write_str(&text[written..])
    }
}

#[cfg(feature = "connect")]
impl fmt::Debug for MaskedTokens<'_> {
    /// The masked text as a quoted, escaped string, like `str`'s `Debug`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.to_string(), f)
    }
}

/// Displays a value whose first `known` characters are a provider's public prefix (`pk_live_`,
/// `ghp_`): the prefix is shown since it is what identifies the value, never the rest.
#[cfg(feature = "rule-set")]
pub(crate) struct WithKnownPrefix<'a> {
    pub(crate) value: &'a str,
    pub(crate) known: usize,
}

#[cfg(feature = "rule-set")]
impl fmt::Display for WithKnownPrefix<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let len = self.value.chars().count();
        // A prefix is shown only while most of the value stays hidden.
        let known = if self.known * 2 <= len {
            self.known
        } else {
            shown_chars(len)
        };
        write_masked(f, prefix_of(self.value, len, known), true)
    }
}

#[cfg(test)]
mod tests;
