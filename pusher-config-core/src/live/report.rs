//! What the live check found: a [`Report`] of two [`Check`]s, each with an [`Outcome`] and,
//! when the answer tells, the [`Variable`] to fix.

use std::fmt;
use std::time::Duration;

use crate::close_code::CloseCode;
use crate::Cluster;

mod message;

/// A setting the live check can find wrong, by its usual variable name (Laravel and Reverb
/// projects read the same setting from `PUSHER_APP_KEY`, `REVERB_APP_KEY`…).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Variable {
    /// `PUSHER_APP_ID`.
    AppId,
    /// `PUSHER_KEY`.
    Key,
    /// `PUSHER_SECRET`.
    Secret,
    /// `PUSHER_CLUSTER`.
    Cluster,
    /// `PUSHER_SCHEME`.
    Scheme,
}

impl Variable {
    /// `PUSHER_APP_ID`, `PUSHER_KEY`, `PUSHER_SECRET`, `PUSHER_CLUSTER` or `PUSHER_SCHEME`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Variable::AppId => "PUSHER_APP_ID",
            Variable::Key => "PUSHER_KEY",
            Variable::Secret => "PUSHER_SECRET",
            Variable::Cluster => "PUSHER_CLUSTER",
            Variable::Scheme => "PUSHER_SCHEME",
        }
    }
}

impl fmt::Display for Variable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What one check found.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Outcome {
    /// The service accepted the credentials: `pusher:connection_established`, or 200.
    Ok,
    /// The key is not known there (4001, or the REST answer says so). After a WebSocket 4001
    /// on Pusher's hosted service the other clusters were tried: `belongs_to` is the one that
    /// knows the key; `unanswered` are those that could not tell (unreachable, timeout), so
    /// with `belongs_to: None` the key belongs to none of the others only when it is empty.
    UnknownKey {
        /// The cluster that knows the key.
        belongs_to: Option<Cluster>,
        /// The clusters tried (the configured one excluded).
        probed: Vec<Cluster>,
        /// Those of them that gave no answer.
        unanswered: Vec<Cluster>,
    },
    /// The server accepted the WebSocket and closed it without a word: no
    /// `pusher:connection_established`, no error, no close frame. sockudo 5.2.0 refuses an
    /// unknown key so.
    ClosedWithoutWelcome,
    /// 4003, or a REST 403 saying so: the app is disabled.
    AppDisabled,
    /// 4004, or a REST 403 saying so: the app is over its connection or message quota.
    OverQuota,
    /// 4100: the cluster is over capacity; try again later.
    OverCapacity,
    /// 4000: the app accepts TLS only, and the config's scheme is `http`.
    TlsOnly,
    /// Another Pusher close or error code.
    Refused {
        /// The code (4000–4399, or another WebSocket close code).
        code: u16,
    },
    /// The REST signature was refused: the secret is not the app's (or the key is not the
    /// secret's).
    WrongSecret,
    /// The REST answer says the app id is not the key's app, or no app has that id.
    UnknownApp,
    /// The REST answer says the signature's timestamp is too far from the server's clock
    /// (Pusher refuses more than 600 s): `seconds` this machine's clock is ahead (behind when
    /// negative) of the server's.
    ClockOffset {
        /// This machine's clock minus the server's, in seconds.
        seconds: i64,
    },
    /// No connection: the name did not resolve, the connection was refused or dropped.
    Unreachable {
        /// Why, in a few words.
        why: String,
    },
    /// No answer within the timeout.
    Timeout {
        /// The timeout.
        after: Duration,
    },
    /// The TLS handshake failed (certificate, protocol, a server that does not speak TLS).
    Tls {
        /// Why, from rustls.
        why: String,
    },
    /// An answer that says nothing about the credentials (an HTTP error page, a server that
    /// does not speak Pusher's protocol); `Check::answer` has it.
    UnexpectedAnswer,
    /// The check could not be made (the request could not be signed, or it panicked).
    NotChecked {
        /// Why.
        why: String,
    },
}

impl Outcome {
    /// Whether the credentials were accepted.
    pub fn is_ok(&self) -> bool {
        matches!(self, Outcome::Ok)
    }

    /// The variable the answer shows to be wrong, if it tells.
    pub fn variable(&self) -> Option<Variable> {
        match self {
            Outcome::UnknownKey {
                belongs_to: Some(_),
                ..
            } => Some(Variable::Cluster),
            Outcome::UnknownKey { .. } | Outcome::ClosedWithoutWelcome => Some(Variable::Key),
            Outcome::WrongSecret => Some(Variable::Secret),
            Outcome::UnknownApp => Some(Variable::AppId),
            Outcome::TlsOnly => Some(Variable::Scheme),
            _ => None,
        }
    }

    /// The outcome of a Pusher close or error code.
    pub(super) fn of_code(code: u16) -> Outcome {
        match code {
            4000 => Outcome::TlsOnly,
            4001 => Outcome::UnknownKey {
                belongs_to: None,
                probed: Vec::new(),
                unanswered: Vec::new(),
            },
            4003 => Outcome::AppDisabled,
            4004 => Outcome::OverQuota,
            4100 => Outcome::OverCapacity,
            code => Outcome::Refused { code },
        }
    }
}

