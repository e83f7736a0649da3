//! Phase 4: the expansion. A constant expression of the runtime crate's type, preceded by the
//! reads that make cargo rebuild when a source changes; on errors, the [`fallback`].

use proc_macro2::{Delimiter, Group, Literal, Span, TokenStream, TokenTree};

use pusher_config_core::rules::Checked;
use pusher_config_core::source::{Origin, CHECKS_ENV_FILE};
use pusher_config_core::{PublicConfig, Scheme};

use crate::args::Args;
use crate::check::check;
use crate::fallback::fallback;
use crate::load::{self, Loaded};

/// The whole macro: arguments, sources, rules, expansion.
pub(crate) fn pusher_config(input: TokenStream) -> TokenStream {
    let args: Args = match syn::parse2(input) {
        Ok(args) => args,
        Err(err) => return err.into_compile_error(),
    };
    let krate = args.krate();
    let loaded = match load::load(&args) {
        Ok(loaded) => loaded,
        Err(err) => {
            // The error keeps its span (the `env_file` literal), so it is joined as tokens.
            let mut tokens = err.into_compile_error();
            tokens.extend(rust(&fallback(krate, args.mode(), &[])));
            return TokenTree::Group(Group::new(Delimiter::Brace, tokens)).into();
        }
    };
    match check(&loaded) {
        Ok(checked) => rust(&format!(
            "{{ {} {} {} }}",
            tracking(&loaded),
            release_guard(&loaded),
            value(krate, &checked)
        )),
        // No tracking: cargo never keeps a failed build, so the next build expands again
        // anyway, and tracking would have rustc record the values that failed (a secret in a
        // public variable, another service's credential) in `target/`.
        Err(messages) => rust(&fallback(krate, loaded.mode, &messages)),
    }
}

/// `code`, the expansion's Rust code written as text, as tokens. Every value in it is a literal
/// rendered by [`Literal`], which escapes it; `krate` is a path the arguments checked.
///
/// Text rather than `quote!`: `quote` (a build script and a library) would be compiled before the
/// macro on every clean build of an app that has no other derive, for these few templates; the
/// README's "Build cost" has the measurement.
pub(crate) fn rust(code: &str) -> TokenStream {
    code.parse().unwrap_or_else(|_| {
        // Only a mistake in a template of this crate gets here. The lexer's error is left out:
        // the code holds the secret.
        syn::Error::new(
            Span::call_site(),
            "`pusher_config!()` wrote code that does not parse; this is a bug in pusher-config",
        )
        .into_compile_error()
    })
}

/// `option_env!` of every variable the result depends on and `include_str!` of every file read
/// (a link and its target): rustc records both in its dep-info, so cargo re-expands the macro
/// when a variable or a `.env` file changes.
fn tracking(loaded: &Loaded) -> String {
    let mut code = String::from("const _: () = {");
    for name in loaded.sources.tracked.iter() {
        code += &format!("let _ = ::core::option_env!({});", Literal::string(name));
    }
    code += "};";
    let stamp = loaded
        .sources
        .through_link
        .then(load::always_newer_stamp)
        .flatten();
    // A file's text reaches rustc only as an attribute of an empty module: rustc then records
    // the path in dep-info, but the text is never a value, so no copy of a secret lands in the
    // incremental cache (as a byte literal from `include_bytes!` does).
    for file in loaded.sources.files.iter().chain(&stamp) {
        if let Some(file) = file.to_str() {
            code += &format!(
                "const _: () = {{ #[doc = ::core::include_str!({})] mod env_file {{}} }};",
                Literal::string(file)
            );
        }
    }
    code
}

/// For a configuration read from the file `PUSHER_CONFIG_ENV_FILE` names (made-up values for
/// CI, forks and editors): an error in release builds, so those values never ship.
fn release_guard(loaded: &Loaded) -> String {
    let Some(shown) = &loaded.sources.checks_file else {
        return String::new();
    };
    let from_checks_file = loaded
        .sources
        .vars
        .iter()
        .any(|(_, var)| matches!(&var.origin, Origin::EnvFile { path, .. } if path == shown));
    if !from_checks_file {
        return String::new();
    }
    let message = format!(
        "`{CHECKS_ENV_FILE}` is set to `{shown}`, whose made-up values are for checks and tests, not for a release build; unset it and set the real Pusher settings"
    );
    format!(
        "#[cfg(not(debug_assertions))] ::core::compile_error!({});",
        Literal::string(&message)
    )
}

