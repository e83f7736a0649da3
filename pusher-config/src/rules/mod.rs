//! The rule set: the one place that decides whether a Pusher configuration is right.
//!
//! [`check`] takes a plain map of variables with their origin ([`Vars`]) and returns either
//! the validated values ([`Checked`]) or every [`Problem`] at once. `pusher_config!()` calls it
//! at compile time and `PusherConfig::from_env` at run time: one implementation, two callers.
//!
//! The rules, in the order a variable is looked at:
//!
//! | rule | example | kind |
//! |---|---|---|
//! | another service's credential | `pk_live_…` (Stripe), `AKIA…` (AWS) | [`ProblemKind::ForeignCredential`] |
//! | placeholder never replaced | `your_actual_pusher_key`, `${PUSHER_KEY}`, docs examples | [`ProblemKind::Placeholder`] |
//! | paste residue | `" a1b2…"`, `'a1b2…'` | [`ProblemKind::PasteResidue`] |
//! | app id pasted as the key | `PUSHER_KEY=1234567` | [`ProblemKind::AppIdAsKey`] |
//! | format | key not 20 lowercase hex, cluster `europe` | [`ProblemKind::Format`] |
//! | public mirror or other naming scheme disagrees | `NEXT_PUBLIC_PUSHER_KEY` ≠ `PUSHER_KEY` | [`ProblemKind::Mismatch`] |
//! | key equals secret | | [`ProblemKind::KeyEqualsSecret`] |
//! | swapped settings | app id and key exchanged | [`ProblemKind::Swapped`] |
//! | secret in a browser variable | `NEXT_PUBLIC_PUSHER_SECRET` | [`ProblemKind::ExposedSecret`] |
//! | required variable missing or empty | | [`ProblemKind::Missing`], [`ProblemKind::Empty`] |
//!
//! With `PUSHER_HOST` set (soketi, sockudo, Laravel Reverb, laravel-websockets) the cluster is
//! optional and app id, key and secret may be any string without whitespace; every other rule
//! still applies.

mod formats;
mod placeholders;
mod problem;
pub mod providers;
mod shown;

use std::collections::HashSet;
use std::fmt;

pub use crate::names::Mode;
use crate::names::{self, classify, public_prefix, Field};
pub use formats::{suggest_cluster, CLUSTERS};
pub use problem::{Problem, ProblemKind, Problems};

use crate::config::Scheme;
use crate::mask::{Masked, WithKnownPrefix};
use crate::source::{EnvFileError, EnvFileErrorKind, Var, Vars};
use shown::Shown;

/// The validated values of a configuration.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Checked {
    /// The app id (`None` in [`Mode::Client`]).
    pub app_id: Option<String>,
    /// The key.
    pub key: String,
    /// The secret (`None` in [`Mode::Client`]).
    pub secret: Option<String>,
    /// The cluster, if set (always set when no host is).
    pub cluster: Option<String>,
    /// The self-hosted server's host, if set.
    pub host: Option<String>,
    /// The port, if set.
    pub port: Option<u16>,
    /// The scheme, if set.
    pub scheme: Option<Scheme>,
}

impl fmt::Debug for Checked {
    /// Masked as the rules' messages are: a value that passed may still be a credential put in
    /// a setting a client build cannot compare with the secret.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let shown = |field, value: &Option<String>| {
            value.as_deref().map(|v| Shown::new(field, v).to_string())
        };
        f.debug_struct("Checked")
            .field("app_id", &self.app_id.as_deref().map(Masked))
            .field("key", &Masked(&self.key))
            .field(
                "secret",
                &self
                    .secret
                    .as_ref()
                    .map(|s| format!("[redacted], {} chars", s.len())),
            )
            .field("cluster", &shown(Field::Cluster, &self.cluster))
            .field("host", &shown(Field::Host, &self.host))
            .field("port", &self.port)
            .field("scheme", &self.scheme)
            .finish()
    }
}

