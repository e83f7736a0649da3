//! Sending events through Pusher's HTTP API: triggers, batches, channel info, presence users,
//! events to a user, terminating a user's connections.
//!
//! Two layers, so that signing and building stay plain functions (tested and benchmarked
//! without a network) and any HTTP client can send them:
//!
//! - [`Api`] (feature `events`) builds each call as a signed [`PreparedRequest`] (method, URL,
//!   JSON body), checking Pusher's [`Limits`] first, and reads its answer into a typed response
//!   ([`PreparedRequest::parse_response`]);
//! - [`Client`] (feature `events-client`) sends them, async on tokio, with hyper 1 and rustls,
//!   with a timeout.
//!
//! | call | request | answer |
//! |---|---|---|
//! | [`Api::trigger`] | `POST /apps/{id}/events` | [`TriggerResponse`] |
//! | [`Api::trigger_batch`] | `POST /apps/{id}/batch_events` | [`BatchResponse`] |
//! | [`Api::channels`] | `GET /apps/{id}/channels` | [`ChannelList`] |
//! | [`Api::channel`] | `GET /apps/{id}/channels/{channel}` | [`ChannelInfo`] |
//! | [`Api::presence_users`] | `GET /apps/{id}/channels/{channel}/users` | [`PresenceUsers`] |
//! | [`Api::send_to_user`] | `POST /apps/{id}/events` on `#server-to-user-{user}` | [`TriggerResponse`] |
//! | [`Api::terminate_user_connections`] | `POST /apps/{id}/users/{user}/terminate_connections` | [`Accepted`] |
//!
//! With another HTTP client (reqwest, say), send the prepared request and parse its answer:
//!
//! ```ignore
//! let request = Api::new(&PUSHER).trigger(&Trigger::new("chat", "message", data), now)?;
//! let response = reqwest_client
//!     .post(request.url())
//!     .header("content-type", "application/json")
//!     .body(request.body().to_owned())
//!     .send()
//!     .await?;
//! let status = response.status().as_u16();
//! let answer = request.parse_response(status, &response.bytes().await?)?;
//! ```

// `api.rs`: `Api`; `request.rs`: `Trigger`, `BatchEvent`, `PreparedRequest`; `limits.rs`:
// `Limits`; `response.rs`: the typed answers; `error.rs`: `EventsError`; `client.rs`: `Client`.
mod api;
#[cfg(feature = "events-client")]
mod client;
mod error;
mod limits;
mod request;
mod response;

pub use api::Api;
#[cfg(feature = "events-client")]
pub use client::{Client, DEFAULT_TIMEOUT};
pub use error::EventsError;
pub use limits::{Limit, Limits};
pub use request::{BatchEvent, Info, Method, PreparedRequest, Trigger};
pub use response::{
    Accepted, BatchResponse, ChannelInfo, ChannelList, PresenceUser, PresenceUsers, TriggerResponse,
};

#[cfg(test)]
mod tests;
