//! The answers of Pusher's HTTP API, typed.

use std::collections::BTreeMap;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::EventsError;

/// What a channel's info holds; each field is there only when asked for (`occupied` always is
/// for one channel).
///
/// `GET /apps/{id}/channels/{channel}?info=user_count,subscription_count` answers
/// `{"occupied":true,"user_count":2,"subscription_count":3}`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelInfo {
    /// Whether anyone is subscribed (answered for a single channel).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub occupied: Option<bool>,
    /// Distinct users on a presence channel (`info=user_count`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_count: Option<u64>,
    /// Connections subscribed (`info=subscription_count`; on Pusher, once enabled in the
    /// app's settings).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subscription_count: Option<u64>,
}

/// The answer to a trigger: with `info`, each channel's counts; otherwise empty.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TriggerResponse {
    /// Channel name → its info, when the trigger asked for any.
    #[serde(default)]
    pub channels: BTreeMap<String, ChannelInfo>,
}

/// The answer to a batch trigger: with `info` on its events, one entry per event, in order;
/// otherwise empty.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct BatchResponse {
    /// Each event's channel info, in the batch's order.
    #[serde(default)]
    pub batch: Vec<ChannelInfo>,
}

/// The answer to `GET /apps/{id}/channels`: the occupied channels, with the info asked for.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ChannelList {
    /// Channel name → its info.
    #[serde(default)]
    pub channels: BTreeMap<String, ChannelInfo>,
}

/// One member of a presence channel.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PresenceUser {
    /// The `user_id` of the member's channel data.
    pub id: String,
}

/// The answer to `GET /apps/{id}/channels/{presence-channel}/users`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PresenceUsers {
    /// The members, once each.
    #[serde(default)]
    pub users: Vec<PresenceUser>,
}

/// An answer with nothing to read: a 2xx is all it says (send to user, terminate connections).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Accepted {}

/// Reads an answer: a 2xx as `T` (an empty body as `{}`), anything else as
/// [`EventsError::Http`].
pub(crate) fn parse<T: DeserializeOwned>(status: u16, body: &[u8]) -> Result<T, EventsError> {
    if !(200..300).contains(&status) {
        return Err(EventsError::from_status(status, body));
    }
    let body = if body.trim_ascii().is_empty() {
        b"{}"
    } else {
        body
    };
    serde_json::from_slice(body).map_err(|err| EventsError::InvalidResponse {
        status,
        reason: err.to_string(),
    })
}
