//! Phase 4, on errors: the errors, then a value of the type the call expands to, so the user's
//! code that uses it adds no errors of its own (thiserror's `fallback`).

use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned};

use pusher_config::rules::Mode;

/// One `compile_error!` per message at the macro call, then an empty value of `mode`'s type.
pub(crate) fn fallback(mode: Mode, messages: &[String]) -> TokenStream {
    let errors = messages
        .iter()
        .map(|message| quote_spanned!(Span::call_site()=> ::core::compile_error!(#message);));
    let public = quote! {
        ::pusher_config::PublicConfig::__from_parts(
            ::pusher_config::Key::from_static(""),
            ::pusher_config::Cluster::from_static(::pusher_config::DEFAULT_CLUSTER),
            ::core::option::Option::None,
            ::core::option::Option::None,
            ::core::option::Option::None,
        )
    };
    let value = match mode {
        Mode::Client => public,
        Mode::Server => quote! {
            ::pusher_config::PusherConfig::__from_parts(
                ::pusher_config::AppId::from_static(""),
                ::pusher_config::Secret::from_static(""),
                #public,
            )
        },
    };
    quote!({ #(#errors)* #value })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fallback_has_the_type_of_the_mode_and_every_error() {
        let messages = ["one".to_owned(), "two".to_owned()];
        let server = fallback(Mode::Server, &messages).to_string();
        assert!(server.contains("PusherConfig :: __from_parts"), "{server}");
        assert_eq!(server.matches("compile_error").count(), 2, "{server}");
        let client = fallback(Mode::Client, &messages).to_string();
        assert!(client.contains("PublicConfig :: __from_parts"), "{client}");
        assert!(!client.contains("PusherConfig"), "{client}");
    }
}
