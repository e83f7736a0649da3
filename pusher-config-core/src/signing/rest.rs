//! Signing requests to Pusher's HTTP API (auth version 1.0): [`SignedQuery`] and
//! [`Signer::sign_request`].

use std::fmt;
use std::time::{SystemTime, UNIX_EPOCH};

use super::error::SigningError;
use super::Signer;
use crate::mask::Masked;
use crate::percent::PercentEncoded;

/// The parameters that signing sets; a caller may not pass them.
const RESERVED: [&str; 5] = [
    "auth_key",
    "auth_timestamp",
    "auth_version",
    "body_md5",
    "auth_signature",
];

/// A signed request's query: the caller's parameters plus `auth_key`, `auth_timestamp`,
/// `auth_version`, `body_md5` (for a non-empty body), sorted by name, then `auth_signature`.
///
/// `Display` (and [`SignedQuery::to_query_string`]) gives the query string to append after
/// `?`, with names and values percent-encoded. `Debug` shows the parameters with `auth_key`
/// and `auth_signature` masked.
#[derive(Clone, PartialEq, Eq)]
pub struct SignedQuery {
    /// Sorted by name, `auth_signature` last.
    params: Vec<(String, String)>,
    string_to_sign: String,
}

impl SignedQuery {
    /// The parameters, unencoded, in query order: sorted by name, `auth_signature` last.
    pub fn params(&self) -> impl Iterator<Item = (&str, &str)> {
        self.params.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    /// The value of `auth_signature` (64 lowercase hex characters).
    pub fn signature(&self) -> &str {
        self.params.last().map_or("", |(_, v)| v.as_str())
    }

    /// What was signed: `METHOD\nPATH\nk=v&…`, parameters sorted and not URL-escaped.
    /// It contains no secret; compare it with a server's when a signature is refused.
    pub fn string_to_sign(&self) -> &str {
        &self.string_to_sign
    }

    /// The query string, `auth_key=…&…&auth_signature=…`: every byte of names and values
    /// other than RFC 3986 unreserved characters (`A-Z a-z 0-9 - . _ ~`) percent-encoded.
    ///
    /// The official Node and Python libraries append values unescaped; for values made of
    /// unreserved characters only (all of Pusher's own parameters) the strings are the same.
    pub fn to_query_string(&self) -> String {
        self.to_string()
    }
}

impl fmt::Debug for SignedQuery {
    /// `SignedQuery { params: {"auth_key": `278d…` (20 chars), …, "auth_signature": `da45…`
    /// (64 chars)}, .. }`: the key masked, the signature shortened, the string to sign (which
    /// holds the key) left out.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        struct Params<'a>(&'a [(String, String)]);
        impl fmt::Debug for Params<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                let mut map = f.debug_map();
                for (name, value) in self.0 {
                    match name.as_str() {
                        "auth_key" | "auth_signature" => map.entry(name, &Masked(value)),
                        _ => map.entry(name, value),
                    };
                }
                map.finish()
            }
        }
        f.debug_struct("SignedQuery")
            .field("params", &Params(&self.params))
            .finish_non_exhaustive()
    }
}

impl fmt::Display for SignedQuery {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_query(f, &self.params, true)
    }
}

/// Writes `params` as `name=value&…`: percent-encoded for a URL, as is for the string to sign.
fn write_query(
    out: &mut impl fmt::Write,
    params: &[(String, String)],
    percent_encoded: bool,
) -> fmt::Result {
    for (i, (name, value)) in params.iter().enumerate() {
        if i > 0 {
            out.write_char('&')?;
        }
        if percent_encoded {
            write!(out, "{}={}", PercentEncoded(name), PercentEncoded(value))?;
        } else {
            write!(out, "{name}={value}")?;
        }
    }
    Ok(())
}

/// Refuses a method that is not ASCII letters, and a path that is not absolute or holds a
/// query or fragment.
fn check_method_and_path(method: &str, path: &str) -> Result<(), SigningError> {
    if !super::is_nonempty_of(method, u8::is_ascii_alphabetic) {
        return Err(SigningError::InvalidMethod);
    }
    if !path.starts_with('/') || path.contains(['?', '#']) {
        return Err(SigningError::InvalidPath);
    }
    Ok(())
}

