//! How a config is shown by `Display` and `Debug`: the key whole (it is public), unless it
//! equals the secret; the host whole unless it could be a credential; never the secret.

use std::fmt;

use super::secret::same_secret;
use super::{PublicConfig, PusherConfig};
use crate::mask::{Masked, MaskedPlain, Setting};

impl PublicConfig {
    /// How `Display` and `Debug` show it; `mask_key` for a key that equals the secret.
    fn shown(&self, mask_key: bool) -> Shown<'_> {
        Shown {
            public: self,
            mask_key,
        }
    }
}

impl PusherConfig {
    /// The public part as this config shows it: the key masked where it equals the secret.
    fn shown_public(&self) -> Shown<'_> {
        let key_is_secret = same_secret(self.public.key.as_str(), self.secret.expose_secret());
        self.public.shown(key_is_secret)
    }
}

/// A [`PublicConfig`] as `Display` and `Debug` show it: the key whole, unless it equals the
/// server's secret (a self-hosted server may use one word for both), when it is masked.
struct Shown<'a> {
    public: &'a PublicConfig,
    mask_key: bool,
}

/// The key field of `Debug`: `Key("…")`, or masked as `` Key(`l…` (5 chars)) ``.
struct ShownKey<'a>(&'a Shown<'a>);

impl fmt::Debug for ShownKey<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let key = self.0.public.key.as_str();
        if self.0.mask_key {
            write!(f, "Key({})", Masked(key))
        } else {
            write!(f, "Key({key:?})")
        }
    }
}

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let public = self.public;
        if self.mask_key {
            write!(f, "key {}", MaskedPlain(public.key.as_str()))?;
        } else {
            write!(f, "key {}", public.key)?;
        }
        match &public.host {
            Some(host) => {
                write!(f, ", {}://{}", public.scheme(), Setting(host.as_str()))?;
                if let Some(port) = public.port {
                    write!(f, ":{port}")?;
                }
                Ok(())
            }
            None => write!(f, ", cluster {}", Setting(public.cluster.as_str())),
        }
    }
}

impl fmt::Debug for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let public = self.public;
        f.debug_struct("PublicConfig")
            .field("key", &ShownKey(self))
            .field("cluster", &public.cluster)
            .field("host", &public.host)
            .field("port", &public.port)
            .field("scheme", &public.scheme)
            .finish()
    }
}

impl fmt::Display for PublicConfig {
    /// `key 9c2e4b7a1f08d3e65b4a, cluster eu`, or `key …, https://ws.example.org:6001`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.shown(false), f)
    }
}

impl fmt::Debug for PublicConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.shown(false), f)
    }
}

impl fmt::Display for PusherConfig {
    /// `app 2047711, key 9c2e4b7a1f08d3e65b4a, cluster eu, secret [redacted secret, 20 chars]`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "app {}, {}, secret {}",
            self.app_id,
            self.shown_public(),
            self.secret
        )
    }
}

impl fmt::Debug for PusherConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PusherConfig")
            .field("app_id", &self.app_id)
            .field("secret", &self.secret)
            .field("encryption_master_key", &self.encryption_master_key)
            .field("public", &self.shown_public())
            .finish()
    }
}
