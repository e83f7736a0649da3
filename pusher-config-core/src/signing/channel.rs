//! Channel authorization (private and presence) and user authentication: validating the
//! socket id and channel name, signing, and the JSON that a server's auth endpoint returns to
//! pusher-js.

use std::fmt;

use super::error::SigningError;
use super::Signer;
use crate::mask::{Masked, Redacted};

/// The prefix of end-to-end encrypted channels.
pub(crate) const ENCRYPTED_PREFIX: &str = "private-encrypted-";

/// The longest channel name Pusher accepts, in characters.
pub const MAX_CHANNEL_NAME_LEN: usize = 164;

/// Checks a socket id as Pusher's libraries do (`\A\d+\.\d+\z`, ASCII digits).
///
/// ```
/// # extern crate pusher_config_core as pusher_config;
/// use pusher_config::signing::validate_socket_id;
/// assert!(validate_socket_id("1234.5678").is_ok());
/// assert!(validate_socket_id("1234.5678\n").is_err());
/// assert!(validate_socket_id("1234").is_err());
/// ```
pub fn validate_socket_id(socket_id: &str) -> Result<(), SigningError> {
    let is_number = |s: &str| super::is_nonempty_of(s, u8::is_ascii_digit);
    match socket_id.split_once('.') {
        Some((left, right)) if is_number(left) && is_number(right) => Ok(()),
        _ => Err(SigningError::InvalidSocketId),
    }
}

/// Checks a channel name: one or more of `a-z`, `A-Z`, `0-9`, `-_=@,.;`, at most
/// [`MAX_CHANNEL_NAME_LEN`] characters.
///
/// ```
/// # extern crate pusher_config_core as pusher_config;
/// use pusher_config::signing::{validate_channel_name, SigningError};
/// assert!(validate_channel_name("private-chat.room-42").is_ok());
/// assert_eq!(
///     validate_channel_name("private-chat room"),
///     Err(SigningError::InvalidChannelCharacter(' '))
/// );
/// ```
pub fn validate_channel_name(channel: &str) -> Result<(), SigningError> {
    if channel.is_empty() {
        return Err(SigningError::EmptyChannelName);
    }
    if let Some(c) = channel.chars().find(|&c| !is_channel_char(c)) {
        return Err(SigningError::InvalidChannelCharacter(c));
    }
    // Only ASCII is left, so bytes are characters.
    if channel.len() > MAX_CHANNEL_NAME_LEN {
        return Err(SigningError::ChannelNameTooLong(channel.len()));
    }
    Ok(())
}

fn is_channel_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '=' | '@' | ',' | '.' | ';')
}

/// What an auth endpoint returns for a private or presence channel: serialize it with
/// [`ChannelAuth::to_json`] (or serde, with the `serde` feature) as the response body.
///
/// `{"auth":"<key>:<signature>"}`, plus `"channel_data"` for a presence channel and
/// `"shared_secret"` for a `private-encrypted-` channel.
///
/// `Debug` shows the key masked, the signature shortened and the shared secret redacted.
#[derive(Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct ChannelAuth {
    auth: String,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    channel_data: Option<String>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    shared_secret: Option<String>,
}

impl ChannelAuth {
    /// `<key>:<hex signature>`.
    pub fn auth(&self) -> &str {
        &self.auth
    }

    /// The presence channel's data, exactly as signed; `None` for a private channel.
    pub fn channel_data(&self) -> Option<&str> {
        self.channel_data.as_deref()
    }

    /// A `private-encrypted-` channel's key, base64: what pusher-js decrypts its events with.
    /// Only the authorized socket may get it; `None` for other channels.
    pub fn shared_secret(&self) -> Option<&str> {
        self.shared_secret.as_deref()
    }

    /// The JSON object pusher-js expects, e.g. `{"auth":"278d…:58df…"}`.
    pub fn to_json(&self) -> String {
        let mut out = String::with_capacity(
            16 + self.auth.len()
                + self.channel_data.as_ref().map_or(0, |d| 20 + d.len() * 2)
                + self.shared_secret.as_ref().map_or(0, |s| 20 + s.len()),
        );
        out.push_str("{\"auth\":");
        push_json_string(&mut out, &self.auth);
        if let Some(data) = &self.channel_data {
            out.push_str(",\"channel_data\":");
            push_json_string(&mut out, data);
        }
        if let Some(secret) = &self.shared_secret {
            out.push_str(",\"shared_secret\":");
            push_json_string(&mut out, secret);
        }
        out.push('}');
        out
    }
}

