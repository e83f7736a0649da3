//! Configs from values in hand, without the macro or the environment:
//! [`PusherConfig::builder`], [`PublicConfig::builder`] and, with features `serde` and `rules`,
//! `Deserialize` for both (a settings file in TOML, JSON, …).
//!
//! Each runs the rule set of `pusher_config!()` on the values given, unchanged: each value
//! stands for the variable of its setting (`key` for `PUSHER_KEY`, `app_id` for
//! `PUSHER_APP_ID`, …), so the problems name those variables, in "the given variables".

use std::collections::BTreeMap;
use std::fmt;

use crate::config::{PublicConfig, PusherConfig, Scheme};
use crate::mask::{Masked, Redacted, Setting};
use crate::names::Field;
use crate::rules::{self, Problems};
use crate::source::Vars;

/// The values given, by setting, as text: the rules read each as the variable it stands for.
#[derive(Clone, Default, PartialEq, Eq)]
struct Given(BTreeMap<Field, String>);

impl Given {
    fn set(&mut self, field: Field, value: String) {
        self.0.insert(field, value);
    }

    /// The values as variables, each under its setting's first name (`PUSHER_KEY`), marked as
    /// given.
    fn vars(&self) -> Vars {
        Vars::from_pairs(
            self.0
                .iter()
                .map(|(field, value)| (field.names()[0], value.as_str())),
        )
    }

    /// `name { key: Some(…), … }` for `fields`: since none is checked yet, credentials
    /// masked, the secret redacted, other settings whole unless they could be a credential.
    fn debug(&self, f: &mut fmt::Formatter<'_>, name: &str, fields: &[Field]) -> fmt::Result {
        /// One value as `Debug` shows it.
        struct Value<'a>(Field, Option<&'a String>);
        impl fmt::Debug for Value<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                match (self.0, self.1) {
                    (_, None) => f.write_str("None"),
                    (Field::Secret | Field::EncryptionMasterKey, Some(value)) => {
                        write!(f, "Some({})", Redacted(value))
                    }
                    (field, Some(value)) if field.is_credential() => {
                        write!(f, "Some({})", Masked(value))
                    }
                    (_, Some(value)) => write!(f, "Some({:?})", Setting(value)),
                }
            }
        }
        let mut out = f.debug_struct(name);
        for &field in fields {
            out.field(field_name(field), &Value(field, self.0.get(&field)));
        }
        out.finish()
    }
}

/// The name of `field` as a builder method and a deserialized field (`app_id`).
const fn field_name(field: Field) -> &'static str {
    match field {
        Field::AppId => "app_id",
        Field::Key => "key",
        Field::Secret => "secret",
        Field::Cluster => "cluster",
        Field::Host => "host",
        Field::Port => "port",
        Field::Scheme => "scheme",
        Field::EncryptionMasterKey => "encryption_master_key_base64",
    }
}

/// The settings a server's config has, in the order problems are reported.
const SERVER_FIELDS: [Field; 8] = Field::ALL;

/// The settings a public config has: never the app id or the secret.
const PUBLIC_FIELDS: [Field; 5] = [
    Field::Key,
    Field::Cluster,
    Field::Host,
    Field::Port,
    Field::Scheme,
];

/// Builds a [`PusherConfig`] from values, checked by the rules of `pusher_config!()` (feature
/// `rules`). Get one with [`PusherConfig::builder`].
///
/// Each value stands for its setting's variable, so a problem names that variable
/// (`PUSHER_KEY` for [`key`](Self::key)) "in the given variables". `Debug` masks the app id
/// and the key (neither is checked yet) and redacts the secret.
///
/// ```
/// # extern crate pusher_config_core as pusher_config;
/// use pusher_config::PusherConfig;
///
/// let config = PusherConfig::builder()
///     .app_id("2047711")
///     .key("9c2e4b7a1f08d3e65b4a")
///     .secret("3f7d0a9e6c1b8e2d4a57")
///     .cluster("eu")
///     .build()?;
/// assert_eq!(config.key().as_str(), "9c2e4b7a1f08d3e65b4a");
///
/// let stripe = PusherConfig::builder()
///     .app_id("2047711")
///     .key("pk_live_51Hq2xK7f3Rb9QmZpL0sT4vW8yA1cE5gI7kM9oQ2sU4wY6")
///     .secret("3f7d0a9e6c1b8e2d4a57")
///     .cluster("eu")
///     .build()
///     .unwrap_err();
/// assert!(stripe.to_string().starts_with(
///     "error: `PUSHER_KEY` in the given variables is a Stripe-style key"
/// ));
/// # Ok::<(), pusher_config::rules::Problems>(())
/// ```
#[derive(Clone, Default, PartialEq, Eq)]
pub struct PusherConfigBuilder {
    given: Given,
}