/// Checks a configuration: returns its validated values, or every problem in report order.
///
/// ```
/// use pusher_config::rules::{check, Mode, ProblemKind};
/// use pusher_config::source::Vars;
///
/// let vars = Vars::from_pairs([
///     ("PUSHER_APP_ID", "1234567"),
///     ("PUSHER_KEY", "pk_live_51Hq2xK7f3Rb9QmZpL0sT4vW8yA1cE5gI7kM9oQ2sU4wY6"),
///     ("PUSHER_SECRET", "0f1e2d3c4b5a69788796"),
///     ("PUSHER_CLUSTER", "eu"),
/// ]);
/// let problems = check(&vars, Mode::Server).unwrap_err();
/// assert_eq!(problems.len(), 1);
/// assert!(problems.has(ProblemKind::ForeignCredential));
/// ```
pub fn check(vars: &Vars, mode: Mode) -> Result<Checked, Problems> {
    let mut checker = Checker {
        vars,
        mode,
        found: Vec::new(),
        spoiled: HashSet::new(),
        hosted: true,
    };
    // A host on pusher.com is still Pusher's hosted service, with its formats.
    checker.hosted = checker
        .value_of(Field::Host)
        .is_none_or(|(_, host)| formats::is_pusher_host(&host.value));
    checker.run()
}

/// [`check`] for variables read from `.env` files, some of which may have lines that did not
/// parse: the files' errors come first, then the rules' problems, except that nothing is
/// reported missing while a line did not parse (the variable may be on it).
///
/// `pusher_config!()` and the run-time loaders of `.env` files report through this.
pub fn check_with_file_errors(
    vars: &Vars,
    file_errors: &[EnvFileError],
    mode: Mode,
) -> Result<Checked, Problems> {
    let checked = check(vars, mode);
    if file_errors.is_empty() {
        return checked;
    }
    let mut problems: Vec<Problem> = file_errors
        .iter()
        .map(|error| Problem::new(ProblemKind::EnvFile, &error.path, error.to_string()))
        .collect();
    let unparsable = file_errors
        .iter()
        .any(|e| e.kind == EnvFileErrorKind::Unparsable);
    if let Err(found) = checked {
        problems.extend(
            found
                .into_iter()
                .filter(|p| !unparsable || p.kind != ProblemKind::Missing),
        );
    }
    Err(Problems(problems))
}

struct Checker<'a> {
    vars: &'a Vars,
    mode: Mode,
    found: Vec<Problem>,
    /// Variables with a problem of their own value: cross-variable rules skip them, so one
    /// mistake is reported once.
    spoiled: HashSet<String>,
    /// Pusher's hosted service (no host, or a host on pusher.com), with its formats; otherwise
    /// a self-hosted server.
    hosted: bool,
}

/// `` `NAME` in `.env` line 3 ``: a variable and where it was read.
fn at(name: &str, var: &Var) -> String {
    format!("`{name}` in {}", var.origin)
}

/// Where Pusher credentials are found, for help notes.
const DASHBOARD: &str = "the Pusher Channels dashboard, under App Keys";

impl<'a> Checker<'a> {
    fn run(mut self) -> Result<Checked, Problems> {
        let hosted = self.hosted;
        let has_host = self.value_of(Field::Host).is_some();

        self.exposed_secret_names();
        self.public_values_from_secrets();
        if self.mode == Mode::Server {
            // First, so that no rule below quotes a setting that holds the secret.
            self.secret_stays_private();
            if hosted {
                self.app_id_and_key_swapped();
            }
        }
        self.each_value();
        if hosted && has_host {
            self.pusher_host_names_the_cluster();
        }
        self.naming_schemes_agree();
        self.mirrors_agree();
        if self.mode == Mode::Server {
            // Self-hosted servers accept any key and secret; development setups often use
            // one word for both (`local`).
            if hosted {
                self.key_is_not_secret();
            }
        }
        self.required(has_host);

        if self.found.is_empty() {
            return Ok(self.checked());
        }
        let mut found = self.found;
        // By setting, server names before mirrors, then other names alphabetically; a stable
        // sort keeps the rules' order for one variable.
        found.sort_by(|a, b| {
            let unknown = |p: &Problem| classify(&p.var).is_none().then(|| p.var.clone());
            (names::report_rank(&a.var), unknown(a)).cmp(&(names::report_rank(&b.var), unknown(b)))
        });
        Err(Problems(found))
    }

