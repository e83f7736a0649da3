//! The async client: [`Client`] sends what [`Api`] prepares, over hyper 1 and rustls.

use std::fmt;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use http_body_util::{BodyExt, Full, Limited};
use hyper::body::Bytes;
use hyper_rustls::HttpsConnector;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::{TokioExecutor, TokioTimer};
use serde::de::DeserializeOwned;

use super::response::{
    self, Accepted, BatchResponse, ChannelInfo, ChannelList, PresenceUsers, TriggerResponse,
};
use super::{Api, BatchEvent, EventsError, Info, Limits, Method, PreparedRequest, Trigger};
use crate::PusherConfig;

/// How long a request may take, connecting included, unless [`Client::with_timeout`] says
/// otherwise.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);
/// How long connecting (DNS, TCP) may take.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
/// The largest answer read: a channel list of a busy app, with room to spare.
const MAX_RESPONSE_BYTES: usize = 16 * 1024 * 1024;

type HttpClient = hyper_util::client::legacy::Client<HttpsConnector<HttpConnector>, Full<Bytes>>;

/// Sends events and queries to Pusher's HTTP API, async, on tokio.
///
/// HTTP/1.1 over hyper 1, connections kept alive and reused, TLS by rustls (`ring`) with
/// Mozilla's root certificates (`webpki-roots`); plain HTTP only where the config says
/// `PUSHER_SCHEME=http` (a self-hosted server). Cheap to clone: clones share the pool.
///
/// ```no_run
/// # extern crate pusher_config_core as pusher_config;
/// # async fn run(config: pusher_config::PusherConfig) -> Result<(), pusher_config::events::EventsError> {
/// use pusher_config::events::{Client, Info, Trigger};
///
/// let client = Client::new(config);
/// client.trigger(&Trigger::new("chat", "message", r#"{"text":"hi"}"#)).await?;
/// let info = client.channel("presence-room", Info::USER_COUNT).await?;
/// println!("{:?} users", info.user_count);
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct Client {
    config: PusherConfig,
    limits: Limits,
    timeout: Duration,
    http: HttpClient,
}

impl Client {
    /// A client for `config`'s app, with [`Limits::for_config`] and a 10 s timeout.
    ///
    /// # Panics
    ///
    /// Outside a tokio runtime only when a request is sent, not here.
    pub fn new(config: PusherConfig) -> Self {
        let mut tcp = HttpConnector::new();
        tcp.enforce_http(false);
        tcp.set_connect_timeout(Some(CONNECT_TIMEOUT));
        tcp.set_nodelay(true);
        let connector = hyper_rustls::HttpsConnectorBuilder::new()
            // Explicit, so an app that also links aws-lc-rs does not make rustls ask which.
            .with_provider_and_webpki_roots(rustls::crypto::ring::default_provider())
            .unwrap_or_else(|_| unreachable!("ring's provider supports TLS 1.2 and 1.3"))
            .https_or_http()
            .enable_http1()
            .wrap_connector(tcp);
        let http = hyper_util::client::legacy::Client::builder(TokioExecutor::new())
            .pool_timer(TokioTimer::new())
            .pool_idle_timeout(Duration::from_secs(60))
            .build(connector);
        Self {
            limits: Limits::for_config(&config),
            config,
            timeout: DEFAULT_TIMEOUT,
            http,
        }
    }

