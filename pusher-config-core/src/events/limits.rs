//! Pusher's limits on what one request may send, checked before it is sent.

use std::fmt;

use crate::PusherConfig;

/// What one request may send. [`Limits::HOSTED`] are Pusher's own (multi-tenant clusters);
/// [`Limits::SELF_HOSTED`] leave the batch size and data size to the server, which answers 413
/// or 400 when they are too large. [`Limits::for_config`] picks one by the config's host.
///
/// A dedicated Pusher cluster may allow more: change the fields of a copy.
///
/// ```
/// # extern crate pusher_config_core as pusher_config;
/// use pusher_config::events::Limits;
///
/// let mut limits = Limits::HOSTED;
/// assert_eq!(limits.max_data_bytes, Some(10 * 1024));
/// limits.max_batch_events = Some(100); // a dedicated cluster's
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Limits {
    /// The longest event name, in characters: 200 on Pusher (and sockudo's default).
    pub max_event_name_chars: usize,
    /// The most channels one trigger may name: 100 on Pusher (and sockudo's default).
    pub max_channels: usize,
    /// The most events one batch may hold: 10 on Pusher's multi-tenant clusters; `None` for
    /// no limit checked here.
    pub max_batch_events: Option<usize>,
    /// The largest `data` of one event, in bytes: 10 KiB (10,240) on Pusher; `None` for no
    /// limit checked here.
    pub max_data_bytes: Option<usize>,
}

impl Limits {
    /// Pusher's limits on its multi-tenant clusters: event names of up to 200 characters, 100
    /// channels per trigger, 10 events per batch, 10 KiB of data per event.
    pub const HOSTED: Self = Self {
        max_event_name_chars: 200,
        max_channels: 100,
        max_batch_events: Some(10),
        max_data_bytes: Some(10 * 1024),
    };

    /// For a self-hosted server (soketi, sockudo, Reverb): the event name and channel limits of
    /// the protocol, and the batch and data sizes left to the server's own settings.
    pub const SELF_HOSTED: Self = Self {
        max_batch_events: None,
        max_data_bytes: None,
        ..Self::HOSTED
    };

    /// [`Limits::HOSTED`] when the config reaches Pusher (no host, or a `pusher.com` one),
    /// [`Limits::SELF_HOSTED`] otherwise.
    pub fn for_config(config: &PusherConfig) -> Self {
        let host = config.host().map(|host| host.as_str().to_ascii_lowercase());
        match host {
            Some(host) if host != "pusher.com" && !host.ends_with(".pusher.com") => {
                Self::SELF_HOSTED
            }
            _ => Self::HOSTED,
        }
    }
}

impl Default for Limits {
    /// [`Limits::HOSTED`].
    fn default() -> Self {
        Self::HOSTED
    }
}

/// Which of [`Limits`] a request exceeds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Limit {
    /// [`Limits::max_event_name_chars`]: characters of an event name.
    EventName,
    /// [`Limits::max_channels`]: channels of one trigger.
    Channels,
    /// [`Limits::max_batch_events`]: events of one batch.
    BatchEvents,
    /// [`Limits::max_data_bytes`]: bytes of one event's data.
    DataBytes,
}

impl Limit {
    /// What is counted, for messages: `event name`, `channels`…
    fn what(self) -> &'static str {
        match self {
            Limit::EventName => "the event name",
            Limit::Channels => "the trigger",
            Limit::BatchEvents => "the batch",
            Limit::DataBytes => "the event's data",
        }
    }

    /// The unit counted.
    fn unit(self) -> &'static str {
        match self {
            Limit::EventName => "characters",
            Limit::Channels => "channels",
            Limit::BatchEvents => "events",
            Limit::DataBytes => "bytes",
        }
    }

    /// What to do instead, after `;`.
    pub(crate) fn help(self) -> &'static str {
        match self {
            Limit::EventName => "use a shorter name",
            Limit::Channels => "split the channels over several triggers",
            Limit::BatchEvents => "split it into several batches",
            Limit::DataBytes => {
                "send less, or an id the clients fetch the rest with; a dedicated cluster may \
                 allow more (`Limits::max_data_bytes`)"
            }
        }
    }
}

impl fmt::Display for Limit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.what())
    }
}

/// Writes `the event name has 250 characters, more than the 200 Pusher allows`.
pub(crate) fn describe(
    f: &mut fmt::Formatter<'_>,
    what: Limit,
    limit: usize,
    actual: usize,
) -> fmt::Result {
    write!(
        f,
        "{what} has {actual} {unit}, more than the {limit} allowed; {help}",
        unit = what.unit(),
        help = what.help()
    )
}

/// Fails with [`super::EventsError::Limit`] when `actual` is over `limit`.
pub(crate) fn check(
    what: Limit,
    limit: Option<usize>,
    actual: usize,
) -> Result<(), super::EventsError> {
    match limit {
        Some(limit) if actual > limit => Err(super::EventsError::Limit {
            what,
            limit,
            actual,
        }),
        _ => Ok(()),
    }
}
