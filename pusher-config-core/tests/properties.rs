//! Property tests of run-time loading, through the public API only.
//!
//! - Whatever a `.env` file or a map of variables holds (realistic lines, broken quotes,
//!   control characters, references, a byte-order mark, CRLF, very long lines), loading never
//!   panics, and no error ever shows a planted credential whole: Pusher-shaped secrets, app ids,
//!   and other services' keys, placed in any variable, alone or inside a host name. A
//!   configuration that loads never shows its secret or another service's key in `Debug` or
//!   `Display`.
//! - Loading takes bounded time and memory: 20,000 unrelated variables, an expansion bomb, a
//!   64 MiB file. Those run in a child process (this test binary, re-run on one `#[ignore]`d
//!   test) with a deadline and, on Unix, a 2 GiB address-space limit, so that a loader that
//!   hangs or allocates without bound fails its test instead of the machine.
//!
//! Every value is made up. Run with
//! `cargo test -p pusher-config-core --all-features --test properties -- --nocapture` to see the
//! measured times. The runs are reproducible: the seed is fixed.
#![cfg(all(feature = "rules", feature = "dotenv"))]

extern crate pusher_config_core as pusher_config;

use std::collections::HashSet;
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Once;
use std::time::{Duration, Instant};

use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::{Config, RngSeed};
use pusher_config::rules::{self, Mode};
use pusher_config::source::Vars;
use pusher_config::{PublicConfig, PusherConfig};

// ---------------------------------------------------------------------------------------------
// Setup: no ambient Pusher variables, scratch files with no digits in their paths.
// ---------------------------------------------------------------------------------------------

/// Removes every variable of this process's environment that the loader may read, once,
/// before any test loads anything: the properties are about the file or map alone.
fn clear_ambient_env() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        for name in pusher_config::names::in_process_env() {
            std::env::remove_var(name);
        }
    });
}

/// `n` written with the letters `a` to `z`: scratch paths carry no digits, so a planted app id
/// can never be found in an error just because the error names the file.
fn letters(mut n: usize) -> String {
    let mut out = String::new();
    loop {
        out.insert(0, char::from(b'a' + (n % 26) as u8));
        n /= 26;
        if n == 0 {
            return out;
        }
    }
}

/// A scratch folder for one test, removed when dropped (also when the test fails).
struct Scratch {
    dir: PathBuf,
    files: AtomicUsize,
}

impl Scratch {
    fn new(test: &str) -> Self {
        let dir = std::env::temp_dir().join(format!(
            "pusher-config-properties-{}-{test}",
            letters(std::process::id() as usize)
        ));
        std::fs::create_dir_all(&dir).expect("create a scratch folder");
        Self {
            dir,
            files: AtomicUsize::new(0),
        }
    }

    /// A new file path in the folder.
    fn next_path(&self) -> PathBuf {
        let n = self.files.fetch_add(1, Ordering::Relaxed);
        self.dir.join(format!("case-{}.env", letters(n)))
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        std::fs::remove_dir_all(&self.dir).ok();
    }
}

fn config() -> Config {
    Config {
        cases: 256,
        failure_persistence: None,
        rng_seed: RngSeed::Fixed(0x5eed_0f9a_5e00),
        max_shrink_iters: 4096,
        ..Config::default()
    }
}

// ---------------------------------------------------------------------------------------------
// Planted credentials and how to find them in a text.
// ---------------------------------------------------------------------------------------------

/// What kind of credential was planted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// 20 lowercase hex characters: a Pusher key or secret.
    Hex,
    /// 7 digits: a Pusher app id.
    AppId,
    /// Another service's credential.
    Foreign,
}

/// A made-up credential placed somewhere in the input.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Planted {
    kind: Kind,
    value: String,
}

fn planted() -> impl Strategy<Value = Planted> {
    let of =
        |kind: Kind, pattern: &'static str| pattern.prop_map(move |value| Planted { kind, value });
    prop_oneof![
        4 => of(Kind::Hex, "[0-9a-f]{20}"),
        2 => of(Kind::AppId, "[1-9][0-9]{6}"),
        1 => of(Kind::Foreign, "ghp_[A-Za-z0-9]{36}"),
        1 => of(Kind::Foreign, "AKIA[A-Z0-9]{16}"),
        1 => of(Kind::Foreign, "sk_live_[A-Za-z0-9]{24,99}"),
        1 => of(Kind::Foreign, "pk_live_[A-Za-z0-9]{24,99}"),
        1 => of(
            Kind::Foreign,
            "eyJ[A-Za-z0-9_-]{10,40}\\.eyJ[A-Za-z0-9_-]{10,60}\\.[A-Za-z0-9_-]{16,43}"
        ),
        1 => of(Kind::Foreign, "eyJ[A-Za-z0-9_-]{24,80}"),
    ]
}

/// Whether `digits` occurs in `text` as a whole run of digits (not inside a longer number).
fn contains_digit_run(text: &str, digits: &str) -> bool {
    text.match_indices(digits).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + digits.len()..].chars().next();
        !before.is_some_and(|c| c.is_ascii_digit()) && !after.is_some_and(|c| c.is_ascii_digit())
    })
}

/// Whether `text` shows `planted` whole.
fn shows(text: &str, planted: &Planted) -> bool {
    match planted.kind {
        Kind::AppId => contains_digit_run(text, &planted.value),
        Kind::Hex | Kind::Foreign => text.contains(&planted.value),
    }
}

/// An error's `Display` and `Debug` show none of the planted credentials whole.
fn error_hides(
    what: &str,
    problems: &rules::Problems,
    planted: &[Planted],
) -> Result<(), TestCaseError> {
    for shown in [format!("{problems}"), format!("{problems:?}")] {
        if let Some(leaked) = planted.iter().find(|p| shows(&shown, p)) {
            return Err(TestCaseError::fail(format!(
                "{what}: the error shows the planted {:?} `{}`:\n{shown}",
                leaked.kind, leaked.value
            )));
        }
    }
    Ok(())
}

