//! `Deserialize` for [`PusherConfig`] and [`PublicConfig`] (features `serde` and `rules`): the
//! settings as plain fields, then the rules of `pusher_config!()`.

use std::fmt;

use serde::de::{self, Deserializer, Visitor};
use serde::Deserialize;

use super::Given;
use crate::config::{PublicConfig, PusherConfig};
use crate::names::Field;
use crate::rules;

/// A server's settings as a settings file spells them, each as text.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ServerSettings {
    #[serde(default, deserialize_with = "text")]
    app_id: Option<String>,
    #[serde(default, deserialize_with = "text")]
    key: Option<String>,
    #[serde(default, deserialize_with = "text")]
    secret: Option<String>,
    #[serde(default, deserialize_with = "text")]
    cluster: Option<String>,
    #[serde(default, deserialize_with = "text")]
    host: Option<String>,
    #[serde(default, deserialize_with = "text")]
    port: Option<String>,
    #[serde(default, deserialize_with = "text")]
    scheme: Option<String>,
    #[serde(default, deserialize_with = "text")]
    encryption_master_key_base64: Option<String>,
}

/// The public config's settings: the key and where to connect, nothing else.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ClientSettings {
    #[serde(default, deserialize_with = "text")]
    key: Option<String>,
    #[serde(default, deserialize_with = "text")]
    cluster: Option<String>,
    #[serde(default, deserialize_with = "text")]
    host: Option<String>,
    #[serde(default, deserialize_with = "text")]
    port: Option<String>,
    #[serde(default, deserialize_with = "text")]
    scheme: Option<String>,
}

impl Given {
    /// The values that are set, for the rules.
    fn of<const N: usize>(values: [(Field, Option<String>); N]) -> Self {
        let mut given = Given::default();
        for (field, value) in values {
            if let Some(value) = value {
                given.set(field, value);
            }
        }
        given
    }
}

/// A setting as text: a string, or an integer as its digits (`app_id = 2047711`,
/// `port = 6001`), so that the rules judge every value, and no serde message quotes one.
fn text<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    /// Accepts a string or an integer, or nothing.
    struct Text;

    impl<'de> Visitor<'de> for Text {
        type Value = Option<String>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a string or an integer")
        }

        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_some<D: Deserializer<'de>>(self, inner: D) -> Result<Self::Value, D::Error> {
            inner.deserialize_any(self)
        }

        fn visit_str<E: de::Error>(self, value: &str) -> Result<Self::Value, E> {
            Ok(Some(value.to_owned()))
        }

        fn visit_string<E: de::Error>(self, value: String) -> Result<Self::Value, E> {
            Ok(Some(value))
        }

        fn visit_u64<E: de::Error>(self, value: u64) -> Result<Self::Value, E> {
            Ok(Some(value.to_string()))
        }

        fn visit_i64<E: de::Error>(self, value: i64) -> Result<Self::Value, E> {
            Ok(Some(value.to_string()))
        }
    }

    deserializer.deserialize_option(Text)
}

/// From the fields `app_id`, `key`, `secret`, `cluster`, `host`, `port`, `scheme`,
/// `encryption_master_key_base64` (each a
/// string; `app_id` and `port` may be integers; each optional to serde), checked by the rules
/// of `pusher_config!()` as [`PusherConfig::builder`] does (features `serde` and `rules`). A
/// problem is a custom error holding the problems' `Display`, which never shows the secret; an
/// unknown field is an error too.
///
/// ```
/// # extern crate pusher_config_core as pusher_config;
/// use pusher_config::PusherConfig;
///
/// let config: PusherConfig = serde_json::from_str(
///     r#"{"app_id": 2047711, "key": "9c2e4b7a1f08d3e65b4a",
///         "secret": "3f7d0a9e6c1b8e2d4a57", "cluster": "eu"}"#,
/// )?;
/// assert_eq!(config.app_id().as_str(), "2047711");
/// # Ok::<(), serde_json::Error>(())
/// ```
impl<'de> Deserialize<'de> for PusherConfig {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let settings = ServerSettings::deserialize(deserializer)?;
        let given = Given::of([
            (Field::AppId, settings.app_id),
            (Field::Key, settings.key),
            (Field::Secret, settings.secret),
            (Field::Cluster, settings.cluster),
            (Field::Host, settings.host),
            (Field::Port, settings.port),
            (Field::Scheme, settings.scheme),
            (
                Field::EncryptionMasterKey,
                settings.encryption_master_key_base64,
            ),
        ]);
        rules::check_server(&given.vars(), &[]).map_err(de::Error::custom)
    }
}

/// From the fields `key`, `cluster`, `host`, `port`, `scheme` (each a string; `port` may be an
/// integer), checked by the rules of `pusher_config!(client)` as [`PublicConfig::builder`]
/// does (features `serde` and `rules`). `app_id` and `secret` are unknown fields, an error:
/// a public config never holds them.
impl<'de> Deserialize<'de> for PublicConfig {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let settings = ClientSettings::deserialize(deserializer)?;
        let given = Given::of([
            (Field::AppId, None),
            (Field::Key, settings.key),
            (Field::Secret, None),
            (Field::Cluster, settings.cluster),
            (Field::Host, settings.host),
            (Field::Port, settings.port),
            (Field::Scheme, settings.scheme),
        ]);
        rules::check_client(&given.vars(), &[]).map_err(de::Error::custom)
    }
}
