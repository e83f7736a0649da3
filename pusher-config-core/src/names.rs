//! The variable names this crate reads: each setting under its Next.js-style and Laravel-style
//! names, their public mirrors for front ends, and which of them a [`Mode`] reads. The loader
//! (`source`) and the rules (`rules`) both speak this vocabulary.

/// What is being built: a server config (everything) or a client config (public part only).
///
/// ```
/// # extern crate pusher_config_core as pusher_config;
/// use pusher_config::rules::{check, Checked, Mode};
/// use pusher_config::source::Vars;
///
/// let vars = Vars::from_pairs([("PUSHER_KEY", "9c2e5b0f4d7a18e36c41"), ("PUSHER_CLUSTER", "eu")]);
/// assert!(matches!(check(&vars, Mode::Client), Ok(Checked::Client(_))));
/// let problems = check(&vars, Mode::Server).unwrap_err();
/// let missing: Vec<&str> = problems.iter().map(|p| p.var.as_str()).collect();
/// assert_eq!(missing, ["PUSHER_APP_ID", "PUSHER_SECRET"]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// App id, key, secret and where to connect.
    Server,
    /// Key and where to connect only; the app id and secret are never read.
    Client,
}

impl Mode {
    /// Whether this mode reads `field` at all.
    #[doc(hidden)]
    pub const fn reads(self, field: Field) -> bool {
        matches!(self, Mode::Server) || field.is_public()
    }

    /// Whether this mode reads the variable `name`: a client build never reads the app id or
    /// the secret, so their values stay out of its build (see [`client_may_read`]).
    #[doc(hidden)]
    pub fn reads_name(self, name: &str) -> bool {
        self == Mode::Server || client_may_read(name)
    }
}

/// One setting of a Pusher configuration.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Field {
    /// `PUSHER_APP_ID` / `REVERB_APP_ID`.
    AppId,
    /// `PUSHER_KEY` / `PUSHER_APP_KEY` / `REVERB_APP_KEY`.
    Key,
    /// `PUSHER_SECRET` / `PUSHER_APP_SECRET` / `REVERB_APP_SECRET`.
    Secret,
    /// `PUSHER_CLUSTER` / `PUSHER_APP_CLUSTER` (Reverb has none).
    Cluster,
    /// `PUSHER_HOST` / `REVERB_HOST` (self-hosted servers).
    Host,
    /// `PUSHER_PORT` / `REVERB_PORT`.
    Port,
    /// `PUSHER_SCHEME` / `REVERB_SCHEME`.
    Scheme,
    /// `PUSHER_ENCRYPTION_MASTER_KEY_BASE64`: the optional master key of end-to-end encrypted
    /// channels, server-only (a client never reads it).
    EncryptionMasterKey,
}

/// `PUSHER_URL`: `https://KEY:SECRET@api-eu.pusher.com/apps/APP_ID`, the whole server
/// configuration in one variable, as the official server libraries read it (`Pusher.forURL`,
/// `Pusher.from_url`). It holds the secret: a client never reads it.
pub const PUSHER_URL: &str = "PUSHER_URL";

/// The raw 32-character master key, the form the official libraries deprecated
/// (`encryptionMasterKey` in Node): read only to say how to convert it to
/// `PUSHER_ENCRYPTION_MASTER_KEY_BASE64`.
pub const RAW_ENCRYPTION_MASTER_KEY: &str = "PUSHER_ENCRYPTION_MASTER_KEY";

impl Field {
    /// Every setting, in the order problems are reported.
    pub const ALL: [Field; 8] = [
        Field::AppId,
        Field::Key,
        Field::Secret,
        Field::Cluster,
        Field::Host,
        Field::Port,
        Field::Scheme,
        Field::EncryptionMasterKey,
    ];

