//! Tests of the `pusher-config` workspace; see `tests/`. This library holds what the test
//! files share.

/// Removes every `PUSHER*` variable from this process's environment, so that a test (and the
/// cargo and rustc it starts) depends on its fixtures alone, not on the machine it runs on.
pub fn clear_ambient_pusher_variables() {
    for (name, _) in std::env::vars_os() {
        if is_pusher_name(&name) {
            std::env::remove_var(name);
        }
    }
}

/// Whether an environment variable's name is one `pusher_config!()` may read.
pub fn is_pusher_name(name: &std::ffi::OsStr) -> bool {
    name.to_string_lossy()
        .to_ascii_uppercase()
        .contains("PUSHER")
}
