//! Signing: channel authorization, user authentication, REST requests, webhooks.
//!
//! Everything signs with HMAC-SHA256 of the app secret, as Pusher's official server
//! libraries do, with `hmac-sha256` (and `md5` for REST bodies, `subtle` to compare).
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
//! | [`Signer::verify_webhook_events`] (feature `serde`) | the raw body | [`Webhook`], its typed events |
//! | [`Signer::encrypt_event_data`] (feature `encryption`) | | the `data` of an event for a `private-encrypted-` channel |
//!
//! A `private-encrypted-` channel's authorization also carries its `shared_secret`, derived
//! from the encryption master key ([`Signer::with_encryption_master_key`]; a
//! [`PusherConfig`] passes its own), as the official Node library derives it.
//!
//! ```
//! # extern crate pusher_config_core as pusher_config;
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

use crate::mask::{Masked, Redacted};
use crate::{EncryptionMasterKey, PusherConfig};

mod channel;
#[cfg(feature = "encryption")]
mod encryption;
mod error;
mod rest;
mod webhook;
#[cfg(feature = "serde")]
mod webhook_events;

pub use channel::{
    validate_channel_name, validate_socket_id, ChannelAuth, UserAuth, MAX_CHANNEL_NAME_LEN,
};
pub use error::SigningError;
pub use rest::SignedQuery;
#[cfg(feature = "serde")]
pub use webhook_events::{Webhook, WebhookEvent};

/// Signs with an app key and secret. Cheap to build: it borrows both.
///
/// `Debug` shows the key masked and the secret redacted (its length only).
///
/// ```
/// # extern crate pusher_config_core as pusher_config;
/// use pusher_config::signing::Signer;
///
/// // Any key pair; a `PusherConfig` gives its own with `config.signer()`.
/// let signer = Signer::new("278d425bdf160c739803", "7ad3773142a6692b25b8");
///
/// // An auth endpoint: the socket id and channel name come from pusher-js's request.
/// let auth = signer.authorize_channel("1234.1234", "private-foobar")?;
/// assert_eq!(
///     auth.to_json(),
///     r#"{"auth":"278d425bdf160c739803:58df8b0c36d6982b82c3ecf6b4662e34fe8c25bba48f5369f135bf843651c3a4"}"#,
/// );
///
/// // A webhook: the headers and the raw body, unparsed.
/// let body = r#"{"time_ms":1327078148132,"events":[]}"#;
/// let signature = signer.sign_webhook(body);
/// signer.verify_webhook("278d425bdf160c739803", &signature, body)?;
///
/// assert_eq!(
///     format!("{signer:?}"),
///     "Signer { key: `278d…` (20 chars), secret: [redacted secret, 20 chars] }",
/// );
/// # Ok::<(), pusher_config::signing::SigningError>(())
/// ```
#[derive(Clone, Copy)]
pub struct Signer<'a> {
    key: &'a str,
    secret: &'a str,
    encryption_master_key: Option<&'a EncryptionMasterKey>,
}

impl<'a> Signer<'a> {
    /// A signer for any key and secret (a self-hosted server's, or another app's).
    pub const fn new(key: &'a str, secret: &'a str) -> Self {
        Self {
            key,
            secret,
            encryption_master_key: None,
        }
    }

    /// This signer with the encryption master key of `private-encrypted-` channels: their
    /// authorizations then carry a `shared_secret`, and (feature `encryption`) event data can
    /// be encrypted for them. [`PusherConfig::signer`] sets the config's own.
    pub const fn with_encryption_master_key(mut self, key: &'a EncryptionMasterKey) -> Self {
        self.encryption_master_key = Some(key);
        self
    }

    /// The key of one `private-encrypted-` channel: SHA-256 of the channel name followed by
    /// the master key's 32 bytes (`channelSharedSecret` in the Node library).
    fn channel_shared_secret(&self, channel: &str) -> Result<[u8; 32], SigningError> {
        let master = self
            .encryption_master_key
            .ok_or(SigningError::EncryptedChannel)?;
        let mut hash = hmac_sha256::Hash::new();
        hash.update(channel.as_bytes());
        hash.update(master.expose_secret());
        Ok(hash.finalize())
    }

    /// The app key this signer puts in auth tokens and `auth_key`.
    pub fn key(&self) -> &'a str {
        self.key
    }

    /// HMAC-SHA256 of the concatenated `parts` with the secret.
    fn hmac_sha256(&self, parts: &[&[u8]]) -> [u8; 32] {
        let mut mac = hmac_sha256::HMAC::new(self.secret.as_bytes());
        for part in parts {
            mac.update(part);
        }
        mac.finalize()
    }
}

impl fmt::Debug for Signer<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = f.debug_struct("Signer");
        out.field("key", &Masked(self.key))
            .field("secret", &Redacted(self.secret));
        // Shown only when set, redacted.
        if let Some(key) = self.encryption_master_key {
            out.field("encryption_master_key", key);
        }
        out.finish()
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

/// `bytes` in standard base64, padded (Node's `toString("base64")`, tweetnacl-util's
/// `encodeBase64`).
fn base64(bytes: &[u8]) -> String {
    <base64ct::Base64 as base64ct::Encoding>::encode_string(bytes)
}

/// `bytes` (a digest) as lowercase hex.
fn hex(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 2);
    push_hex(&mut out, bytes);
    out
}

/// Whether `value` is not empty and every byte of it is of `class` (`u8::is_ascii_digit`…).
fn is_nonempty_of(value: &str, class: fn(&u8) -> bool) -> bool {
    !value.is_empty() && value.bytes().all(|b| class(&b))
}

/// Signing with the config's own key and secret; see [`Signer`] for each method.
impl PusherConfig {
    /// A [`Signer`] for this app's key and secret, and its encryption master key if one is
    /// configured.
    pub fn signer(&self) -> Signer<'_> {
        let signer = Signer::new(self.key().as_str(), self.secret().expose_secret());
        match self.encryption_master_key() {
            Some(key) => signer.with_encryption_master_key(key),
            None => signer,
        }
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

    /// See [`Signer::verify_webhook_events`].
    ///
    /// # Errors
    ///
    /// As [`Signer::verify_webhook_events`].
    #[cfg(feature = "serde")]
    pub fn verify_webhook_events(
        &self,
        key_header: &str,
        signature_header: &str,
        body: impl AsRef<[u8]>,
    ) -> Result<Webhook, SigningError> {
        self.signer()
            .verify_webhook_events(key_header, signature_header, body)
    }

    /// See [`Signer::encrypt_event_data`].
    ///
    /// # Errors
    ///
    /// As [`Signer::encrypt_event_data`].
    #[cfg(feature = "encryption")]
    pub fn encrypt_event_data(&self, channel: &str, data: &str) -> Result<String, SigningError> {
        self.signer().encrypt_event_data(channel, data)
    }
}

#[cfg(test)]
mod tests;