/// The constant: the checked configuration, as a `PusherConfig` or a `PublicConfig` of the
/// runtime crate at `krate`. An encryption master key is set with the `const fn`
/// `with_encryption_master_key`, so the expansion stays a constant.
fn value(krate: &str, checked: &Checked) -> String {
    let public = public_value(krate, checked.public());
    let Some(server) = checked.server() else {
        return public;
    };
    let mut code = pusher_config_code(
        krate,
        &Literal::string(server.app_id().as_str()).to_string(),
        &Literal::string(server.secret().expose_secret()).to_string(),
        &public,
    );
    if let Some(key) = server.encryption_master_key() {
        code += &format!(".with_encryption_master_key({krate}::EncryptionMasterKey::from_bytes([");
        for byte in key.expose_secret() {
            code += &format!("{},", Literal::u8_suffixed(*byte));
        }
        code += "]))";
    }
    code
}

fn public_value(krate: &str, public: &PublicConfig) -> String {
    let host = public.host().map(|host| {
        format!(
            "{krate}::Host::from_static({})",
            Literal::string(host.as_str())
        )
    });
    let port = public
        .port()
        .map(|port| Literal::u16_suffixed(port).to_string());
    let scheme = public.scheme_is_set().then(|| match public.scheme() {
        Scheme::Http => format!("{krate}::Scheme::Http"),
        Scheme::Https => format!("{krate}::Scheme::Https"),
    });
    let key = Literal::string(public.key().as_str()).to_string();
    let cluster = Literal::string(public.cluster().as_str()).to_string();
    public_config_code(krate, &key, &cluster, [host, port, scheme])
}

/// The code of a `PusherConfig` from the code of its app id and secret (`&'static str`s) and
/// of its public part: the one template of the value and of the [`fallback`].
pub(crate) fn pusher_config_code(krate: &str, app_id: &str, secret: &str, public: &str) -> String {
    format!(
        r#"
        {krate}::PusherConfig::__from_parts(
            {krate}::AppId::from_static({app_id}),
            {krate}::Secret::from_static({secret}),
            {public},
        )"#
    )
}

/// The code of a `PublicConfig` from the code of its key and cluster (`&'static str`s) and of
/// its host, port and scheme, if set.
pub(crate) fn public_config_code(
    krate: &str,
    key: &str,
    cluster: &str,
    [host, port, scheme]: [Option<String>; 3],
) -> String {
    format!(
        r#"
        {krate}::PublicConfig::__from_parts(
            {krate}::Key::from_static({key}),
            {krate}::Cluster::from_static({cluster}),
            {host},
            {port},
            {scheme},
        )"#,
        host = option(host),
        port = option(port),
        scheme = option(scheme),
    )
}

