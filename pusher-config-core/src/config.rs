//! The typed configuration: what `pusher_config!()` expands to and what run-time loading
//! returns. Every value is a `Cow<'static, str>` so the macro's expansion is a constant (usable
//! in `static` and `const`, no allocation) and run-time loading can own its strings.

use std::borrow::Cow;
use std::fmt;

use crate::mask::{Masked, Setting};

mod secret;
mod shown;

pub use secret::{EncryptionMasterKey, Secret};

/// The text of `value`, in a `const fn` (`Cow`'s `Deref` is not `const`).
#[allow(clippy::ptr_arg)] // the `Cow` itself: a `&str` is what a `const fn` cannot get from it
const fn cow_str<'a>(value: &'a Cow<'static, str>) -> &'a str {
    match value {
        Cow::Borrowed(text) => text,
        Cow::Owned(text) => text.as_str(),
    }
}

macro_rules! public_string {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, PartialEq, Eq, Hash)]
        pub struct $name(Cow<'static, str>);

        impl $name {
            /// Not public API: for the expansion of `pusher_config!()`, which builds this in a
            /// `const` context from a value it has already checked. Not covered by semver.
            #[doc(hidden)]
            pub const fn from_static(value: &'static str) -> Self {
                Self(Cow::Borrowed(value))
            }

            #[cfg(feature = "rule-set")]
            pub(crate) fn owned(value: String) -> Self {
                Self(Cow::Owned(value))
            }

            /// The value.
            pub const fn as_str(&self) -> &str {
                cow_str(&self.0)
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            /// The value, whole: it passed the rules for its setting.
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.pad(&self.0)
            }
        }
    };
}

public_string! {
    /// A Pusher app id (digits on Pusher's hosted service). `Display` shows it; `Debug` masks
    /// it, as a server value.
    ///
    /// ```
    /// # extern crate pusher_config_core as pusher_config;
    /// # #[cfg(feature = "rules")] {
    /// use pusher_config::PusherConfig;
    ///
    /// let config = PusherConfig::builder()
    ///     .app_id("1234567")
    ///     .key("9c2e5b0f4d7a18e36c41")
    ///     .secret("e0b7d2a94c5f13868a2d")
    ///     .cluster("eu")
    ///     .build()
    ///     .unwrap();
    /// assert_eq!(format!("/apps/{}/events", config.app_id()), "/apps/1234567/events");
    /// assert!(!format!("{:?}", config.app_id()).contains("1234567"));
    /// # }
    /// ```
    AppId
}
public_string! {
    /// A Pusher cluster (`mt1`, `eu`, …), or the name a self-hosted setup gives.
    ///
    /// ```
    /// # extern crate pusher_config_core as pusher_config;
    /// # #[cfg(feature = "rules")] {
    /// use pusher_config::PusherConfig;
    ///
    /// let config = PusherConfig::builder()
    ///     .app_id("1234567")
    ///     .key("9c2e5b0f4d7a18e36c41")
    ///     .secret("e0b7d2a94c5f13868a2d")
    ///     .cluster("eu")
    ///     .build()
    ///     .unwrap();
    /// assert_eq!(format!("ws-{}.pusher.com", config.cluster()), "ws-eu.pusher.com");
    /// assert_eq!(config.cluster().as_str(), "eu");
    /// # }
    /// ```
    Cluster
}
public_string! {
    /// The host of a self-hosted Pusher-protocol server (soketi, sockudo, Laravel Reverb…).
    ///
    /// ```
    /// # extern crate pusher_config_core as pusher_config;
    /// # #[cfg(feature = "rules")] {
    /// use pusher_config::PublicConfig;
    ///
    /// let public = PublicConfig::builder()
    ///     .key("app-key")
    ///     .host("soketi.internal")
    ///     .port(6001)
    ///     .build()
    ///     .unwrap();
    /// assert_eq!(public.host().map(|host| host.as_str()), Some("soketi.internal"));
    /// assert_eq!(public.port(), Some(6001));
    /// # }
    /// ```
    Host
}
public_string! {
    /// The app key. It is public by design: every browser sends it in the WebSocket URL, and
    /// a validated key is shown whole by `Display` (`9c2e4b7a1f08d3e65b4a`) and `Debug`
    /// (`Key("9c2e4b7a1f08d3e65b4a")`).
    ///
    /// ```
    /// # extern crate pusher_config_core as pusher_config;
    /// let key = pusher_config::Key::from_static("9c2e4b7a1f08d3e65b4a");
    /// assert_eq!(key.to_string(), "9c2e4b7a1f08d3e65b4a");
    /// assert_eq!(format!("{key:?}"), r#"Key("9c2e4b7a1f08d3e65b4a")"#);
    /// ```
    Key
}

impl fmt::Debug for AppId {
    /// Masked: the app id is not secret, but it is the server's, never a browser's.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "AppId({})", Masked(&self.0))
    }
}
impl fmt::Debug for Cluster {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Cluster({:?})", Setting(&self.0))
    }
}
impl fmt::Debug for Host {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Host({:?})", Setting(&self.0))
    }
}
impl fmt::Debug for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Key({:?})", &*self.0)
    }
}

