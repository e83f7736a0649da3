//! [`ProblemKind::Mismatch`]: two variables that must agree do not.

use crate::names::Field;
use crate::source::Var;

use super::clusters;
use super::context::{at, Context};
use super::findings::Findings;
use super::problem::{Problem, ProblemKind};
use super::shown::Shown;

/// `PUSHER_KEY` and Laravel's `PUSHER_APP_KEY` (likewise secret and cluster) both set to
/// different values.
pub(crate) fn check_naming_schemes(cx: &Context, out: &mut Findings) {
    for field in Field::ALL.into_iter().filter(|f| cx.mode.reads(*f)) {
        let set: Vec<(&str, &Var)> = field
            .names()
            .iter()
            .filter_map(|name| cx.vars.get(name).map(|var| (*name, var)))
            .filter(|(_, var)| !var.value.is_empty())
            .collect();
        if let [(first, a), (second, b), ..] = set[..] {
            if a.value != b.value {
                out.between(mismatch(field, (first, a), (second, b)), &[first, second]);
            }
        }
    }
}

/// A public mirror (`NEXT_PUBLIC_PUSHER_KEY`, `VITE_PUSHER_APP_CLUSTER`, …) that differs from
/// the server's value, or a host, port or scheme set for the browser only. A self-hosted server
/// is often reached differently from the browser (through a TLS proxy, or at `localhost` where
/// the server sees a container's name): there only the key and cluster must agree.
pub(crate) fn check_mirrors(cx: &Context, out: &mut Findings) {
    for field in Field::ALL.into_iter().filter(|f| f.is_public()) {
        let connection = matches!(field, Field::Host | Field::Port | Field::Scheme);
        if connection && !cx.is_hosted() {
            continue;
        }
        let server = cx.value_of(field);
        for (name, var) in cx.mirrors(field) {
            if var.value.is_empty() {
                continue;
            }
            match server {
                Some((server_name, server_var))
                    if server_name != name && server_var.value != var.value =>
                {
                    let problem = mismatch(field, (server_name, server_var), (name, var));
                    out.between(problem, &[name, server_name]);
                }
                Some(_) => {}
                // A missing required value is reported as missing.
                None if connection => {
                    out.between(browser_only(field, name, var), &[name]);
                }
                None => {}
            }
        }
    }
}

/// A Pusher host (Laravel's REST host `api-eu.pusher.com`) naming another cluster than
/// `PUSHER_CLUSTER`.
pub(crate) fn check_pusher_host_and_cluster(cx: &Context, out: &mut Findings) {
    let Some((host_name, host)) = cx.value_of(Field::Host).filter(|_| cx.is_hosted()) else {
        return;
    };
    let (Some(named), Some((cluster_name, cluster))) = (
        clusters::pusher_host_cluster(&host.value),
        cx.value_of(Field::Cluster),
    ) else {
        return;
    };
    if cluster.value == named {
        return;
    }
    let message = format!(
        "{} names cluster {}, but {} is {}",
        at(host_name, host),
        Shown::new(Field::Cluster, &named),
        at(cluster_name, cluster),
        Shown::new(Field::Cluster, &cluster.value)
    );
    let help = format!(
        "remove `{host_name}`: with Pusher's hosted service the cluster alone says where to connect"
    );
    out.between(
        Problem::new(ProblemKind::Mismatch, host_name, message).help(help),
        &[host_name, cluster_name],
    );
}

fn mismatch(field: Field, (a_name, a): (&str, &Var), (b_name, b): (&str, &Var)) -> Problem {
    let show = |v| Shown::new(field, v);
    let message = format!(
        "{} does not match {}: {} against {}",
        at(b_name, b),
        at(a_name, a),
        show(&b.value),
        show(&a.value)
    );
    let mut help = format!("set both to the same {}", field.what());
    if [a_name, b_name].iter().any(|n| n.starts_with("REVERB_")) {
        help.push_str("; Laravel reads one set, Pusher's or Reverb's, by `BROADCAST_CONNECTION`: remove the other");
    }
    Problem::new(ProblemKind::Mismatch, b_name, message).help(help)
}

/// A connection setting the browser has and the server does not.
fn browser_only(field: Field, name: &str, var: &Var) -> Problem {
    let server_name = field.names()[0];
    let message = format!(
        "{} is set but `{server_name}` is not: the browser and the server would use different {}s",
        at(name, var),
        field.what()
    );
    Problem::new(ProblemKind::Mismatch, name, message).help(format!(
        "set `{server_name}` to the same value, or remove `{name}`"
    ))
}
