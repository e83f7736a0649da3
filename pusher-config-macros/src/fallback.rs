//! Phase 4, on errors: the errors, then a value of the type the call expands to, so the user's
//! code that uses it adds no errors of its own (thiserror's `fallback`).

use proc_macro2::Literal;

use pusher_config_core::rules::Mode;

use crate::expand::{public_config_code, pusher_config_code};

/// The code of a block: one `compile_error!` per message, at the macro call, then an empty value
/// of `mode`'s type (of the runtime crate at `krate`).
pub(crate) fn fallback(krate: &str, mode: Mode, messages: &[String]) -> String {
    let mut code = String::from("{");
    for message in messages {
        code += &format!("::core::compile_error!({});", Literal::string(message));
    }
    let cluster = format!("{krate}::DEFAULT_CLUSTER");
    let public = public_config_code(krate, r#""""#, &cluster, [None, None, None]);
    code += &match mode {
        Mode::Client => public,
        Mode::Server => pusher_config_code(krate, r#""""#, r#""""#, &public),
    };
    code + "}"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fallback_has_the_type_of_the_mode_and_every_error() {
        let messages = ["one".to_owned(), "two".to_owned()];
        let server =
            crate::expand::rust(&fallback("::pusher_config", Mode::Server, &messages)).to_string();
        assert!(server.contains("PusherConfig :: __from_parts"), "{server}");
        assert_eq!(server.matches("compile_error").count(), 2, "{server}");
        let client =
            crate::expand::rust(&fallback("::pusher_config", Mode::Client, &messages)).to_string();
        assert!(client.contains("PublicConfig :: __from_parts"), "{client}");
        assert!(!client.contains("PusherConfig"), "{client}");
    }
}
