//! Phase 1: the macro's arguments, `client` and `env_file = "…"`.

use proc_macro2::{TokenStream, TokenTree};
use syn::parse::{Parse, ParseStream};
use syn::{Ident, LitStr, Token};

use pusher_config_core::rules::Mode;

/// What the caller asked for.
#[derive(Default)]
pub(crate) struct Args {
    /// `client`: build the public part only.
    pub(crate) client: bool,
    /// `env_file = "…"`: read this file instead of searching for `.env`.
    pub(crate) env_file: Option<LitStr>,
    /// `crate = "…"`: the path of the `pusher-config` crate, for a renamed dependency
    /// (`pc = { package = "pusher-config" }` takes `crate = "pc"`), as serde's `crate`.
    pub(crate) krate: Option<String>,
}

impl Args {
    /// The path the expansion names the runtime crate's items by: `::pusher_config` unless
    /// `crate` says otherwise.
    pub(crate) fn krate(&self) -> &str {
        self.krate.as_deref().unwrap_or("::pusher_config")
    }

    /// What the call builds.
    pub(crate) fn mode(&self) -> Mode {
        if self.client {
            Mode::Client
        } else {
            Mode::Server
        }
    }
}

const EXPECTED: &str = "expected `env_file = \"path\"`, `client` or `crate = \"path\"`";

impl Parse for Args {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let mut args = Args::default();
        while !input.is_empty() {
            if input.peek(Token![crate]) {
                let keyword = input.parse::<Token![crate]>()?;
                if args.krate.is_some() {
                    return Err(syn::Error::new(keyword.span, "`crate` is given twice"));
                }
                input.parse::<Token![=]>()?;
                let lit: LitStr = input.parse()?;
                args.krate = Some(crate_path(&lit)?);
                if !input.is_empty() {
                    input.parse::<Token![,]>()?;
                }
                continue;
            }
            let lookahead = input.lookahead1();
            if !lookahead.peek(Ident) {
                return Err(input.error(format!("unexpected argument; {EXPECTED}")));
            }
            let name: Ident = input.parse()?;
            match name.to_string().as_str() {
                "client" if args.client => {
                    return Err(syn::Error::new(name.span(), "`client` is given twice"));
                }
                "client" => args.client = true,
                "env_file" if args.env_file.is_some() => {
                    return Err(syn::Error::new(name.span(), "`env_file` is given twice"));
                }
                "env_file" => {
                    input.parse::<Token![=]>()?;
                    args.env_file = Some(input.parse()?);
                }
                other => {
                    return Err(syn::Error::new(
                        name.span(),
                        format!("unknown argument `{other}`; {EXPECTED}"),
                    ));
                }
            }
            if !input.is_empty() {
                input.parse::<Token![,]>()?;
            }
        }
        Ok(args)
    }
}

/// The path in `crate = "…"`: `pc`, `::pc` or `my::pc`, nothing else, as the expansion writes it.
fn crate_path(lit: &LitStr) -> syn::Result<String> {
    let tokens: TokenStream = lit.parse()?;
    // The tokens' text, not the literal's: a comment in it would reach the expansion.
    let text = tokens.to_string();
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    let colons_at = |i: usize| {
        matches!(
            (trees.get(i), trees.get(i + 1)),
            (Some(TokenTree::Punct(a)), Some(TokenTree::Punct(b))) if a.as_char() == ':' && b.as_char() == ':'
        )
    };
    // `::`? then words joined by `::`.
    let mut at = if colons_at(0) { 2 } else { 0 };
    let is_path = loop {
        if !matches!(trees.get(at), Some(TokenTree::Ident(_))) {
            break false;
        }
        at += 1;
        if at == trees.len() {
            break true;
        }
        if !colons_at(at) {
            break false;
        }
        at += 2;
    };
    if is_path {
        return Ok(text);
    }
    let message = format!(
        "`{}` is not a path; `crate` names the `pusher-config` crate, as in `crate = \"pc\"`",
        lit.value()
    );
    Err(syn::Error::new(lit.span(), message))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(code: &str) -> syn::Result<Args> {
        syn::parse2(code.parse().expect("tokens"))
    }

    #[test]
    fn accepts_nothing_client_and_env_file() {
        let args = parse("").expect("empty");
        assert!(!args.client && args.env_file.is_none());
        let args = parse(r#"client, env_file = "a.env","#).expect("both");
        assert!(args.client);
        assert_eq!(
            args.env_file.map(|lit| lit.value()).as_deref(),
            Some("a.env")
        );
    }

    #[test]
    fn crate_names_the_runtime_crate() {
        let args = parse("").expect("empty");
        assert_eq!(args.krate(), "::pusher_config");
        let args = parse(r#"crate = "pc", client"#).expect("renamed");
        assert_eq!(args.krate(), "pc");
        assert!(args.client);
        let args = parse(r#"crate = "::my::pc""#).expect("a path");
        assert_eq!(args.krate(), ":: my :: pc");
        // A comment in the literal never reaches the expansion, where it would hide code.
        let args = parse(r#"crate = "pc // a comment""#).expect("a path");
        assert_eq!(args.krate(), "pc");
        for bad in ["not a path", "pc::", "", "::"] {
            assert!(parse(&format!("crate = {bad:?}")).is_err(), "{bad}");
        }
        let err = parse(r#"crate = "a-b""#).err().expect("not a path");
        assert_eq!(
            err.to_string(),
            "`a-b` is not a path; `crate` names the `pusher-config` crate, as in `crate = \"pc\"`"
        );
    }

    #[test]
    fn rejects_unknown_and_repeated_arguments() {
        let err = parse(r#"env = "a.env""#).err().expect("unknown");
        assert_eq!(
            err.to_string(),
            format!("unknown argument `env`; {EXPECTED}")
        );
        let err = parse("client, client").err().expect("twice");
        assert_eq!(err.to_string(), "`client` is given twice");
        let err = parse(r#"env_file = "a.env", env_file = "b.env""#)
            .err()
            .expect("twice");
        assert_eq!(err.to_string(), "`env_file` is given twice");
        let err = parse(r#""a.env""#).err().expect("a bare path");
        assert_eq!(err.to_string(), format!("unexpected argument; {EXPECTED}"));
        let err = parse(r#"crate = "pc", crate = "pc""#).err().expect("twice");
        assert_eq!(err.to_string(), "`crate` is given twice");
        let err = parse("env_file = 3").err().expect("a number");
        assert_eq!(err.to_string(), "expected string literal");
    }
}