    /// The server-side names, in the order they are read: Next.js style, then Laravel's
    /// Pusher names, then Laravel Reverb's (Laravel's default broadcaster since Laravel 11,
    /// which speaks Pusher's protocol).
    pub const fn names(self) -> &'static [&'static str] {
        match self {
            Field::AppId => &["PUSHER_APP_ID", "REVERB_APP_ID"],
            Field::Key => &["PUSHER_KEY", "PUSHER_APP_KEY", "REVERB_APP_KEY"],
            Field::Secret => &["PUSHER_SECRET", "PUSHER_APP_SECRET", "REVERB_APP_SECRET"],
            Field::Cluster => &["PUSHER_CLUSTER", "PUSHER_APP_CLUSTER"],
            Field::Host => &["PUSHER_HOST", "REVERB_HOST"],
            Field::Port => &["PUSHER_PORT", "REVERB_PORT"],
            Field::Scheme => &["PUSHER_SCHEME", "REVERB_SCHEME"],
            Field::EncryptionMasterKey => &["PUSHER_ENCRYPTION_MASTER_KEY_BASE64"],
        }
    }

    /// The name Laravel's Pusher configuration gives the setting (`PUSHER_APP_KEY`), for help
    /// notes that show a Laravel `.env` line.
    pub const fn laravel_name(self) -> &'static str {
        match self {
            Field::AppId => "PUSHER_APP_ID",
            Field::Key => "PUSHER_APP_KEY",
            Field::Secret => "PUSHER_APP_SECRET",
            Field::Cluster => "PUSHER_APP_CLUSTER",
            Field::Host => "PUSHER_HOST",
            Field::Port => "PUSHER_PORT",
            Field::Scheme => "PUSHER_SCHEME",
            Field::EncryptionMasterKey => "PUSHER_ENCRYPTION_MASTER_KEY_BASE64",
        }
    }

    /// Whether the setting may be known to a browser (and so has public mirrors).
    pub const fn is_public(self) -> bool {
        !matches!(
            self,
            Field::AppId | Field::Secret | Field::EncryptionMasterKey
        )
    }

    /// Whether values of this setting are credentials, shown only masked.
    pub const fn is_credential(self) -> bool {
        matches!(
            self,
            Field::AppId | Field::Key | Field::Secret | Field::EncryptionMasterKey
        )
    }

    /// The setting in words, for messages.
    pub const fn what(self) -> &'static str {
        match self {
            Field::AppId => "app id",
            Field::Key => "key",
            Field::Secret => "secret",
            Field::Cluster => "cluster",
            Field::Host => "host",
            Field::Port => "port",
            Field::Scheme => "scheme",
            Field::EncryptionMasterKey => "encryption master key",
        }
    }
}

/// The prefixes front-end build tools use for variables they put in the browser bundle.
/// Longer prefixes come first so `NEXT_PUBLIC_` is not read as `PUBLIC_`.
pub const PUBLIC_PREFIXES: [&str; 7] = [
    "NEXT_PUBLIC_",
    "NUXT_PUBLIC_",
    "EXPO_PUBLIC_",
    "REACT_APP_",
    "VITE_",
    "MIX_",
    "PUBLIC_",
];

/// The front-end prefix of `name`, if it has one.
pub fn public_prefix(name: &str) -> Option<&'static str> {
    PUBLIC_PREFIXES
        .into_iter()
        .find(|prefix| name.starts_with(prefix))
}

/// What a known name stands for: its setting, and its public prefix for a mirror.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Known {
    /// The setting.
    pub field: Field,
    /// `Some("NEXT_PUBLIC_")` for `NEXT_PUBLIC_PUSHER_KEY`; `None` for a server name.
    pub public: Option<&'static str>,
}

/// Classifies a known name; `None` for any other.
pub fn classify(name: &str) -> Option<Known> {
    let (public, base) = match public_prefix(name) {
        Some(prefix) => (Some(prefix), &name[prefix.len()..]),
        None => (None, name),
    };
    let field = Field::ALL
        .into_iter()
        .find(|field| field.names().contains(&base))?;
    if public.is_some() && !field.is_public() {
        return None;
    }
    Some(Known { field, public })
}

/// Every known name (server names, then each public prefix's mirrors), in report order.
pub fn known_names() -> Vec<String> {
    // Loops, not a chain of `flat_map`s: each caller of a nested iterator type compiles the
    // whole nest again, which made a quarter of the functions the macro's copy of this crate
    // compiled.
    let mut names = Vec::new();
    for field in Field::ALL {
        for name in field.names() {
            names.push((*name).to_owned());
        }
    }
    for prefix in PUBLIC_PREFIXES {
        for field in Field::ALL {
            if field.is_public() {
                for name in field.names() {
                    names.push(format!("{prefix}{name}"));
                }
            }
        }
    }
    names
}

/// The public-prefixed names of secrets: each is an exposed secret when set.
const NEVER_PUBLIC: [&str; 6] = [
    "PUSHER_URL",
    "PUSHER_SECRET",
    "PUSHER_APP_SECRET",
    "PUSHER_ENCRYPTION_MASTER_KEY_BASE64",
    "PUSHER_ENCRYPTION_MASTER_KEY",
    "REVERB_APP_SECRET",
];

