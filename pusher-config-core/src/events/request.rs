//! Building and signing requests: [`Api`] turns a [`Trigger`], a batch of [`BatchEvent`]s or a
//! query into a [`PreparedRequest`], with Pusher's limits checked. No I/O.

use std::fmt;
use std::marker::PhantomData;
use std::ops::Range;

use serde::de::DeserializeOwned;
use serde::ser::{Serialize, SerializeSeq, Serializer};

use super::response;
use super::EventsError;

/// `GET` or `POST`, the methods of Pusher's HTTP API.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Method {
    /// Reads: channels, channel info, presence users.
    Get,
    /// Writes: triggers, batches, terminating connections.
    Post,
}

impl Method {
    /// `"GET"` or `"POST"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
        }
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The channel counts to ask for: `info=user_count,subscription_count` or either.
///
/// ```
/// # extern crate pusher_config_core as pusher_config;
/// use pusher_config::events::Info;
/// let both = Info::USER_COUNT.and(Info::SUBSCRIPTION_COUNT);
/// assert_eq!(both.as_param(), Some("user_count,subscription_count"));
/// assert_eq!(Info::NONE.as_param(), None);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Info {
    pub(super) user_count: bool,
    pub(super) subscription_count: bool,
}

impl Info {
    /// No counts.
    pub const NONE: Self = Self {
        user_count: false,
        subscription_count: false,
    };
    /// `user_count`: distinct users, on presence channels only.
    pub const USER_COUNT: Self = Self {
        user_count: true,
        subscription_count: false,
    };
    /// `subscription_count`: connections subscribed (on Pusher, once enabled in the app's
    /// settings).
    pub const SUBSCRIPTION_COUNT: Self = Self {
        user_count: false,
        subscription_count: true,
    };

    /// Both sets of counts.
    pub const fn and(self, other: Self) -> Self {
        Self {
            user_count: self.user_count || other.user_count,
            subscription_count: self.subscription_count || other.subscription_count,
        }
    }

    /// Whether `user_count` is asked for.
    pub const fn has_user_count(self) -> bool {
        self.user_count
    }

    /// The `info` parameter's value, `None` for no counts.
    pub const fn as_param(self) -> Option<&'static str> {
        match (self.user_count, self.subscription_count) {
            (true, true) => Some("user_count,subscription_count"),
            (true, false) => Some("user_count"),
            (false, true) => Some("subscription_count"),
            (false, false) => None,
        }
    }
}

/// The channels of a trigger: one, or a list.
#[derive(Clone, Copy, Debug)]
pub(super) enum Channels<'a> {
    One(&'a str),
    Many(&'a [&'a str]),
}

impl<'a> Channels<'a> {
    pub(super) fn as_slice(&self) -> &[&'a str] {
        match self {
            Channels::One(channel) => std::slice::from_ref(channel),
            Channels::Many(channels) => channels,
        }
    }
}

impl Serialize for Channels<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let channels = self.as_slice();
        let mut seq = serializer.serialize_seq(Some(channels.len()))?;
        for channel in channels {
            seq.serialize_element(channel)?;
        }
        seq.end()
    }
}

/// One event for one or more channels: `POST /apps/{id}/events`.
///
/// `data` is sent as is, as the string Pusher expects: JSON-encode it first
/// (`serde_json::to_string(&value)?`) for pusher-js to hand your handler an object.
///
/// ```
/// # extern crate pusher_config_core as pusher_config;
/// use pusher_config::events::{Info, Trigger};
///
/// let one = Trigger::new("chat", "message", r#"{"text":"hi"}"#);
/// let many = Trigger::to_channels(&["chat", "private-log"], "message", r#"{"text":"hi"}"#)
///     .except("1234.5678") // not to the connection that caused it
///     .info(Info::SUBSCRIPTION_COUNT);
/// # let _ = (one, many);
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Trigger<'a> {
    pub(super) channels: Channels<'a>,
    pub(super) name: &'a str,
    pub(super) data: &'a str,
    pub(super) socket_id: Option<&'a str>,
    pub(super) info: Info,
}

impl<'a> Trigger<'a> {
    /// Event `name` with `data` on one channel.
    pub const fn new(channel: &'a str, name: &'a str, data: &'a str) -> Self {
        Self {
            channels: Channels::One(channel),
            name,
            data,
            socket_id: None,
            info: Info::NONE,
        }
    }