/// A loaded configuration's `Debug` and `Display` show neither a secret nor another service's
/// credential (the key and the app id may be shown).
fn config_hides(
    what: &str,
    shown: [String; 2],
    secrets: &[String],
    planted: &[Planted],
) -> Result<(), TestCaseError> {
    for shown in shown {
        if let Some(secret) = secrets.iter().find(|s| shown.contains(s.as_str())) {
            return Err(TestCaseError::fail(format!(
                "{what}: the loaded config shows the secret `{secret}`:\n{shown}"
            )));
        }
        let foreign = planted
            .iter()
            .filter(|p| p.kind == Kind::Foreign)
            .find(|p| shows(&shown, p));
        if let Some(leaked) = foreign {
            return Err(TestCaseError::fail(format!(
                "{what}: the loaded config shows the planted `{}`:\n{shown}",
                leaked.value
            )));
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Variables: names, and values built from pieces.
// ---------------------------------------------------------------------------------------------

/// Names the rules know or look at, near misses, and names nobody reads.
const NAMES: &[&str] = &[
    "PUSHER_APP_ID",
    "PUSHER_KEY",
    "PUSHER_APP_KEY",
    "PUSHER_SECRET",
    "PUSHER_APP_SECRET",
    "PUSHER_CLUSTER",
    "PUSHER_APP_CLUSTER",
    "PUSHER_HOST",
    "PUSHER_PORT",
    "PUSHER_SCHEME",
    "NEXT_PUBLIC_PUSHER_KEY",
    "NEXT_PUBLIC_PUSHER_CLUSTER",
    "NEXT_PUBLIC_PUSHER_HOST",
    "NEXT_PUBLIC_PUSHER_SECRET",
    "VITE_PUSHER_APP_KEY",
    "VITE_PUSHER_APP_CLUSTER",
    "VITE_PUSHER_HOST",
    "VITE_PUSHER_PORT",
    "VITE_PUSHER_SCHEME",
    "VITE_PUSHER_APP_SECRET",
    "MIX_PUSHER_APP_KEY",
    "PUSHER_APPID",
    "PUSHER_KEYS",
    "pusher_key",
    "REVERB_APP_ID",
    "REVERB_APP_KEY",
    "REVERB_APP_SECRET",
    "REVERB_HOST",
    "VITE_REVERB_APP_KEY",
    "VITE_REVERB_APP_SECRET",
    "PUSHER_URL",
    "NEXT_PUBLIC_PUSHER_URL",
    "NEXT_PUBLIC_SITE_URL",
    "VITE_API_TOKEN",
    "DATABASE_URL",
    "STRIPE_SECRET_KEY",
    "AWS_ACCESS_KEY_ID",
    "GITHUB_TOKEN",
    "APP_KEY",
];

/// The secret's names: a credential planted there is "the secret" of the configuration.
const SECRET_NAMES: [&str; 3] = ["PUSHER_SECRET", "PUSHER_APP_SECRET", "REVERB_APP_SECRET"];

/// Values that are not credentials, right and wrong.
const WORDS: &[&str] = &[
    "",
    "eu",
    "mt1",
    "us2",
    "europe",
    "EU",
    "eu-west-1",
    "ws-eu.pusher.com",
    "api-eu.pusher.com",
    "api-acme.pusher.com",
    "soketi",
    "localhost",
    "127.0.0.1",
    "[::1]",
    "https://ws.example.org",
    "ws.example.org:6001",
    "443",
    "80",
    "6001",
    "70000",
    "-1",
    "https",
    "http",
    "wss",
    "HTTPS",
    "local",
    "app-key",
    "app-secret",
    "your_actual_pusher_key",
    "changeme",
    "xxxxxxxxxxxxxxxxxxxx",
    "<key>",
    "TODO",
    "3",
    "278d425bdf160c739803",
    "7ad3773142a6692b25b8",
    "\u{200b}",
    " ",
];

/// How a credential is written into a host name.
#[derive(Clone, Copy, Debug)]
enum HostForm {
    Pusher,
    PusherApi,
    PusherWs,
    Other,
    WithScheme,
    WithPort,
}

/// How a credential is written into a reference.
#[derive(Clone, Copy, Debug)]
enum RefForm {
    Default,
    AfterSpace,
    Unclosed,
}

/// One piece of a value; a value is one to three of them, concatenated.
#[derive(Clone, Debug)]
enum Piece {
    Planted(Index),
    InHost(HostForm, Index),
    Word(&'static str),
    /// `${NAME}` or `$NAME`.
    Reference {
        braces: bool,
        name: &'static str,
    },
    /// A credential inside a reference's braces, never as a name of its own (names may be
    /// shown): `${NAME:-<credential>}`, `${NAME <credential>}`, or a reference left open
    /// before it: `${NAME\n<credential>`.
    InReference(RefForm, &'static str, Index),
    /// Any characters: control characters, NUL, quotes, backslashes, `$`, `#`, non-ASCII.
    Arbitrary(String),
    /// A run of one character, thousands long.
    Long(char, usize),
}

fn piece() -> impl Strategy<Value = Piece> {
    let troublesome =
        "[\\\\\"'`$#={}: \t\r\n\u{0}-\u{1f}\u{7f}a-zA-Z0-9_.\u{e9}\u{200b}\u{feff}\u{202e}]{0,16}";
    let host_form = prop_oneof![
        Just(HostForm::Pusher),
        Just(HostForm::PusherApi),
        Just(HostForm::PusherWs),
        Just(HostForm::Other),
        Just(HostForm::WithScheme),
        Just(HostForm::WithPort),
    ];
    prop_oneof![
        8 => any::<Index>().prop_map(Piece::Planted),
        3 => (host_form, any::<Index>()).prop_map(|(form, index)| Piece::InHost(form, index)),
        4 => prop::sample::select(WORDS).prop_map(Piece::Word),
        2 => (
            any::<bool>(),
            prop_oneof![4 => prop::sample::select(NAMES), 1 => Just("UNDEFINED_REF")],
        )
            .prop_map(|(braces, name)| Piece::Reference { braces, name }),
        1 => (
            prop_oneof![
                Just(RefForm::Default),
                Just(RefForm::AfterSpace),
                Just(RefForm::Unclosed),
            ],
            prop::sample::select(NAMES),
            any::<Index>(),
        )
            .prop_map(|(form, name, index)| Piece::InReference(form, name, index)),
        2 => troublesome.prop_map(Piece::Arbitrary),
        1 => prop::collection::vec(any::<char>(), 0..12)
            .prop_map(|chars| Piece::Arbitrary(chars.into_iter().collect())),
        1 => (prop::sample::select(&['a', '0', '$', '\\', '"', 'é'][..]), 1000usize..40_000)
            .prop_map(|(c, n)| Piece::Long(c, n)),
    ]
}

fn value() -> impl Strategy<Value = Vec<Piece>> {
    prop::collection::vec(piece(), 1..=3)
}

fn write_piece(out: &mut String, piece: &Piece, planted: &[Planted]) {
    match piece {
        Piece::Planted(index) => out.push_str(&index.get(planted).value),
        Piece::InHost(form, index) => {
            let value = &index.get(planted).value;
            let host = match form {
                HostForm::Pusher => format!("{value}.pusher.com"),
                HostForm::PusherApi => format!("api-{value}.pusher.com"),
                HostForm::PusherWs => format!("ws-{value}.pusher.com"),
                HostForm::Other => format!("{value}.example.org"),
                HostForm::WithScheme => format!("https://{value}.example.org"),
                HostForm::WithPort => format!("{value}.example.org:6001"),
            };
            out.push_str(&host);
        }
        Piece::Word(word) => out.push_str(word),
        Piece::Reference { braces: true, name } => {
            write!(out, "${{{name}}}").expect("write to a String")
        }
        Piece::Reference {
            braces: false,
            name,
        } => write!(out, "${name}").expect("write to a String"),
        Piece::InReference(form, name, index) => {
            let value = &index.get(planted).value;
            let reference = match form {
                RefForm::Default => format!("${{{name}:-{value}}}"),
                RefForm::AfterSpace => format!("${{{name} {value}}}"),
                RefForm::Unclosed => format!("${{{name}\n{value}"),
            };
            out.push_str(&reference);
        }
        Piece::Arbitrary(text) => out.push_str(text),
        Piece::Long(c, n) => out.extend(std::iter::repeat_n(*c, *n)),
    }
}

fn render_value(pieces: &[Piece], planted: &[Planted]) -> String {
    let mut out = String::new();
    for piece in pieces {
        write_piece(&mut out, piece, planted);
    }
    out
}

/// The planted credential a value is exactly, if it is one alone.
fn sole_planted<'a>(pieces: &[Piece], planted: &'a [Planted]) -> Option<&'a Planted> {
    match pieces {
        [Piece::Planted(index)] => Some(index.get(planted)),
        _ => None,
    }
}

fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => prop::sample::select(NAMES).prop_map(str::to_owned),
        1 => "PUSHER_[A-Z_]{0,12}",
        1 => "(NEXT_PUBLIC_|VITE_)[A-Z_]{1,16}",
        1 => "[A-Za-z_][A-Za-z0-9_.]{0,15}",
    ]
}

/// A working configuration, whose values are planted credentials too.
#[derive(Clone, Debug)]
enum Base {
    /// `PUSHER_APP_ID`, `PUSHER_KEY`, `PUSHER_SECRET`, `PUSHER_CLUSTER=eu`.
    NextJs,
    /// Laravel's names with `VITE_` mirrors written as references, as Laravel does.
    Laravel,
    /// A self-hosted server (`PUSHER_HOST=soketi`).
    SelfHosted,
    /// Laravel Reverb's names with `VITE_REVERB_` mirrors written as references.
    Reverb,
    /// The whole server configuration in `PUSHER_URL`, with public mirrors beside it.
    Url,
}

/// The base configuration's app id, key and secret.
#[derive(Clone, Debug)]
struct BaseValues {
    app_id: Planted,
    key: Planted,
    secret: Planted,
}

fn base_values() -> impl Strategy<Value = BaseValues> {
    ("[1-9][0-9]{6}", "[0-9a-f]{20}", "[0-9a-f]{20}").prop_map(|(app_id, key, secret)| BaseValues {
        app_id: Planted {
            kind: Kind::AppId,
            value: app_id,
        },
        key: Planted {
            kind: Kind::Hex,
            value: key,
        },
        secret: Planted {
            kind: Kind::Hex,
            value: secret,
        },
    })
}

fn base_pairs(base: &Base, values: &BaseValues) -> Vec<(&'static str, String)> {
    let (id, key, secret) = (
        values.app_id.value.clone(),
        values.key.value.clone(),
        values.secret.value.clone(),
    );
    match base {
        Base::NextJs => vec![
            ("PUSHER_APP_ID", id),
            ("PUSHER_KEY", key.clone()),
            ("PUSHER_SECRET", secret),
            ("PUSHER_CLUSTER", "eu".to_owned()),
            ("NEXT_PUBLIC_PUSHER_KEY", key),
            ("NEXT_PUBLIC_PUSHER_CLUSTER", "eu".to_owned()),
        ],
        Base::Laravel => vec![
            ("PUSHER_APP_ID", id),
            ("PUSHER_APP_KEY", key),
            ("PUSHER_APP_SECRET", secret),
            ("PUSHER_APP_CLUSTER", "mt1".to_owned()),
            ("VITE_PUSHER_APP_KEY", "${PUSHER_APP_KEY}".to_owned()),
            (
                "VITE_PUSHER_APP_CLUSTER",
                "${PUSHER_APP_CLUSTER}".to_owned(),
            ),
        ],
        Base::SelfHosted => vec![
            ("PUSHER_APP_ID", id),
            ("PUSHER_APP_KEY", key),
            ("PUSHER_APP_SECRET", secret),
            ("PUSHER_HOST", "soketi".to_owned()),
            ("PUSHER_PORT", "6001".to_owned()),
            ("PUSHER_SCHEME", "http".to_owned()),
        ],
        Base::Reverb => vec![
            ("REVERB_APP_ID", id),
            ("REVERB_APP_KEY", key),
            ("REVERB_APP_SECRET", secret),
            ("REVERB_HOST", "localhost".to_owned()),
            ("REVERB_PORT", "8080".to_owned()),
            ("REVERB_SCHEME", "http".to_owned()),
            ("VITE_REVERB_APP_KEY", "${REVERB_APP_KEY}".to_owned()),
            ("VITE_REVERB_HOST", "${REVERB_HOST}".to_owned()),
        ],
        Base::Url => vec![
            (
                "PUSHER_URL",
                format!("https://{key}:{secret}@api-eu.pusher.com/apps/{id}"),
            ),
            ("NEXT_PUBLIC_PUSHER_KEY", key),
            ("NEXT_PUBLIC_PUSHER_CLUSTER", "eu".to_owned()),
        ],
    }
}

fn base() -> impl Strategy<Value = Option<Base>> {
    prop_oneof![
        1 => Just(None),
        3 => Just(Some(Base::NextJs)),
        2 => Just(Some(Base::Laravel)),
        1 => Just(Some(Base::SelfHosted)),
        1 => Just(Some(Base::Reverb)),
        1 => Just(Some(Base::Url)),
    ]
}

/// Every planted credential: the base configuration's and the extra ones.
fn all_planted(values: &BaseValues, extra: &[Planted]) -> Vec<Planted> {
    let mut all = vec![
        values.app_id.clone(),
        values.key.clone(),
        values.secret.clone(),
    ];
    all.extend(extra.iter().cloned());
    all
}

// ---------------------------------------------------------------------------------------------
// `.env` files.
// ---------------------------------------------------------------------------------------------

/// How a value is quoted on its line.
#[derive(Clone, Copy, Debug)]
enum Quote {
    None,
    Double,
    Single,
    UnclosedDouble,
    UnclosedSingle,
}

/// One line of a `.env` file.
#[derive(Clone, Debug)]
enum Line {
    Assign {
        export: bool,
        spaced: bool,
        name: String,
        quote: Quote,
        value: Vec<Piece>,
        comment: bool,
    },
    Comment(Vec<Piece>),
    Blank(String),
    /// Any text at all, as a line.
    Raw(String),
}

fn line() -> impl Strategy<Value = Line> {
    let quote = prop_oneof![
        6 => Just(Quote::None),
        3 => Just(Quote::Double),
        2 => Just(Quote::Single),
        1 => Just(Quote::UnclosedDouble),
        1 => Just(Quote::UnclosedSingle),
    ];
    let assign = (
        prop::bool::weighted(0.15),
        prop::bool::weighted(0.1),
        name(),
        quote,
        value(),
        prop::bool::weighted(0.1),
    )
        .prop_map(
            |(export, spaced, name, quote, value, comment)| Line::Assign {
                export,
                spaced,
                name,
                quote,
                value,
                comment,
            },
        );
    prop_oneof![
        12 => assign,
        1 => value().prop_map(Line::Comment),
        1 => "[ \t]{0,3}".prop_map(Line::Blank),
        1 => prop::collection::vec(any::<char>(), 0..24)
            .prop_map(|chars| Line::Raw(chars.into_iter().collect())),
        1 => "[A-Z_=\"'$\\\\{}# \u{0}]{0,12}".prop_map(Line::Raw),
    ]
}

fn render_line(line: &Line, planted: &[Planted]) -> String {
    match line {
        Line::Assign {
            export,
            spaced,
            name,
            quote,
            value,
            comment,
        } => {
            let value = render_value(value, planted);
            let value = match quote {
                Quote::None => value,
                Quote::Double => format!("\"{value}\""),
                Quote::Single => format!("'{value}'"),
                Quote::UnclosedDouble => format!("\"{value}"),
                Quote::UnclosedSingle => format!("'{value}"),
            };
            let export = if *export { "export " } else { "" };
            let eq = if *spaced { " = " } else { "=" };
            let comment = if *comment { " # a comment" } else { "" };
            format!("{export}{name}{eq}{value}{comment}")
        }
        Line::Comment(value) => format!("# {}", render_value(value, planted)),
        Line::Blank(blank) => blank.clone(),
        Line::Raw(text) => text.clone(),
    }
}

/// One generated `.env` file, and what was planted in it.
#[derive(Clone)]
struct EnvCase {
    text: String,
    /// Invalid UTF-8 appended to the text.
    bad_utf8: bool,
    planted: Vec<Planted>,
    /// The credentials written as a secret's whole value.
    secrets: Vec<String>,
}

impl std::fmt::Debug for EnvCase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Long runs abbreviated, so that a shrunk case reads as the file it is.
        let mut text = String::new();
        let mut chars = self.text.chars().peekable();
        while let Some(c) = chars.next() {
            let mut run = 1;
            while chars.peek() == Some(&c) {
                chars.next();
                run += 1;
            }
            if run > 40 {
                write!(text, "{c}…[{run} times]").expect("write to a String");
            } else {
                text.extend(std::iter::repeat_n(c, run));
            }
        }
        f.debug_struct("EnvCase")
            .field("text", &text)
            .field("bad_utf8", &self.bad_utf8)
            .field("planted", &self.planted)
            .finish()
    }
}

