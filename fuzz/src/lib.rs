//! The fuzz harnesses of `pusher-config`'s run-time loading, shared by the libFuzzer targets
//! (`fuzz_targets/`, run with `cargo +nightly fuzz run env_file`) and the `replay` runner
//! (stable Rust, no libFuzzer).
//!
//! Each harness plants a made-up secret, [`SECRET`], in what it loads: the fuzzer's input
//! chooses the variable it goes into and how it is written, and every `@` of the input becomes
//! the secret too, so the fuzzer can put it anywhere (inside a host, quotes, a reference). The
//! harness panics, which the fuzzer reports as a crash, when loading panics, when an error's
//! `Display` or `Debug` shows the secret whole, or when a server config that loaded with it as
//! its secret shows it. A client config never reads the secret, so what it shows is left to
//! the property tests (`pusher-config-core/tests/properties.rs`).
#![forbid(unsafe_code)]

use std::path::PathBuf;
use std::sync::Once;

use pusher_config::rules::{self, Mode, Problems};
use pusher_config::source::Vars;
use pusher_config::{PublicConfig, PusherConfig};

/// The planted secret: 20 lowercase hex characters, the shape of a Pusher secret, made up.
pub const SECRET: &str = "5f0c3e9a1b7d2486ce1f";

/// The variables the secret may be planted in, chosen by the input's first byte.
const NAMES: [&str; 14] = [
    "PUSHER_SECRET",
    "PUSHER_APP_SECRET",
    "PUSHER_KEY",
    "PUSHER_APP_KEY",
    "PUSHER_APP_ID",
    "PUSHER_HOST",
    "PUSHER_CLUSTER",
    "PUSHER_PORT",
    "PUSHER_SCHEME",
    "NEXT_PUBLIC_PUSHER_KEY",
    "VITE_PUSHER_APP_KEY",
    "VITE_PUSHER_HOST",
    "NEXT_PUBLIC_PUSHER_SECRET",
    "UNRELATED",
];

/// How the planted value is written, chosen by the input's second byte.
fn planted_value(form: u8) -> String {
    match form % 8 {
        0 => SECRET.to_owned(),
        1 => format!("\"{SECRET}\""),
        2 => format!("'{SECRET}'"),
        3 => format!("{SECRET}.pusher.com"),
        4 => format!("api-{SECRET}.pusher.com"),
        5 => format!("https://{SECRET}.example.org:6001"),
        6 => format!("\" {SECRET}\""),
        _ => format!("{SECRET}  # a comment"),
    }
}

/// Whether the byte at `i` has a letter, digit or `_` beside it: a secret put there would
/// become part of a variable name (`${PUSH@R_KEY}`), and names are not secret, errors show
/// them.
fn touches_a_name(text: &[u8], i: usize) -> bool {
    let is_name = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_');
    is_name(i.checked_sub(1).and_then(|j| text.get(j))) || is_name(text.get(i + 1))
}

/// Replaces every `@` of `value` that touches no name character by the secret.
fn plant(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = String::with_capacity(value.len());
    for (i, c) in value.char_indices() {
        if c == '@' && !touches_a_name(bytes, i) {
            out.push_str(SECRET);
        } else {
            out.push(c);
        }
    }
    out
}

/// The `.env` text for a fuzzer's input: a line `NAME=<secret>` (name and form chosen by the
/// first two bytes; `export ` before it and its place before or after the rest chosen by the
/// third), then the rest of the input, every `@` of a value replaced by the secret (after a
/// line's first `=`, with no letter, digit or `_` beside it: the secret itself starts with a
/// digit, so it never forms a variable name, which errors may show).
pub fn env_text(data: &[u8]) -> Vec<u8> {
    let (head, body) = data.split_at(data.len().min(3));
    let byte = |i: usize| head.get(i).copied().unwrap_or(0);
    let name = NAMES[usize::from(byte(0)) % NAMES.len()];
    let export = if byte(2) & 1 == 1 { "export " } else { "" };
    let line = format!("{export}{name}={}\n", planted_value(byte(1)));
    let mut body_text = Vec::with_capacity(body.len());
    let mut in_value = false;
    for (i, &b) in body.iter().enumerate() {
        match b {
            b'@' if in_value && !touches_a_name(body, i) => {
                body_text.extend_from_slice(SECRET.as_bytes());
            }
            b'\n' => {
                in_value = false;
                body_text.push(b);
            }
            b'=' => {
                in_value = true;
                body_text.push(b);
            }
            _ => body_text.push(b),
        }
    }
    let mut text = Vec::with_capacity(line.len() + body_text.len() + 1);
    if byte(2) & 2 == 0 {
        text.extend_from_slice(line.as_bytes());
        text.extend_from_slice(&body_text);
    } else {
        text.extend_from_slice(&body_text);
        text.push(b'\n');
        text.extend_from_slice(line.as_bytes());
    }
    text
}