    /// The first non-empty value among `field`'s server names; in client mode, also among its
    /// public mirrors (a front end may only have those).
    fn value_of(&self, field: Field) -> Option<(&'a str, &'a Var)> {
        let vars = self.vars;
        let server = field
            .names()
            .iter()
            .filter_map(|name| vars.get(name).map(|var| (*name, var)))
            .find(|(_, var)| !var.value.is_empty());
        if server.is_some() || self.mode == Mode::Server {
            return server;
        }
        self.mirrors(field).find(|(_, var)| !var.value.is_empty())
    }

    /// The public mirrors of `field` that are set, in report order.
    fn mirrors(&self, field: Field) -> impl Iterator<Item = (&'a str, &'a Var)> {
        let vars = self.vars;
        names::PUBLIC_PREFIXES.into_iter().flat_map(move |prefix| {
            field
                .names()
                .iter()
                .filter_map(move |name| vars.get_entry(&format!("{prefix}{name}")))
        })
    }

    /// How to replace a leaked secret.
    fn rotate(&self) -> String {
        if self.hosted {
            format!("rotate the secret in {DASHBOARD}")
        } else {
            "rotate the secret on the server".to_owned()
        }
    }

    fn report(&mut self, problem: Problem) {
        self.found.push(problem);
    }

    fn spoil(&mut self, name: &str) {
        self.spoiled.insert(name.to_owned());
    }

    fn is_spoiled(&self, name: &str) -> bool {
        self.spoiled.contains(name)
    }

    /// A public-prefixed variable whose name says `SECRET` ships to every browser, whatever it
    /// holds.
    fn exposed_secret_names(&mut self) {
        for (name, var) in self.vars.iter() {
            if let Some(prefix) = public_prefix(name) {
                if names::names_a_secret(name) && !var.value.trim().is_empty() {
                    self.spoil(name);
                    self.report(
                        Problem::new(
                            ProblemKind::ExposedSecret,
                            name,
                            format!(
                                "{} puts a secret in the browser bundle; every `{prefix}` variable ships to every browser",
                                at(name, var)
                            ),
                        )
                        .help(if name.to_ascii_uppercase().contains("PUSHER") {
                            format!("delete `{name}`; only the key and cluster (or host) belong in public variables, the secret stays in `PUSHER_SECRET` on the server")
                        } else {
                            format!("keep secrets in server-only variables, without the `{prefix}` prefix, and if `{name}` was ever deployed, rotate it")
                        }),
                    );
                }
            }
        }
    }

    /// A public value (a mirror, the key, any public-prefixed variable) expanded in a `.env`
    /// file from a secret-named variable (`VITE_PUSHER_APP_KEY="${PUSHER_APP_SECRET}"`)
    /// ships that secret to browsers, whatever its value: a client build, which never reads
    /// the secret, judges it by the reference.
    fn public_values_from_secrets(&mut self) {
        for (name, var) in self.vars.iter() {
            let Some(secret) = &var.from_secret else {
                continue;
            };
            let known = classify(name);
            let public = match known {
                Some(known) => known.field.is_public(),
                None => public_prefix(name).is_some(),
            };
            if !public || self.is_spoiled(name) {
                continue;
            }
            let help = match known {
                Some(known) => {
                    let laravel = known.field.names().last().copied().unwrap_or_default();
                    format!(
                        "set `{name}` to the {} (Laravel writes `\"${{{laravel}}}\"`), and if it was ever deployed, {}",
                        known.field.what(),
                        self.rotate()
                    )
                }
                None => format!(
                    "expand `{name}` from a public value, and if it was ever deployed, rotate the secret it was expanded from"
                ),
            };
            self.spoil(name);
            self.report(
                Problem::new(
                    ProblemKind::ExposedSecret,
                    name,
                    format!(
                        "{} is expanded from {}: the secret would ship to every browser",
                        at(name, var),
                        shown::reference(secret)
                    ),
                )
                .help(help),
            );
        }
    }