/// What a user authentication endpoint returns: serialize it with [`UserAuth::to_json`] (or
/// serde, with the `serde` feature) as the response body.
///
/// `{"auth":"<key>:<signature>","user_data":"<user data JSON>"}`.
///
/// `Debug` shows the key masked and the signature shortened.
#[derive(Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct UserAuth {
    auth: String,
    user_data: String,
}

impl UserAuth {
    /// `<key>:<hex signature>`.
    pub fn auth(&self) -> &str {
        &self.auth
    }

    /// The user data, exactly as signed.
    pub fn user_data(&self) -> &str {
        &self.user_data
    }

    /// The JSON object pusher-js expects.
    pub fn to_json(&self) -> String {
        let mut out = String::with_capacity(32 + self.auth.len() + self.user_data.len() * 2);
        out.push_str("{\"auth\":");
        push_json_string(&mut out, &self.auth);
        out.push_str(",\"user_data\":");
        push_json_string(&mut out, &self.user_data);
        out.push('}');
        out
    }
}

/// The key and the signature of an `auth` token (`<key>:<hex signature>`), masked for
/// `Debug`. The signature is the part after the last `:` (hex holds none).
fn masked_auth(auth: &str) -> (Masked<'_>, Masked<'_>) {
    let (key, signature) = auth.rsplit_once(':').unwrap_or((auth, ""));
    (Masked(key), Masked(signature))
}

impl fmt::Debug for ChannelAuth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (key, signature) = masked_auth(&self.auth);
        let mut out = f.debug_struct("ChannelAuth");
        out.field("key", &key)
            .field("signature", &signature)
            .field("channel_data", &self.channel_data);
        // Only a `private-encrypted-` channel's has one: shown redacted.
        if let Some(secret) = &self.shared_secret {
            out.field("shared_secret", &Redacted(secret));
        }
        out.finish()
    }
}

impl fmt::Debug for UserAuth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (key, signature) = masked_auth(&self.auth);
        f.debug_struct("UserAuth")
            .field("key", &key)
            .field("signature", &signature)
            .field("user_data", &self.user_data)
            .finish()
    }
}

