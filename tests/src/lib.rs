//! Tests of the `pusher-config` workspace; see `tests/`. This library holds what the test
//! files share.

/// Removes every variable the loader may read from this process's environment, so that a
/// test (and the cargo and rustc it starts) depends on its fixtures alone, not on the machine
/// it runs on. A test that needs one (`PUSHER_CONFIG_MANIFEST_DIR`) sets it afterwards.
pub fn clear_ambient_loader_variables() {
    for name in pusher_config::names::in_process_env() {
        std::env::remove_var(name);
    }
}
