//! The typed configuration: what `pusher_config!()` expands to and what run-time loading
//! returns. Every value is a `Cow<'static, str>` so the macro's expansion is a constant (usable
//! in `static` and `const`, no allocation) and run-time loading can own its strings.

use std::borrow::Cow;
use std::fmt;

use subtle::ConstantTimeEq;

use crate::mask::{write_redacted, Masked, MaskedPlain, Redacted, Setting};

macro_rules! public_string {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, PartialEq, Eq, Hash)]
        pub struct $name(Cow<'static, str>);

        impl $name {
            #[doc(hidden)]
            pub const fn from_static(value: &'static str) -> Self {
                Self(Cow::Borrowed(value))
            }

            #[cfg(feature = "rules")]
            pub(crate) fn owned(value: String) -> Self {
                Self(Cow::Owned(value))
            }

            /// The value.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }
    };
}

public_string! {
    /// A Pusher app id (digits on Pusher's hosted service).
    AppId
}
public_string! {
    /// A Pusher cluster (`mt1`, `eu`, …), or the name a self-hosted setup gives.
    Cluster
}
public_string! {
    /// The host of a self-hosted Pusher-protocol server (soketi, sockudo, Laravel Reverb…).
    Host
}
public_string! {
    /// The app key. It is public (browsers send it), but like every credential it is shown
    /// masked by `Display` and `Debug`: use [`Key::as_str`] for the value.
    Key
}

impl fmt::Display for AppId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
impl fmt::Debug for AppId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "AppId({})", Masked(&self.0))
    }
}
impl fmt::Display for Cluster {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
impl fmt::Debug for Cluster {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Cluster({:?})", Setting(&self.0))
    }
}
impl fmt::Display for Host {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
impl fmt::Debug for Host {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Host({:?})", Setting(&self.0))
    }
}
impl fmt::Display for Key {
    /// `5e3c… (20 chars)`: enough to tell keys apart, never the whole key.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&MaskedPlain(&self.0), f)
    }
}
impl fmt::Debug for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Key({})", Masked(&self.0))
    }
}

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
        let (a, b) = (self.0.as_bytes(), other.0.as_bytes());
        a.len() == b.len() && bool::from(a.ct_eq(b))
    }
}

impl Eq for Secret {}

impl Secret {
    #[doc(hidden)]
    pub const fn from_static(value: &'static str) -> Self {
        Self(Cow::Borrowed(value))
    }

    #[cfg(feature = "rules")]
    pub(crate) fn owned(value: String) -> Self {
        Self(Cow::Owned(value))
    }

    /// The secret itself. Keep it on the server.
    pub fn expose_secret(&self) -> &str {
        &self.0
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

/// `http` or `https`: how a self-hosted server (or `PUSHER_SCHEME`) is reached.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Scheme {
    /// Plain HTTP and `ws://`.
    Http,
    /// TLS: HTTPS and `wss://`.
    Https,
}

impl Scheme {
    /// `"http"` or `"https"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Scheme::Http => "http",
            Scheme::Https => "https",
        }
    }

    /// Whether this scheme uses TLS.
    pub const fn is_tls(self) -> bool {
        matches!(self, Scheme::Https)
    }
}

impl fmt::Display for Scheme {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The cluster that Pusher's libraries use when none is given.
pub const DEFAULT_CLUSTER: &str = "mt1";

/// The public part of a Pusher configuration: what a browser or any shipped binary may know.
/// It never holds the app id or the secret.
///
/// `pusher_config!(client)` expands to one; [`PusherConfig::public`] gives the server's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublicConfig {
    key: Key,
    cluster: Cluster,
    host: Option<Host>,
    port: Option<u16>,
    scheme: Option<Scheme>,
}

impl PublicConfig {
    #[doc(hidden)]
    pub const fn __from_parts(
        key: Key,
        cluster: Cluster,
        host: Option<Host>,
        port: Option<u16>,
        scheme: Option<Scheme>,
    ) -> Self {
        Self {
            key,
            cluster,
            host,
            port,
            scheme,
        }
    }