/// The caller's parameters, names lower-cased, refusing an empty or reserved name.
fn callers_params(params: &[(&str, &str)]) -> Result<Vec<(String, String)>, SigningError> {
    let mut all = Vec::with_capacity(params.len() + 5);
    for &(name, value) in params {
        if name.is_empty() {
            return Err(SigningError::EmptyParamName);
        }
        let name = name.to_lowercase();
        if RESERVED.contains(&name.as_str()) {
            return Err(SigningError::ReservedParam(name));
        }
        all.push((name, value.to_owned()));
    }
    Ok(all)
}

impl Signer<'_> {
    /// Signs a request to Pusher's HTTP API at `timestamp` (seconds since the Unix epoch).
    ///
    /// - `method`: `GET`, `POST`… (upper-cased for signing, as the official libraries do);
    /// - `path`: the full path, e.g. `/apps/3/events` (see [`crate::PusherConfig::api_path`]);
    /// - `params`: extra query parameters in any order; names are lower-cased, as Pusher's
    ///   reference asks;
    /// - `body`: the exact bytes to send; empty for none.
    ///
    /// Pusher refuses a timestamp more than 600 s away from its clock.
    ///
    /// ```
    /// # extern crate pusher_config_core as pusher_config;
    /// use pusher_config::signing::Signer;
    /// // The worked example of Pusher's HTTP API reference.
    /// let signer = Signer::new("278d425bdf160c739803", "7ad3773142a6692b25b8");
    /// let body = r#"{"name":"foo","channels":["project-3"],"data":"{\"some\":\"data\"}"}"#;
    /// let query = signer.sign_request("POST", "/apps/3/events", &[], body, 1353088179)?;
    /// assert_eq!(
    ///     query.to_string(),
    ///     "auth_key=278d425bdf160c739803&auth_timestamp=1353088179&auth_version=1.0\
    ///      &body_md5=ec365a775a4cd0599faeb73354201b6f\
    ///      &auth_signature=da454824c97ba181a32ccc17a72625ba02771f50b50e1e7430e47a1f3f457e6c"
    /// );
    /// # Ok::<(), pusher_config::signing::SigningError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// A method that is not ASCII letters; a path not starting with `/` or holding `?` or `#`;
    /// an empty, duplicate or reserved parameter name.
    pub fn sign_request(
        &self,
        method: &str,
        path: &str,
        params: &[(&str, &str)],
        body: impl AsRef<[u8]>,
        timestamp: u64,
    ) -> Result<SignedQuery, SigningError> {
        check_method_and_path(method, path)?;
        let body = body.as_ref();
        let mut all = callers_params(params)?;
        all.push(("auth_key".into(), self.key.to_owned()));
        all.push(("auth_timestamp".into(), timestamp.to_string()));
        all.push(("auth_version".into(), "1.0".into()));
        if !body.is_empty() {
            all.push(("body_md5".into(), super::hex(&md5::compute(body).0)));
        }
        all.sort_by(|a, b| a.0.cmp(&b.0));
        if let Some(pair) = all.windows(2).find(|pair| pair[0].0 == pair[1].0) {
            return Err(SigningError::DuplicateParam(pair[0].0.clone()));
        }

        let mut string_to_sign = format!("{}\n{path}\n", method.to_ascii_uppercase());
        // Writing to a `String` cannot fail.
        let _ = write_query(&mut string_to_sign, &all, false);
        let signature = super::hex(&self.hmac_sha256(&[string_to_sign.as_bytes()]));
        all.push(("auth_signature".into(), signature));
        Ok(SignedQuery {
            params: all,
            string_to_sign,
        })
    }

    /// [`Signer::sign_request`] at the current system time.
    ///
    /// # Errors
    ///
    /// As [`Signer::sign_request`].
    pub fn sign_request_now(
        &self,
        method: &str,
        path: &str,
        params: &[(&str, &str)],
        body: impl AsRef<[u8]>,
    ) -> Result<SignedQuery, SigningError> {
        self.sign_request(method, path, params, body, unix_time_now())
    }
}