    /// On hosted Pusher the app id is digits and the key 20 hex characters: each in the
    /// other's place means they were exchanged.
    fn app_id_and_key_swapped(&mut self) {
        let (Some((id_name, id)), Some((key_name, key))) =
            (self.value_of(Field::AppId), self.value_of(Field::Key))
        else {
            return;
        };
        let looks_like_key = |v: &str| v.len() == 20 && v.bytes().all(|b| b.is_ascii_hexdigit());
        let digits = |v: &str| !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit());
        if looks_like_key(&id.value) && digits(&key.value) {
            self.spoil(id_name);
            self.spoil(key_name);
            self.report(
                Problem::new(
                    ProblemKind::Swapped,
                    id_name,
                    format!(
                        "{} and {} look swapped: the app id holds a key {} and the key holds digits {}",
                        at(id_name, id),
                        at(key_name, key),
                        Masked(&id.value),
                        Masked(&key.value)
                    ),
                )
                .help(format!("exchange the values of `{id_name}` and `{key_name}`")),
            );
        }
    }

    /// The rules about one variable's own value, for every known variable this mode reads.
    fn each_value(&mut self) {
        let hosted = self.hosted;
        for (name, var) in self.vars.iter() {
            let Some(known) = classify(name) else {
                continue;
            };
            if !self.mode.reads(known.field) || var.value.is_empty() || self.is_spoiled(name) {
                continue;
            }
            // A dedicated cluster is named by its `api-….pusher.com` host, not in the list.
            let dedicated = known.field == Field::Cluster
                && self.value_of(Field::Host).is_some_and(|(_, host)| {
                    formats::pusher_host_cluster(&host.value).is_some_and(|c| c == var.value)
                });
            if dedicated {
                continue;
            }
            if let Some(problem) = value_problem(name, var, known.field, hosted) {
                self.spoil(name);
                self.report(problem);
            }
        }
    }

    /// A host on Pusher's own domain (Laravel's REST host `api-eu.pusher.com`) stands for its
    /// cluster: it must name one, and agree with `PUSHER_CLUSTER` when that is set.
    fn pusher_host_names_the_cluster(&mut self) {
        let Some((host_name, host)) = self.value_of(Field::Host) else {
            return;
        };
        if self.is_spoiled(host_name) {
            return;
        }
        match (
            formats::pusher_host_cluster(&host.value).as_deref(),
            self.value_of(Field::Cluster),
        ) {
            (None, _) => self.report(
                Problem::new(
                    ProblemKind::Format,
                    host_name,
                    format!(
                        "{} is {}, a Pusher host that names no cluster",
                        at(host_name, host),
                        Shown::new(Field::Host, &host.value)
                    ),
                )
                .help(format!(
                    "remove `{host_name}` and set the cluster; Pusher's hosts follow from it"
                )),
            ),
            (Some(named), Some((cluster_name, cluster)))
                if cluster.value != named && !self.is_spoiled(cluster_name) =>
            {
                self.report(
                    Problem::new(
                        ProblemKind::Mismatch,
                        host_name,
                        format!(
                            "{} names cluster {}, but {} is {}",
                            at(host_name, host),
                            Shown::new(Field::Cluster, named),
                            at(cluster_name, cluster),
                            Shown::new(Field::Cluster, &cluster.value)
                        ),
                    )
                    .help(format!(
                        "remove `{host_name}`: with Pusher's hosted service the cluster alone says where to connect"
                    )),
                );
            }
            _ => {}
        }
    }

    /// `PUSHER_KEY` and Laravel's `PUSHER_APP_KEY` (likewise secret and cluster) may both be
    /// set, but must agree.
    fn naming_schemes_agree(&mut self) {
        for field in Field::ALL {
            if !self.mode.reads(field) {
                continue;
            }
            let set: Vec<(&str, &Var)> = field
                .names()
                .iter()
                .filter_map(|name| self.vars.get(name).map(|var| (*name, var)))
                .filter(|(name, var)| !var.value.is_empty() && !self.is_spoiled(name))
                .collect();
            if let [(first, a), (second, b), ..] = set[..] {
                if a.value != b.value {
                    self.report(mismatch(field, (first, a), (second, b)));
                }
            }
        }
    }

    /// Public mirrors (`NEXT_PUBLIC_PUSHER_KEY`, `VITE_PUSHER_APP_CLUSTER`, …) must equal the
    /// server value; a mirror holding the secret is an exposed secret.
    fn mirrors_agree(&mut self) {
        let secret = match self.mode {
            Mode::Server => self.value_of(Field::Secret),
            Mode::Client => None,
        };
        for field in Field::ALL.into_iter().filter(|f| f.is_public()) {
            let server = self.value_of(field);
            let mirrors: Vec<_> = self.mirrors(field).collect();
            for (name, var) in mirrors {
                if var.value.is_empty() || self.is_spoiled(name) {
                    continue;
                }
                if let Some((secret_name, secret)) = secret {
                    // A key mirror equal to a key that equals the secret (a self-hosted
                    // `local`/`local` setup) mirrors the key: nothing more is exposed.
                    let mirrors_key = field == Field::Key
                        && server.is_some_and(|(_, key)| key.value == var.value);
                    if var.value == secret.value && !mirrors_key {
                        let problem = self.mirror_holds_secret(field, (name, var), secret_name);
                        self.spoil(name);
                        self.report(problem);
                        continue;
                    }
                }
                // A self-hosted server is often reached differently from the browser (through
                // a TLS proxy, or at `localhost` where the server sees a container's name):
                // there only the key and cluster must agree.
                if !self.hosted && matches!(field, Field::Host | Field::Port | Field::Scheme) {
                    continue;
                }
                match server {
                    Some((server_name, server_var)) => {
                        let differs = server_name != name && server_var.value != var.value;
                        if differs && !self.is_spoiled(server_name) {
                            self.report(mismatch(field, (server_name, server_var), (name, var)));
                        }
                    }
                    // A missing required value is reported by `required`; an optional one set
                    // only for the browser means the two sides talk to different servers.
                    None if matches!(field, Field::Host | Field::Port | Field::Scheme) => {
                        let server_name = field.names()[0];
                        self.report(
                            Problem::new(
                                ProblemKind::Mismatch,
                                name,
                                format!(
                                    "{} is set but `{server_name}` is not: the browser and the server would use different {}s",
                                    at(name, var),
                                    field.what()
                                ),
                            )
                            .help(format!("set `{server_name}` to the same value, or remove `{name}`")),
                        );
                    }
                    None => {}
                }
            }
        }
    }

    fn mirror_holds_secret(
        &self,
        field: Field,
        (name, var): (&str, &Var),
        secret_name: &str,
    ) -> Problem {
        let swapped = field == Field::Key
            && self
                .value_of(Field::Key)
                .is_some_and(|(_, key)| key.value != var.value);
        let mut message = format!(
            "{} holds the value of `{secret_name}`: the secret would ship to every browser",
            at(name, var)
        );
        let help = if swapped {
            let key_name = self.value_of(Field::Key).map_or("PUSHER_KEY", |(n, _)| n);
            message.push_str(&format!("; `{key_name}` and `{secret_name}` look swapped"));
            format!(
                "exchange the values of `{key_name}` and `{secret_name}`, set `{name}` to the key, and if it was ever deployed, {}",
                self.rotate()
            )
        } else {
            format!(
                "set `{name}` to the {}, and if it was ever deployed, {}",
                field.what(),
                self.rotate()
            )
        };
        Problem::new(ProblemKind::ExposedSecret, name, message).help(help)
    }

    fn key_is_not_secret(&mut self) {
        let (Some((key_name, key)), Some((secret_name, secret))) =
            (self.value_of(Field::Key), self.value_of(Field::Secret))
        else {
            return;
        };
        if key.value == secret.value && !self.is_spoiled(key_name) && !self.is_spoiled(secret_name)
        {
            self.report(
                Problem::new(
                    ProblemKind::KeyEqualsSecret,
                    key_name,
                    format!(
                        "{} equals {}: the key is public, so the secret would be too",
                        at(key_name, key),
                        at(secret_name, secret)
                    ),
                )
                .help(format!(
                    "copy both from {DASHBOARD}; they are different values"
                )),
            );
        }
    }

    /// The secret's value anywhere else: in a public-prefixed variable that is not a known
    /// mirror (it would ship to browsers), or in another server setting (pasted in the wrong
    /// place). The key and the mirrors have rules of their own.
    fn secret_stays_private(&mut self) {
        let Some((secret_name, secret)) = self.value_of(Field::Secret) else {
            return;
        };
        // On Pusher's service, a "secret" of the wrong shape (the app id pasted there) is not
        // the secret: its format error says so, and the setting holding the same value is
        // the one that is right.
        if self.hosted && formats::format_error(Field::Secret, &secret.value, "", true).is_some() {
            return;
        }
        let elsewhere: Vec<(&str, &Var)> = self
            .vars
            .iter()
            .filter(|(name, var)| {
                let equal = var.value == secret.value;
                // A long secret inside another value (`<secret>.pusher.com`) was pasted too;
                // equality with a short word (`local`) may be a coincidence.
                let inside =
                    secret.value.chars().count() >= 12 && var.value.contains(&secret.value);
                let holds = match classify(name) {
                    None => public_prefix(name).is_some() && inside,
                    // The key and its mirrors have the swap and mirror rules (a self-hosted
                    // `local` key may equal the secret).
                    Some(known) if matches!(known.field, Field::Key | Field::Secret) => false,
                    // Self-hosted development setups may use one word for app id and secret.
                    Some(known) if known.field == Field::AppId && !self.hosted => inside,
                    Some(_) => equal || inside,
                };
                holds && !self.is_spoiled(name)
            })
            .collect();
        for (name, var) in elsewhere {
            self.spoil(name);
            let mirror = classify(name).filter(|known| known.public.is_some());
            let problem = if let Some(mirror) = mirror {
                self.mirror_holds_secret(mirror.field, (name, var), secret_name)
            } else if public_prefix(name).is_some() {
                Problem::new(
                    ProblemKind::ExposedSecret,
                    name,
                    format!(
                        "{} holds the value of `{secret_name}`: the secret would ship to every browser",
                        at(name, var)
                    ),
                )
                .help(format!("delete `{name}`, and if it was ever deployed, {}", self.rotate()))
            } else {
                Problem::new(
                    ProblemKind::Swapped,
                    name,
                    format!("{} holds the value of `{secret_name}`", at(name, var)),
                )
                .help(format!(
                    "set `{name}` to its own value; the secret belongs in `{secret_name}` only"
                ))
            };
            self.report(problem);
        }
    }

    fn required(&mut self, has_host: bool) {
        for field in [Field::AppId, Field::Key, Field::Secret, Field::Cluster] {
            if !self.mode.reads(field) || (field == Field::Cluster && has_host) {
                continue;
            }
            if self.value_of(field).is_some() {
                continue;
            }
            let name = field.names()[0];
            let empty = field
                .names()
                .iter()
                .find_map(|n| self.vars.get(n).map(|var| (*n, var)));
            let problem = match empty {
                Some((empty_name, var)) => Problem::new(
                    ProblemKind::Empty,
                    empty_name,
                    format!("{} is empty", at(empty_name, var)),
                ),
                None => Problem::new(
                    ProblemKind::Missing,
                    name,
                    format!("`{name}` is not set{}", self.searched()),
                ),
            };
            let help = match self.similar_name(field) {
                Some((similar, var)) => format!(
                    "{} looks like a misspelling of `{name}`; rename it",
                    at(similar, var)
                ),
                None => self.missing_help(field, empty.map(|(n, _)| n)),
            };
            self.report(problem.help(help));
        }
    }

    /// How to set a required `field` that has no value, from what else is there: its public
    /// mirror only, or Laravel Reverb's names.
    fn missing_help(&self, field: Field, empty: Option<&str>) -> String {
        let laravel = field.names().last().copied().unwrap_or_default();
        let mirror = self
            .mirrors(field)
            .find(|(_, var)| !var.value.is_empty())
            .filter(|_| self.mode == Mode::Server);
        let reverb = laravel.replacen("PUSHER_", "REVERB_", 1);
        if let Some((mirror, _)) = mirror {
            format!(
                "`{mirror}` is set, but the server reads `{}`: set it to the same value",
                empty.unwrap_or(field.names()[0])
            )
        } else if self.vars.get(&reverb).is_some() {
            format!(
                "`{reverb}` is set: Laravel Reverb speaks Pusher's protocol, and this crate reads Pusher's names; add `{laravel}=\"${{{reverb}}}\"`"
            )
        } else {
            required_help(field, self.mode, empty)
        }
    }

    fn searched(&self) -> String {
        match self.vars.searched() {
            [] => String::new(),
            [only] => format!(" in {only}"),
            [init @ .., last] => format!(" in {} or {last}", init.join(", ")),
        }
    }

    /// A variable whose name is a near miss of one of `field`'s names: `PUSHER_APPID`,
    /// `PUSHER_KEYS`, `pusher_key`.
    fn similar_name(&self, field: Field) -> Option<(&'a str, &'a Var)> {
        let squash = |s: &str| s.to_ascii_uppercase().replace(['_', '-'], "");
        self.vars.iter().find(|(candidate, _)| {
            classify(candidate).is_none()
                && public_prefix(candidate).is_none()
                && field.names().iter().any(|name| {
                    let upper = candidate.to_ascii_uppercase();
                    squash(candidate) == squash(name) || formats::edit_distance(&upper, name) <= 2
                })
        })
    }

    fn checked(&self) -> Checked {
        // Client mode never reads the app id or secret, so it never hands them out either.
        let value = |field| {
            self.value_of(field)
                .filter(|_| self.mode.reads(field))
                .map(|(_, var)| var.value.clone())
        };
        let mut host = value(Field::Host);
        let mut cluster = value(Field::Cluster);
        // Pusher's own host is its cluster's: URLs are built from the cluster, so the WebSocket
        // host is `ws-…` even when the configured one is the REST host `api-…`.
        if let Some(named) = host.as_deref().and_then(formats::pusher_host_cluster) {
            cluster.get_or_insert(named);
            host = None;
        }
        Checked {
            app_id: value(Field::AppId),
            key: value(Field::Key).unwrap_or_default(),
            secret: value(Field::Secret),
            cluster,
            host,
            port: value(Field::Port).and_then(|p| p.parse().ok()),
            scheme: value(Field::Scheme).map(|s| {
                if s == "http" {
                    Scheme::Http
                } else {
                    Scheme::Https
                }
            }),
        }
    }
}