    /// A hosted config with only a key and cluster, for unit tests.
    #[cfg(test)]
    pub(crate) const fn hosted(key: &'static str, cluster: &'static str) -> Self {
        Self::__from_parts(
            Key::from_static(key),
            Cluster::from_static(cluster),
            None,
            None,
            None,
        )
    }

    /// The app key.
    pub fn key(&self) -> &Key {
        &self.key
    }

    /// The cluster; [`DEFAULT_CLUSTER`] when a self-hosted setup gives none (Pusher's
    /// libraries default to it too, and pusher-js requires one).
    pub fn cluster(&self) -> &Cluster {
        &self.cluster
    }

    /// The self-hosted server's host (`PUSHER_HOST`), which wins over the cluster.
    pub fn host(&self) -> Option<&Host> {
        self.host.as_ref()
    }

    /// The configured port (`PUSHER_PORT`), if any.
    pub fn port(&self) -> Option<u16> {
        self.port
    }

    /// The configured scheme (`PUSHER_SCHEME`); `https` when none is set.
    pub fn scheme(&self) -> Scheme {
        self.scheme.unwrap_or(Scheme::Https)
    }

    /// Whether a scheme was set explicitly.
    pub fn scheme_is_set(&self) -> bool {
        self.scheme.is_some()
    }
}

impl fmt::Display for PublicConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "key {}", self.key)?;
        match &self.host {
            Some(host) => {
                write!(f, ", {}://{}", self.scheme(), Setting(host.as_str()))?;
                if let Some(port) = self.port {
                    write!(f, ":{port}")?;
                }
                Ok(())
            }
            None => write!(f, ", cluster {}", Setting(self.cluster.as_str())),
        }
    }
}

/// A validated Pusher configuration for a server: app id, key, secret and where to connect.
///
/// Built by `pusher_config!()` at compile time (usable in `static` and `const`) or by the
/// run-time loaders, with the same rules.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PusherConfig {
    app_id: AppId,
    secret: Secret,
    public: PublicConfig,
    encryption_master_key: Option<EncryptionMasterKey>,
}

impl PusherConfig {
    #[doc(hidden)]
    pub const fn __from_parts(app_id: AppId, secret: Secret, public: PublicConfig) -> Self {
        Self {
            app_id,
            secret,
            public,
            encryption_master_key: None,
        }
    }

    /// This config with an encryption master key, for `private-encrypted-` channels
    /// (`pusher_config!()` and run-time loading set it from
    /// `PUSHER_ENCRYPTION_MASTER_KEY_BASE64`). A `const fn`, so the macro's expansion stays a
    /// constant.
    pub const fn with_encryption_master_key(mut self, key: EncryptionMasterKey) -> Self {
        self.encryption_master_key = Some(key);
        self
    }

    /// The encryption master key of `private-encrypted-` channels, when one is configured;
    /// `Debug` and `Display` of it are redacted.
    pub fn encryption_master_key(&self) -> Option<&EncryptionMasterKey> {
        self.encryption_master_key.as_ref()
    }

    /// The app id.
    pub fn app_id(&self) -> &AppId {
        &self.app_id
    }

    /// The app key.
    pub fn key(&self) -> &Key {
        &self.public.key
    }

    /// The app secret; its `Display` and `Debug` are redacted.
    pub fn secret(&self) -> &Secret {
        &self.secret
    }

    /// The cluster (see [`PublicConfig::cluster`]).
    pub fn cluster(&self) -> &Cluster {
        &self.public.cluster
    }

    /// The self-hosted server's host, if any.
    pub fn host(&self) -> Option<&Host> {
        self.public.host()
    }

    /// The configured port, if any.
    pub fn port(&self) -> Option<u16> {
        self.public.port()
    }

    /// The configured scheme; `https` when none is set.
    pub fn scheme(&self) -> Scheme {
        self.public.scheme()
    }

    /// The part that is safe to hand a browser: key and where to connect, nothing secret.
    pub fn public(&self) -> &PublicConfig {
        &self.public
    }
}

impl fmt::Display for PusherConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "app {}, {}, secret {}",
            self.app_id, self.public, self.secret
        )
    }
}

#[cfg(test)]
mod tests;
