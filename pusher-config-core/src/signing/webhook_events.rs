//! A verified webhook's body as typed events (Pusher's docs, `server_api/webhooks.md`: each
//! event's `name` and its fields).

use serde::Deserialize;
use serde_json::{Map, Value};

use super::error::SigningError;
use super::Signer;

/// A verified webhook: when Pusher created it and its events (one, or several with batch
/// webhooks on).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Webhook {
    /// When the webhook was created, in milliseconds since the Unix epoch: a delayed webhook
    /// can be told from a fresh one.
    pub time_ms: u64,
    /// The events, in the order sent.
    pub events: Vec<WebhookEvent>,
}

/// One event of a webhook. An event this crate does not know, or a known one whose fields
/// are not as documented, is kept as [`WebhookEvent::Other`] with its fields, never refused:
/// a webhook endpoint that fails makes Pusher retry the whole webhook for minutes.
///
/// Match with `..` and a `_` arm: new fields and events may be added.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum WebhookEvent {
    /// `channel_occupied`: the channel got its first subscriber.
    #[non_exhaustive]
    ChannelOccupied {
        /// The channel's name.
        channel: String,
    },
    /// `channel_vacated`: the channel's last subscriber left.
    #[non_exhaustive]
    ChannelVacated {
        /// The channel's name.
        channel: String,
    },
    /// `member_added`: a user joined a presence channel.
    #[non_exhaustive]
    MemberAdded {
        /// The presence channel's name.
        channel: String,
        /// The user's `user_id`, as its channel data gave it.
        user_id: String,
    },
    /// `member_removed`: a user left a presence channel.
    #[non_exhaustive]
    MemberRemoved {
        /// The presence channel's name.
        channel: String,
        /// The user's `user_id`.
        user_id: String,
    },
    /// `client_event`: a client sent an event on a private or presence channel.
    #[non_exhaustive]
    ClientEvent {
        /// The channel it was sent on.
        channel: String,
        /// The event's name (`client-…`).
        event: String,
        /// The event's data as sent: a string on Pusher's service (the JSON text the client
        /// sent); some self-hosted servers send the JSON value itself.
        data: Value,
        /// The sending socket's id (Pusher always sends it).
        socket_id: Option<String>,
        /// The sending user's id, on presence channels only.
        user_id: Option<String>,
    },
    /// `cache_miss`: a client subscribed to a cache channel that holds no event.
    #[non_exhaustive]
    CacheMiss {
        /// The cache channel's name.
        channel: String,
    },
    /// `subscription_count`: the number of subscriptions to a channel changed.
    #[non_exhaustive]
    SubscriptionCount {
        /// The channel's name.
        channel: String,
        /// Its subscriptions now.
        subscription_count: u64,
    },
    /// Any other event, or a known one whose fields are not as documented.
    #[non_exhaustive]
    Other {
        /// Its `name` (empty when it had none).
        name: String,
        /// Its other fields.
        fields: Map<String, Value>,
    },
}

impl WebhookEvent {
    /// The event's `name`: `channel_occupied`, `member_added`, …
    pub fn name(&self) -> &str {
        match self {
            Self::ChannelOccupied { .. } => "channel_occupied",
            Self::ChannelVacated { .. } => "channel_vacated",
            Self::MemberAdded { .. } => "member_added",
            Self::MemberRemoved { .. } => "member_removed",
            Self::ClientEvent { .. } => "client_event",
            Self::CacheMiss { .. } => "cache_miss",
            Self::SubscriptionCount { .. } => "subscription_count",
            Self::Other { name, .. } => name,
        }
    }

    /// The channel it is about, if it names one.
    pub fn channel(&self) -> Option<&str> {
        match self {
            Self::ChannelOccupied { channel }
            | Self::ChannelVacated { channel }
            | Self::MemberAdded { channel, .. }
            | Self::MemberRemoved { channel, .. }
            | Self::ClientEvent { channel, .. }
            | Self::CacheMiss { channel }
            | Self::SubscriptionCount { channel, .. } => Some(channel),
            Self::Other { fields, .. } => fields.get("channel").and_then(Value::as_str),
        }
    }

    /// The typed event of `fields` (an event object of the body).
    fn from_fields(mut fields: Map<String, Value>) -> Self {
        let name = match fields.remove("name") {
            Some(Value::String(name)) => name,
            Some(other) => {
                fields.insert("name".to_owned(), other);
                String::new()
            }
            None => String::new(),
        };
        Self::typed(&name, &fields).unwrap_or(Self::Other { name, fields })
    }