impl EnvCase {
    fn bytes(&self) -> Vec<u8> {
        let mut bytes = self.text.clone().into_bytes();
        if self.bad_utf8 {
            bytes.extend_from_slice(b"\nPUSHER_CLUSTER=\xff\xfe\n");
        }
        bytes
    }
}

fn env_case() -> impl Strategy<Value = EnvCase> {
    (
        base(),
        base_values(),
        prop::collection::vec(planted(), 1..=4),
        prop::collection::vec(line(), 0..=3),
        // Few lines often: one change to a working config is what reaches the loaded config.
        prop_oneof![
            2 => prop::collection::vec(line(), 0..=2),
            1 => prop::collection::vec(line(), 0..=10),
        ],
        (
            any::<bool>(),
            prop::bool::weighted(0.2),
            prop::bool::weighted(0.2),
            prop::bool::weighted(0.05),
        ),
    )
        .prop_map(
            |(base, values, extra, before, after, (newline_at_end, crlf, bom, bad_utf8))| {
                let planted = all_planted(&values, &extra);
                let mut lines: Vec<String> =
                    before.iter().map(|l| render_line(l, &planted)).collect();
                let mut secrets = Vec::new();
                if let Some(base) = &base {
                    secrets.push(values.secret.value.clone());
                    lines.extend(
                        base_pairs(base, &values)
                            .into_iter()
                            .map(|(name, value)| format!("{name}={value}")),
                    );
                }
                lines.extend(after.iter().map(|l| render_line(l, &planted)));
                for l in before.iter().chain(&after) {
                    if let Line::Assign { name, value, .. } = l {
                        if SECRET_NAMES.contains(&name.as_str()) {
                            secrets.extend(sole_planted(value, &planted).map(|p| p.value.clone()));
                        }
                    }
                }
                let newline = if crlf { "\r\n" } else { "\n" };
                let mut text = if bom {
                    "\u{feff}".to_owned()
                } else {
                    String::new()
                };
                text.push_str(&lines.join(newline));
                if newline_at_end {
                    text.push_str(newline);
                }
                EnvCase {
                    text,
                    bad_utf8,
                    planted,
                    secrets,
                }
            },
        )
}