/// The code of an `Option` holding `code`, if any.
fn option(code: Option<String>) -> String {
    match code {
        Some(code) => format!("::core::option::Option::Some({code})"),
        None => "::core::option::Option::None".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use pusher_config_core::rules::Mode;

    use super::*;

    fn tokens(code: &str) -> TokenStream {
        code.parse().expect("tokens")
    }

    fn loaded(mode: Mode) -> Loaded {
        let mut sources = pusher_config_core::source::Loaded {
            files: vec![PathBuf::from("/work/app/.env")],
            ..Default::default()
        };
        for name in ["PUSHER_KEY", "PUSHER_CLUSTER"] {
            sources.tracked.insert(name.to_owned());
        }
        Loaded { mode, sources }
    }

    fn checked(mode: Mode) -> Checked {
        let vars = pusher_config_core::source::Vars::from_pairs([
            ("PUSHER_APP_ID", "2047711"),
            ("PUSHER_KEY", "9c2e4b7a1f08d3e65b4a"),
            ("PUSHER_SECRET", "3f7d0a9e6c1b8e2d4a57"),
            ("PUSHER_CLUSTER", "eu"),
        ]);
        pusher_config_core::rules::check(&vars, mode).expect("a valid configuration")
    }

    #[test]
    fn tracking_reads_every_variable_and_file() {
        let tokens = rust(&tracking(&loaded(Mode::Server))).to_string();
        assert!(
            tokens.contains(r#"option_env ! ("PUSHER_KEY")"#),
            "{tokens}"
        );
        assert!(
            tokens.contains(r#"option_env ! ("PUSHER_CLUSTER")"#),
            "{tokens}"
        );
        assert!(
            tokens.contains(r#"include_str ! ("/work/app/.env")"#),
            "{tokens}"
        );
        // The file's text is an attribute, never a value in the program.
        assert!(!tokens.contains("include_bytes"), "{tokens}");
    }

    /// The whole macro on a `.env` file written for the test (an absolute `env_file`).
    fn expand_file(tag: &str, text: &str, client: bool) -> String {
        let dir = std::env::temp_dir().join(format!("pc-expand-{tag}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let file = dir.join(".env");
        std::fs::write(&file, text).expect("write");
        let path = file.to_str().expect("a UTF-8 path");
        let tokens = if client {
            pusher_config(tokens(&format!(
                "client, env_file = {}",
                Literal::string(path)
            )))
        } else {
            pusher_config(tokens(&format!("env_file = {}", Literal::string(path))))
        };
        std::fs::remove_dir_all(&dir).ok();
        tokens.to_string()
    }

    const VALID: &str = "REGION_FOR_EXPAND_TEST=ap3\nPUSHER_APP_ID=2047711\nPUSHER_KEY=9c2e4b7a1f08d3e65b4a\nPUSHER_SECRET=3f7d0a9e6c1b8e2d4a57\nPUSHER_CLUSTER=${REGION_FOR_EXPAND_TEST}\n";

    #[test]
    fn a_good_config_expands_to_its_value_and_tracks_its_sources() {
        let tokens = expand_file("good", VALID, false);
        assert!(
            tokens.contains(r#"Cluster :: from_static ("ap3")"#),
            "{tokens}"
        );
        assert!(
            tokens.contains(r#"option_env ! ("REGION_FOR_EXPAND_TEST")"#),
            "{tokens}"
        );
        assert!(
            tokens.contains(r#"option_env ! ("PUSHER_SECRET")"#),
            "{tokens}"
        );
        assert!(tokens.contains("include_str !"), "{tokens}");
        assert!(!tokens.contains("compile_error"), "{tokens}");
    }

    #[test]
    fn a_failed_expansion_reports_every_problem_and_tracks_nothing() {
        let text = VALID.replace(
            "PUSHER_KEY=9c2e4b7a1f08d3e65b4a",
            "PUSHER_KEY=ghp_7Rk2mQ9xL4vB7nR1tY6wE3sA0dZ5cH2jU8pO",
        ) + "NEXT_PUBLIC_PUSHER_SECRET=3f7d0a9e6c1b8e2d4a57\n";
        let tokens = expand_file("bad", &text, false);
        assert_eq!(tokens.matches("compile_error").count(), 2, "{tokens}");
        assert!(tokens.contains("a GitHub token"), "{tokens}");
        // Nothing is tracked, so rustc records none of the values that failed.
        assert!(
            !tokens.contains("option_env") && !tokens.contains("include_str"),
            "{tokens}"
        );
        assert!(
            !tokens.contains("ghp_7Rk2mQ9xL4vB7nR1tY6wE3sA0dZ5cH2jU8pO"),
            "{tokens}"
        );
        // The fallback keeps the type, so the user sees these errors and no others.
        assert!(tokens.contains("PusherConfig :: __from_parts"), "{tokens}");
    }

    #[test]
    fn a_client_expansion_holds_no_secret_even_when_tracking() {
        let tokens = expand_file("client", VALID, true);
        assert!(tokens.contains("PublicConfig :: __from_parts"), "{tokens}");
        assert!(
            tokens.contains(r#"option_env ! ("REGION_FOR_EXPAND_TEST")"#),
            "{tokens}"
        );
        assert!(!tokens.contains("compile_error"), "{tokens}");
        assert!(
            !tokens.contains("3f7d0a9e6c1b8e2d4a57") && !tokens.contains("2047711"),
            "{tokens}"
        );
        assert!(
            !tokens.contains(r#"option_env ! ("PUSHER_SECRET")"#),
            "{tokens}"
        );
    }

    #[test]
    fn server_value_is_a_pusher_config_constant_of_the_named_crate() {
        for krate in [":: pusher_config", ":: my :: pc"] {
            let tokens = rust(&value(krate, &checked(Mode::Server))).to_string();
            let config = format!("{krate} :: PusherConfig :: __from_parts");
            assert!(tokens.starts_with(&config), "{tokens}");
            // Every path names the crate: the config, app id, secret, public part, key, cluster.
            assert_eq!(
                tokens.matches(&format!("{krate} ::")).count(),
                6,
                "{tokens}"
            );
            let secret = r#"Secret :: from_static ("3f7d0a9e6c1b8e2d4a57")"#;
            assert!(tokens.contains(secret), "{tokens}");
        }
    }

    #[test]
    fn a_master_key_is_baked_into_the_constant_of_a_server_only() {
        let text = format!(
            "{VALID}PUSHER_ENCRYPTION_MASTER_KEY_BASE64=bfJ8MRJ7VV3j6vBhCfmPBBRQJ1gqxvA8zbF0Rl+YjP0=\n"
        );
        let tokens = expand_file("master-key", &text, false);
        assert!(
            tokens.contains(
                ". with_encryption_master_key (:: pusher_config :: EncryptionMasterKey :: from_bytes ([109u8 , 242u8 , 124u8 ,"
            ),
            "{tokens}"
        );
        assert!(
            tokens.contains(r#"option_env ! ("PUSHER_ENCRYPTION_MASTER_KEY_BASE64")"#),
            "{tokens}"
        );
        let client = expand_file("master-key-client", &text, true);
        assert!(!client.contains("EncryptionMasterKey"), "{client}");
        assert!(
            !client.contains(r#"option_env ! ("PUSHER_ENCRYPTION_MASTER_KEY_BASE64")"#),
            "{client}"
        );
        // Without one, the expansion is as before.
        let none = expand_file("no-master-key", VALID, false);
        assert!(!none.contains("with_encryption_master_key"), "{none}");
    }

    /// A self-hosted server takes any app id, key and secret without whitespace: the values
    /// reach the constant exactly, whatever Rust's string syntax or `format!` makes of them.
    #[test]
    fn self_hosted_values_with_braces_backslashes_and_non_ascii_reach_the_constant_whole() {
        let (app_id, key, secret) = (r"app{0}", r"k\ey\n{}", "s\u{e9}cr\u{20ac}t}}");
        let vars = pusher_config_core::source::Vars::from_pairs([
            ("PUSHER_HOST", "ws.example.test"),
            ("PUSHER_APP_ID", app_id),
            ("PUSHER_KEY", key),
            ("PUSHER_SECRET", secret),
        ]);
        let checked = pusher_config_core::rules::check(&vars, Mode::Server)
            .unwrap_or_else(|problems| panic!("{problems:?}"));
        let tokens = rust(&value("::pusher_config", &checked));
        let mut strings = Vec::new();
        collect_strings(tokens, &mut strings);
        for expected in [app_id, key, secret, "ws.example.test"] {
            assert!(
                strings.iter().any(|s| s == expected),
                "{expected}: {strings:?}"
            );
        }
    }

    fn collect_strings(tokens: TokenStream, out: &mut Vec<String>) {
        for tree in tokens {
            match tree {
                TokenTree::Group(group) => collect_strings(group.stream(), out),
                TokenTree::Literal(literal) => {
                    if let Ok(lit) = syn::parse_str::<syn::LitStr>(&literal.to_string()) {
                        out.push(lit.value());
                    }
                }
                _ => {}
            }
        }
    }

    #[test]
    fn code_that_does_not_parse_is_a_compile_error_without_the_code() {
        let tokens = rust(r#"{ "3f7d0a9e6c1b8e2d4a57" "#).to_string();
        assert!(tokens.contains("compile_error"), "{tokens}");
        assert!(
            tokens.contains("this is a bug in pusher-config"),
            "{tokens}"
        );
        assert!(!tokens.contains("3f7d0a9e6c1b8e2d4a57"), "{tokens}");
    }

    #[test]
    fn client_value_holds_no_app_id_or_secret() {
        let tokens = rust(&value("::pusher_config", &checked(Mode::Client))).to_string();
        assert!(
            tokens.starts_with(":: pusher_config :: PublicConfig :: __from_parts"),
            "{tokens}"
        );
        assert!(
            !tokens.contains("3f7d0a9e6c1b8e2d4a57") && !tokens.contains("2047711"),
            "{tokens}"
        );
    }
}