/// Removes the loaders' variables from this process's environment, once: what is loaded is
/// the input alone.
fn clear_ambient_env() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        for name in pusher_config::names::in_process_env() {
            std::env::remove_var(name);
        }
    });
}

/// This process's scratch `.env` file, rewritten for every input.
fn scratch_file() -> PathBuf {
    std::env::temp_dir().join(format!("pusher-config-fuzz-{}.env", std::process::id()))
}

/// Panics when an error shows the secret whole.
fn assert_error_hides_secret(what: &str, problems: &Problems) {
    for shown in [format!("{problems}"), format!("{problems:?}")] {
        assert!(
            !shown.contains(SECRET),
            "{what}: the error shows the planted secret:\n{shown}"
        );
    }
}

/// Panics when a server config whose secret is the planted one shows it.
fn assert_config_hides_secret(what: &str, config: &PusherConfig) {
    if config.secret().expose_secret() != SECRET {
        return;
    }
    for shown in [format!("{config:?}"), format!("{config}")] {
        assert!(
            !shown.contains(SECRET),
            "{what}: the loaded config shows its secret:\n{shown}"
        );
    }
}

/// The `env_file` harness: the input as a `.env` file (see [`env_text`]), loaded by
/// `PusherConfig::from_env_file` and `PublicConfig::from_env_file`.
pub fn env_file(data: &[u8]) {
    clear_ambient_env();
    let path = scratch_file();
    std::fs::write(&path, env_text(data)).expect("write the scratch `.env`");
    let server = PusherConfig::from_env_file(&path);
    let public = PublicConfig::from_env_file(&path);
    // Removed before any assertion can panic: libFuzzer exits without unwinding.
    std::fs::remove_file(&path).ok();
    match server {
        Err(problems) => assert_error_hides_secret("PusherConfig::from_env_file", &problems),
        Ok(config) => assert_config_hides_secret("PusherConfig::from_env_file", &config),
    }
    if let Err(problems) = public {
        assert_error_hides_secret("PublicConfig::from_env_file", &problems);
    }
}

/// The variables for a fuzzer's input: `PUSHER_SECRET=<secret>`, then one pair per line of the
/// input (split at its first `=`; lines without one are skipped), the input read as UTF-8
/// (lossily) with every `@` of a value replaced by the secret (as in [`env_text`]). Later pairs
/// replace earlier ones.
pub fn pairs(data: &[u8]) -> Vec<(String, String)> {
    let text = String::from_utf8_lossy(data);
    let mut pairs = vec![("PUSHER_SECRET".to_owned(), SECRET.to_owned())];
    pairs.extend(
        text.split('\n')
            .filter_map(|line| line.split_once('='))
            .map(|(name, value)| (name.to_owned(), plant(value))),
    );
    pairs
}

/// The `rules` harness: the input as variables (see [`pairs`]), checked by `rules::check` in
/// both modes and loaded by `PusherConfig::from_vars` and `PublicConfig::from_vars`.
pub fn rules(data: &[u8]) {
    let vars = Vars::from_pairs(pairs(data));
    for mode in [Mode::Server, Mode::Client] {
        match rules::check(&vars, mode) {
            Err(problems) => {
                assert_error_hides_secret(&format!("rules::check {mode:?}"), &problems)
            }
            Ok(checked)
                if checked
                    .server()
                    .is_some_and(|c| c.secret().expose_secret() == SECRET) =>
            {
                let shown = format!("{checked:?}");
                assert!(
                    !shown.contains(SECRET),
                    "rules::check: the checked values show their secret:\n{shown}"
                );
            }
            Ok(_) => {}
        }
    }
    match PusherConfig::from_vars(&vars) {
        Err(problems) => assert_error_hides_secret("PusherConfig::from_vars", &problems),
        Ok(config) => assert_config_hides_secret("PusherConfig::from_vars", &config),
    }
    if let Err(problems) = PublicConfig::from_vars(&vars) {
        assert_error_hides_secret("PublicConfig::from_vars", &problems);
    }
}
