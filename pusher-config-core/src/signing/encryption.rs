//! Encrypting the data of an event for a `private-encrypted-` channel, as the official Node
//! library does (`encrypt` in its `lib/events.js`) and as pusher-js decrypts it: NaCl secretbox
//! (XSalsa20-Poly1305) under the channel's shared secret, with a random 24-byte nonce.

use crypto_secretbox::aead::{Aead, KeyInit};
use crypto_secretbox::{Key, Nonce, XSalsa20Poly1305};

use super::channel::{push_json_string, validate_channel_name, ENCRYPTED_PREFIX};
use super::error::SigningError;
use super::Signer;

impl Signer<'_> {
    /// The `data` of an event for a `private-encrypted-` channel:
    /// `{"nonce":"<base64>","ciphertext":"<base64>"}`, NaCl secretbox of `data` under the
    /// channel's shared secret (SHA-256 of the channel name followed by the master key) with a
    /// random nonce from the operating system. Put the string as it is in the event's `data`
    /// field; pusher-js (its encryption build, which is what `require("pusher-js")` gives in
    /// Node) decrypts it with the `shared_secret` of the channel's authorization, and hands
    /// the event handler `JSON.parse` of the plaintext (the text itself when it is not JSON).
    ///
    /// `data` is encrypted exactly as given. The Node library's `trigger` encrypts
    /// `JSON.stringify(data)`: pass JSON text (`{"message":"hi"}`) for the same result. Like
    /// Pusher's libraries, trigger an encrypted event to its one channel only: each channel
    /// has its own key.
    ///
    /// ```
    /// # extern crate pusher_config_core as pusher_config;
    /// use pusher_config::signing::{Signer, SigningError};
    /// use pusher_config::EncryptionMasterKey;
    ///
    /// let master_key = EncryptionMasterKey::from_bytes([7; 32]);
    /// let signer = Signer::new("app-key", "app-secret").with_encryption_master_key(&master_key);
    /// let data = signer.encrypt_event_data("private-encrypted-chat", r#"{"message":"hi"}"#)?;
    /// assert!(data.starts_with(r#"{"nonce":""#) && data.contains(r#"","ciphertext":""#));
    /// assert_eq!(
    ///     signer.encrypt_event_data("private-chat", "{}"),
    ///     Err(SigningError::NotEncryptedChannel)
    /// );
    /// # Ok::<(), SigningError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// An invalid channel name; a channel that is not `private-encrypted-`; no encryption
    /// master key ([`SigningError::EncryptedChannel`]); no random bytes from the operating
    /// system.
    pub fn encrypt_event_data(&self, channel: &str, data: &str) -> Result<String, SigningError> {
        let key = self.encryption_key(channel)?;
        let mut nonce = [0; 24];
        getrandom::fill(&mut nonce)
            .map_err(|err| SigningError::RandomUnavailable(err.to_string()))?;
        Ok(seal(&key, &nonce, data))
    }

    /// [`Signer::encrypt_event_data`] with a given nonce, for tests against vectors. Never
    /// reuse a nonce with one key: that reveals the plaintexts.
    #[doc(hidden)]
    pub fn encrypt_event_data_with_nonce(
        &self,
        channel: &str,
        data: &str,
        nonce: [u8; 24],
    ) -> Result<String, SigningError> {
        Ok(seal(&self.encryption_key(channel)?, &nonce, data))
    }

    /// The key of `channel`, which must be a valid `private-encrypted-` channel name.
    fn encryption_key(&self, channel: &str) -> Result<[u8; 32], SigningError> {
        validate_channel_name(channel)?;
        if !channel.starts_with(ENCRYPTED_PREFIX) {
            return Err(SigningError::NotEncryptedChannel);
        }
        self.channel_shared_secret(channel)
    }
}

/// `{"nonce":…,"ciphertext":…}` of `data` sealed with `key` and `nonce`, as the Node library's
/// `JSON.stringify` writes it (the tag first, then the encrypted bytes, as NaCl lays them out).
fn seal(key: &[u8; 32], nonce: &[u8; 24], data: &str) -> String {
    let cipher = XSalsa20Poly1305::new(Key::from_slice(key));
    let ciphertext = cipher
        .encrypt(Nonce::from_slice(nonce), data.as_bytes())
        .expect("XSalsa20-Poly1305 encrypts any message that fits in memory");
    let mut out = String::with_capacity(40 + 32 + ciphertext.len() * 4 / 3);
    out.push_str("{\"nonce\":");
    push_json_string(&mut out, &super::base64(nonce));
    out.push_str(",\"ciphertext\":");
    push_json_string(&mut out, &super::base64(&ciphertext));
    out.push('}');
    out
}

#[cfg(test)]
mod tests {
    use crypto_secretbox::aead::{Aead, KeyInit};
    use crypto_secretbox::{Key, Nonce, XSalsa20Poly1305};

    use super::*;
    use crate::EncryptionMasterKey;

    const MASTER_KEY: EncryptionMasterKey = EncryptionMasterKey::from_bytes([42; 32]);

    fn decode(text: &str) -> Vec<u8> {
        <base64ct::Base64 as base64ct::Encoding>::decode_vec(text).expect("base64")
    }

    /// The two base64 fields of the JSON text `{"nonce":"…","ciphertext":"…"}`.
    fn fields(data: &str) -> (Vec<u8>, Vec<u8>) {
        let rest = data.strip_prefix("{\"nonce\":\"").expect("nonce first");
        let (nonce, rest) = rest.split_once("\",\"ciphertext\":\"").expect("ciphertext");
        let ciphertext = rest.strip_suffix("\"}").expect("the end");
        (decode(nonce), decode(ciphertext))
    }

    #[test]
    fn what_is_encrypted_decrypts_with_the_channel_shared_secret() {
        let signer = Signer::new("app-key", "app-secret").with_encryption_master_key(&MASTER_KEY);
        let channel = "private-encrypted-room";
        let data = r#"{"message":"Zoë 😀"}"#;
        let encrypted = signer.encrypt_event_data(channel, data).expect("encrypted");
        let (nonce, ciphertext) = fields(&encrypted);
        assert_eq!((nonce.len(), ciphertext.len()), (24, data.len() + 16));
        // The shared secret pusher-js gets from the channel's authorization.
        let auth = signer
            .authorize_channel("1.2", channel)
            .expect("authorized");
        let key = decode(auth.shared_secret().expect("a shared secret"));
        let cipher = XSalsa20Poly1305::new(Key::from_slice(&key));
        let plain = cipher
            .decrypt(Nonce::from_slice(&nonce), ciphertext.as_slice())
            .expect("decrypts");
        assert_eq!(plain, data.as_bytes());
        // A fresh nonce each time.
        let again = signer.encrypt_event_data(channel, data).expect("encrypted");
        assert_ne!(fields(&again).0, nonce);
    }

    #[test]
    fn only_encrypted_channels_with_a_master_key() {
        let signer = Signer::new("app-key", "app-secret");
        assert_eq!(
            signer.encrypt_event_data("private-encrypted-room", "{}"),
            Err(SigningError::EncryptedChannel)
        );
        let signer = signer.with_encryption_master_key(&MASTER_KEY);
        for (channel, error) in [
            ("private-room", SigningError::NotEncryptedChannel),
            ("presence-encrypted-room", SigningError::NotEncryptedChannel),
            (
                "private-encrypted-a b",
                SigningError::InvalidChannelCharacter(' '),
            ),
        ] {
            assert_eq!(signer.encrypt_event_data(channel, "{}"), Err(error));
        }
    }
}
