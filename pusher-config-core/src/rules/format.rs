//! [`ProblemKind::Format`]: a value that is not of its setting's format.

use crate::mask::Masked;
use crate::names::Field;

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
    }
}
