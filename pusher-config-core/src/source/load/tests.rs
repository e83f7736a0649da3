use super::*;
use crate::source::test_support::{value, EnvVars};
#[cfg(feature = "dotenv")]
use crate::source::{test_support::Scratch, Origin};

#[cfg(feature = "dotenv")]
#[test]
fn load_reads_the_environment_over_nearer_files_over_farther_ones() {
    let _env = EnvVars::set(&[("PC_MUTANT_TEST_PUSHER_LOAD_ALL", "from-the-environment")]);
    let scratch = Scratch::new("load");
    scratch.write("Cargo.toml", "[workspace]\nmembers = [\"app\"]\n");
    let near = scratch.write(
        "app/.env",
        "PC_MUTANT_TEST_PUSHER_LOAD_ALL=from-a-file\nPUSHER_CLUSTER=eu\n",
    );
    let far = scratch.write(".env", "PUSHER_CLUSTER=mt1\nPUSHER_HOST=soketi\n");
    let base = scratch.dir.join("app");
    let loaded = load(Files::Search { base }, Mode::Server, ProcessEnv::All);
    assert_eq!(
        value(&loaded.vars, "PC_MUTANT_TEST_PUSHER_LOAD_ALL"),
        Some("from-the-environment")
    );
    assert_eq!(value(&loaded.vars, "PUSHER_CLUSTER"), Some("eu"));
    let host = loaded.vars.get("PUSHER_HOST").map(|var| &var.origin);
    let far_line_2 = Origin::EnvFile {
        path: "../.env".to_owned(),
        line: Some(2),
    };
    assert_eq!(host, Some(&far_line_2));
    assert_eq!(
        loaded.vars.searched(),
        ["the process environment", "`.env`", "`../.env`"]
    );
    assert_eq!(loaded.files, [near, far]);
    assert_eq!(loaded.shown_files, [".env", "../.env"]);
    assert!(!loaded.through_link);
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    assert!(loaded.tracked.is_empty(), "{:?}", loaded.tracked);
}

#[test]
fn a_client_load_never_reads_the_secret_from_the_environment() {
    let _env = EnvVars::set(&[
        ("PC_MUTANT_TEST_PUSHER_CLIENT_KEY", "9c2e5b0f4d7a18e36c41"),
        (
            "PC_MUTANT_TEST_PUSHER_CLIENT_SECRET",
            "e0b7d2a94c5f13868a2d",
        ),
    ]);
    let loaded = load(Files::None, Mode::Client, ProcessEnv::All);
    assert_eq!(
        value(&loaded.vars, "PC_MUTANT_TEST_PUSHER_CLIENT_KEY"),
        Some("9c2e5b0f4d7a18e36c41")
    );
    assert_eq!(
        value(&loaded.vars, "PC_MUTANT_TEST_PUSHER_CLIENT_SECRET"),
        None
    );
    assert_eq!(loaded.vars.searched(), ["the process environment"]);
    assert!(loaded.files.is_empty() && loaded.tracked.is_empty());
    let server = load(Files::None, Mode::Server, ProcessEnv::All);
    assert_eq!(
        value(&server.vars, "PC_MUTANT_TEST_PUSHER_CLIENT_SECRET"),
        Some("e0b7d2a94c5f13868a2d")
    );
}

#[cfg(feature = "dotenv")]
#[test]
fn a_build_reads_and_tracks_only_the_closed_list_of_names() {
    let _env = EnvVars::set(&[("PC_MUTANT_TEST_PUSHER_BUILD", "7f3a9c1e5b0d")]);
    let scratch = Scratch::new("build");
    scratch.write("Cargo.toml", "[workspace]\n");
    let search = || Files::Search {
        base: scratch.dir.clone(),
    };
    let loaded = load(search(), Mode::Server, ProcessEnv::BuildTimeNames);
    assert_eq!(value(&loaded.vars, "PC_MUTANT_TEST_PUSHER_BUILD"), None);
    for name in [
        "PUSHER_KEY",
        "PUSHER_APP_SECRET",
        "NEXT_PUBLIC_PUSHER_SECRET",
    ] {
        assert!(loaded.tracked.contains(name), "{name}");
    }
    assert!(!loaded.tracked.contains("PC_MUTANT_TEST_PUSHER_BUILD"));
    assert_eq!(
        loaded.vars.searched(),
        [
            "the process environment",
            "a `.env` file (none found from the crate up to the workspace root)"
        ]
    );
    let client = load(search(), Mode::Client, ProcessEnv::BuildTimeNames);
    assert!(client.tracked.contains("PUSHER_KEY"));
    assert!(client
        .tracked
        .iter()
        .all(|name| Mode::Client.reads_name(name)));
    assert!(!client.tracked.contains("PUSHER_APP_SECRET"));
    assert!(!client.tracked.contains("PUSHER_APP_ID"));
}

#[cfg(feature = "dotenv")]
#[test]
fn a_file_read_through_a_link_adds_its_target() {
    let scratch = Scratch::new("link");
    let target = scratch.write("prod.env", "PUSHER_CLUSTER=eu\n");
    let link = scratch.dir.join(".env");
    std::os::unix::fs::symlink(&target, &link).expect("link");
    let only = Files::Only {
        path: link.clone(),
        base: Some(scratch.dir.clone()),
    };
    let loaded = load(only, Mode::Server, ProcessEnv::BuildTimeNames);
    assert_eq!(value(&loaded.vars, "PUSHER_CLUSTER"), Some("eu"));
    assert_eq!(loaded.files, [link, target]);
    assert_eq!(loaded.shown_files, [".env"]);
    assert!(loaded.through_link);
    assert_eq!(loaded.vars.searched()[1], "`.env`");
}

