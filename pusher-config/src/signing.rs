//! Signing: channel authorization, user authentication, REST requests, webhooks.
//!
//! Everything signs with HMAC-SHA256 of the app secret, as Pusher's official server
//! libraries do, through the RustCrypto crates (`hmac`, `sha2`, `md-5`, `subtle`).
//! A [`Signer`] borrows a key and a secret; [`PusherConfig`] has the same methods for its
//! own credentials.
//!
//! | what | signs | returns |
//! |---|---|---|
//! | [`Signer::authorize_channel`] | `socket_id:channel` | [`ChannelAuth`], `{"auth":…}` |
//! | [`Signer::authorize_presence_channel`] | `socket_id:channel:channel_data` | [`ChannelAuth`], `{"auth":…,"channel_data":…}` |
//! | [`Signer::authenticate_user`] | `socket_id::user::user_data` | [`UserAuth`], `{"auth":…,"user_data":…}` |
//! | [`Signer::sign_request`] | `METHOD\nPATH\nsorted params` | [`SignedQuery`] |
//! | [`Signer::verify_webhook`] | the raw body | `Ok(())` or an error |
//!
//! ```
//! use pusher_config::signing::Signer;
//!
//! let signer = Signer::new("278d425bdf160c739803", "7ad3773142a6692b25b8");
//! let auth = signer.authorize_channel("1234.1234", "private-foobar")?;
//! assert_eq!(
//!     auth.auth(),
//!     "278d425bdf160c739803:58df8b0c36d6982b82c3ecf6b4662e34fe8c25bba48f5369f135bf843651c3a4"
//! );
//! # Ok::<(), pusher_config::signing::SigningError>(())
//! ```
//!
//! Checked against Pusher's documented worked examples and against vectors generated with the
//! official Node library (`tests/vectors/`).

use std::fmt;

use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;

use crate::mask::{Masked, Redacted};
use crate::PusherConfig;

mod channel;
mod error;
mod rest;
mod webhook;

pub use channel::{
    validate_channel_name, validate_socket_id, ChannelAuth, UserAuth, MAX_CHANNEL_NAME_LEN,
};
pub use error::SigningError;
pub use rest::SignedQuery;

/// Signs with an app key and secret. Cheap to build: it borrows both.
///
/// `Debug` shows the key masked and the secret redacted (its length only).
#[derive(Clone, Copy)]
pub struct Signer<'a> {
    key: &'a str,
    secret: &'a str,
}

impl<'a> Signer<'a> {
    /// A signer for any key and secret (a self-hosted server's, or another app's).
    pub const fn new(key: &'a str, secret: &'a str) -> Self {
        Self { key, secret }
    }

    /// The app key this signer puts in auth tokens and `auth_key`.
    pub fn key(&self) -> &'a str {
        self.key
    }

    /// HMAC-SHA256 of the concatenated `parts` with the secret.
    fn hmac_sha256(&self, parts: &[&[u8]]) -> [u8; 32] {
        let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(self.secret.as_bytes())
            .expect("HMAC takes a key of any length");
        for part in parts {
            mac.update(part);
        }
        mac.finalize().into_bytes().into()
    }
}

impl fmt::Debug for Signer<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Signer")
            .field("key", &Masked(self.key))
            .field("secret", &Redacted(self.secret))
            .finish()
    }
}

/// Appends `bytes` as lowercase hex. Callers size `out` for the digest they append.
fn push_hex(out: &mut String, bytes: &[u8]) {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    for &b in bytes {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 0x0f)]));
    }
}