/// How to set a required `field`: the name already there but empty (`PUSHER_APP_KEY=` in a
/// Laravel `.env`), else the Next.js-style name with the Laravel one as an alternative.
fn required_help(field: Field, mode: Mode, empty: Option<&str>) -> String {
    let names = field.names();
    let (name, also) = match (empty, names) {
        (Some(empty), _) => (empty, String::new()),
        (None, [first, laravel]) => (*first, format!(" (Laravel's `{laravel}` works too)")),
        (None, _) => (names[0], String::new()),
    };
    match field {
        Field::Cluster => format!(
            "set `{name}`{also} to your app's cluster, one of {}; or set `PUSHER_HOST` for a self-hosted server",
            CLUSTERS.map(|c| format!("`{c}`")).join(", ")
        ),
        Field::Key if mode == Mode::Client => format!(
            "set `{name}`{also} or a public mirror such as `NEXT_PUBLIC_PUSHER_KEY` to the key from {DASHBOARD}"
        ),
        _ => format!("set `{name}`{also} to the {} from {DASHBOARD}", field.what()),
    }
}

fn mismatch(field: Field, (a_name, a): (&str, &Var), (b_name, b): (&str, &Var)) -> Problem {
    let show = |v| Shown::new(field, v);
    Problem::new(
        ProblemKind::Mismatch,
        b_name,
        format!(
            "{} does not match {}: {} against {}",
            at(b_name, b),
            at(a_name, a),
            show(&b.value),
            show(&a.value)
        ),
    )
    .help(format!("set both to the same {}", field.what()))
}

