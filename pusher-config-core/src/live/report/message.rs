//! The words of each outcome: the message and the help note a [`super::Check`] prints.

use super::*;

/// What the answer says about the credentials themselves.
pub(super) fn credentials_message(
    target: &str,
    outcome: &Outcome,
) -> Option<(String, Option<String>)> {
    Some(match outcome {
        Outcome::Ok => (format!("{target}: accepted"), None),
        Outcome::UnknownKey {
            belongs_to,
            probed,
            unanswered,
        } => {
            let message = format!("`PUSHER_KEY` is not known at {target}");
            match belongs_to {
                Some(cluster) => (
                    format!(
                        "`PUSHER_CLUSTER` is wrong: the key is not known at {target}, \
                         it belongs to cluster `{cluster}`"
                    ),
                    Some(format!(
                        "set `PUSHER_CLUSTER={cluster}` (and the cluster of the browser's \
                         config: pusher-js's `cluster` option)"
                    )),
                ),
                None if probed.is_empty() => (
                    message,
                    Some(
                        "copy the key from the Pusher Channels dashboard, under App Keys, \
                         and check that the cluster beside it is the configured one"
                            .into(),
                    ),
                ),
                None if unanswered.is_empty() => (
                    format!(
                        "{message}, nor on any other cluster tried ({}): no Pusher app has \
                         this key",
                        list(probed)
                    ),
                    Some("copy the key from the Pusher Channels dashboard, under App Keys".into()),
                ),
                None => (
                    format!(
                        "{message}, nor on the other clusters that answered; {} gave no \
                         answer",
                        list(unanswered)
                    ),
                    Some(
                        "copy the key from the Pusher Channels dashboard, under App Keys, \
                         with the cluster shown beside it"
                            .into(),
                    ),
                ),
            }
        }
        Outcome::ClosedWithoutWelcome => (
            format!(
                "`PUSHER_KEY` is not known at {target}: the server accepted the WebSocket \
                 and closed it without `pusher:connection_established` or an error"
            ),
            Some(
                "self-hosted servers (sockudo) close so for a key they do not have: set \
                 `PUSHER_KEY` to the key of an app the server is configured with"
                    .into(),
            ),
        ),
        Outcome::TlsOnly => (
            format!("`PUSHER_SCHEME` is wrong: {target} accepts TLS only"),
            Some("set `PUSHER_SCHEME=https` (4000)".into()),
        ),
        Outcome::WrongSecret => (
            format!("`PUSHER_SECRET` is wrong: {target} refused the request's signature"),
            Some(
                "copy the secret from the Pusher Channels dashboard, under App Keys, beside \
                 the key"
                    .into(),
            ),
        ),
        Outcome::UnknownApp => (
            format!("`PUSHER_APP_ID` is wrong: {target} has no such app for this key"),
            Some("copy the app id from the Pusher Channels dashboard, under App Keys".into()),
        ),
        _ => return None,
    })
}

/// The service refused for a reason of its own: the app, the cluster or the clock.
pub(super) fn service_message(target: &str, outcome: &Outcome) -> Option<(String, Option<String>)> {
    Some(match outcome {
        Outcome::AppDisabled => (
            format!("the app is disabled at {target}"),
            Some("enable it in the Pusher Channels dashboard (4003)".into()),
        ),
        Outcome::OverQuota => (
            format!("the app is over its quota at {target}"),
            Some(
                "the credentials are right; raise the plan's limits or wait for the quota \
                 to reset (4004)"
                    .into(),
            ),
        ),
        Outcome::OverCapacity => (
            format!("the cluster is over capacity at {target}"),
            Some("the credentials may be right; try again in a moment (4100)".into()),
        ),
        Outcome::Refused { code } => {
            let meaning = CloseCode::from_u16(*code)
                .map_or_else(|| format!("code {code}"), |c| c.to_string());
            let help = CloseCode::from_u16(*code).map(|c| c.what_to_do().to_owned());
            (format!("{target} refused the connection: {meaning}"), help)
        }
        Outcome::ClockOffset { seconds } => {
            let (amount, direction) = if *seconds >= 0 {
                (*seconds, "ahead of")
            } else {
                (seconds.saturating_neg(), "behind")
            };
            (
                format!(
                    "this machine's clock is {amount} s {direction} the server's: {target} \
                     refused the request's timestamp"
                ),
                Some(
                    "Pusher refuses signatures more than 600 s off; synchronise the clock \
                     (NTP)"
                        .into(),
                ),
            )
        }
        _ => return None,
    })
}

/// No answer about the credentials: the network, TLS, another server.
pub(super) fn network_message(target: &str, outcome: &Outcome) -> Option<(String, Option<String>)> {
    Some(match outcome {
        Outcome::Unreachable { why } => (
            format!("cannot reach {target}: {why}"),
            Some("check the host, port and scheme, and that the server runs".into()),
        ),
        Outcome::Timeout { after } => (
            format!(
                "no answer from {target} within {} s",
                after.as_secs_f64().to_string().trim_end_matches(".0")
            ),
            Some("check the host, port and scheme, and the network".into()),
        ),
        Outcome::Tls { why } => (
            format!("the TLS handshake with {target} failed: {why}"),
            Some(
                "check `PUSHER_SCHEME` and `PUSHER_PORT`: does the server speak TLS there?".into(),
            ),
        ),
        Outcome::UnexpectedAnswer => (
            format!("{target} gave an answer that says nothing about the credentials"),
            Some("is a Pusher-protocol server at this host and port?".into()),
        ),
        Outcome::NotChecked { why } => (format!("{target} was not checked: {why}"), None),
        _ => return None,
    })
}

/// `a`, `a and b`, `a, b and c`, each in backticks.
fn list(clusters: &[Cluster]) -> String {
    let quoted: Vec<String> = clusters.iter().map(|c| format!("`{c}`")).collect();
    match quoted.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}