/// Signing with the config's own key and secret; see [`Signer`] for each method.
impl PusherConfig {
    /// A [`Signer`] for this app's key and secret.
    pub fn signer(&self) -> Signer<'_> {
        Signer::new(self.key().as_str(), self.secret().expose_secret())
    }

    /// The path of an app resource for [`PusherConfig::sign_request`]:
    /// `api_path("/events")` is `/apps/{app_id}/events`.
    pub fn api_path(&self, resource: &str) -> String {
        format!("/apps/{}{resource}", self.app_id().as_str())
    }

    /// See [`Signer::authorize_channel`].
    ///
    /// # Errors
    ///
    /// As [`Signer::authorize_channel`].
    pub fn authorize_channel(
        &self,
        socket_id: &str,
        channel: &str,
    ) -> Result<ChannelAuth, SigningError> {
        self.signer().authorize_channel(socket_id, channel)
    }

    /// See [`Signer::authorize_presence_channel`].
    ///
    /// # Errors
    ///
    /// As [`Signer::authorize_presence_channel`].
    pub fn authorize_presence_channel(
        &self,
        socket_id: &str,
        channel: &str,
        channel_data: &str,
    ) -> Result<ChannelAuth, SigningError> {
        self.signer()
            .authorize_presence_channel(socket_id, channel, channel_data)
    }

    /// See [`Signer::authenticate_user`].
    ///
    /// # Errors
    ///
    /// As [`Signer::authenticate_user`].
    pub fn authenticate_user(
        &self,
        socket_id: &str,
        user_data: &str,
    ) -> Result<UserAuth, SigningError> {
        self.signer().authenticate_user(socket_id, user_data)
    }

    /// See [`Signer::sign_request`]; `path` is the full path (see [`PusherConfig::api_path`]).
    ///
    /// # Errors
    ///
    /// As [`Signer::sign_request`].
    pub fn sign_request(
        &self,
        method: &str,
        path: &str,
        params: &[(&str, &str)],
        body: impl AsRef<[u8]>,
        timestamp: u64,
    ) -> Result<SignedQuery, SigningError> {
        self.signer()
            .sign_request(method, path, params, body, timestamp)
    }

    /// See [`Signer::sign_request_now`].
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
        self.signer().sign_request_now(method, path, params, body)
    }

    /// See [`Signer::verify_webhook`].
    ///
    /// # Errors
    ///
    /// As [`Signer::verify_webhook`].
    pub fn verify_webhook(
        &self,
        key_header: &str,
        signature_header: &str,
        body: impl AsRef<[u8]>,
    ) -> Result<(), SigningError> {
        self.signer()
            .verify_webhook(key_header, signature_header, body)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{AppId, PublicConfig, Secret};

    /// The credentials of Pusher's worked examples (pusher/docs,
    /// `docs/channels/library_auth_reference/auth-signatures.md` and `rest-api.md`).
    const DOCS: PusherConfig = PusherConfig::__from_parts(
        AppId::from_static("3"),
        Secret::from_static("7ad3773142a6692b25b8"),
        PublicConfig::hosted("278d425bdf160c739803", "mt1"),
    );

    #[test]
    fn docs_private_channel() {
        let auth = DOCS
            .authorize_channel("1234.1234", "private-foobar")
            .expect("valid input");
        assert_eq!(
            auth.to_json(),
            "{\"auth\":\"278d425bdf160c739803:\
             58df8b0c36d6982b82c3ecf6b4662e34fe8c25bba48f5369f135bf843651c3a4\"}"
        );
    }

    #[test]
    fn docs_presence_channel() {
        // The docs print `afaed369…` beside "Mr. Channels", but that digest is the one of
        // "Mr. Pusher" (an older version of the page): both are checked here.
        for (name, digest) in [
            (
                "Mr. Channels",
                "31935e7d86dba64c2a90aed31fdc61869f9b22ba9d8863bba239c03ca481bc80",
            ),
            (
                "Mr. Pusher",
                "afaed3695da2ffd16931f457e338e6c9f2921fa133ce7dac49f529792be6304c",
            ),
        ] {
            let data = format!(r#"{{"user_id":10,"user_info":{{"name":"{name}"}}}}"#);
            let auth = DOCS
                .authorize_presence_channel("1234.1234", "presence-foobar", &data)
                .expect("valid input");
            assert_eq!(auth.auth(), format!("278d425bdf160c739803:{digest}"));
        }
    }

    #[test]
    fn docs_rest_request() {
        let body = r#"{"name":"foo","channels":["project-3"],"data":"{\"some\":\"data\"}"}"#;
        let query = DOCS
            .sign_request("POST", &DOCS.api_path("/events"), &[], body, 1353088179)
            .expect("valid request");
        assert_eq!(
            query.string_to_sign(),
            "POST\n/apps/3/events\nauth_key=278d425bdf160c739803&auth_timestamp=1353088179\
             &auth_version=1.0&body_md5=ec365a775a4cd0599faeb73354201b6f"
        );
        assert_eq!(
            query.signature(),
            "da454824c97ba181a32ccc17a72625ba02771f50b50e1e7430e47a1f3f457e6c"
        );
    }

    #[test]
    fn hex_is_lowercase_and_padded() {
        let mut out = String::new();
        push_hex(&mut out, &[0x00, 0x0f, 0xa0, 0xff]);
        assert_eq!(out, "000fa0ff");
    }

    #[test]
    fn the_signer_signs_with_the_apps_key() {
        assert_eq!(DOCS.signer().key(), "278d425bdf160c739803");
        let signer = Signer::new("9c2e5b0f4d7a18e36c41", "e0b7d2a94c5f13868a2d");
        assert_eq!(signer.key(), "9c2e5b0f4d7a18e36c41");
    }

    #[test]
    fn debug_shows_the_key_masked_and_the_secret_redacted() {
        assert_eq!(
            format!("{:?}", DOCS.signer()),
            "Signer { key: `278d…` (20 chars), secret: [redacted secret, 20 chars] }"
        );
    }

    #[test]
    fn hex_of_known_digests() {
        // MD5("") and the first bytes of SHA-256(""), as printed by `md5sum` and `sha256sum`.
        let mut out = String::new();
        push_hex(
            &mut out,
            &[
                0xd4, 0x1d, 0x8c, 0xd9, 0x8f, 0x00, 0xb2, 0x04, 0xe9, 0x80, 0x09, 0x98, 0xec, 0xf8,
                0x42, 0x7e,
            ],
        );
        assert_eq!(out, "d41d8cd98f00b204e9800998ecf8427e");
        push_hex(&mut out, &[0xe3, 0xb0, 0xc4, 0x42]);
        assert_eq!(out, "d41d8cd98f00b204e9800998ecf8427ee3b0c442");
    }

    #[test]
    fn errors_and_debug_never_show_the_secret() {
        let shown = format!("{:?}", DOCS.signer());
        assert!(!shown.contains("7ad3773142a6692b25b8"), "{shown}");
        assert!(!shown.contains("278d425bdf160c739803"), "{shown}");
        let errors = [
            DOCS.authorize_channel("x", "private-a").map(|_| ()),
            DOCS.verify_webhook("278d425bdf160c739803", "00", "{}"),
            DOCS.verify_webhook("other", "00", "{}"),
        ];
        for error in errors {
            let message = error.expect_err("refused").to_string();
            assert!(!message.contains("7ad3773142a6692b25b8"), "{message}");
            assert!(
                message.starts_with(|c: char| !c.is_uppercase()),
                "{message}"
            );
            assert!(!message.ends_with('.'), "{message}");
        }
    }
}
