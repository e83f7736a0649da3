//! trybuild UI tests: what users see from `pusher_config!()`.
//!
//! Each case names its fixture with `env_file`, relative to this crate. trybuild builds the
//! cases in a folder of its own, so `PUSHER_CONFIG_MANIFEST_DIR` points the macro back here, and
//! ambient `PUSHER*` variables are cleared so a case depends on its fixture alone.
//! Regenerate `.stderr` files with `TRYBUILD=overwrite`, then read the diff.

#[test]
fn ui() {
    for (name, _) in std::env::vars_os() {
        if name
            .to_string_lossy()
            .to_ascii_uppercase()
            .contains("PUSHER")
        {
            std::env::remove_var(name);
        }
    }
    std::env::set_var("PUSHER_CONFIG_MANIFEST_DIR", env!("CARGO_MANIFEST_DIR"));
    let cases = trybuild::TestCases::new();
    cases.pass("tests/ui/pass/*.rs");
    cases.compile_fail("tests/ui/fail/*.rs");
}
