//! Phase 1: the macro's arguments, `client` and `env_file = "…"`.

use syn::parse::{Parse, ParseStream};
use syn::{Ident, LitStr, Token};

use pusher_config::rules::Mode;

/// What the caller asked for.
#[derive(Default)]
pub(crate) struct Args {
    /// `client`: build the public part only.
    pub(crate) client: bool,
    /// `env_file = "…"`: read this file instead of searching for `.env`.
    pub(crate) env_file: Option<LitStr>,
}

impl Args {
    /// What the call builds.
    pub(crate) fn mode(&self) -> Mode {
        if self.client {
            Mode::Client
        } else {
            Mode::Server
        }
    }
}

const EXPECTED: &str = "expected `env_file = \"path\"` or `client`";

impl Parse for Args {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let mut args = Args::default();
        while !input.is_empty() {
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

#[cfg(test)]
mod tests {
    use super::*;
    use quote::quote;

    fn parse(tokens: proc_macro2::TokenStream) -> syn::Result<Args> {
        syn::parse2(tokens)
    }

    #[test]
    fn accepts_nothing_client_and_env_file() {
        let args = parse(quote!()).expect("empty");
        assert!(!args.client && args.env_file.is_none());
        let args = parse(quote!(client, env_file = "a.env",)).expect("both");
        assert!(args.client);
        assert_eq!(
            args.env_file.map(|lit| lit.value()).as_deref(),
            Some("a.env")
        );
    }

    #[test]
    fn rejects_unknown_and_repeated_arguments() {
        let err = parse(quote!(env = "a.env")).err().expect("unknown");
        assert_eq!(
            err.to_string(),
            format!("unknown argument `env`; {EXPECTED}")
        );
        let err = parse(quote!(client, client)).err().expect("twice");
        assert_eq!(err.to_string(), "`client` is given twice");
        let err = parse(quote!(env_file = "a.env", env_file = "b.env"))
            .err()
            .expect("twice");
        assert_eq!(err.to_string(), "`env_file` is given twice");
        let err = parse(quote!("a.env")).err().expect("a bare path");
        assert_eq!(err.to_string(), format!("unexpected argument; {EXPECTED}"));
        let err = parse(quote!(env_file = 3)).err().expect("a number");
        assert_eq!(err.to_string(), "expected string literal");
    }
}
