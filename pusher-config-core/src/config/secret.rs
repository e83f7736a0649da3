//! The values never shown: the app [`Secret`] and the [`EncryptionMasterKey`], redacted by
//! `Display` and `Debug`, compared in constant time.

use std::borrow::Cow;
use std::fmt;

use subtle::ConstantTimeEq;

use crate::mask::{write_redacted, Redacted};

/// The app secret. `Debug` and `Display` print a redaction; [`Secret::expose_secret`] gives
/// the value to the code that signs with it.
///
/// ```
/// # extern crate pusher_config_core as pusher_config;
/// let secret = pusher_config::Secret::from_static("7ad3773142a6692b25b8");
/// assert_eq!(secret.to_string(), "[redacted secret, 20 chars]");
/// assert_eq!(format!("{secret:?}"), "Secret([redacted secret, 20 chars])");
/// assert_eq!(secret.expose_secret(), "7ad3773142a6692b25b8");
/// ```
#[derive(Clone)]
pub struct Secret(Cow<'static, str>);

impl PartialEq for Secret {
    /// Compares with `subtle`'s constant-time `ct_eq`: the time depends on the lengths only,
    /// not on where the secrets differ. Secrets of different lengths are unequal at once,
    /// which reveals only the length; that is not secret here (`Display` shows it).
    fn eq(&self, other: &Self) -> bool {
        same_secret(&self.0, &other.0)
    }
}

/// Whether `a` and `b` are equal, compared in constant time for equal lengths.
pub(super) fn same_secret(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    a.len() == b.len() && bool::from(a.ct_eq(b))
}

impl Eq for Secret {}

impl Secret {
    /// Not public API: for the expansion of `pusher_config!()`, which builds this in a `const`
    /// context from a value it has already checked. Not covered by semver.
    #[doc(hidden)]
    pub const fn from_static(value: &'static str) -> Self {
        Self(Cow::Borrowed(value))
    }

    #[cfg(feature = "rule-set")]
    pub(crate) fn owned(value: String) -> Self {
        Self(Cow::Owned(value))
    }

    /// The secret itself. Keep it on the server.
    pub const fn expose_secret(&self) -> &str {
        super::cow_str(&self.0)
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&Redacted(&self.0), f)
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Secret({})", Redacted(&self.0))
    }
}

/// The encryption master key of end-to-end encrypted (`private-encrypted-`) channels: 32
/// bytes, read from `PUSHER_ENCRYPTION_MASTER_KEY_BASE64` (standard base64, as Pusher's
/// official server libraries take it). Each channel's key derives from it, so it stays on the
/// server like the secret: `Debug` and `Display` print a redaction, compared in constant time.
///
/// ```
/// # extern crate pusher_config_core as pusher_config;
/// let key = pusher_config::EncryptionMasterKey::from_bytes([7; 32]);
/// assert_eq!(key.to_string(), "[redacted secret, 32 bytes]");
/// assert_eq!(format!("{key:?}"), "EncryptionMasterKey([redacted secret, 32 bytes])");
/// assert_eq!(key.expose_secret(), &[7; 32]);
/// ```
#[derive(Clone)]
pub struct EncryptionMasterKey([u8; 32]);

impl EncryptionMasterKey {
    /// The key from its 32 bytes (`openssl rand 32`); the config reads it from
    /// `PUSHER_ENCRYPTION_MASTER_KEY_BASE64`.
    pub const fn from_bytes(bytes: [u8; 32]) -> Self {
        Self(bytes)
    }

    /// The key itself. Keep it on the server.
    pub fn expose_secret(&self) -> &[u8; 32] {
        &self.0
    }
}

impl PartialEq for EncryptionMasterKey {
    /// Constant-time, with `subtle`'s `ct_eq`.
    fn eq(&self, other: &Self) -> bool {
        bool::from(self.0[..].ct_eq(&other.0[..]))
    }
}

impl Eq for EncryptionMasterKey {}

impl fmt::Display for EncryptionMasterKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_redacted(f, self.0.len(), "bytes")
    }
}

impl fmt::Debug for EncryptionMasterKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("EncryptionMasterKey(")?;
        write_redacted(f, self.0.len(), "bytes")?;
        f.write_str(")")
    }
}