    /// The same client with a timeout for each request, from connecting to the answer's
    /// last byte.
    pub fn with_timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// The same client with other limits (a dedicated cluster's, a self-hosted server's).
    pub fn with_limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }

    /// The request builder this client sends from.
    pub fn api(&self) -> Api<'_> {
        Api::new(&self.config).with_limits(self.limits)
    }

    /// Sends a prepared request and reads its typed answer.
    ///
    /// # Errors
    ///
    /// [`EventsError::Http`] for an answer other than 2xx, [`EventsError::InvalidResponse`],
    /// [`EventsError::Timeout`], [`EventsError::Network`].
    pub async fn send<T: DeserializeOwned>(
        &self,
        request: PreparedRequest<T>,
    ) -> Result<T, EventsError> {
        let timeout = self.timeout;
        tokio::time::timeout(timeout, self.exchange(request))
            .await
            .unwrap_or(Err(EventsError::Timeout(timeout)))
    }

    async fn exchange<T: DeserializeOwned>(
        &self,
        request: PreparedRequest<T>,
    ) -> Result<T, EventsError> {
        let (method, url, body) = request.into_parts();
        let mut builder = hyper::Request::builder()
            .method(match method {
                Method::Get => hyper::Method::GET,
                Method::Post => hyper::Method::POST,
            })
            .uri(url);
        if !body.is_empty() {
            builder = builder.header(hyper::header::CONTENT_TYPE, "application/json");
        }
        let request = builder
            .body(Full::new(Bytes::from(body)))
            .map_err(|_| EventsError::InvalidUrl)?;
        let response = self.http.request(request).await.map_err(network)?;
        let status = response.status().as_u16();
        let body = Limited::new(response.into_body(), MAX_RESPONSE_BYTES)
            .collect()
            .await
            .map_err(|err| EventsError::Network(causes(err.as_ref())))?
            .to_bytes();
        response::parse(status, &body)
    }

    /// Triggers one event ([`Api::trigger`]).
    ///
    /// # Errors
    ///
    /// As [`Api::trigger`] before sending, as [`Client::send`] after.
    pub async fn trigger(&self, trigger: &Trigger<'_>) -> Result<TriggerResponse, EventsError> {
        self.send(self.api().trigger(trigger, now())?).await
    }

    /// Triggers a batch of events ([`Api::trigger_batch`]).
    ///
    /// # Errors
    ///
    /// As [`Api::trigger_batch`] before sending, as [`Client::send`] after.
    pub async fn trigger_batch(
        &self,
        events: &[BatchEvent<'_>],
    ) -> Result<BatchResponse, EventsError> {
        self.send(self.api().trigger_batch(events, now())?).await
    }

    /// Lists the occupied channels ([`Api::channels`]).
    ///
    /// # Errors
    ///
    /// As [`Api::channels`] before sending, as [`Client::send`] after.
    pub async fn channels(
        &self,
        prefix: Option<&str>,
        info: Info,
    ) -> Result<ChannelList, EventsError> {
        self.send(self.api().channels(prefix, info, now())?).await
    }

    /// One channel's state ([`Api::channel`]).
    ///
    /// # Errors
    ///
    /// As [`Api::channel`] before sending, as [`Client::send`] after.
    pub async fn channel(&self, channel: &str, info: Info) -> Result<ChannelInfo, EventsError> {
        self.send(self.api().channel(channel, info, now())?).await
    }

    /// A presence channel's members ([`Api::presence_users`]).
    ///
    /// # Errors
    ///
    /// As [`Api::presence_users`] before sending, as [`Client::send`] after.
    pub async fn presence_users(&self, channel: &str) -> Result<PresenceUsers, EventsError> {
        self.send(self.api().presence_users(channel, now())?).await
    }

    /// An event to every connection signed in as `user_id` ([`Api::send_to_user`]).
    ///
    /// # Errors
    ///
    /// As [`Api::send_to_user`] before sending, as [`Client::send`] after.
    pub async fn send_to_user(
        &self,
        user_id: &str,
        name: &str,
        data: &str,
    ) -> Result<TriggerResponse, EventsError> {
        self.send(self.api().send_to_user(user_id, name, data, now())?)
            .await
    }

    /// Closes every connection signed in as `user_id` ([`Api::terminate_user_connections`]).
    ///
    /// # Errors
    ///
    /// As [`Api::terminate_user_connections`] before sending, as [`Client::send`] after.
    pub async fn terminate_user_connections(&self, user_id: &str) -> Result<Accepted, EventsError> {
        self.send(self.api().terminate_user_connections(user_id, now())?)
            .await
    }
}

impl fmt::Debug for Client {
    /// The app id, REST base URL, limits and timeout; never the key or secret.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("app_id", self.config.app_id())
            .field("base_url", &self.config.rest_base_url())
            .field("limits", &self.limits)
            .field("timeout", &self.timeout)
            .finish_non_exhaustive()
    }
}

/// Seconds since the Unix epoch; 0 for a clock set before it (the server then refuses the
/// request with 401, whose message names the clock).
fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// A failed exchange: its causes, which name neither the URL nor the query.
fn network(err: hyper_util::client::legacy::Error) -> EventsError {
    EventsError::Network(causes(&err))
}

/// `outer: inner: innermost`, each cause once.
fn causes(err: &(dyn std::error::Error + 'static)) -> String {
    let mut out = err.to_string();
    let mut source = err.source();
    while let Some(cause) = source {
        let text = cause.to_string();
        if !out.contains(&text) {
            out.push_str(": ");
            out.push_str(&text);
        }
        source = cause.source();
    }
    out
}
