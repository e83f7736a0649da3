//! `PUSHER_URL` (`https://KEY:SECRET@api-eu.pusher.com/apps/APP_ID`): its parts become the
//! settings they name, so every rule checks them as if they were set one by one.

use crate::mask::Masked;
use crate::names::{Field, Mode, PUSHER_URL};
use crate::source::{Origin, Var, Vars};

use super::context::{at, Context};
use super::findings::Findings;
use super::problem::{Problem, ProblemKind};
use super::shown::Shown;

/// The settings a `PUSHER_URL` names, as the official server libraries read it
/// (`SCHEME://KEY:SECRET@HOST:PORT/apps/APP_ID`).
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Parts<'a> {
    scheme: &'a str,
    key: &'a str,
    secret: &'a str,
    host: &'a str,
    port: Option<&'a str>,
    app_id: &'a str,
}

impl<'a> Parts<'a> {
    /// Each part with its setting.
    fn fields(&self) -> impl Iterator<Item = (Field, &'a str)> {
        [
            (Field::AppId, Some(self.app_id)),
            (Field::Key, Some(self.key)),
            (Field::Secret, Some(self.secret)),
            (Field::Host, Some(self.host)),
            (Field::Port, self.port),
            (Field::Scheme, Some(self.scheme)),
        ]
        .into_iter()
        .filter_map(|(field, part)| part.map(|part| (field, part)))
    }
}

/// How a `PUSHER_URL` is written, for messages.
const SHAPE: &str = "`https://KEY:SECRET@api-CLUSTER.pusher.com/apps/APP_ID`";

/// The parts of `url`, or why it is not a Pusher URL. The shape is fixed, so it is split, not
/// parsed as any URL: credentials are never percent-decoded (a Pusher key and secret are hex,
/// and a self-hosted one with `%` in it belongs in `PUSHER_KEY` and `PUSHER_SECRET`).
pub(crate) fn parse(url: &str) -> Result<Parts<'_>, &'static str> {
    let (scheme, rest) = url
        .split_once("://")
        .ok_or("has no scheme; it starts with `https://`")?;
    let (userinfo, rest) = rest
        .split_once('@')
        .ok_or("has no `KEY:SECRET@` before the host")?;
    let (key, secret) = userinfo
        .split_once(':')
        .filter(|(key, secret)| !key.is_empty() && !secret.is_empty())
        .ok_or("has no `KEY:SECRET` before the `@`")?;
    if userinfo.contains('%') {
        return Err(
            "has percent-encoded credentials; set `PUSHER_KEY` and `PUSHER_SECRET` instead",
        );
    }
    let (authority, path) = rest.split_once('/').ok_or("has no `/apps/APP_ID` path")?;
    let app_id = path
        .strip_prefix("apps/")
        .map(|id| id.strip_suffix('/').unwrap_or(id))
        .filter(|id| !id.is_empty() && !id.contains(['/', '?', '#']))
        .ok_or("has no `/apps/APP_ID` path")?;
    let (host, port) = match authority.find(']') {
        // `[::1]:6001`: the address in brackets, then maybe a port.
        Some(end) if authority.starts_with('[') => {
            let (host, after) = authority.split_at(end + 1);
            (host, after.strip_prefix(':'))
        }
        _ => match authority.rsplit_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (authority, None),
        },
    };
    if host.is_empty() {
        return Err("has no host after the `@`");
    }
    Ok(Parts {
        scheme,
        key,
        secret,
        host,
        port,
        app_id,
    })
}

/// `PUSHER_URL` of a server's `vars` (a client never reads it), when set.
fn url_of(vars: &Vars, mode: Mode) -> Option<&Var> {
    vars.get(PUSHER_URL)
        .filter(|var| mode == Mode::Server && !var.value.is_empty())
}

/// `vars` with the parts of a well-formed `PUSHER_URL` set as the settings they name, each
/// only where none of the setting's names has a value (see [`check`] for those that do).
/// `None` when there is nothing to add.
pub(crate) fn expand(vars: &Vars, mode: Mode) -> Option<Vars> {
    let url = url_of(vars, mode)?;
    let parts = parse(&url.value).ok()?;
    let mut expanded = vars.clone();
    for (field, part) in parts.fields() {
        let set = field
            .names()
            .iter()
            .any(|name| vars.get(name).is_some_and(|var| !var.value.is_empty()));
        if !set {
            let origin = Origin::Within {
                name: PUSHER_URL.to_owned(),
                origin: Box::new(url.origin.clone()),
            };
            expanded.insert(field.names()[0].to_owned(), part.to_owned(), origin);
        }
    }
    Some(expanded)
}