/// The secrets a loaded server config must not show: its own (unless it is too short to be
/// told from other text) and every credential written as a secret.
fn secrets_of(config: &PusherConfig, written: &[String]) -> Vec<String> {
    let own = config.secret().expose_secret();
    let mut secrets = written.to_vec();
    if own.chars().count() >= 8 {
        secrets.push(own.to_owned());
    }
    secrets
}

/// Loads every generated `.env` case with `load`, which gives a loaded config's `Debug` and
/// `Display` with the secrets they must not show (from what the case wrote), or the problems;
/// neither may show a planted credential.
fn env_files_never_show(
    tag: &str,
    what: &str,
    load: impl Fn(&Path, &[String]) -> Result<([String; 2], Vec<String>), rules::Problems>,
) {
    clear_ambient_env();
    let scratch = Scratch::new(tag);
    proptest!(config(), |(case in env_case())| {
        let path = scratch.next_path();
        std::fs::write(&path, case.bytes()).expect("write the case");
        let loaded = load(&path, &case.secrets);
        std::fs::remove_file(&path).ok();
        match loaded {
            Err(problems) => error_hides(what, &problems, &case.planted)?,
            Ok((shown, secrets)) => config_hides(what, shown, &secrets, &case.planted)?,
        }
    });
}

#[test]
fn env_file_server_never_shows_a_planted_credential() {
    env_files_never_show("server", "PusherConfig::from_env_file", |path, written| {
        PusherConfig::from_env_file(path).map(|config| {
            (
                [format!("{config:?}"), format!("{config}")],
                secrets_of(&config, written),
            )
        })
    });
}