/// `http` or `https`: how a self-hosted server (or `PUSHER_SCHEME`) is reached.
///
/// ```
/// # extern crate pusher_config_core as pusher_config;
/// use pusher_config::Scheme;
///
/// assert_eq!(Scheme::Https.as_str(), "https");
/// assert_eq!(Scheme::Http.to_string(), "http");
/// assert!(Scheme::Https.is_tls() && !Scheme::Http.is_tls());
/// ```
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
/// `Display` and `Debug` show the key whole (it is public), and the host whole unless it could
/// be a credential.
///
/// ```
/// # extern crate pusher_config_core as pusher_config;
/// # #[cfg(feature = "rules")] {
/// use pusher_config::{PublicConfig, Scheme, DEFAULT_CLUSTER};
///
/// let public = PublicConfig::builder()
///     .key("app-key")
///     .host("ws.example.org")
///     .port(6001)
///     .build()
///     .unwrap();
/// assert_eq!(public.scheme(), Scheme::Https);
/// assert!(!public.scheme_is_set());
/// assert_eq!(public.cluster().as_str(), DEFAULT_CLUSTER);
/// # }
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct PublicConfig {
    key: Key,
    cluster: Cluster,
    host: Option<Host>,
    port: Option<u16>,
    scheme: Option<Scheme>,
}

impl PublicConfig {
    /// Not public API: for the expansion of `pusher_config!()`, which builds this in a `const`
    /// context from values it has already checked. Not covered by semver: it may change or go in
    /// any release (the macro and this crate are pinned to the same exact version).
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
    pub const fn key(&self) -> &Key {
        &self.key
    }

    /// The cluster; [`DEFAULT_CLUSTER`] when a self-hosted setup gives none (Pusher's
    /// libraries default to it too, and pusher-js requires one).
    pub const fn cluster(&self) -> &Cluster {
        &self.cluster
    }

    /// The self-hosted server's host (`PUSHER_HOST`), which wins over the cluster.
    pub const fn host(&self) -> Option<&Host> {
        self.host.as_ref()
    }

    /// The configured port (`PUSHER_PORT`), if any.
    pub const fn port(&self) -> Option<u16> {
        self.port
    }

    /// The configured scheme (`PUSHER_SCHEME`); `https` when none is set.
    pub const fn scheme(&self) -> Scheme {
        match self.scheme {
            Some(scheme) => scheme,
            None => Scheme::Https,
        }
    }

    /// Whether a scheme was set explicitly.
    pub const fn scheme_is_set(&self) -> bool {
        self.scheme.is_some()
    }
}

/// A validated Pusher configuration for a server: app id, key, secret and where to connect.
///
/// Built by `pusher_config!()` at compile time (usable in `static` and `const`), by the
/// run-time loaders, or by [`PusherConfig::builder`] (feature `rules`), with the same rules.
/// `Display` and `Debug` never show the secret: it is redacted, and so is the key in the
/// rare self-hosted setup where the key equals the secret.
///
/// The getters are `const fn`, so the parts of a config in a `static` are constants:
///
/// ```
/// # extern crate pusher_config_core as pusher_config;
/// use pusher_config::{Key, PusherConfig};
/// # use pusher_config::{AppId, Cluster, PublicConfig, Secret};
///
/// // static PUSHER: PusherConfig = pusher_config::pusher_config!();
/// # static PUSHER: PusherConfig = PusherConfig::__from_parts(
/// #   AppId::from_static("2047711"),
/// #   Secret::from_static("3f7d0a9e6c1b8e2d4a57"),
/// #   PublicConfig::__from_parts(
/// #       Key::from_static("9c2e4b7a1f08d3e65b4a"), Cluster::from_static("eu"), None, None, None),
/// # );
/// const KEY: &Key = PUSHER.key();
/// const TLS: bool = PUSHER.scheme().is_tls();
/// const PORT: Option<u16> = PUSHER.port();
/// assert_eq!(KEY.as_str(), "9c2e4b7a1f08d3e65b4a");
/// assert!(TLS && PORT.is_none());
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct PusherConfig {
    app_id: AppId,
    secret: Secret,
    public: PublicConfig,
    encryption_master_key: Option<EncryptionMasterKey>,
}

impl PusherConfig {
    /// Not public API: for the expansion of `pusher_config!()`, which builds this in a `const`
    /// context from values it has already checked. Not covered by semver: it may change or go in
    /// any release (the macro and this crate are pinned to the same exact version).
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
    pub const fn app_id(&self) -> &AppId {
        &self.app_id
    }

    /// The app key.
    pub const fn key(&self) -> &Key {
        &self.public.key
    }

    /// The app secret; its `Display` and `Debug` are redacted.
    pub const fn secret(&self) -> &Secret {
        &self.secret
    }

    /// The cluster (see [`PublicConfig::cluster`]).
    pub const fn cluster(&self) -> &Cluster {
        &self.public.cluster
    }

    /// The self-hosted server's host, if any.
    pub const fn host(&self) -> Option<&Host> {
        self.public.host()
    }

    /// The configured port, if any.
    pub const fn port(&self) -> Option<u16> {
        self.public.port()
    }

    /// The configured scheme; `https` when none is set.
    pub const fn scheme(&self) -> Scheme {
        self.public.scheme()
    }

    /// The part that is safe to hand a browser: key and where to connect, nothing secret.
    pub const fn public(&self) -> &PublicConfig {
        &self.public
    }
}

#[cfg(test)]
mod tests;
