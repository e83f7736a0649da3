//! Verifying the webhooks Pusher sends.

use subtle::ConstantTimeEq;

use super::error::SigningError;
use super::Signer;

impl Signer<'_> {
    /// Verifies a webhook: its `X-Pusher-Key` header must be this app's key, and its
    /// `X-Pusher-Signature` header the hex HMAC-SHA256 of the raw body with this app's secret
    /// (compared in constant time).
    ///
    /// Pass the body exactly as received, before any JSON parsing. A missing header may be
    /// passed as `""`. To accept webhooks signed by an older key pair during a rotation, try
    /// each pair's [`Signer`].
    ///
    /// ```
    /// # extern crate pusher_config_core as pusher_config;
    /// use pusher_config::signing::{Signer, SigningError};
    /// let signer = Signer::new("app-key", "app-secret");
    /// let body = br#"{"time_ms":1327078148132,"events":[]}"#;
    /// let signature = signer.sign_webhook(body);
    /// assert_eq!(signer.verify_webhook("app-key", &signature, body), Ok(()));
    /// assert_eq!(
    ///     signer.verify_webhook("app-key", &signature, b"{}"),
    ///     Err(SigningError::WebhookSignatureMismatch)
    /// );
    /// ```
    ///
    /// # Errors
    ///
    /// [`SigningError::WebhookKeyMismatch`] or [`SigningError::WebhookSignatureMismatch`].
    pub fn verify_webhook(
        &self,
        key_header: &str,
        signature_header: &str,
        body: impl AsRef<[u8]>,
    ) -> Result<(), SigningError> {
        // The key is public: no need for a constant-time comparison.
        if key_header != self.key {
            return Err(SigningError::WebhookKeyMismatch);
        }
        let expected = self.sign_webhook(body);
        // Like the official libraries, compare the lowercase hex text; `ct_eq` on slices of
        // different lengths is false at once, which reveals only the length.
        if bool::from(expected.as_bytes().ct_eq(signature_header.as_bytes())) {
            Ok(())
        } else {
            Err(SigningError::WebhookSignatureMismatch)
        }
    }

    /// The `X-Pusher-Signature` of a webhook body: hex HMAC-SHA256 of the body with the
    /// secret. Useful to test a webhook endpoint.
    pub fn sign_webhook(&self, body: impl AsRef<[u8]>) -> String {
        super::hex(&self.hmac_sha256(&[body.as_ref()]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::signing::tests::SIGNER;

    #[test]
    fn verifies_key_then_signature() {
        let body = b"{\"events\":[]}";
        let signature = SIGNER.sign_webhook(body);
        assert_eq!(signature.len(), 64);
        assert_eq!(
            SIGNER.verify_webhook("278d425bdf160c739803", &signature, body),
            Ok(())
        );
        assert_eq!(
            SIGNER.verify_webhook("278d425bdf160c739804", &signature, body),
            Err(SigningError::WebhookKeyMismatch)
        );
        assert_eq!(
            SIGNER.verify_webhook("", &signature, body),
            Err(SigningError::WebhookKeyMismatch)
        );
        for bad in [
            "",
            &signature[..63],
            &signature.to_uppercase(),
            &format!("{signature}0"),
        ] {
            assert_eq!(
                SIGNER.verify_webhook("278d425bdf160c739803", bad, body),
                Err(SigningError::WebhookSignatureMismatch),
                "{bad}"
            );
        }
    }
}
