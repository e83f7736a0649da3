//! Fuzz target: the input is a `.env` file (with a made-up secret planted in it, see
//! `pusher_config_fuzz::env_file`), loaded by `PusherConfig::from_env_file` and
//! `PublicConfig::from_env_file`. No panic, and no error ever shows the secret.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    pusher_config_fuzz::env_file(data);
});