/// Seconds since the Unix epoch; 0 for a clock set before it (Pusher then refuses the
/// request as too old, which names the problem).
pub(crate) fn unix_time_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::signing::tests::SIGNER;

    #[test]
    fn params_are_sorted_lowercased_and_signed_unescaped() {
        let query = SIGNER
            .sign_request(
                "get",
                "/apps/3/channels",
                &[("Zeta", "a b&c"), ("info", "user_count,subscription_count")],
                "",
                1700000000,
            )
            .expect("valid request");
        assert_eq!(
            query.string_to_sign(),
            "GET\n/apps/3/channels\nauth_key=278d425bdf160c739803&auth_timestamp=1700000000\
             &auth_version=1.0&info=user_count,subscription_count&zeta=a b&c"
        );
        let names: Vec<_> = query.params().map(|(k, _)| k).collect();
        assert_eq!(
            names,
            [
                "auth_key",
                "auth_timestamp",
                "auth_version",
                "info",
                "zeta",
                "auth_signature"
            ]
        );
        let expected = SIGNER.hmac_sha256(&[query.string_to_sign().as_bytes()]);
        assert_eq!(query.signature(), crate::signing::hex(&expected));
        assert!(query
            .to_string()
            .contains("&info=user_count%2Csubscription_count&zeta=a%20b%26c&auth_signature="));
    }

    #[test]
    fn query_string_of_the_documented_example() {
        // Pusher's HTTP API reference, `rest-api.md`: the worked example's query.
        let body = r#"{"name":"foo","channels":["project-3"],"data":"{\"some\":\"data\"}"}"#;
        let query = SIGNER
            .sign_request("POST", "/apps/3/events", &[], body, 1353088179)
            .expect("valid request");
        let expected = "auth_key=278d425bdf160c739803&auth_timestamp=1353088179&auth_version=1.0\
                        &body_md5=ec365a775a4cd0599faeb73354201b6f\
                        &auth_signature=da454824c97ba181a32ccc17a72625ba02771f50b50e1e7430e47a1f3f457e6c";
        assert_eq!(query.to_query_string(), expected);
        assert_eq!(query.to_string(), expected);
    }

    #[test]
    fn percent_encoding_of_non_ascii() {
        let query = SIGNER
            .sign_request("GET", "/x", &[("q", "é~ü+")], "", 1)
            .expect("valid request");
        assert!(
            query.to_string().contains("&q=%C3%A9~%C3%BC%2B&"),
            "{query}"
        );
    }

    #[test]
    fn refuses_bad_requests() {
        let sign = |method, path, params: &[(&str, &str)]| {
            SIGNER.sign_request(method, path, params, "", 1).map(|_| ())
        };
        assert_eq!(sign("", "/x", &[]), Err(SigningError::InvalidMethod));
        assert_eq!(sign("PO ST", "/x", &[]), Err(SigningError::InvalidMethod));
        assert_eq!(sign("GET", "x", &[]), Err(SigningError::InvalidPath));
        assert_eq!(sign("GET", "/x?a=b", &[]), Err(SigningError::InvalidPath));
        assert_eq!(
            sign("GET", "/x", &[("", "v")]),
            Err(SigningError::EmptyParamName)
        );
        assert_eq!(
            sign("GET", "/x", &[("Auth_Signature", "v")]),
            Err(SigningError::ReservedParam("auth_signature".into()))
        );
        assert_eq!(
            sign("GET", "/x", &[("info", "a"), ("INFO", "b")]),
            Err(SigningError::DuplicateParam("info".into()))
        );
    }

    #[test]
    fn body_md5_only_for_a_non_empty_body() {
        let empty = SIGNER
            .sign_request("POST", "/x", &[], b"", 1)
            .expect("valid request");
        assert!(!empty.to_string().contains("body_md5"));
        let full = SIGNER
            .sign_request("POST", "/x", &[], b"{}", 1)
            .expect("valid request");
        // MD5("{}")
        assert!(full
            .to_string()
            .contains("&body_md5=99914b932bd37a50b983c5e7c90ae93b&"));
    }

    #[test]
    fn debug_masks_the_key_and_shortens_the_signature() {
        let query = SIGNER
            .sign_request("GET", "/apps/3/channels", &[("info", "user_count")], "", 1)
            .expect("valid request");
        for shown in [format!("{query:?}"), format!("{query:#?}")] {
            assert!(!shown.contains("278d425bdf160c739803"), "{shown}");
            assert!(!shown.contains(query.signature()), "{shown}");
        }
        let signature_prefix = &query.signature()[..4];
        assert_eq!(
            format!("{query:?}"),
            format!(
                "SignedQuery {{ params: {{\"auth_key\": `278d…` (20 chars), \
                 \"auth_timestamp\": \"1\", \"auth_version\": \"1.0\", \"info\": \"user_count\", \
                 \"auth_signature\": `{signature_prefix}…` (64 chars)}}, .. }}"
            )
        );
    }

    #[test]
    fn now_is_recent() {
        // 2024-01-01; the clock of any machine running this test is later.
        assert!(unix_time_now() > 1_704_067_200);
    }
}
