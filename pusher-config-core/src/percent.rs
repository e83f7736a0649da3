//! Percent-encoding for URLs and query strings: the one implementation that the WebSocket
//! URL (`connect`) and signed REST queries (`signing`) share.

use std::fmt;

/// Displays a value percent-encoded: every byte of its UTF-8 other than the RFC 3986
/// unreserved characters (`A-Z a-z 0-9 - . _ ~`) as `%XX`, uppercase hex.
///
/// The same set serves a path segment (the key in `/app/{key}`) and a query's names and
/// values: nothing that could end or split either (`/ ? # & = +`, spaces) is left as is.
#[derive(Clone, Copy)]
pub(crate) struct PercentEncoded<'a>(pub(crate) &'a str);

fn is_unreserved(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~')
}

impl fmt::Display for PercentEncoded<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let value = self.0;
        // Runs of unreserved bytes are written whole. A non-empty run is ASCII, so it starts
        // and ends on character boundaries; `start` may be inside a character only while the
        // run is empty.
        let mut start = 0;
        for (i, byte) in value.bytes().enumerate() {
            if is_unreserved(byte) {
                continue;
            }
            if start < i {
                f.write_str(&value[start..i])?;
            }
            write!(f, "%{byte:02X}")?;
            start = i + 1;
        }
        f.write_str(&value[start..])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_unreserved_and_encodes_the_rest() {
        let unreserved = "ABCXYZabcxyz0189-._~";
        assert_eq!(PercentEncoded(unreserved).to_string(), unreserved);
        assert_eq!(
            PercentEncoded("a b/c?d#e&f=g+h%i:j,k").to_string(),
            "a%20b%2Fc%3Fd%23e%26f%3Dg%2Bh%25i%3Aj%2Ck"
        );
        assert_eq!(PercentEncoded("é~ü+").to_string(), "%C3%A9~%C3%BC%2B");
        assert_eq!(PercentEncoded("\n\u{7f}").to_string(), "%0A%7F");
        assert_eq!(PercentEncoded("").to_string(), "");
    }
}
