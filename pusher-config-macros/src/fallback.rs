//! Phase 4, on errors: the errors, then a value of the type the call expands to, so the user's
//! code that uses it adds no errors of its own (thiserror's `fallback`).

use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned};

use pusher_config_core::rules::Mode;

/// One `compile_error!` per message at the macro call, then an empty value of `mode`'s type
/// (of the runtime crate at `krate`).
pub(crate) fn fallback(krate: &TokenStream, mode: Mode, messages: &[String]) -> TokenStream {
    let errors = messages
        .iter()
        .map(|message| quote_spanned!(Span::call_site()=> ::core::compile_error!(#message);));
    let public = quote! {
        #krate::PublicConfig::__from_parts(
            #krate::Key::from_static(""),
            #krate::Cluster::from_static(#krate::DEFAULT_CLUSTER),
            ::core::option::Option::None,
            ::core::option::Option::None,
            ::core::option::Option::None,
        )
    };
    let value = match mode {
        Mode::Client => public,
        Mode::Server => quote! {
            #krate::PusherConfig::__from_parts(
                #krate::AppId::from_static(""),
                #krate::Secret::from_static(""),
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
        let server = fallback(&quote::quote!(::pusher_config), Mode::Server, &messages).to_string();
        assert!(server.contains("PusherConfig :: __from_parts"), "{server}");
        assert_eq!(server.matches("compile_error").count(), 2, "{server}");
        let client = fallback(&quote::quote!(::pusher_config), Mode::Client, &messages).to_string();
        assert!(client.contains("PublicConfig :: __from_parts"), "{client}");
        assert!(!client.contains("PusherConfig"), "{client}");
    }
}
