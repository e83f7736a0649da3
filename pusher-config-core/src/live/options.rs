//! What the live check may do: [`Options`] (timeout, clusters to probe, endpoints) and
//! [`Endpoint`].

use std::fmt;
use std::time::Duration;

use crate::mask::Setting;
use crate::Scheme;

/// How long each request may take by default: name resolution, connecting, TLS, the
/// handshake and the answer together.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(5);

/// Pusher's public clusters (pusher/docs `docs/channels/miscellaneous/clusters.md`), the ones
/// probed by default after a 4001.
pub const PUBLIC_CLUSTERS: &[&str] =
    &["mt1", "us2", "us3", "eu", "ap1", "ap2", "ap3", "ap4", "sa1"];

/// Where a server listens: scheme (`https` for TLS: `wss://` and HTTPS), host and port.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Endpoint {
    scheme: Scheme,
    host: String,
    port: u16,
}

impl Endpoint {
    /// An endpoint; `host` is a name or an IP address (IPv6 without brackets).
    pub fn new(scheme: Scheme, host: impl Into<String>, port: u16) -> Self {
        Self {
            scheme,
            host: host.into(),
            port,
        }
    }

    /// `http` or `https`.
    pub fn scheme(&self) -> Scheme {
        self.scheme
    }

    /// The host.
    pub fn host(&self) -> &str {
        &self.host
    }

    /// The port.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// `host:port`, with brackets around an IPv6 address.
    pub(super) fn authority(&self) -> String {
        if self.host.contains(':') {
            format!("[{}]:{}", self.host, self.port)
        } else {
            format!("{}:{}", self.host, self.port)
        }
    }
}

impl fmt::Display for Endpoint {
    /// `https://api-eu.pusher.com:443`, the host masked should it look like a credential.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}://", self.scheme)?;
        if self.host.contains(':') {
            write!(f, "[{}]", Setting(&self.host))?;
        } else {
            write!(f, "{}", Setting(&self.host))?;
        }
        write!(f, ":{}", self.port)
    }
}

impl fmt::Debug for Endpoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Endpoint({self})")
    }
}

/// What the live check may do.
///
/// ```
/// # extern crate pusher_config_core as pusher_config;
/// use std::time::Duration;
/// use pusher_config::live::Options;
///
/// let options = Options::new()
///     .with_timeout(Duration::from_secs(3))
///     .with_clusters_to_probe(["eu", "us2"]);
/// assert_eq!(options.timeout(), Duration::from_secs(3));
/// assert_eq!(options.clusters_to_probe(), ["eu", "us2"]);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    timeout: Duration,
    clusters_to_probe: Vec<&'static str>,
    cluster_endpoints: Vec<(String, Endpoint)>,
}

impl Default for Options {
    fn default() -> Self {
        Self::new()
    }
}

impl Options {
    /// [`DEFAULT_TIMEOUT`] per request; after a 4001, probe every one of [`PUBLIC_CLUSTERS`].
    pub fn new() -> Self {
        Self {
            timeout: DEFAULT_TIMEOUT,
            clusters_to_probe: PUBLIC_CLUSTERS.to_vec(),
            cluster_endpoints: Vec::new(),
        }
    }

    /// How long each request may take, from name resolution to the answer. The checks run at
    /// the same time, and probing the other clusters (all at once) after a 4001 takes at most
    /// one more: [`super::verify`] returns within about twice this.
    pub fn with_timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// The clusters to try after the configured one refused the key (4001); none to skip
    /// probing. Only configs for Pusher's hosted service are probed.
    pub fn with_clusters_to_probe(
        mut self,
        clusters: impl IntoIterator<Item = &'static str>,
    ) -> Self {
        self.clusters_to_probe = clusters.into_iter().collect();
        self
    }

    /// Reach Pusher's `cluster` at `endpoint` instead of `ws-{cluster}.pusher.com:443` and
    /// `api-{cluster}.pusher.com:443`, for both checks (one server answers both, as
    /// self-hosted ones do). For tests with a stand-in server, or a mirror of the service.
    pub fn with_cluster_endpoint(mut self, cluster: impl Into<String>, endpoint: Endpoint) -> Self {
        let cluster = cluster.into();
        self.cluster_endpoints.retain(|(c, _)| *c != cluster);
        self.cluster_endpoints.push((cluster, endpoint));
        self
    }

    /// How long each request may take.
    pub fn timeout(&self) -> Duration {
        self.timeout
    }

    /// The clusters tried after a 4001.
    pub fn clusters_to_probe(&self) -> &[&'static str] {
        &self.clusters_to_probe
    }

    /// Where Pusher's `cluster` is reached for `service` (`ws` or `api`).
    pub(super) fn cluster_endpoint(&self, cluster: &str, service: &str) -> Endpoint {
        self.cluster_endpoints
            .iter()
            .find(|(c, _)| c == cluster)
            .map(|(_, endpoint)| endpoint.clone())
            .unwrap_or_else(|| {
                Endpoint::new(
                    Scheme::Https,
                    format!("{service}-{cluster}.pusher.com"),
                    443,
                )
            })
    }
}