/// Which check.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CheckKind {
    /// The WebSocket handshake pusher-js makes.
    WebSocket,
    /// The signed `GET /apps/{app_id}/channels`.
    Rest,
}

/// One check: where it went, what the server answered, what that means.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Check {
    kind: CheckKind,
    target: String,
    outcome: Outcome,
    answer: String,
}

impl Check {
    pub(super) fn new(kind: CheckKind, target: String, outcome: Outcome, answer: String) -> Self {
        Self {
            kind,
            target,
            outcome,
            answer,
        }
    }

    /// Which check.
    pub fn kind(&self) -> CheckKind {
        self.kind
    }

    /// Where it went, the key masked: `wss://ws-eu.pusher.com:443/app/278d… (20 chars)` or
    /// `GET https://api-eu.pusher.com:443/apps/3/channels`.
    pub fn target(&self) -> &str {
        &self.target
    }

    /// What it found.
    pub fn outcome(&self) -> &Outcome {
        &self.outcome
    }

    /// What the server answered, in short and with the key masked
    /// (`` 401 `{"error":"Invalid API signature",…}` ``, `` `pusher:error` 4001 `…` ``);
    /// empty when there was no answer.
    pub fn answer(&self) -> &str {
        &self.answer
    }

    /// The message and the help note of an outcome that is not `Ok`.
    fn message(&self) -> (String, Option<String>) {
        use message::{credentials_message, network_message, service_message};

        let (target, outcome) = (self.target.as_str(), &self.outcome);
        credentials_message(target, outcome)
            .or_else(|| service_message(target, outcome))
            .or_else(|| network_message(target, outcome))
            .unwrap_or_else(|| (format!("{target}: {outcome:?}"), None))
    }
}

impl fmt::Display for Check {
    /// `ok: …` for a check that passed; else `error: …` with `= note: the server answered …` (what
    /// the server said) and `= help: …` under it, as the compiler prints them.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.kind {
            CheckKind::WebSocket => "the WebSocket handshake",
            CheckKind::Rest => "the signed REST call",
        };
        if self.outcome.is_ok() {
            let meaning = match self.kind {
                CheckKind::WebSocket => "the key is known there",
                CheckKind::Rest => "app id, key and secret match",
            };
            return write!(f, "ok: {what} to {}: {meaning}", self.target);
        }
        let (message, help) = self.message();
        write!(f, "error: {message}")?;
        if !self.answer.is_empty() {
            write!(f, "\n  = note: the server answered {}", self.answer)?;
        }
        if let Some(help) = help {
            write!(f, "\n  = help: {help}")?;
        }
        Ok(())
    }
}

/// The two checks' findings.
///
/// `Display` prints one line per check (`ok: …`, or `error: …` with a help note), then, when
/// any failed, `error: the live check failed; fix …` naming the variables to fix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    pub(super) websocket: Check,
    pub(super) rest: Check,
    pub(super) elapsed: Duration,
}

impl Report {
    /// Whether both checks passed.
    pub fn is_ok(&self) -> bool {
        self.websocket.outcome.is_ok() && self.rest.outcome.is_ok()
    }

    /// The WebSocket check.
    pub fn websocket(&self) -> &Check {
        &self.websocket
    }

    /// The REST check.
    pub fn rest(&self) -> &Check {
        &self.rest
    }

    /// Both checks, WebSocket first.
    pub fn checks(&self) -> [&Check; 2] {
        [&self.websocket, &self.rest]
    }

    /// The variables the answers show to be wrong, in a fixed order, each once.
    pub fn wrong_variables(&self) -> Vec<Variable> {
        let mut variables: Vec<Variable> = self
            .checks()
            .iter()
            .filter_map(|check| check.outcome.variable())
            .collect();
        // A key found on another cluster is the cluster's fault, not the key's: the REST
        // call, made to the configured cluster, blames the key.
        if variables.contains(&Variable::Cluster) {
            variables.retain(|&v| v != Variable::Key);
        }
        variables.sort();
        variables.dedup();
        variables
    }

    /// How long the checks took.
    pub fn elapsed(&self) -> Duration {
        self.elapsed
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}\n{}", self.websocket, self.rest)?;
        if self.is_ok() {
            return Ok(());
        }
        let variables = self.wrong_variables();
        if variables.is_empty() {
            f.write_str("\nerror: the live check failed")
        } else {
            let names: Vec<String> = variables.iter().map(|v| format!("`{v}`")).collect();
            write!(
                f,
                "\nerror: the live check failed; fix {}",
                names.join(", ")
            )
        }
    }
}

/// At most this many characters of a server's answer are kept.
const EXCERPT_CHARS: usize = 160;

/// A server's answer as a report shows it: on one line, the key masked, the secret (should a
/// server ever echo it) redacted, at most [`EXCERPT_CHARS`] characters.
pub(super) fn excerpt(text: &str, key: &str, secret: Option<&str>) -> String {
    let mut text: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if let Some(secret) = secret.filter(|s| !s.is_empty()) {
        text = text.replace(secret, "[redacted]");
    }
    // A very short key would mask every occurrence of its letters in ordinary words.
    if key.chars().count() >= 4 {
        text = text.replace(key, &crate::mask::MaskedPlain(key).to_string());
    }
    match text.char_indices().nth(EXCERPT_CHARS) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text,
    }
}