    /// Event `name` with `data` on each of `channels` (at most 100 on Pusher).
    pub const fn to_channels(channels: &'a [&'a str], name: &'a str, data: &'a str) -> Self {
        Self {
            channels: Channels::Many(channels),
            name,
            data,
            socket_id: None,
            info: Info::NONE,
        }
    }

    /// Not to the connection with this socket id (the one whose action caused the event).
    pub const fn except(mut self, socket_id: &'a str) -> Self {
        self.socket_id = Some(socket_id);
        self
    }

    /// Ask for the channels' counts in the answer ([`TriggerResponse::channels`](super::TriggerResponse::channels)).
    pub const fn info(mut self, info: Info) -> Self {
        self.info = info;
        self
    }
}

/// One event of a batch: `POST /apps/{id}/batch_events` sends up to 10 of them at once on
/// Pusher.
///
/// ```
/// # extern crate pusher_config_core as pusher_config;
/// use pusher_config::events::BatchEvent;
/// let batch = [
///     BatchEvent::new("chat", "message", r#"{"text":"hi"}"#),
///     BatchEvent::new("presence-room", "typing", "{}").except("1234.5678"),
/// ];
/// # let _ = batch;
/// ```
#[derive(Clone, Copy, Debug, serde::Serialize)]
pub struct BatchEvent<'a> {
    pub(super) channel: &'a str,
    pub(super) name: &'a str,
    pub(super) data: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) socket_id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) info: Option<&'static str>,
}

impl<'a> BatchEvent<'a> {
    /// Event `name` with `data` on `channel`.
    pub const fn new(channel: &'a str, name: &'a str, data: &'a str) -> Self {
        Self {
            channel,
            name,
            data,
            socket_id: None,
            info: None,
        }
    }

    /// Not to the connection with this socket id.
    pub const fn except(mut self, socket_id: &'a str) -> Self {
        self.socket_id = Some(socket_id);
        self
    }

    /// Ask for the channel's counts in the answer ([`BatchResponse::batch`](super::BatchResponse::batch)).
    pub const fn info(mut self, info: Info) -> Self {
        self.info = info.as_param();
        self
    }
}

/// A signed request, ready for any HTTP client: send [`PreparedRequest::method`] to
/// [`PreparedRequest::url`] with [`PreparedRequest::body`] (`Content-Type:
/// application/json` when it is not empty), then read the answer with
/// [`PreparedRequest::parse_response`], which gives the typed answer `T` or an
/// [`EventsError`].
///
/// The URL holds the signature, valid for about 10 minutes: `Debug` shows the path only.
pub struct PreparedRequest<T> {
    pub(super) method: Method,
    pub(super) url: String,
    pub(super) path: Range<usize>,
    pub(super) body: String,
    pub(super) answer: PhantomData<fn() -> T>,
}

impl<T> PreparedRequest<T> {
    /// `GET` or `POST`.
    pub fn method(&self) -> Method {
        self.method
    }

    /// The whole URL: base, path and signed query.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The path, without the query: `/apps/3/events`.
    pub fn path(&self) -> &str {
        &self.url[self.path.clone()]
    }

    /// The JSON body; empty for a `GET`.
    pub fn body(&self) -> &str {
        &self.body
    }

    /// `application/json` for a request with a body.
    pub fn content_type(&self) -> Option<&'static str> {
        (!self.body.is_empty()).then_some("application/json")
    }

    /// The method, URL and body, to hand to an HTTP client that takes them by value.
    pub fn into_parts(self) -> (Method, String, String) {
        (self.method, self.url, self.body)
    }
}

impl<T: DeserializeOwned> PreparedRequest<T> {
    /// The typed answer from a response's status code and body: a 2xx as `T`, any other
    /// status as [`EventsError::Http`] with what it means.
    ///
    /// # Errors
    ///
    /// [`EventsError::Http`] for a status other than 2xx, [`EventsError::InvalidResponse`]
    /// for a 2xx whose body is not the expected JSON.
    pub fn parse_response(&self, status: u16, body: &[u8]) -> Result<T, EventsError> {
        response::parse(status, body)
    }
}

impl<T> fmt::Debug for PreparedRequest<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PreparedRequest")
            .field("method", &self.method)
            .field("path", &self.path())
            .field("body_bytes", &self.body.len())
            .finish_non_exhaustive()
    }
}