#[test]
fn env_file_client_never_shows_a_planted_credential() {
    env_files_never_show("client", "PublicConfig::from_env_file", |path, written| {
        PublicConfig::from_env_file(path).map(|config| {
            (
                [format!("{config:?}"), format!("{config}")],
                written.to_vec(),
            )
        })
    });
}

// ---------------------------------------------------------------------------------------------
// Maps: `rules::check` and `from_vars`.
// ---------------------------------------------------------------------------------------------

/// One generated map of variables, and what was planted in it.
#[derive(Clone, Debug)]
struct MapCase {
    pairs: Vec<(String, String)>,
    planted: Vec<Planted>,
    secrets: Vec<String>,
}

impl MapCase {
    fn vars(&self) -> Vars {
        Vars::from_pairs(self.pairs.iter().cloned())
    }
}

fn map_case() -> impl Strategy<Value = MapCase> {
    (
        base(),
        base_values(),
        prop::collection::vec(planted(), 1..=4),
        prop_oneof![
            2 => prop::collection::vec((name(), value()), 0..=2),
            1 => prop::collection::vec((name(), value()), 0..=10),
        ],
    )
        .prop_map(|(base, values, extra, specs)| {
            let planted = all_planted(&values, &extra);
            let mut secrets = Vec::new();
            // Later pairs replace earlier ones: the base first, the generated pairs over it.
            let mut pairs: Vec<(String, String)> = Vec::new();
            if let Some(base) = &base {
                secrets.push(values.secret.value.clone());
                pairs.extend(base_pairs(base, &values).into_iter().map(|(n, v)| {
                    let v = match v.as_str() {
                        "${PUSHER_APP_KEY}" | "${REVERB_APP_KEY}" => values.key.value.clone(),
                        "${PUSHER_APP_CLUSTER}" => "mt1".to_owned(),
                        "${REVERB_HOST}" => "localhost".to_owned(),
                        _ => v,
                    };
                    (n.to_owned(), v)
                }));
            }
            for (name, value) in &specs {
                if SECRET_NAMES.contains(&name.as_str()) {
                    secrets.extend(sole_planted(value, &planted).map(|p| p.value.clone()));
                }
                pairs.push((name.clone(), render_value(value, &planted)));
            }
            MapCase {
                pairs,
                planted,
                secrets,
            }
        })
}