#[cfg(feature = "dotenv")]
#[test]
fn one_file_is_shown_relative_to_its_base_or_as_given() {
    let scratch = Scratch::new("only");
    let path = scratch.write("config/p.env", "PUSHER_CLUSTER=eu\nPUSHER_KEY\n");
    let shown = |base: Option<std::path::PathBuf>| {
        let only = Files::Only {
            path: path.clone(),
            base,
        };
        let loaded = load(only, Mode::Client, ProcessEnv::All);
        assert_eq!(loaded.files, std::slice::from_ref(&path));
        let origin = loaded
            .vars
            .get("PUSHER_CLUSTER")
            .map(|var| var.origin.clone());
        let error = loaded.errors.iter().map(|e| e.path.clone()).collect();
        (origin, error)
    };
    let in_file = |path: &str| {
        let origin = Origin::EnvFile {
            path: path.to_owned(),
            line: Some(1),
        };
        (Some(origin), vec![path.to_owned()])
    };
    let from_app = Some(scratch.dir.join("app"));
    assert_eq!(shown(from_app), in_file("../config/p.env"));
    let as_given = path.display().to_string();
    assert_eq!(shown(None), in_file(&as_given));
}

#[cfg(feature = "dotenv")]
#[test]
fn ordered_files_read_the_environment_then_each_file_over_the_next() {
    let _env = EnvVars::set(&[("PC_MUTANT_TEST_PUSHER_ORDERED", "from-the-environment")]);
    let scratch = Scratch::new("ordered");
    let local = scratch.write(
        ".env.local",
        "PUSHER_CLUSTER=eu\nPC_MUTANT_TEST_PUSHER_ORDERED=from-a-file\n",
    );
    let env = scratch.write("config/.env", "PUSHER_CLUSTER=mt1\nPUSHER_HOST=soketi\n");
    let ordered = Files::Ordered {
        paths: vec![local.clone(), env.clone()],
        base: scratch.dir.clone(),
    };
    let loaded = load(ordered, Mode::Server, ProcessEnv::All);
    assert_eq!(
        value(&loaded.vars, "PC_MUTANT_TEST_PUSHER_ORDERED"),
        Some("from-the-environment")
    );
    assert_eq!(value(&loaded.vars, "PUSHER_CLUSTER"), Some("eu"));
    let host = loaded.vars.get("PUSHER_HOST").map(|var| &var.origin);
    let line_2 = Origin::EnvFile {
        path: "config/.env".to_owned(),
        line: Some(2),
    };
    assert_eq!(host, Some(&line_2));
    assert_eq!(
        loaded.vars.searched(),
        ["the process environment", "`.env.local`", "`config/.env`"]
    );
    assert_eq!(loaded.files, [local, env]);
    assert_eq!(loaded.shown_files, [".env.local", "config/.env"]);
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);

    // A file that is not there is an error, as for one named file; it is not shown as read.
    let absent = Files::Ordered {
        paths: vec![scratch.dir.join(".env.production")],
        base: scratch.dir.clone(),
    };
    let loaded = load(absent, Mode::Server, ProcessEnv::All);
    assert!(loaded.shown_files.is_empty() && loaded.files.is_empty());
    let errors: Vec<String> = loaded.errors.iter().map(ToString::to_string).collect();
    assert_eq!(errors, ["cannot read `.env.production`: no such file"]);
}

#[cfg(feature = "dotenv")]
#[test]
fn without_a_env_file_the_nearest_template_is_noted_and_an_empty_checks_file_is_unset() {
    // Empty, the variable counts as unset (as under correct code it is for every other test).
    let _env = EnvVars::set(&[(CHECKS_ENV_FILE, "")]);
    let scratch = Scratch::new("template");
    scratch.write("Cargo.toml", "[workspace]\nmembers = [\"app\"]\n");
    scratch.write(".env.dist", "PUSHER_KEY=\n");
    scratch.write("app/.env.example", "PUSHER_KEY=\n");
    let base = scratch.dir.join("app");
    let loaded = load(
        Files::Search { base: base.clone() },
        Mode::Server,
        ProcessEnv::All,
    );
    assert_eq!(loaded.checks_file, None);
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    assert_eq!(loaded.vars.template(), Some(".env.example"));

    // Only the workspace's: a template above the crate is found when the crate has none.
    std::fs::remove_file(base.join(".env.example")).expect("remove");
    let loaded = load(
        Files::Search { base: base.clone() },
        Mode::Server,
        ProcessEnv::All,
    );
    assert_eq!(loaded.vars.template(), Some("../.env.dist"));

    // With a `.env`, no template is offered.
    scratch.write("app/.env", "PUSHER_CLUSTER=eu\n");
    let loaded = load(Files::Search { base }, Mode::Server, ProcessEnv::All);
    assert_eq!(loaded.vars.template(), None);
}

#[test]
fn tracked_names_are_kept_once_and_in_order() {
    let mut names = Names::default();
    assert!(names.is_empty());
    assert!(names.insert("PUSHER_KEY".to_owned()));
    assert!(names.insert("PUSHER_APP_ID".to_owned()));
    assert!(!names.insert("PUSHER_KEY".to_owned()), "a second time");
    assert_eq!(
        names.iter().collect::<Vec<_>>(),
        ["PUSHER_APP_ID", "PUSHER_KEY"]
    );
    assert!(names.contains("PUSHER_KEY") && !names.contains("PUSHER_SECRET"));
}