/// Every name `pusher_config!()` reads from the process environment: the known names and the
/// public-prefixed names of the secret. A closed list, so that every one can be
/// tracked and a new one set later rebuilds; an unknown public variable (`NEXT_PUBLIC_SITE`)
/// is checked where it is tracked whole, in a `.env` file, and at run time.
pub fn build_time_names() -> Vec<String> {
    let mut names = known_names();
    names.push(PUSHER_URL.to_owned());
    names.push(RAW_ENCRYPTION_MASTER_KEY.to_owned());
    for prefix in PUBLIC_PREFIXES {
        for name in NEVER_PUBLIC {
            names.push(format!("{prefix}{name}"));
        }
    }
    names
}

/// Whether a variable's name says it holds a secret: `…SECRET…`, an encryption master key, a
/// private key, a password, or [`PUSHER_URL`] (which holds the app's secret).
pub fn names_a_secret(name: &str) -> bool {
    let upper = name.to_ascii_uppercase();
    ["SECRET", "MASTER_KEY", "PRIVATE_KEY", "PASSWORD"]
        .iter()
        .any(|word| upper.contains(word))
        || upper.ends_with(PUSHER_URL)
}

/// Whether a client-only build may read `name`: never the app id or the secret (nor a
/// misspelling of them), so their values stay out of the build's dep-info. Public-prefixed
/// names are browser variables already and are read, so a secret in one is reported.
pub fn client_may_read(name: &str) -> bool {
    if public_prefix(name).is_some() {
        return true;
    }
    let upper = name.to_ascii_uppercase();
    let server_only = classify(name).is_some_and(|known| !known.field.is_public())
        || names_a_secret(name)
        || upper.replace(['_', '-'], "").contains("APPID");
    !server_only
}

/// Whether the rules look at a variable: a Pusher one (any name that mentions `PUSHER`, so that
/// misspellings can be suggested), a Laravel Reverb one (`REVERB_…`), or a public one (`NEXT_PUBLIC_…`, `VITE_…`), which ships to browsers and
/// so must never hold a secret.
///
/// The loader reads these names, and the build-time ones in any case as Windows looks them
/// up: [`is_read_by_loader`] is this test ignoring case.
pub fn is_relevant_name(name: &str) -> bool {
    let upper = name.to_ascii_uppercase();
    upper.contains("PUSHER") || upper.starts_with("REVERB_") || public_prefix(name).is_some()
}

/// Whether the loader may read the process environment variable `name`; tools and tests use
/// it to clear an environment. True for every name the rules look at
/// ([`is_relevant_name`]: any name that mentions `PUSHER`, `REVERB_…`, the
/// public ones such as `VITE_…`), in any case, which covers every one of [`build_time_names`]
/// as Windows looks them up. (A `.env` file may also expand `${NAME}` from the environment:
/// such names come from the file, not from the loader.)
pub fn is_read_by_loader(name: &str) -> bool {
    is_relevant_name(&name.to_ascii_uppercase())
}

/// The names of this process's environment variables that [`is_read_by_loader`] (a name that
/// is not UTF-8 counts too, to be safe): what a test or tool clears or passes on so that
/// loading depends on its own input alone.
pub fn in_process_env() -> Vec<std::ffi::OsString> {
    std::env::vars_os()
        .map(|(name, _)| name)
        .filter(|name| name.to_str().is_none_or(is_read_by_loader))
        .collect()
}

/// A sort key that reports problems by setting, server names before mirrors, and unknown
/// names last in alphabetical order.
pub(crate) fn report_rank(name: &str) -> (usize, usize, usize) {
    match classify(name) {
        Some(known) => {
            let field = Field::ALL
                .iter()
                .position(|f| *f == known.field)
                .unwrap_or(0);
            let prefix = known
                .public
                .and_then(|p| PUBLIC_PREFIXES.iter().position(|q| *q == p))
                .map_or(0, |index| index + 1);
            let base = &name[known.public.map_or(0, str::len)..];
            let within = known
                .field
                .names()
                .iter()
                .position(|n| *n == base)
                .unwrap_or(0);
            (field, prefix, within)
        }
        None => (Field::ALL.len(), 0, 0),
    }
}

#[cfg(test)]
mod tests;
