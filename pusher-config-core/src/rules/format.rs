//! [`ProblemKind::Format`]: a value that is not of its setting's format.

use crate::mask::Masked;
use crate::names::{Field, RAW_ENCRYPTION_MASTER_KEY};

use super::clusters::{self, suggest_cluster};
use super::context::{at, Context, DASHBOARD};
use super::findings::Findings;
use super::problem::{Problem, ProblemKind};
use super::settings;
use super::shown::Shown;

/// A value that is not of its setting's format: on Pusher's service an app id of digits, a
/// key and secret of 20 lowercase hex characters, a listed cluster; everywhere a host without
/// scheme, path or port, a port from 1 to 65535, an `http` or `https` scheme.
pub(crate) fn check(cx: &Context, out: &mut Findings) {
    for (name, var, field) in cx.own_values() {
        let value = var.value.as_str();
        let shown = Shown::new(field, value);
        let Some(why) = settings::format_error(field, value, &shown.to_string(), cx.service) else {
            continue;
        };
        let mut message = format!("{} {why}", at(name, var));
        if field.is_credential() {
            message.push_str(&format!(": {}", Masked(value)));
        }
        let help = help(name, value, field, shown.is_whole());
        out.own(Problem::new(ProblemKind::Format, name, message).help(help));
    }
}

/// A host on Pusher's own domain that names no cluster (`sockjs.pusher.com`): Pusher's hosts
/// follow from the cluster.
pub(crate) fn check_pusher_host_names_a_cluster(cx: &Context, out: &mut Findings) {
    let Some((host_name, host)) = cx.value_of(Field::Host).filter(|_| cx.is_hosted()) else {
        return;
    };
    if clusters::pusher_host_cluster(&host.value).is_some() {
        return;
    }
    let message = format!(
        "{} is {}, a Pusher host that names no cluster",
        at(host_name, host),
        Shown::new(Field::Host, &host.value)
    );
    let help = format!("remove `{host_name}` and set the cluster; Pusher's hosts follow from it");
    out.between(
        Problem::new(ProblemKind::Format, host_name, message).help(help),
        &[host_name],
    );
}

/// The raw 32-character master key (`PUSHER_ENCRYPTION_MASTER_KEY`), which Pusher's libraries
/// deprecated for its base64 form: this crate reads only `PUSHER_ENCRYPTION_MASTER_KEY_BASE64`,
/// so the raw one would be ignored silently. Its value is never shown, only its length.
pub(crate) fn check_raw_encryption_master_key(cx: &Context, out: &mut Findings) {
    let Some(var) = cx.vars.get(RAW_ENCRYPTION_MASTER_KEY) else {
        return;
    };
    if !cx.is_server() || var.value.is_empty() {
        return;
    }
    let base64_name = Field::EncryptionMasterKey.names()[0];
    let len = var.value.chars().count();
    let length = if len == 32 {
        String::new()
    } else {
        format!(" (this one has {len} characters, not 32)")
    };
    let message = format!(
        "{} is the raw 32-character form of the encryption master key{length}, which Pusher's libraries deprecated (Node's `encryptionMasterKey`); this crate reads `{base64_name}`",
        at(RAW_ENCRYPTION_MASTER_KEY, var)
    );
    let help = format!(
        "convert it to base64 with `printf '%s' \"${RAW_ENCRYPTION_MASTER_KEY}\" | base64`, set `{base64_name}` to the result and remove `{RAW_ENCRYPTION_MASTER_KEY}`; or generate a new key with `openssl rand -base64 32`"
    );
    out.own(Problem::new(ProblemKind::Format, RAW_ENCRYPTION_MASTER_KEY, message).help(help));
}

/// How to fix a value of `field` of the wrong format.
fn help(name: &str, value: &str, field: Field, whole: bool) -> String {
    match field {
        Field::AppId | Field::Key | Field::Secret => format!(
            "copy the {} from {DASHBOARD}; for a self-hosted server (soketi, sockudo, Reverb, laravel-websockets), set `PUSHER_HOST` too",
            field.what()
        ),
        Field::Cluster if suggest_cluster(value).is_some() => {
            "the cluster is shown beside the keys in the Pusher Channels dashboard".to_owned()
        }
        Field::Cluster => {
            let dedicated = if whole {
                format!(
                    "`PUSHER_HOST=api-{}.pusher.com`",
                    value.to_ascii_lowercase()
                )
            } else {
                "`PUSHER_HOST` to its `api-….pusher.com` host".to_owned()
            };
            format!("the cluster is shown beside the keys in the Pusher Channels dashboard; for a dedicated cluster, also set {dedicated}; for a self-hosted server, set `PUSHER_HOST` to its host")
        }
        Field::Host => {
            "`PUSHER_HOST` is the server's name or address alone, as in `ws.example.org`".to_owned()
        }
        Field::Port | Field::Scheme => format!("fix `{name}`, or remove it to use the default"),
        Field::EncryptionMasterKey => format!(
            "`{name}` is 32 random bytes in standard base64 (44 characters), as `openssl rand -base64 32` prints them; to convert a raw 32-character key: `printf '%s' \"$KEY\" | base64`"
        ),
    }
}
