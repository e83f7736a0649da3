//! Fuzz target: the input is `NAME=value` lines (with a made-up secret planted in them, see
//! `pusher_config_fuzz::rules`), checked by `rules::check` in both modes and loaded by
//! `PusherConfig::from_vars` and `PublicConfig::from_vars`. No panic, and no error ever shows
//! the secret.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    pusher_config_fuzz::rules(data);
});