fn check_map(case: &MapCase, mode: Mode) -> Result<(), TestCaseError> {
    let vars = case.vars();
    let what = format!("rules::check in {mode:?} mode");
    match rules::check(&vars, mode) {
        Err(problems) => error_hides(&what, &problems, &case.planted)?,
        Ok(checked) => {
            let mut secrets = case.secrets.clone();
            let secret = checked
                .server()
                .map(|c| c.secret().expose_secret().to_owned());
            secrets.extend(secret.filter(|s| s.chars().count() >= 8));
            config_hides(
                &what,
                [format!("{checked:?}"), format!("{checked:#?}")],
                &secrets,
                &case.planted,
            )?;
        }
    }
    match mode {
        Mode::Server => match PusherConfig::from_vars(&vars) {
            Err(problems) => error_hides("PusherConfig::from_vars", &problems, &case.planted)?,
            Ok(config) => config_hides(
                "PusherConfig::from_vars",
                [format!("{config:?}"), format!("{config}")],
                &secrets_of(&config, &case.secrets),
                &case.planted,
            )?,
        },
        Mode::Client => match PublicConfig::from_vars(&vars) {
            Err(problems) => error_hides("PublicConfig::from_vars", &problems, &case.planted)?,
            Ok(config) => config_hides(
                "PublicConfig::from_vars",
                [format!("{config:?}"), format!("{config}")],
                &case.secrets,
                &case.planted,
            )?,
        },
    }
    Ok(())
}

#[test]
fn rules_server_never_show_a_planted_credential() {
    proptest!(config(), |(case in map_case())| {
        check_map(&case, Mode::Server)?;
    });
}

#[test]
fn rules_client_never_show_a_planted_credential() {
    proptest!(config(), |(case in map_case())| {
        check_map(&case, Mode::Client)?;
    });
}

// ---------------------------------------------------------------------------------------------
// Bounded time and memory, each in a child process.
// ---------------------------------------------------------------------------------------------

/// Set in a child's environment: the `#[ignore]`d test it runs does its work only then.
const CHILD_ENV: &str = "PUSHER_CONFIG_PROPERTIES_CHILD";
/// The scratch folder a child works in.
const CHILD_DIR_ENV: &str = "PUSHER_CONFIG_PROPERTIES_DIR";
/// The address space a child may use: enough for any sane loader, far below the machine's.
const CHILD_MEMORY_KIB: u64 = 2 * 1024 * 1024;

/// What a child process did.
struct ChildRun {
    /// Exited successfully before the deadline.
    passed: bool,
    /// Killed at the deadline.
    killed: bool,
    elapsed: Duration,
    output: String,
}