/// A `PUSHER_URL` that is not of the official libraries' shape, or whose parts disagree with
/// the settings also set one by one.
pub(crate) fn check(cx: &Context, out: &mut Findings) {
    let Some(url) = url_of(cx.vars, cx.mode) else {
        return;
    };
    let parts = match parse(&url.value) {
        Ok(parts) => parts,
        Err(why) => {
            let message = format!("{} {why}: {}", at(PUSHER_URL, url), Masked(&url.value));
            let help = format!("write it as {SHAPE}, or set `PUSHER_APP_ID`, `PUSHER_KEY`, `PUSHER_SECRET` and `PUSHER_CLUSTER` instead");
            // The settings it was to give are not missing: it is.
            let given = [Field::AppId, Field::Key, Field::Secret, Field::Cluster]
                .map(|field| field.names()[0]);
            out.explains(
                Problem::new(ProblemKind::Format, PUSHER_URL, message).help(help),
                &[&[PUSHER_URL][..], &given[..]].concat(),
            );
            return;
        }
    };
    for (field, part) in parts.fields() {
        let Some((name, var)) = cx
            .value_of(field)
            .filter(|(_, var)| !matches!(var.origin, Origin::Within { .. }))
        else {
            continue;
        };
        if var.value == part {
            continue;
        }
        let message = format!(
            "{} does not match the {} in {}: {} against {}",
            at(name, var),
            field.what(),
            at(PUSHER_URL, url),
            Shown::new(field, &var.value),
            Shown::new(field, part)
        );
        let help = format!("set one of them only, or both to the same {}", field.what());
        out.between(
            Problem::new(ProblemKind::Mismatch, name, message).help(help),
            &[name, PUSHER_URL],
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_official_shape_splits_into_its_settings() {
        let parts = parse(
            "https://9c2e4b7a1f08d3e65b4a:3f7d0a9e6c1b8e2d4a57@api-eu.pusher.com/apps/2047711",
        );
        assert_eq!(
            parts,
            Ok(Parts {
                scheme: "https",
                key: "9c2e4b7a1f08d3e65b4a",
                secret: "3f7d0a9e6c1b8e2d4a57",
                host: "api-eu.pusher.com",
                port: None,
                app_id: "2047711",
            })
        );
        let local = parse("http://app-key:app-secret@127.0.0.1:6001/apps/app-id/").expect("local");
        assert_eq!(
            (local.host, local.port, local.app_id),
            ("127.0.0.1", Some("6001"), "app-id")
        );
        let v6 = parse("http://k:s@[::1]:6001/apps/1").expect("IPv6");
        assert_eq!((v6.host, v6.port), ("[::1]", Some("6001")));
        let v6 = parse("http://k:s@[::1]/apps/1").expect("IPv6 without a port");
        assert_eq!((v6.host, v6.port), ("[::1]", None));
        // Only an address that starts with `[` is one in brackets.
        let odd = parse("http://k:s@a]b/apps/1").expect("split");
        assert_eq!((odd.host, odd.port), ("a]b", None));
    }

    #[test]
    fn other_shapes_say_what_is_missing() {
        let cases = [
            ("api-eu.pusher.com/apps/1", "has no scheme"),
            ("https://api-eu.pusher.com/apps/1", "has no `KEY:SECRET@`"),
            (
                "https://key@api-eu.pusher.com/apps/1",
                "has no `KEY:SECRET`",
            ),
            (
                "https://k:s@api-eu.pusher.com",
                "has no `/apps/APP_ID` path",
            ),
            (
                "https://k:s@api-eu.pusher.com/apps/",
                "has no `/apps/APP_ID` path",
            ),
            (
                "https://k:s@api-eu.pusher.com/v1/1",
                "has no `/apps/APP_ID` path",
            ),
            ("https://k:s@/apps/1", "has no host"),
            ("https://k%3A:s@h/apps/1", "percent-encoded"),
            (
                "https://key:@api-eu.pusher.com/apps/1",
                "has no `KEY:SECRET`",
            ),
            (
                "https://:secret@api-eu.pusher.com/apps/1",
                "has no `KEY:SECRET`",
            ),
        ];
        for (url, why) in cases {
            let error = parse(url).err().unwrap_or_default();
            assert!(error.contains(why), "{url}: {error}");
        }
    }
}