impl Signer<'_> {
    /// Authorizes a socket to subscribe to a `private-` channel: signs
    /// `<socket_id>:<channel>`.
    ///
    /// ```
    /// # extern crate pusher_config_core as pusher_config;
    /// use pusher_config::signing::Signer;
    /// let signer = Signer::new("278d425bdf160c739803", "7ad3773142a6692b25b8");
    /// let auth = signer.authorize_channel("1234.1234", "private-foobar")?;
    /// assert_eq!(
    ///     auth.to_json(),
    ///     r#"{"auth":"278d425bdf160c739803:58df8b0c36d6982b82c3ecf6b4662e34fe8c25bba48f5369f135bf843651c3a4"}"#
    /// );
    /// # Ok::<(), pusher_config::signing::SigningError>(())
    /// ```
    ///
    /// A `private-encrypted-` channel is signed the same way, and its authorization also
    /// carries the channel's `shared_secret`: base64 of SHA-256 over the channel name followed
    /// by the encryption master key, as the official Node library derives it.
    ///
    /// ```
    /// # extern crate pusher_config_core as pusher_config;
    /// use pusher_config::signing::{Signer, SigningError};
    /// use pusher_config::EncryptionMasterKey;
    ///
    /// let signer = Signer::new("278d425bdf160c739803", "7ad3773142a6692b25b8");
    /// let channel = "private-encrypted-foobar";
    /// assert_eq!(
    ///     signer.authorize_channel("1234.1234", channel),
    ///     Err(SigningError::EncryptedChannel)
    /// );
    /// let master_key = EncryptionMasterKey::from_bytes([7; 32]);
    /// let auth = signer
    ///     .with_encryption_master_key(&master_key)
    ///     .authorize_channel("1234.1234", channel)?;
    /// assert_eq!(auth.shared_secret().map(str::len), Some(44));
    /// assert!(auth.to_json().contains(r#","shared_secret":""#));
    /// # Ok::<(), pusher_config::signing::SigningError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// An invalid socket id or channel name; a channel that is not `private-`; a
    /// `private-encrypted-` channel without an encryption master key.
    pub fn authorize_channel(
        &self,
        socket_id: &str,
        channel: &str,
    ) -> Result<ChannelAuth, SigningError> {
        validate_socket_id(socket_id)?;
        validate_channel_name(channel)?;
        if !channel.starts_with("private-") {
            return Err(SigningError::NotPrivateChannel);
        }
        let shared_secret = if channel.starts_with(ENCRYPTED_PREFIX) {
            let key = self.channel_shared_secret(channel)?;
            Some(super::base64(&key))
        } else {
            None
        };
        Ok(ChannelAuth {
            auth: self.auth_token(&[socket_id.as_bytes(), b":", channel.as_bytes()]),
            channel_data: None,
            shared_secret,
        })
    }

    /// Authorizes a socket to subscribe to a `presence-` channel: signs
    /// `<socket_id>:<channel>:<channel_data>`.
    ///
    /// `channel_data` is the JSON text of the member, e.g.
    /// `{"user_id":"42","user_info":{"name":"Ada"}}`, serialized by the caller; it is signed
    /// and returned exactly as given, so serialize it once.
    ///
    /// ```
    /// # extern crate pusher_config_core as pusher_config;
    /// use pusher_config::signing::Signer;
    /// let signer = Signer::new("278d425bdf160c739803", "7ad3773142a6692b25b8");
    /// let data = r#"{"user_id":10,"user_info":{"name":"Mr. Channels"}}"#;
    /// let auth = signer.authorize_presence_channel("1234.1234", "presence-foobar", data)?;
    /// assert_eq!(auth.channel_data(), Some(data));
    /// assert_eq!(
    ///     auth.auth(),
    ///     "278d425bdf160c739803:31935e7d86dba64c2a90aed31fdc61869f9b22ba9d8863bba239c03ca481bc80"
    /// );
    /// # Ok::<(), pusher_config::signing::SigningError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// An invalid socket id or channel name, or a channel that is not `presence-`.
    pub fn authorize_presence_channel(
        &self,
        socket_id: &str,
        channel: &str,
        channel_data: &str,
    ) -> Result<ChannelAuth, SigningError> {
        validate_socket_id(socket_id)?;
        validate_channel_name(channel)?;
        if !channel.starts_with("presence-") {
            return Err(SigningError::NotPresenceChannel);
        }
        Ok(ChannelAuth {
            auth: self.auth_token(&[
                socket_id.as_bytes(),
                b":",
                channel.as_bytes(),
                b":",
                channel_data.as_bytes(),
            ]),
            channel_data: Some(channel_data.to_owned()),
            shared_secret: None,
        })
    }

    /// Authenticates a user (pusher-js `signin()`): signs `<socket_id>::user::<user_data>`.
    ///
    /// `user_data` is the JSON text of the user, which must hold a non-empty string `id`,
    /// e.g. `{"id":"42","name":"Ada"}`, serialized by the caller; it is signed and returned
    /// exactly as given.
    ///
    /// # Errors
    ///
    /// An invalid socket id.
    pub fn authenticate_user(
        &self,
        socket_id: &str,
        user_data: &str,
    ) -> Result<UserAuth, SigningError> {
        validate_socket_id(socket_id)?;
        Ok(UserAuth {
            auth: self.auth_token(&[socket_id.as_bytes(), b"::user::", user_data.as_bytes()]),
            user_data: user_data.to_owned(),
        })
    }

    /// `<key>:<hex HMAC-SHA256 of the concatenated parts>`.
    fn auth_token(&self, parts: &[&[u8]]) -> String {
        let mut out = String::with_capacity(self.key.len() + 1 + 64);
        out.push_str(self.key);
        out.push(':');
        super::push_hex(&mut out, &self.hmac_sha256(parts));
        out
    }
}

/// Appends `value` as a JSON string literal, escaped as `JSON.stringify` and serde_json do:
/// `"` and `\`, the short forms `\b \f \n \r \t`, other control characters as `\u00XX`.
pub(crate) fn push_json_string(out: &mut String, value: &str) {
    out.push('"');
    let mut start = 0;
    for (i, b) in value.bytes().enumerate() {
        let escape: &str = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0x00..=0x1f => "",
            _ => continue,
        };
        // Every byte escaped is ASCII, so `i` is a char boundary.
        out.push_str(&value[start..i]);
        if escape.is_empty() {
            out.push_str("\\u00");
            super::push_hex(out, &[b]);
        } else {
            out.push_str(escape);
        }
        start = i + 1;
    }
    out.push_str(&value[start..]);
    out.push('"');
}

#[cfg(test)]
mod tests;