    fn typed(name: &str, fields: &Map<String, Value>) -> Option<Self> {
        let text = |field: &str| fields.get(field).and_then(Value::as_str).map(str::to_owned);
        let channel = text("channel")?;
        Some(match name {
            "channel_occupied" => Self::ChannelOccupied { channel },
            "channel_vacated" => Self::ChannelVacated { channel },
            "member_added" => Self::MemberAdded {
                channel,
                user_id: text("user_id")?,
            },
            "member_removed" => Self::MemberRemoved {
                channel,
                user_id: text("user_id")?,
            },
            "client_event" => Self::ClientEvent {
                channel,
                event: text("event")?,
                data: fields.get("data").cloned().unwrap_or(Value::Null),
                socket_id: text("socket_id"),
                user_id: text("user_id"),
            },
            "cache_miss" => Self::CacheMiss { channel },
            "subscription_count" => Self::SubscriptionCount {
                channel,
                subscription_count: fields.get("subscription_count")?.as_u64()?,
            },
            _ => return None,
        })
    }
}

/// The body as sent: `{"time_ms": …, "events": [{…}, …]}`.
#[derive(Deserialize)]
struct Body {
    time_ms: u64,
    events: Vec<Map<String, Value>>,
}

impl Signer<'_> {
    /// [`Signer::verify_webhook`], then the body as a [`Webhook`] of typed events.
    ///
    /// ```
    /// # extern crate pusher_config_core as pusher_config;
    /// use pusher_config::signing::{Signer, WebhookEvent};
    ///
    /// let signer = Signer::new("app-key", "app-secret");
    /// let body = r#"{"time_ms":1327078148132,"events":[{"name":"channel_occupied","channel":"my-channel"}]}"#;
    /// let signature = signer.sign_webhook(body);
    /// let webhook = signer.verify_webhook_events("app-key", &signature, body)?;
    /// assert_eq!(webhook.time_ms, 1327078148132);
    /// for event in &webhook.events {
    ///     match event {
    ///         WebhookEvent::ChannelOccupied { channel, .. } => assert_eq!(channel, "my-channel"),
    ///         other => println!("{} on {:?}", other.name(), other.channel()),
    ///     }
    /// }
    /// # Ok::<(), pusher_config::signing::SigningError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`Signer::verify_webhook`]; [`SigningError::WebhookBody`] when a verified body is
    /// not a webhook's JSON.
    pub fn verify_webhook_events(
        &self,
        key_header: &str,
        signature_header: &str,
        body: impl AsRef<[u8]>,
    ) -> Result<Webhook, SigningError> {
        let body = body.as_ref();
        self.verify_webhook(key_header, signature_header, body)?;
        let parsed: Body = serde_json::from_slice(body).map_err(|err| {
            // serde_json's own message may quote the body; say only what and where.
            let what = match err.classify() {
                serde_json::error::Category::Io => "unreadable",
                serde_json::error::Category::Syntax => "invalid JSON",
                serde_json::error::Category::Data => "JSON of another shape",
                serde_json::error::Category::Eof => "JSON cut short",
            };
            SigningError::WebhookBody(format!(
                "{what} at line {} column {}",
                err.line(),
                err.column()
            ))
        })?;
        Ok(Webhook {
            time_ms: parsed.time_ms,
            events: parsed
                .events
                .into_iter()
                .map(WebhookEvent::from_fields)
                .collect(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::signing::tests::SIGNER;

    const KEY: &str = "278d425bdf160c739803";

    fn verified(body: &str) -> Result<Webhook, SigningError> {
        SIGNER.verify_webhook_events(KEY, &SIGNER.sign_webhook(body), body)
    }

    fn events(body: &str) -> Vec<WebhookEvent> {
        verified(body).expect("a valid webhook").events
    }

    fn fields(json: &str) -> Map<String, Value> {
        serde_json::from_str(json).expect("an object")
    }

    /// The examples of Pusher's webhook documentation (`docs/channels/server_api/webhooks.md`),
    /// the cache channel and subscription count ones as those pages describe them, and one
    /// batch with all of them.
    #[test]
    fn documented_events_are_typed() {
        let body = r#"{"time_ms":1327078148132,"events":[
            {"name":"channel_occupied","channel":"my-channel"},
            {"name":"channel_vacated","channel":"my-channel"},
            {"name":"member_added","channel":"presence-your_channel_name","user_id":"a_user_id"},
            {"name":"member_removed","channel":"presence-your_channel_name","user_id":"a_user_id"},
            {"name":"client_event","channel":"name of the channel the event was published on","event":"name of the event","data":"data associated with the event","socket_id":"socket_id of the sending socket","user_id":"user_id associated with the sending socket"},
            {"name":"cache_miss","channel":"cache-my-channel"},
            {"name":"subscription_count","channel":"my-channel","subscription_count":2}
        ]}"#;
        let webhook = verified(body).expect("a valid webhook");
        assert_eq!(webhook.time_ms, 1327078148132);
        let presence = "presence-your_channel_name".to_owned();
        assert_eq!(
            webhook.events,
            [
                WebhookEvent::ChannelOccupied {
                    channel: "my-channel".to_owned()
                },
                WebhookEvent::ChannelVacated {
                    channel: "my-channel".to_owned()
                },
                WebhookEvent::MemberAdded {
                    channel: presence.clone(),
                    user_id: "a_user_id".to_owned()
                },
                WebhookEvent::MemberRemoved {
                    channel: presence,
                    user_id: "a_user_id".to_owned()
                },
                WebhookEvent::ClientEvent {
                    channel: "name of the channel the event was published on".to_owned(),
                    event: "name of the event".to_owned(),
                    data: Value::from("data associated with the event"),
                    socket_id: Some("socket_id of the sending socket".to_owned()),
                    user_id: Some("user_id associated with the sending socket".to_owned()),
                },
                WebhookEvent::CacheMiss {
                    channel: "cache-my-channel".to_owned()
                },
                WebhookEvent::SubscriptionCount {
                    channel: "my-channel".to_owned(),
                    subscription_count: 2
                },
            ]
        );
        let names: Vec<&str> = webhook.events.iter().map(WebhookEvent::name).collect();
        assert_eq!(
            names,
            [
                "channel_occupied",
                "channel_vacated",
                "member_added",
                "member_removed",
                "client_event",
                "cache_miss",
                "subscription_count"
            ]
        );
        assert!(webhook.events.iter().all(|e| e.channel().is_some()));
    }

    #[test]
    fn unknown_and_odd_events_are_kept_with_their_fields() {
        let got = events(
            r#"{"time_ms":1,"events":[
                {"name":"member_updated","channel":"presence-a","user_id":"7","extra":[1]},
                {"name":"member_added","channel":"presence-a"},
                {"name":"subscription_count","channel":"a","subscription_count":-1},
                {"channel":"a"},
                {"name":3,"channel":"a"}
            ]}"#,
        );
        let other = |name: &str, json: &str| WebhookEvent::Other {
            name: name.to_owned(),
            fields: fields(json),
        };
        assert_eq!(
            got,
            [
                other(
                    "member_updated",
                    r#"{"channel":"presence-a","user_id":"7","extra":[1]}"#
                ),
                other("member_added", r#"{"channel":"presence-a"}"#),
                other(
                    "subscription_count",
                    r#"{"channel":"a","subscription_count":-1}"#
                ),
                other("", r#"{"channel":"a"}"#),
                other("", r#"{"name":3,"channel":"a"}"#),
            ]
        );
        assert_eq!(got[0].channel(), Some("presence-a"));
        // A client event's data may be any JSON value, its socket id absent.
        let got = events(
            r#"{"time_ms":1,"events":[{"name":"client_event","channel":"private-a","event":"client-x","data":{"n":1}}]}"#,
        );
        assert_eq!(
            got,
            [WebhookEvent::ClientEvent {
                channel: "private-a".to_owned(),
                event: "client-x".to_owned(),
                data: serde_json::json!({ "n": 1 }),
                socket_id: None,
                user_id: None,
            }]
        );
    }

    #[test]
    fn the_signature_is_checked_before_the_body_is_read() {
        let body = r#"{"time_ms":1,"events":[]}"#;
        assert_eq!(
            SIGNER.verify_webhook_events(KEY, &SIGNER.sign_webhook("{}"), body),
            Err(SigningError::WebhookSignatureMismatch)
        );
        assert_eq!(
            SIGNER.verify_webhook_events("other", &SIGNER.sign_webhook(body), body),
            Err(SigningError::WebhookKeyMismatch)
        );
    }

    #[test]
    fn a_body_of_another_shape_is_an_error_that_quotes_none_of_it() {
        for (body, what) in [
            (
                r#"{"time_ms":"secret-ish text","events":[]}"#,
                "JSON of another shape at line 1 column",
            ),
            (r#"{"events":[]}"#, "JSON of another shape"),
            (
                r#"{"time_ms":1,"events":["secret-ish text"]}"#,
                "JSON of another shape",
            ),
            ("secret-ish text", "invalid JSON at line 1 column 1"),
            (r#"{"time_ms":1,"events":["#, "JSON cut short"),
        ] {
            let Err(SigningError::WebhookBody(why)) = verified(body) else {
                panic!("{body} verified");
            };
            assert!(why.starts_with(what), "{body}: {why}");
            let message = SigningError::WebhookBody(why).to_string();
            assert!(!message.contains("secret-ish"), "{message}");
        }
    }
}
