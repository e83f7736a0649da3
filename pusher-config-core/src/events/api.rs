//! [`Api`]: a [`Trigger`], a batch of [`BatchEvent`]s or a query made a signed
//! [`PreparedRequest`], with Pusher's limits checked first. No I/O.

use std::fmt;
use std::marker::PhantomData;

use serde::ser::Serialize;

use super::limits::{self, Limit, Limits};
use super::request::{BatchEvent, Channels, Info, Method, PreparedRequest, Trigger};
use super::response::{
    Accepted, BatchResponse, ChannelInfo, ChannelList, PresenceUsers, TriggerResponse,
};
use super::EventsError;
use crate::signing::{validate_channel_name, validate_socket_id};
use crate::PusherConfig;

/// Builds the signed requests of Pusher's HTTP API for one app, checking [`Limits`] first.
/// Plain functions of their input and a timestamp: no clock, no I/O.
///
/// ```
/// # extern crate pusher_config_core as pusher_config;
/// # use pusher_config::{AppId, Cluster, Key, PublicConfig, PusherConfig, Secret};
/// use pusher_config::events::{Api, Method, Trigger};
/// # let config = PusherConfig::__from_parts(AppId::from_static("3"),
/// #     Secret::from_static("7ad3773142a6692b25b8"),
/// #     PublicConfig::__from_parts(Key::from_static("278d425bdf160c739803"),
/// #         Cluster::from_static("eu"), None, None, None));
///
/// let api = Api::new(&config);
/// let request = api.trigger(&Trigger::new("chat", "message", r#"{"text":"hi"}"#), 1700000000)?;
/// assert_eq!(request.method(), Method::Post);
/// assert!(request.url().starts_with("https://api-eu.pusher.com/apps/3/events?auth_key="));
/// assert_eq!(request.body(), r#"{"name":"message","data":"{\"text\":\"hi\"}","channels":["chat"]}"#);
/// # Ok::<(), pusher_config::events::EventsError>(())
/// ```
#[derive(Clone)]
pub struct Api<'a> {
    config: &'a PusherConfig,
    limits: Limits,
    base_url: String,
}

impl fmt::Debug for Api<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Api")
            .field("app_id", self.config.app_id())
            .field("base_url", &self.base_url)
            .field("limits", &self.limits)
            .finish_non_exhaustive()
    }
}

/// The most characters of a user id: a channel name's 164 less `server-to-user-`.
const MAX_USER_ID_CHARS: usize = crate::signing::MAX_CHANNEL_NAME_LEN - USER_CHANNEL.len() + 1;
/// The channel of a user's connections, before the user id.
const USER_CHANNEL: &str = "#server-to-user-";

impl<'a> Api<'a> {
    /// Requests for `config`'s app, to its REST host ([`PusherConfig::rest_base_url`]), with
    /// [`Limits::for_config`].
    pub fn new(config: &'a PusherConfig) -> Self {
        Self {
            config,
            limits: Limits::for_config(config),
            base_url: config.rest_base_url(),
        }
    }

