//! Tests of the `pusher-config` workspace; see `tests/`. This library holds what the test
//! files share.

use std::ffi::OsString;

/// The names of this process's environment that the loader may read
/// ([`pusher_config::names::is_read_by_loader`]): `PUSHER*`, `REVERB_*` and public-prefixed
/// ones (`VITE_REVERB_APP_SECRET`, `NEXT_PUBLIC_…`). A name that is not UTF-8 counts, to be
/// safe.
pub fn ambient_loader_variables() -> Vec<OsString> {
    std::env::vars_os()
        .map(|(name, _)| name)
        .filter(|name| {
            name.to_str()
                .is_none_or(pusher_config::names::is_read_by_loader)
        })
        .collect()
}

/// Removes every variable the loader may read from this process's environment, so that a
/// test (and the cargo and rustc it starts) depends on its fixtures alone, not on the machine
/// it runs on. A test that needs one (`PUSHER_CONFIG_MANIFEST_DIR`) sets it afterwards.
pub fn clear_ambient_loader_variables() {
    for name in ambient_loader_variables() {
        std::env::remove_var(name);
    }
}
