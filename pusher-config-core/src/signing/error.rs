//! What can go wrong when signing or verifying.

use std::error::Error;
use std::fmt;

use super::channel::MAX_CHANNEL_NAME_LEN;

/// Why a signing call refused its input, or why a webhook did not verify.
///
/// Messages follow rustc's style (lowercase, the fix after `;`) and never contain the secret.
/// New checks may add variants: a `match` on it needs a `_` arm.
///
/// ```
/// # extern crate pusher_config_core as pusher_config;
/// use pusher_config::signing::{Signer, SigningError};
///
/// let signer = Signer::new("278d425bdf160c739803", "7ad3773142a6692b25b8");
/// let error = signer.authorize_channel("1234", "private-foobar").unwrap_err();
/// assert_eq!(error, SigningError::InvalidSocketId);
/// assert_eq!(
///     error.to_string(),
///     "invalid socket id; expected two numbers joined by a dot, like `1234.5678`",
/// );
/// // An auth endpoint answers 403 to a bad request, 500 to anything else.
/// let status = match error {
///     SigningError::InvalidSocketId
///     | SigningError::InvalidChannelCharacter(_)
///     | SigningError::NotPrivateChannel => 403,
///     _ => 500,
/// };
/// assert_eq!(status, 403);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum SigningError {
    /// The socket id is not two ASCII numbers joined by a dot (`1234.5678`).
    InvalidSocketId,
    /// The channel name is empty.
    EmptyChannelName,
    /// The channel name holds a character outside `a-z`, `A-Z`, `0-9` and `-_=@,.;`.
    InvalidChannelCharacter(char),
    /// The channel name is longer than the 164 characters Pusher allows; holds the length.
    ChannelNameTooLong(usize),
    /// Private channel authorization was asked for a channel that is not `private-…`.
    NotPrivateChannel,
    /// Presence channel authorization was asked for a channel that is not `presence-…`.
    NotPresenceChannel,
    /// A `private-encrypted-…` channel was to be authorized, or its data encrypted, with no
    /// encryption master key configured (`PUSHER_ENCRYPTION_MASTER_KEY_BASE64`, or
    /// [`Signer::with_encryption_master_key`](super::Signer::with_encryption_master_key)).
    EncryptedChannel,
    /// Event data was to be encrypted for a channel that is not `private-encrypted-…`.
    NotEncryptedChannel,
    /// The operating system gave no random bytes for an encryption nonce; holds its error.
    RandomUnavailable(String),
    /// The HTTP method is empty or not ASCII letters.
    InvalidMethod,
    /// The request path does not start with `/`, or holds a query string or fragment.
    InvalidPath,
    /// A query parameter has an empty name.
    EmptyParamName,
    /// A query parameter is one that request signing sets (`auth_key`, `auth_timestamp`,
    /// `auth_version`, `body_md5`, `auth_signature`); holds its name.
    ReservedParam(String),
    /// Two query parameters have the same name (compared in lowercase); holds the name.
    DuplicateParam(String),
    /// A webhook's `X-Pusher-Key` header is not this app's key.
    WebhookKeyMismatch,
    /// A webhook's `X-Pusher-Signature` header does not match its body.
    WebhookSignatureMismatch,
    /// A verified webhook's body is not the JSON of a webhook (`time_ms` and `events`); holds
    /// the parser's message, which quotes none of the body.
    WebhookBody(String),
}

impl fmt::Display for SigningError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::InvalidSocketId => f.write_str(
                "invalid socket id; expected two numbers joined by a dot, like `1234.5678`",
            ),
            Self::EmptyChannelName => f.write_str("channel name is empty"),
            Self::InvalidChannelCharacter(c) => write!(
                f,
                "channel name contains `{}`; only letters, digits and `-_=@,.;` are allowed",
                c.escape_debug()
            ),
            Self::ChannelNameTooLong(len) => write!(
                f,
                "channel name is {len} characters long; the limit is {MAX_CHANNEL_NAME_LEN}"
            ),
            Self::NotPrivateChannel => f.write_str(
                "channel authorization needs a `private-` channel; \
                 authorize `presence-` channels with their channel data",
            ),
            Self::NotPresenceChannel => {
                f.write_str("presence authorization needs a `presence-` channel")
            }
            Self::EncryptedChannel => f.write_str(
                "`private-encrypted-` channels need an encryption master key, and none is \
                 configured; set `PUSHER_ENCRYPTION_MASTER_KEY_BASE64` to 32 random bytes in \
                 base64 (`openssl rand -base64 32`)",
            ),
            Self::NotEncryptedChannel => {
                f.write_str("only `private-encrypted-` channels have their data encrypted")
            }
            Self::RandomUnavailable(why) => write!(
                f,
                "the operating system gave no random bytes for the encryption nonce: {why}"
            ),
            Self::InvalidMethod => {
                f.write_str("invalid HTTP method; expected ASCII letters, like `POST`")
            }
            Self::InvalidPath => f.write_str(
                "invalid request path; expected an absolute path without `?` or `#`, \
                 like `/apps/123/events`",
            ),
            Self::EmptyParamName => f.write_str("query parameter name is empty"),
            Self::ReservedParam(name) => write!(
                f,
                "query parameter `{}` is set by request signing; remove it",
                name.escape_debug()
            ),
            Self::DuplicateParam(name) => write!(
                f,
                "query parameter `{}` is given twice (names are compared in lowercase)",
                name.escape_debug()
            ),
            Self::WebhookKeyMismatch => {
                f.write_str("webhook `X-Pusher-Key` header is not this app's key")
            }
            Self::WebhookSignatureMismatch => f.write_str(
                "webhook `X-Pusher-Signature` header does not match the body; \
                 check the app secret and pass the raw request body, unparsed",
            ),
            Self::WebhookBody(why) => write!(
                f,
                "webhook body is not a webhook's JSON (`time_ms` and `events`): {why}"
            ),
        }
    }
}

impl Error for SigningError {}
