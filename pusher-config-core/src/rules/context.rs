//! What every rule reads: the variables, the mode, and whether the server is Pusher's own.

use crate::names::{self, classify, public_prefix, Field, Mode};
use crate::source::{Var, Vars};

use super::paste_residue::without_residue;
use super::{clusters, settings};

/// Where Pusher credentials are found, for help notes.
pub(crate) const DASHBOARD: &str = "the Pusher Channels dashboard, under App Keys";

/// Which server the configuration is for, which decides the formats of its settings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Service {
    /// Pusher's hosted service: no host, or a host on pusher.com.
    Hosted,
    /// A self-hosted Pusher-protocol server (soketi, sockudo, Laravel Reverb, …).
    SelfHosted,
}

/// The input of every rule. Rules read it and report findings; none changes it.
pub(crate) struct Context<'a> {
    pub(crate) vars: &'a Vars,
    pub(crate) mode: Mode,
    pub(crate) service: Service,
}

/// `` `NAME` in `.env` line 3 ``: a variable and where it was read.
pub(crate) fn at(name: &str, var: &Var) -> String {
    format!("`{name}` in {}", var.origin)
}

impl<'a> Context<'a> {
    pub(crate) fn new(vars: &'a Vars, mode: Mode) -> Self {
        let mut context = Self {
            vars,
            mode,
            service: Service::Hosted,
        };
        // A host on pusher.com is still Pusher's hosted service, with its formats.
        if context
            .value_of(Field::Host)
            .is_some_and(|(_, host)| !clusters::is_pusher_host(&host.value))
        {
            context.service = Service::SelfHosted;
        }
        context
    }

    pub(crate) fn is_hosted(&self) -> bool {
        self.service == Service::Hosted
    }

    pub(crate) fn is_server(&self) -> bool {
        self.mode == Mode::Server
    }

    /// The first non-empty value among `field`'s server names; in client mode, also among its
    /// public mirrors (a front end may only have those).
    pub(crate) fn value_of(&self, field: Field) -> Option<(&'a str, &'a Var)> {
        let vars = self.vars;
        let server = field
            .names()
            .iter()
            .filter_map(|name| vars.get(name).map(|var| (*name, var)))
            .find(|(_, var)| !var.value.is_empty());
        if server.is_some() || self.mode == Mode::Server {
            return server;
        }
        self.mirrors(field)
            .into_iter()
            .find(|(_, var)| !var.value.is_empty())
    }

    /// The public mirrors of `field` that are set, in report order.
    pub(crate) fn mirrors(&self, field: Field) -> Vec<(&'a str, &'a Var)> {
        // A `Vec` from loops: a nested iterator type would be compiled again for each caller.
        let mut mirrors = Vec::new();
        for prefix in names::PUBLIC_PREFIXES {
            for name in field.names() {
                if let Some(mirror) = self.vars.get_entry(&format!("{prefix}{name}")) {
                    mirrors.push(mirror);
                }
            }
        }
        mirrors
    }

    /// Every known variable this mode reads that has a value of its own to check, with its
    /// setting. A cluster that a Pusher host names (a dedicated cluster, not in the list) is
    /// checked by the host's rules instead, and the secret's value in another variable by the
    /// rules about the secret (a value rule would show a few of its characters).
    pub(crate) fn own_values(&self) -> impl Iterator<Item = (&'a str, &'a Var, Field)> + '_ {
        self.vars.iter().filter_map(move |(name, var)| {
            let known = classify(name)?;
            let field = known.field;
            let dedicated = field == Field::Cluster
                && self.value_of(Field::Host).is_some_and(|(_, host)| {
                    clusters::pusher_host_cluster(&host.value).is_some_and(|c| c == var.value)
                });
            let the_secret_elsewhere = !(field == Field::Secret && known.public.is_none())
                && self.is_the_secret(&var.value);
            let skip = !self.mode.reads(field)
                || var.value.is_empty()
                || dedicated
                || the_secret_elsewhere;
            (!skip).then_some((name, var, field))
        })
    }

    /// Every variable besides the secret's own names that holds the secret's value, and the
    /// secret's name: a setting equal to it, or any value with a long secret inside
    /// (`<secret>.pusher.com`). The key and its mirrors are left to their own rules (a
    /// self-hosted `local` key may equal the secret), and equality with a short word may be a
    /// coincidence in a public or a self-hosted app id value.
    ///
    /// On Pusher's service, a "secret" of the wrong shape (the app id pasted there) is not the
    /// secret: its format error says so, and nothing else is said to hold it.
    pub(crate) fn holding_the_secret(&self) -> Option<(&'a str, Vec<(&'a str, &'a Var)>)> {
        let (secret_name, secret) = self.value_of(Field::Secret)?;
        let malformed =
            settings::format_error(Field::Secret, &secret.value, "", Service::Hosted).is_some();
        if self.mode != Mode::Server || (self.is_hosted() && malformed) {
            return None;
        }
        let long = secret.value.chars().count() >= 12;
        let holders = self
            .vars
            .iter()
            .filter(|(name, var)| {
                let equal = var.value == secret.value;
                let inside = long && var.value.contains(&secret.value);
                match classify(name) {
                    None => public_prefix(name).is_some() && inside,
                    Some(known) if matches!(known.field, Field::Key | Field::Secret) => false,
                    Some(known) if known.field == Field::AppId && !self.is_hosted() => inside,
                    Some(_) => equal || inside,
                }
            })
            .collect();
        Some((secret_name, holders))
    }

    /// Whether `value` is the secret of a server's configuration, maybe with paste residue
    /// around it (`" <secret> "`): such a value is reported as the secret it is, never shown.
    pub(crate) fn is_the_secret(&self, value: &str) -> bool {
        let Some((_, secret)) = self.value_of(Field::Secret).filter(|_| self.is_server()) else {
            return false;
        };
        value == secret.value || without_residue(value) == secret.value
    }

    /// How to replace a leaked secret.
    pub(crate) fn rotate(&self) -> String {
        match self.service {
            Service::Hosted => format!("rotate the secret in {DASHBOARD}"),
            Service::SelfHosted => "rotate the secret on the server".to_owned(),
        }
    }
}
