use super::*;
use crate::source::test_support::{value, EnvVars};

#[test]
fn debug_never_shows_a_value() {
    let vars = Vars::from_pairs([
        ("PUSHER_SECRET", "8f04dc5bdb1d008a871c"),
        ("PUSHER_APP_ID", "2086431"),
    ]);
    let debug = format!("{vars:?}");
    assert!(
        !debug.contains("8f04dc5bdb1d008a871c") && !debug.contains("2086431"),
        "{debug}"
    );
    assert!(debug.contains("`8f04…` (20 chars)"), "{debug}");
}

#[test]
fn the_process_environment_gives_its_pusher_and_public_variables() {
    let _env = EnvVars::set(&[
        ("PC_MUTANT_TEST_PUSHER_FROM_ENV", "5e0c1a9b7d3f"),
        ("NEXT_PUBLIC_PC_MUTANT_TEST_FROM_ENV", "https://example.org"),
        ("PC_MUTANT_TEST_UNRELATED_FROM_ENV", "8d2f4e6a0c1b"),
    ]);
    let vars = Vars::from_process_env();
    let var = vars.get("PC_MUTANT_TEST_PUSHER_FROM_ENV").expect("read");
    assert_eq!(var.value, "5e0c1a9b7d3f");
    assert_eq!(var.origin, Origin::ProcessEnv);
    assert_eq!(
        value(&vars, "NEXT_PUBLIC_PC_MUTANT_TEST_FROM_ENV"),
        Some("https://example.org")
    );
    assert_eq!(value(&vars, "PC_MUTANT_TEST_UNRELATED_FROM_ENV"), None);
    assert_eq!(vars.searched(), ["the process environment"]);
}

#[test]
fn only_the_names_asked_for_are_read_from_the_process_environment() {
    let _env = EnvVars::set(&[
        ("PC_MUTANT_TEST_PUSHER_NAMES_ASKED", "3b9e7c1d5a2f"),
        ("PC_MUTANT_TEST_PUSHER_NAMES_OTHER", "f4a8c0e2d6b1"),
    ]);
    let vars = Vars::from_process_env_names([
        "PC_MUTANT_TEST_PUSHER_NAMES_ASKED",
        "PC_MUTANT_TEST_PUSHER_NAMES_UNSET",
    ]);
    let names: Vec<_> = vars.iter().map(|(name, _)| name).collect();
    assert_eq!(names, ["PC_MUTANT_TEST_PUSHER_NAMES_ASKED"]);
    let var = vars.get("PC_MUTANT_TEST_PUSHER_NAMES_ASKED").expect("read");
    assert_eq!(
        (var.value.as_str(), &var.origin),
        ("3b9e7c1d5a2f", &Origin::ProcessEnv)
    );
    assert_eq!(vars.searched(), ["the process environment"]);
}

#[cfg(feature = "dotenv")]
#[test]
fn the_nearer_source_wins_and_the_farther_fills_in() {
    let far_origin = |line| Origin::EnvFile {
        path: "../.env".to_owned(),
        line: Some(line),
    };
    let mut near = Vars::from_pairs([("PUSHER_KEY", "9c2e5b0f4d7a18e36c41")]);
    near.note_searched("the process environment");
    let mut far = Vars::new();
    far.insert(
        "PUSHER_KEY".into(),
        "4d7a18e36c419c2e5b0f".into(),
        far_origin(1),
    );
    far.insert("PUSHER_CLUSTER".into(), "eu".into(), far_origin(2));
    far.note_searched("`../.env`");
    near.fill_from(far);
    let key = near.get("PUSHER_KEY").expect("kept");
    assert_eq!(
        (key.value.as_str(), &key.origin),
        ("9c2e5b0f4d7a18e36c41", &Origin::Given)
    );
    let cluster = near.get("PUSHER_CLUSTER").expect("filled in");
    assert_eq!(
        (cluster.value.as_str(), &cluster.origin),
        ("eu", &far_origin(2))
    );
    assert_eq!(near.searched(), ["the process environment", "`../.env`"]);
}

#[test]
fn retain_names_keeps_only_what_is_selected() {
    let mut vars = Vars::from_pairs([
        ("PUSHER_APP_ID", "2047711"),
        ("PUSHER_KEY", "9c2e5b0f4d7a18e36c41"),
        ("PUSHER_SECRET", "e0b7d2a94c5f13868a2d"),
        ("VITE_PUSHER_APP_SECRET", "e0b7d2a94c5f13868a2d"),
    ]);
    vars.retain_names(|name| !name.contains("SECRET"));
    let names: Vec<_> = vars.iter().map(|(name, _)| name).collect();
    assert_eq!(names, ["PUSHER_APP_ID", "PUSHER_KEY"]);
}

#[test]
fn only_pusher_and_public_names_are_kept() {
    let vars = Vars::from_pairs([
        ("PUSHER_KEY", "a"),
        ("DATABASE_URL", "b"),
        ("pusher_x", "c"),
        ("NEXT_PUBLIC_SITE", "d"),
    ]);
    let names: Vec<_> = vars.iter().map(|(name, _)| name).collect();
    assert_eq!(names, ["NEXT_PUBLIC_SITE", "PUSHER_KEY", "pusher_x"]);
}

#[test]
fn the_loader_may_read_every_relevant_and_build_time_name_in_any_case() {
    use crate::names::{build_time_names, is_read_by_loader, is_relevant_name};
    for name in build_time_names() {
        assert!(is_read_by_loader(&name), "{name}");
        assert!(is_read_by_loader(&name.to_ascii_lowercase()), "{name}");
    }
    for name in [
        "PUSHER_KEY",
        "pusher_x",
        "MY_PUSHER_KEY",
        "PUSHER_CONFIG_MANIFEST_DIR",
        "REVERB_APP_KEY",
        "VITE_REVERB_APP_SECRET",
        "vite_reverb_app_secret",
        "NEXT_PUBLIC_SITE",
    ] {
        assert!(is_read_by_loader(name), "{name}");
    }
    for name in [
        "PATH",
        "HOME",
        "DATABASE_URL",
        "MY_REVERB_HOST",
        "CARGO_MANIFEST_DIR",
    ] {
        assert!(!is_read_by_loader(name), "{name}");
        assert!(!is_relevant_name(name), "{name}");
    }
}