/// Characters that never belong in a setting and are invisible when pasted.
const INVISIBLE: [char; 4] = ['\u{200b}', '\u{200c}', '\u{200d}', '\u{feff}'];

/// The first problem of one variable's own value: another provider's credential, a
/// placeholder, paste residue, the app id as key, or the format.
fn value_problem(name: &str, var: &Var, field: Field, hosted: bool) -> Option<Problem> {
    let value = var.value.as_str();
    let shown = Shown::new(field, value);
    // Another service's token stays recognisable with residue around it (quotes, a stray
    // backslash or a control character).
    let cleaned: String = value
        .chars()
        .filter(|c| !c.is_control() && !INVISIBLE.contains(c))
        .collect();
    let core = cleaned.trim().trim_matches(['"', '\'', '`', '\\']).trim();

    if let Some(foreign) = providers::recognise(core).or_else(|| providers::recognise_within(value))
    {
        let masked = WithKnownPrefix {
            value: core,
            known: foreign.prefix_len,
        };
        let is_stripe_style = foreign.provider.starts_with("Stripe");
        let mut help = if field.is_credential() {
            format!("copy the Pusher {} from {DASHBOARD}", field.what())
        } else {
            format!(
                "set `{name}` to the {} itself; no credential belongs there",
                field.what()
            )
        };
        if is_stripe_style && field.is_credential() {
            help.push_str("; a Pusher key or secret is 20 lowercase hex characters and never starts with `pk_`, `sk_`, `rk_` or `whsec_`");
        }
        return Some(
            Problem::new(
                ProblemKind::ForeignCredential,
                name,
                format!(
                    "{} is {}, not a Pusher credential: {masked}",
                    at(name, var),
                    foreign.what
                ),
            )
            .help(help),
        );
    }

    if let Some(why) = placeholders::recognise(value, name, field, !hosted).or_else(|| {
        (field == Field::AppId && hosted && placeholders::is_documented_app_id(value))
            .then_some("the example app id of Pusher's documentation")
    }) {
        return Some(
            Problem::new(
                ProblemKind::Placeholder,
                name,
                format!(
                    "{} is a placeholder ({why}), not your app's {}: {shown}",
                    at(name, var),
                    field.what(),
                ),
            )
            .help(format!(
                "replace it with your app's {} from {DASHBOARD}",
                field.what()
            )),
        );
    }

    // Tabs and line ends around the value are whitespace residue, below.
    let control = value.trim().chars().find(|c| c.is_control());
    let residue = if let Some(control) = control {
        Some(format!(
            "a control character (U+{:04X}) in",
            u32::from(control)
        ))
    } else if value != value.trim() || value.contains(INVISIBLE) {
        Some("whitespace or invisible characters around".to_owned())
    } else if value.starts_with(['"', '\'', '`']) || value.ends_with(['"', '\'', '`']) {
        Some("quotes left inside".to_owned())
    } else {
        None
    };
    if let Some(what) = residue {
        return Some(
            Problem::new(
                ProblemKind::PasteResidue,
                name,
                format!("{} has {what} its value: {shown}", at(name, var)),
            )
            .help("remove them; in a `.env` file write `NAME=value` or `NAME=\"value\"`, nothing else"),
        );
    }

    if field == Field::Key && hosted && value.bytes().all(|b| b.is_ascii_digit()) {
        return Some(
            Problem::new(
                ProblemKind::AppIdAsKey,
                name,
                format!(
                    "{} is only digits: an app id, not a key: {}",
                    at(name, var),
                    Masked(value)
                ),
            )
            .help(format!(
                "the key is 20 lowercase hex characters; copy it from {DASHBOARD}"
            )),
        );
    }

    let why = formats::format_error(field, value, &shown.to_string(), hosted)?;
    let mut message = format!("{} {why}", at(name, var));
    if field.is_credential() {
        message.push_str(&format!(": {}", Masked(value)));
    }
    let help = match field {
        Field::AppId | Field::Key | Field::Secret => format!(
            "copy the {} from {DASHBOARD}; for a self-hosted server (soketi, sockudo, Reverb, laravel-websockets), set `PUSHER_HOST` too",
            field.what()
        ),
        Field::Cluster if suggest_cluster(value).is_some() => {
            "the cluster is shown beside the keys in the Pusher Channels dashboard".to_owned()
        }
        Field::Cluster => {
            let dedicated = if shown.is_whole() {
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
    };
    Some(Problem::new(ProblemKind::Format, name, message).help(help))
}

#[cfg(test)]
mod tests;