/// Runs the `#[ignore]`d test `test` of this binary in a child process, with no Pusher
/// variables in its environment, killed at `deadline`.
fn run_child(test: &str, deadline: Duration) -> ChildRun {
    let scratch = Scratch::new(test);
    let log_path = scratch.dir.join("child-output.txt");
    let log = std::fs::File::create(&log_path).expect("create the child's log");
    let exe = std::env::current_exe().expect("this test binary's path");
    let args = [
        test,
        "--exact",
        "--ignored",
        "--nocapture",
        "--test-threads=1",
    ];
    // On Unix, the child runs under an address-space limit: a loader that allocates without
    // bound aborts there instead of exhausting the machine.
    let mut command = if cfg!(unix) {
        let mut command = Command::new("sh");
        command
            .arg("-c")
            .arg(format!(
                "ulimit -v {CHILD_MEMORY_KIB} && exec \"$0\" \"$@\""
            ))
            .arg(&exe)
            .args(args);
        command
    } else {
        let mut command = Command::new(&exe);
        command.args(args);
        command
    };
    for name in pusher_config::names::in_process_env() {
        command.env_remove(name);
    }
    command
        .env(CHILD_ENV, "1")
        .env(CHILD_DIR_ENV, &scratch.dir)
        .stdin(Stdio::null())
        .stdout(log.try_clone().expect("share the log"))
        .stderr(log);
    let start = Instant::now();
    let mut child = command.spawn().expect("start the child");
    let (status, killed) = loop {
        if let Some(status) = child.try_wait().expect("poll the child") {
            break (Some(status), false);
        }
        if start.elapsed() >= deadline {
            child.kill().ok();
            child.wait().ok();
            break (None, true);
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let elapsed = start.elapsed();
    let output = std::fs::read_to_string(&log_path).unwrap_or_default();
    let output = tail(&output, 4000);
    ChildRun {
        passed: status.is_some_and(|s| s.success()),
        killed,
        elapsed,
        output,
    }
}

/// The last `max` bytes of `text`, at a character boundary.
fn tail(text: &str, max: usize) -> String {
    let mut start = text.len().saturating_sub(max);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    text[start..].to_owned()
}

/// Runs `test` in a child and asserts that it passed within `deadline`.
fn assert_child_passes(test: &str, deadline: Duration) {
    let run = run_child(test, deadline);
    println!(
        "{test}: child finished in {:.2?}{}\n{}",
        run.elapsed,
        if run.killed { " (killed)" } else { "" },
        run.output
    );
    assert!(
        !run.killed,
        "{test} did not finish within {deadline:?}; it was killed. Its output:\n{}",
        run.output
    );
    assert!(
        run.passed,
        "{test} failed after {:.2?} (an abort here is usually an allocation refused by the \
         {} MiB address-space limit). Its output:\n{}",
        run.elapsed,
        CHILD_MEMORY_KIB / 1024,
        run.output
    );
}

/// The scratch folder of a child, or `None` when not run as a child (then the test does
/// nothing: it is only meant to run under [`run_child`]'s limits).
fn child_dir() -> Option<PathBuf> {
    std::env::var_os(CHILD_ENV)?;
    std::env::var_os(CHILD_DIR_ENV).map(PathBuf::from)
}

/// Writes `text` to `path` through a buffer.
fn write_file(path: &Path, write: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>) {
    let file = std::fs::File::create(path).expect("create the file");
    let mut out = std::io::BufWriter::new(file);
    write(&mut out).expect("write the file");
    out.flush().expect("flush the file");
}

/// A valid hosted configuration, made up.
const VALID: &str = "PUSHER_APP_ID=2047711\nPUSHER_KEY=9c2e4f1a7b3d5e6f8a0b\n\
                     PUSHER_SECRET=0f1e2d3c4b5a69788796\nPUSHER_CLUSTER=eu\n";

#[test]
fn twenty_thousand_unrelated_variables_load_quickly() {
    assert_child_passes(
        "child_twenty_thousand_unrelated_variables",
        Duration::from_secs(60),
    );
}

#[test]
#[ignore = "run by twenty_thousand_unrelated_variables_load_quickly, in a child process"]
fn child_twenty_thousand_unrelated_variables() {
    let Some(dir) = child_dir() else { return };
    let path = dir.join("many.env");
    write_file(&path, |out| {
        for n in 0..10_000 {
            writeln!(out, "APP_SETTING_{n}=value-{n}")?;
        }
        out.write_all(VALID.as_bytes())?;
        for n in 10_000..20_000 {
            writeln!(out, "export OTHER_{n}=\"quoted value {n}\"")?;
        }
        Ok(())
    });
    let start = Instant::now();
    let server = PusherConfig::from_env_file(&path);
    let server_time = start.elapsed();
    let start = Instant::now();
    let client = PublicConfig::from_env_file(&path);
    let client_time = start.elapsed();
    println!(
        "20,000 unrelated variables: PusherConfig::from_env_file {server_time:.2?}, \
         PublicConfig::from_env_file {client_time:.2?}"
    );
    let server = server.expect("the valid config among 20,000 others loads");
    assert_eq!(server.cluster().as_str(), "eu");
    client.expect("the public part loads");
    assert!(
        server_time + client_time < Duration::from_secs(10),
        "took {:.2?}",
        server_time + client_time
    );
}

#[test]
fn expansion_bomb_returns_quickly() {
    assert_child_passes("child_expansion_bomb", Duration::from_secs(5));
}

#[test]
#[ignore = "run by expansion_bomb_returns_quickly, in a child process"]
fn child_expansion_bomb() {
    let Some(dir) = child_dir() else { return };
    let path = dir.join("bomb.env");
    write_file(&path, |out| {
        out.write_all(VALID.as_bytes())?;
        writeln!(out, "V0=x")?;
        for n in 1..=40 {
            let prev = n - 1;
            writeln!(out, "V{n}=${{V{prev}}}${{V{prev}}}")?;
        }
        // The bomb's value in a variable the rules read.
        writeln!(out, "NEXT_PUBLIC_PUSHER_HOST=\"${{V40}}\"")?;
        Ok(())
    });
    refused_by_both(&path, "expansion bomb", "would expand to");
}

/// Both loaders refuse the file at `path` quickly, with an error saying `why`.
fn refused_by_both(path: &std::path::Path, what: &str, why: &str) {
    let start = Instant::now();
    let server = PusherConfig::from_env_file(path).map(|_| ());
    let client = PublicConfig::from_env_file(path).map(|_| ());
    println!("{what}: both loaders returned in {:.2?}", start.elapsed());
    for (loader, result) in [("server", server), ("client", client)] {
        let error = result.expect_err(what).to_string();
        assert!(error.contains(why), "{what}, {loader}: {error}");
    }
}

#[test]
fn many_references_return_quickly() {
    assert_child_passes("child_many_references", Duration::from_secs(5));
}

#[test]
#[ignore = "run by many_references_return_quickly, in a child process"]
fn child_many_references() {
    let Some(dir) = child_dir() else { return };
    let path = dir.join("references.env");
    write_file(&path, |out| {
        out.write_all(VALID.as_bytes())?;
        writeln!(out, "BLOCK={}", "b".repeat(64 * 1024))?;
        // 40 lines of 2,000 references each: 5 GiB if every one were expanded.
        let line = "${BLOCK}".repeat(2_000);
        for n in 0..40 {
            writeln!(out, "PUSHER_EXTRA_{n}=\"{line}\"")?;
        }
        // And many references to nothing, and `$` alone.
        writeln!(out, "PUSHER_EMPTY={}", "${NOT_SET}$".repeat(200_000))?;
        Ok(())
    });
    refused_by_both(&path, "many references", "would expand to");
}

#[test]
fn a_huge_file_is_refused_quickly() {
    assert_child_passes("child_huge_file", Duration::from_secs(20));
}

#[test]
#[ignore = "run by a_huge_file_is_refused_quickly, in a child process"]
fn child_huge_file() {
    let Some(dir) = child_dir() else { return };
    let path = dir.join("huge.env");
    // 64 MiB of `A=aaaa…` lines of 1 KiB, after a valid config.
    let line = format!("A={}\n", "a".repeat(1024 - 3));
    write_file(&path, |out| {
        out.write_all(VALID.as_bytes())?;
        for _ in 0..64 * 1024 {
            out.write_all(line.as_bytes())?;
        }
        Ok(())
    });
    let shown = path.display().to_string();
    for (loader, result, elapsed) in [
        {
            let start = Instant::now();
            let result = PusherConfig::from_env_file(&path).map(|_| ());
            ("PusherConfig::from_env_file", result, start.elapsed())
        },
        {
            let start = Instant::now();
            let result = PublicConfig::from_env_file(&path).map(|_| ());
            ("PublicConfig::from_env_file", result, start.elapsed())
        },
    ] {
        println!("64 MiB file: {loader} returned in {elapsed:.2?}");
        let problems = result.expect_err("a 64 MiB `.env` is refused");
        let text = problems.to_string();
        assert!(
            text.contains(&shown),
            "{loader}: the error does not name the file `{shown}`:\n{text}"
        );
        assert!(
            elapsed < Duration::from_secs(5),
            "{loader} took {elapsed:.2?}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Counterexamples the properties and the fuzz targets found, kept as fixed cases.
// ---------------------------------------------------------------------------------------------

/// A `.env` text that once showed `leaked` (all made up). Each holds the valid config
/// [`VALID`] too when `with_valid` is set, so that it reaches the loaded config.
struct Found {
    text: &'static str,
    leaked: &'static str,
    with_valid: bool,
}

const FOUND: &[Found] = &[
    // An app id in the port, scheme or cluster was quoted whole.
    Found {
        text: "PUSHER_PORT=2047711\n",
        leaked: "2047711",
        with_valid: false,
    },
    Found {
        text: "PUSHER_CLUSTER=2047711\n",
        leaked: "2047711",
        with_valid: false,
    },
    Found {
        text: "VITE_PUSHER_SCHEME=2047711\n",
        leaked: "2047711",
        with_valid: false,
    },
    // The "names no cluster" message quoted the host whole.
    Found {
        text: "PUSHER_HOST=9f3c1a7e5b2d4f6a8c0e.pusher.com\n",
        leaked: "9f3c1a7e5b2d4f6a8c0e",
        with_valid: false,
    },
    Found {
        text: "PUSHER_HOST=2047711ws-eu.pusher.com\n",
        leaked: "2047711",
        with_valid: false,
    },
    // An AWS key id of letters only passes as a harmless word in a host.
    Found {
        text: "VITE_PUSHER_HOST=https://AKIAABCDEFGHIJKLMNOP.example.org\n",
        leaked: "AKIAABCDEFGHIJKLMNOP",
        with_valid: false,
    },
    // A reference's text, quoted whole in "is expanded from `${…}`".
    Found {
        text: "VITE_PUSHER_APP_KEY=\"${PUSHER_SECRET:-0a1b2c3d4e5f60718293}\"\n",
        leaked: "0a1b2c3d4e5f60718293",
        with_valid: false,
    },
    Found {
        text: "NEXT_PUBLIC_PUSHER_KEY=\"${PUSHER\nPUSHER_APP_CLUSTER=0a1b2c3d4e5f60718293\nX_SECRET}\"\n",
        leaked: "0a1b2c3d4e5f60718293",
        with_valid: false,
    },
    // The secret inside another setting, shown by the loaded config.
    Found {
        text: "PUSHER_HOST=0f1e2d3c4b5a69788796.example.org\n",
        leaked: "0f1e2d3c4b5a69788796",
        with_valid: true,
    },
    // A client config never reads the secret, so it takes it as a host or a self-hosted
    // cluster, and its `Debug` showed it.
    Found {
        text: "PUSHER_HOST=0f1e2d3c4b5a69788796\n",
        leaked: "0f1e2d3c4b5a69788796",
        with_valid: true,
    },
    Found {
        text: "PUSHER_APP_ID=2047711\nPUSHER_KEY=9c2e4f1a7b3d5e6f8a0b\n\
               PUSHER_SECRET=0f1e2d3c4b5a69788796\nPUSHER_HOST=soketi\n\
               PUSHER_CLUSTER=0f1e2d3c4b5a69788796\n",
        leaked: "0f1e2d3c4b5a69788796",
        with_valid: false,
    },
    // The secret inside a self-hosted app id (found by the `rules` fuzz target).
    Found {
        text: "PUSHER_APP_ID=app-0f1e2d3c4b5a69788796\nPUSHER_APP_KEY=app-key\n\
               PUSHER_APP_SECRET=0f1e2d3c4b5a69788796\nPUSHER_HOST=soketi\n",
        leaked: "0f1e2d3c4b5a69788796",
        with_valid: false,
    },
    // A token (here a JSON Web Token's header) taken as a self-hosted host.
    Found {
        text: "PUSHER_HOST=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9\n",
        leaked: "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9",
        with_valid: true,
    },
];

#[test]
fn counterexamples_found_stay_fixed() {
    clear_ambient_env();
    let scratch = Scratch::new("found");
    let mut failures = Vec::new();
    for found in FOUND {
        let planted = Planted {
            kind: if found.leaked.bytes().all(|b| b.is_ascii_digit()) {
                Kind::AppId
            } else {
                Kind::Foreign
            },
            value: found.leaked.to_owned(),
        };
        let text = if found.with_valid {
            format!("{}{VALID}", found.text)
        } else {
            found.text.to_owned()
        };
        let path = scratch.next_path();
        std::fs::write(&path, &text).expect("write the case");
        let shown = [
            match PusherConfig::from_env_file(&path) {
                Err(problems) => format!("{problems}\n{problems:?}"),
                Ok(config) => format!("{config:?}\n{config}"),
            },
            match PublicConfig::from_env_file(&path) {
                Err(problems) => format!("{problems}\n{problems:?}"),
                Ok(config) => format!("{config:?}\n{config}"),
            },
        ];
        for (loader, shown) in ["PusherConfig", "PublicConfig"].iter().zip(shown) {
            // A loaded server config may show its app id.
            let app_id_in_config = planted.kind == Kind::AppId && !shown.contains("error:");
            if shows(&shown, &planted) && !app_id_in_config {
                failures.push(format!(
                    "{loader}::from_env_file of {:?} shows `{}`:\n{shown}",
                    found.text, found.leaked
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases fail:\n\n{}",
        failures.len(),
        FOUND.len() * 2,
        failures.join("\n\n")
    );
}

// ---------------------------------------------------------------------------------------------
// The helpers themselves.
// ---------------------------------------------------------------------------------------------

#[test]
fn digit_runs_are_found_only_whole() {
    assert!(contains_digit_run("app 2047711 here", "2047711"));
    assert!(contains_digit_run("2047711", "2047711"));
    assert!(contains_digit_run("`2047711`", "2047711"));
    assert!(!contains_digit_run("12047711", "2047711"));
    assert!(!contains_digit_run("20477110", "2047711"));
    assert!(!contains_digit_run("(7 chars)", "2047711"));
    assert!(contains_digit_run("12047711 and 2047711", "2047711"));
}

#[test]
fn scratch_paths_have_no_digits() {
    assert_eq!(letters(0), "a");
    assert_eq!(letters(27), "bb");
    let scratch = Scratch::new("paths");
    let path = scratch.next_path().display().to_string();
    let name = path.rsplit('/').next().unwrap_or(&path);
    assert!(!name.bytes().any(|b| b.is_ascii_digit()), "{path}");
    let unique: HashSet<PathBuf> = (0..100).map(|_| scratch.next_path()).collect();
    assert_eq!(unique.len(), 100);
}