/// Builds a [`PublicConfig`] from values, checked by the rules of `pusher_config!(client)`
/// (feature `rules`). Get one with [`PublicConfig::builder`].
///
/// It has no app id or secret to set. A problem names the variable a value stands for
/// (`PUSHER_KEY` for [`key`](Self::key)); `Debug` masks the key, which is not checked yet.
///
/// ```
/// # extern crate pusher_config_core as pusher_config;
/// use pusher_config::{PublicConfig, Scheme};
///
/// let soketi = PublicConfig::builder()
///     .key("app-key")
///     .host("127.0.0.1")
///     .port(6001)
///     .scheme(Scheme::Http)
///     .build()?;
/// assert_eq!(soketi.to_string(), "key app-key, http://127.0.0.1:6001");
/// # Ok::<(), pusher_config::rules::Problems>(())
/// ```
#[derive(Clone, Default, PartialEq, Eq)]
pub struct PublicConfigBuilder {
    given: Given,
}

/// A builder method that sets one text setting.
macro_rules! text_setter {
    ($(#[$doc:meta])* $name:ident, $field:expr) => {
        $(#[$doc])*
        pub fn $name(mut self, $name: impl Into<String>) -> Self {
            self.given.set($field, $name.into());
            self
        }
    };
}

/// The builder methods of the public settings, shared by both builders.
macro_rules! public_setters {
    () => {
        text_setter! {
            /// The app key (`PUSHER_KEY`).
            key, Field::Key
        }
        text_setter! {
            /// The cluster (`PUSHER_CLUSTER`): `mt1`, `eu`, … Optional with a host.
            cluster, Field::Cluster
        }
        text_setter! {
            /// The host of a self-hosted server (`PUSHER_HOST`): soketi, sockudo, Reverb…
            host, Field::Host
        }

        /// The port (`PUSHER_PORT`).
        pub fn port(mut self, port: u16) -> Self {
            self.given.set(Field::Port, port.to_string());
            self
        }

        /// The scheme (`PUSHER_SCHEME`); `https` when none is set.
        pub fn scheme(mut self, scheme: Scheme) -> Self {
            self.given.set(Field::Scheme, scheme.as_str().to_owned());
            self
        }
    };
}

impl PusherConfigBuilder {
    text_setter! {
        /// The app id (`PUSHER_APP_ID`).
        app_id, Field::AppId
    }
    text_setter! {
        /// The app secret (`PUSHER_SECRET`).
        secret, Field::Secret
    }
    text_setter! {
        /// The end-to-end encryption master key, in standard base64
        /// (`PUSHER_ENCRYPTION_MASTER_KEY_BASE64`), for `private-encrypted-` channels.
        encryption_master_key_base64, Field::EncryptionMasterKey
    }
    public_setters!();

    /// The config, or every problem the rules of `pusher_config!()` find in the values.
    pub fn build(&self) -> Result<PusherConfig, Problems> {
        rules::check_server(&self.given.vars(), &[])
    }
}

impl PublicConfigBuilder {
    public_setters!();

    /// The config, or every problem the rules of `pusher_config!(client)` find in the values.
    pub fn build(&self) -> Result<PublicConfig, Problems> {
        rules::check_client(&self.given.vars(), &[])
    }
}

impl fmt::Debug for PusherConfigBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.given.debug(f, "PusherConfigBuilder", &SERVER_FIELDS)
    }
}

impl fmt::Debug for PublicConfigBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.given.debug(f, "PublicConfigBuilder", &PUBLIC_FIELDS)
    }
}

impl PusherConfig {
    /// A builder for a config from values in hand, checked by the same rules as
    /// `pusher_config!()` (feature `rules`); see [`PusherConfigBuilder`].
    pub fn builder() -> PusherConfigBuilder {
        PusherConfigBuilder::default()
    }
}

impl PublicConfig {
    /// A builder for a public config from values in hand, checked by the same rules as
    /// `pusher_config!(client)` (feature `rules`); see [`PublicConfigBuilder`].
    pub fn builder() -> PublicConfigBuilder {
        PublicConfigBuilder::default()
    }
}

#[cfg(feature = "serde")]
mod de;

#[cfg(test)]
mod tests;
