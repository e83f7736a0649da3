use super::*;
use crate::source::test_support::Scratch;

#[test]
fn shown_path_is_relative_to_the_crate() {
    let base = Path::new("/w/app");
    assert_eq!(shown_path(Path::new("/w/app/.env"), base), ".env");
    assert_eq!(shown_path(Path::new("/w/.env"), base), "../.env");
    assert_eq!(
        shown_path(Path::new("/w/app/config/p.env"), base),
        "config/p.env"
    );
}

/// A workspace in `scratch`: `ws/Cargo.toml` with `manifest`, the crate `ws/app`, and a
/// `.env` in every folder from the scratch folder (above the workspace) to the crate.
fn workspace(scratch: &Scratch, manifest: &str) -> std::path::PathBuf {
    scratch.write(".env", "PUSHER_CLUSTER=ap1\n");
    scratch.write("ws/Cargo.toml", manifest);
    scratch.write("ws/.env", "PUSHER_CLUSTER=eu\n");
    scratch.write("ws/app/Cargo.toml", "[package]\nname = \"app\"\n");
    scratch.write("ws/app/.env", "PUSHER_CLUSTER=mt1\n");
    scratch.dir.join("ws/app")
}

#[test]
fn env_files_go_from_the_crate_up_to_the_workspace_root_and_no_further() {
    let scratch = Scratch::new("walk");
    let app = workspace(&scratch, "[workspace]\nmembers = [\"app\"]\n");
    assert_eq!(workspace_root(&app), scratch.dir.join("ws"));
    assert_eq!(
        env_files_for_crate(&app),
        [scratch.dir.join("ws/app/.env"), scratch.dir.join("ws/.env")]
    );
}

#[test]
fn a_workspace_table_with_a_dotted_name_makes_a_workspace_root() {
    let scratch = Scratch::new("dotted");
    let app = workspace(
        &scratch,
        "[package]\nname = \"ws\"\n\n  [workspace.package]  \nversion = \"0.1.0\"\n",
    );
    assert_eq!(workspace_root(&app), scratch.dir.join("ws"));
    assert_eq!(
        env_files_for_crate(&app),
        [scratch.dir.join("ws/app/.env"), scratch.dir.join("ws/.env")]
    );
}

#[test]
fn a_crate_outside_any_workspace_reads_only_its_own_env_file() {
    let scratch = Scratch::new("alone");
    let app = workspace(&scratch, "[package]\nname = \"ws\"\n# [workspace]\n");
    assert_eq!(workspace_root(&app), app);
    assert_eq!(env_files_for_crate(&app), [app.join(".env")]);
}
