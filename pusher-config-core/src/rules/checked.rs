//! What a configuration that passed every rule becomes: the typed config of its mode, built
//! by one conversion that the macro and run-time loading share.

use crate::config::{
    AppId, Cluster, EncryptionMasterKey, Host, Key, PublicConfig, PusherConfig, Secret,
};
use crate::names::{Field, Mode};
use crate::DEFAULT_CLUSTER;

use super::clusters;
use super::context::Context;
use super::settings;

/// A configuration that passed every rule, typed: a server's whole config, or a client's
/// public part (which never held the app id or secret).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Checked {
    /// [`Mode::Server`]: app id, key, secret and where to connect.
    Server(PusherConfig),
    /// [`Mode::Client`]: the key and where to connect.
    Client(PublicConfig),
}

impl Checked {
    /// The public part, in both modes.
    pub fn public(&self) -> &PublicConfig {
        match self {
            Checked::Server(config) => config.public(),
            Checked::Client(public) => public,
        }
    }

    /// The server's config; `None` for a client's.
    pub fn server(&self) -> Option<&PusherConfig> {
        match self {
            Checked::Server(config) => Some(config),
            Checked::Client(_) => None,
        }
    }
}

/// The typed config of `cx`'s mode.
pub(crate) fn build(cx: &Context) -> Checked {
    match cx.mode {
        Mode::Client => Checked::Client(public(cx)),
        Mode::Server => Checked::Server(server(cx)),
    }
}

/// A server's config from `cx`'s values, which passed every rule.
pub(crate) fn server(cx: &Context) -> PusherConfig {
    let config = PusherConfig::__from_parts(
        AppId::owned(value(cx, Field::AppId).unwrap_or_default()),
        Secret::owned(value(cx, Field::Secret).unwrap_or_default()),
        public(cx),
    );
    let master_key = value(cx, Field::EncryptionMasterKey)
        .and_then(|key| settings::parse_encryption_master_key(&key).ok());
    match master_key {
        Some(bytes) => config.with_encryption_master_key(EncryptionMasterKey::from_bytes(bytes)),
        None => config,
    }
}

/// The public part from `cx`'s values, which passed every rule: each is parsed by its
/// setting's one parser.
pub(crate) fn public(cx: &Context) -> PublicConfig {
    let mut host = value(cx, Field::Host);
    let mut cluster = value(cx, Field::Cluster);
    // Pusher's own host is its cluster's: URLs are built from the cluster, so the WebSocket
    // host is `ws-…` even when the configured one is the REST host `api-…`.
    if let Some(named) = host.as_deref().and_then(clusters::pusher_host_cluster) {
        cluster.get_or_insert(named);
        host = None;
    }
    let port = value(cx, Field::Port).and_then(|p| settings::parse_port(&p, cx.service, "").ok());
    let scheme = value(cx, Field::Scheme).and_then(|s| settings::parse_scheme(&s, "").ok());
    PublicConfig::__from_parts(
        Key::owned(value(cx, Field::Key).unwrap_or_default()),
        Cluster::owned(cluster.unwrap_or_else(|| DEFAULT_CLUSTER.to_owned())),
        host.map(Host::owned),
        port,
        scheme,
    )
}

fn value(cx: &Context, field: Field) -> Option<String> {
    cx.value_of(field).map(|(_, var)| var.value.clone())
}