    /// The same with other limits (a dedicated cluster's, a self-hosted server's).
    pub fn with_limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }

    /// The limits checked.
    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    /// `POST /apps/{id}/events`: one event on one or more channels.
    ///
    /// # Errors
    ///
    /// An empty or too long event name, no channel or too many, an invalid or
    /// `private-encrypted-` channel, an invalid socket id, data over the size limit.
    pub fn trigger(
        &self,
        trigger: &Trigger<'_>,
        timestamp: u64,
    ) -> Result<PreparedRequest<TriggerResponse>, EventsError> {
        let channels = trigger.channels.as_slice();
        if channels.is_empty() {
            return Err(EventsError::NoChannels);
        }
        limits::check(
            Limit::Channels,
            Some(self.limits.max_channels),
            channels.len(),
        )?;
        for (index, channel) in channels.iter().enumerate() {
            check_channel(index, channel, channels.len() == 1)?;
        }
        let data = self.event_data(channels[0], trigger.data, 0)?;
        self.check_event(trigger.name, &data, trigger.socket_id)?;

        #[derive(serde::Serialize)]
        struct Body<'b> {
            name: &'b str,
            data: &'b str,
            channels: Channels<'b>,
            #[serde(skip_serializing_if = "Option::is_none")]
            socket_id: Option<&'b str>,
            #[serde(skip_serializing_if = "Option::is_none")]
            info: Option<&'static str>,
        }
        let body = to_json(&Body {
            name: trigger.name,
            data: &data,
            channels: trigger.channels,
            socket_id: trigger.socket_id,
            info: trigger.info.as_param(),
        });
        self.prepare(Method::Post, "/events", &[], body, timestamp)
    }

    /// The data to send on `channel`: as given, or for a `private-encrypted-` channel, encrypted
    /// with its shared secret as pusher-js decrypts it (`{"nonce","ciphertext"}`).
    fn event_data<'d>(
        &self,
        channel: &str,
        data: &'d str,
        index: usize,
    ) -> Result<std::borrow::Cow<'d, str>, EventsError> {
        if !channel.starts_with("private-encrypted-") {
            return Ok(std::borrow::Cow::Borrowed(data));
        }
        #[cfg(feature = "encryption")]
        {
            self.config
                .encrypt_event_data(channel, data)
                .map(std::borrow::Cow::Owned)
                .map_err(|error| EventsError::InvalidChannel { index, error })
        }
        #[cfg(not(feature = "encryption"))]
        {
            Err(EventsError::EncryptedChannel { index })
        }
    }

    /// `POST /apps/{id}/batch_events`: several events, each on its own channel, at once.
    ///
    /// # Errors
    ///
    /// An empty batch, more events than the limit, or an event refused as by
    /// [`Api::trigger`] ([`EventsError::InBatch`], with its index).
    pub fn trigger_batch(
        &self,
        events: &[BatchEvent<'_>],
        timestamp: u64,
    ) -> Result<PreparedRequest<BatchResponse>, EventsError> {
        if events.is_empty() {
            return Err(EventsError::EmptyBatch);
        }
        limits::check(
            Limit::BatchEvents,
            self.limits.max_batch_events,
            events.len(),
        )?;
        let mut datas = Vec::with_capacity(events.len());
        for (index, event) in events.iter().enumerate() {
            let data = check_channel(0, event.channel, true)
                .and_then(|()| self.event_data(event.channel, event.data, 0))
                .and_then(|data| {
                    self.check_event(event.name, &data, event.socket_id)?;
                    Ok(data)
                })
                .map_err(|error| EventsError::InBatch {
                    index,
                    error: Box::new(error),
                })?;
            datas.push(data);
        }
        // Each event with the data to send: encrypted for a `private-encrypted-` channel.
        let sent: Vec<BatchEvent<'_>> = events
            .iter()
            .zip(&datas)
            .map(|(event, data)| BatchEvent { data, ..*event })
            .collect();

        #[derive(serde::Serialize)]
        struct Body<'b> {
            batch: &'b [BatchEvent<'b>],
        }
        let body = to_json(&Body { batch: &sent });
        self.prepare(Method::Post, "/batch_events", &[], body, timestamp)
    }

    /// `GET /apps/{id}/channels`: the occupied channels, those whose name starts with
    /// `prefix` if given, with the counts of `info` (`user_count` needs the prefix
    /// `presence-`).
    ///
    /// # Errors
    ///
    /// `user_count` without the prefix `presence-`.
    pub fn channels(
        &self,
        prefix: Option<&str>,
        info: Info,
        timestamp: u64,
    ) -> Result<PreparedRequest<ChannelList>, EventsError> {
        if info.has_user_count() && !prefix.is_some_and(|p| p.starts_with("presence-")) {
            return Err(EventsError::UserCountNeedsPresence);
        }
        let mut params = Vec::with_capacity(2);
        if let Some(prefix) = prefix {
            params.push(("filter_by_prefix", prefix));
        }
        if let Some(info) = info.as_param() {
            params.push(("info", info));
        }
        self.prepare(Method::Get, "/channels", &params, String::new(), timestamp)
    }

    /// `GET /apps/{id}/channels/{channel}`: whether it is occupied, with the counts of `info`
    /// (`user_count` of presence channels only).
    ///
    /// # Errors
    ///
    /// An invalid channel name; `user_count` of a channel that is not `presence-…`.
    pub fn channel(
        &self,
        channel: &str,
        info: Info,
        timestamp: u64,
    ) -> Result<PreparedRequest<ChannelInfo>, EventsError> {
        validate_channel_name(channel)
            .map_err(|error| EventsError::InvalidChannel { index: 0, error })?;
        if info.has_user_count() && !channel.starts_with("presence-") {
            return Err(EventsError::UserCountNeedsPresence);
        }
        let params: &[(&str, &str)] = match info.as_param() {
            Some(info) => &[("info", info)],
            None => &[],
        };
        let resource = format!("/channels/{channel}");
        self.prepare(Method::Get, &resource, params, String::new(), timestamp)
    }

    /// `GET /apps/{id}/channels/{channel}/users`: the members of a presence channel.
    ///
    /// # Errors
    ///
    /// An invalid channel name, or one that is not `presence-…`.
    pub fn presence_users(
        &self,
        channel: &str,
        timestamp: u64,
    ) -> Result<PreparedRequest<PresenceUsers>, EventsError> {
        validate_channel_name(channel)
            .map_err(|error| EventsError::InvalidChannel { index: 0, error })?;
        if !channel.starts_with("presence-") {
            return Err(EventsError::NotPresenceChannel);
        }
        let resource = format!("/channels/{channel}/users");
        self.prepare(Method::Get, &resource, &[], String::new(), timestamp)
    }

    /// `POST /apps/{id}/events` on `#server-to-user-{user_id}`: an event to every connection
    /// signed in as that user (pusher-js `signin()`; bind it with `pusher.user.bind`).
    ///
    /// # Errors
    ///
    /// An invalid user id; the event name or data refused as by [`Api::trigger`].
    pub fn send_to_user(
        &self,
        user_id: &str,
        name: &str,
        data: &str,
        timestamp: u64,
    ) -> Result<PreparedRequest<TriggerResponse>, EventsError> {
        check_user_id(user_id)?;
        let channel = format!("{USER_CHANNEL}{user_id}");
        self.check_event(name, data, None)?;

        #[derive(serde::Serialize)]
        struct Body<'b> {
            name: &'b str,
            data: &'b str,
            channels: [&'b str; 1],
        }
        let body = to_json(&Body {
            name,
            data,
            channels: [&channel],
        });
        self.prepare(Method::Post, "/events", &[], body, timestamp)
    }

    /// `POST /apps/{id}/users/{user_id}/terminate_connections`: closes every connection
    /// signed in as that user.
    ///
    /// # Errors
    ///
    /// An invalid user id.
    pub fn terminate_user_connections(
        &self,
        user_id: &str,
        timestamp: u64,
    ) -> Result<PreparedRequest<Accepted>, EventsError> {
        check_user_id(user_id)?;
        let resource = format!("/users/{user_id}/terminate_connections");
        self.prepare(Method::Post, &resource, &[], "{}".to_owned(), timestamp)
    }

    /// The checks every event passes: its name, the socket id to exclude, the data's size.
    fn check_event(
        &self,
        name: &str,
        data: &str,
        socket_id: Option<&str>,
    ) -> Result<(), EventsError> {
        if name.is_empty() {
            return Err(EventsError::EmptyEventName);
        }
        // Characters, as Pusher's libraries count them; only a long name needs counting.
        let max_name = self.limits.max_event_name_chars;
        if name.len() > max_name {
            limits::check(Limit::EventName, Some(max_name), name.chars().count())?;
        }
        if let Some(socket_id) = socket_id {
            validate_socket_id(socket_id).map_err(|_| EventsError::InvalidSocketId)?;
        }
        limits::check(Limit::DataBytes, self.limits.max_data_bytes, data.len())
    }

    /// Signs `method` on `/apps/{id}{resource}` and joins the URL.
    fn prepare<T>(
        &self,
        method: Method,
        resource: &str,
        params: &[(&str, &str)],
        body: String,
        timestamp: u64,
    ) -> Result<PreparedRequest<T>, EventsError> {
        let app_id = self.config.app_id().as_str();
        let mut url = String::with_capacity(self.base_url.len() + 320);
        url.push_str(&self.base_url);
        let path_start = url.len();
        url.push_str("/apps/");
        url.push_str(app_id);
        url.push_str(resource);
        let path = path_start..url.len();
        let query = self
            .config
            .signer()
            .sign_request(
                method.as_str(),
                &url[path.clone()],
                params,
                &body,
                timestamp,
            )
            // Our own method and path, and the caller's info and prefix: none is reserved.
            .map_err(|_| EventsError::InvalidUrl)?;
        url.push('?');
        push_display(&mut url, &query);
        Ok(PreparedRequest {
            method,
            url,
            path,
            body,
            answer: PhantomData,
        })
    }
}

/// A channel name Pusher accepts; `private-encrypted-` only `alone` (its data is encrypted for
/// it alone) and with the `encryption` feature.
fn check_channel(index: usize, channel: &str, alone: bool) -> Result<(), EventsError> {
    validate_channel_name(channel).map_err(|error| EventsError::InvalidChannel { index, error })?;
    if channel.starts_with("private-encrypted-") && !(alone && cfg!(feature = "encryption")) {
        return Err(EventsError::EncryptedChannel { index });
    }
    Ok(())
}

/// A user id that makes a valid channel `#server-to-user-{id}` and path segment.
fn check_user_id(user_id: &str) -> Result<(), EventsError> {
    if validate_channel_name(user_id).is_err() || user_id.len() > MAX_USER_ID_CHARS {
        return Err(EventsError::InvalidUserId);
    }
    Ok(())
}

/// JSON of our own body types, whose serialization cannot fail (strings and slices only).
fn to_json(body: &impl Serialize) -> String {
    serde_json::to_string(body).unwrap_or_default()
}

fn push_display(out: &mut String, value: &impl fmt::Display) {
    use fmt::Write as _;
    // Writing to a `String` cannot fail.
    let _ = write!(out, "{value}");
}
