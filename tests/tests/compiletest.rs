//! trybuild UI tests: what users see from `pusher_config!()`.
//!
//! Each case names its fixture with `env_file`, relative to this crate. trybuild builds the
//! cases in a folder of its own, so `PUSHER_CONFIG_MANIFEST_DIR` points the macro back here, and
//! the ambient variables the loader may read are cleared so a case depends on its fixture alone.
//! Regenerate `.stderr` files with `TRYBUILD=overwrite`, then read the diff. Under CI (`CI` set
//! to anything but empty, `0` or `false`) the test refuses to run with `TRYBUILD` set: with
//! `TRYBUILD=overwrite` trybuild rewrites the expected output instead of comparing with it, and
//! the check would pass whatever the macro prints.

#[test]
fn ui() {
    let ci = std::env::var_os("CI")
        .is_some_and(|ci| !matches!(ci.to_str(), Some("" | "0" | "false" | "FALSE" | "False")));
    if let (true, Some(trybuild)) = (ci, std::env::var_os("TRYBUILD")) {
        panic!(
            "TRYBUILD={trybuild:?} is set under CI: trybuild would rewrite the expected `.stderr` \
             files instead of comparing with them; unset TRYBUILD to run the UI tests"
        );
    }
    pusher_config_tests::clear_ambient_loader_variables();
    std::env::set_var("PUSHER_CONFIG_MANIFEST_DIR", env!("CARGO_MANIFEST_DIR"));
    let cases = trybuild::TestCases::new();
    cases.pass("tests/ui/pass/*.rs");
    cases.compile_fail("tests/ui/fail/*.rs");
}

/// Every [`ProblemKind`](pusher_config::rules::ProblemKind) has a compile-fail case named by its
/// code, with its reviewed `.stderr`.
#[test]
fn every_problem_kind_has_its_ui_case() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/ui/fail");
    let mut absent = Vec::new();
    for kind in pusher_config::rules::ProblemKind::ALL {
        for ext in ["rs", "stderr"] {
            let case = dir.join(format!("{}.{ext}", kind.code()));
            if !case.is_file() {
                absent.push(format!("{kind:?}: {}", case.display()));
            }
        }
    }
    assert!(
        absent.is_empty(),
        "each problem kind needs a UI case `tests/ui/fail/{{code}}.rs` with its `.stderr`; \
         absent:\n{}",
        absent.join("\n")
    );
}
