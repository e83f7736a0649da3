//! Each framework's env files, in its precedence, and its detection.

use crate::support::{incident, Project, VALID};

const NEXT: &str = r#"{"dependencies": {"next": "15.3.0", "react": "19.1.0"}}"#;
const VITE: &str = r#"{"devDependencies": {"vite": "6.3.5"}}"#;

#[test]
fn nextjs_env_local_overrides_a_broken_env() {
    let project = Project::new("next-local");
    project
        .write("package.json", NEXT)
        .write(".env", &incident())
        .write(".env.local", VALID);
    let run = project.check(&[]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(
        run.sources(),
        "checked as Next.js (`next` in `package.json`, mode `development`): the process \
         environment, then `.env.local`, `.env`, each over those after it"
    );
}

#[test]
fn nextjs_test_mode_skips_env_local() {
    let project = Project::new("next-test");
    project
        .write("package.json", NEXT)
        .write(".env", &incident())
        .write(".env.local", VALID);
    for run in [
        project.check(&["--mode", "test"]),
        project.check_with(&[], &[("NODE_ENV", "test")]),
    ] {
        assert_eq!(run.code, 1, "{run:?}");
        assert!(run
            .sources()
            .ends_with(": the process environment, then `.env`"));
        assert!(run.sources().contains("mode `test`"), "{run:?}");
    }
    // `.env.test.local` is read in test mode, and wins.
    project.write(".env.test.local", VALID);
    let run = project.check(&["--mode", "test"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run
        .sources()
        .ends_with("then `.env.test.local`, `.env`, each over those after it"));
}

#[test]
fn nextjs_reads_every_file_of_its_mode_in_order() {
    let project = Project::new("next-order");
    project.write("package.json", NEXT);
    for file in [
        ".env",
        ".env.production",
        ".env.local",
        ".env.production.local",
        ".env.development",
    ] {
        project.write(file, VALID);
    }
    let run = project.check(&["--mode", "production"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.sources().ends_with(
        "then `.env.production.local`, `.env.local`, `.env.production`, `.env`, each over \
         those after it"
    ));
}

#[test]
fn vite_mode_files_win_over_env_local_in_every_mode() {
    let project = Project::new("vite-modes");
    project
        .write("package.json", VITE)
        .write(".env", &incident())
        .write(".env.local", &incident())
        .write(".env.production", VALID);
    let run = project.check(&["--mode", "production"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run
        .sources()
        .starts_with("checked as Vite (`vite` in `package.json`"));
    assert!(run
        .sources()
        .ends_with("then `.env.production`, `.env.local`, `.env`, each over those after it"));
    // Development reads no mode file here: the broken `.env.local` wins.
    assert_eq!(project.check(&[]).code, 1);
    // Test mode reads `.env.local` too (Next.js would not).
    project.write(".env.test.local", VALID);
    let run = project.check(&["--mode", "test"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run
        .sources()
        .ends_with("then `.env.test.local`, `.env.local`, `.env`, each over those after it"));
}

#[test]
fn laravel_reads_env_app_env_instead_of_env() {
    let project = Project::new("laravel");
    project
        .write("artisan", "#!/usr/bin/env php\n")
        .write("package.json", VITE)
        .write(".env", &incident())
        .write(".env.staging", VALID);
    let run = project.check_with(&[], &[("APP_ENV", "staging")]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(
        run.sources(),
        "checked as Laravel (`artisan`, mode `APP_ENV=staging`): the process environment, \
         then `.env.staging`"
    );
    // Without `APP_ENV`, or with one that has no file, `.env`.
    for env in [&[][..], &[("APP_ENV", "production")][..]] {
        let run = project.check_with(&[], env);
        assert_eq!(run.code, 1, "{run:?}");
        assert!(run.sources().ends_with("then `.env`"), "{run:?}");
    }
}

#[test]
fn the_process_environment_wins_over_every_file() {
    let project = Project::new("process-env");
    project
        .write("package.json", NEXT)
        .write(".env", &incident());
    let key = ("PUSHER_KEY", "9c2e4b7a1f08d3e65b4a");
    let run = project.check_with(&[], &[key, ("NEXT_PUBLIC_PUSHER_KEY", key.1)]);
    assert_eq!(run.code, 0, "{run:?}");
}

#[test]
fn the_framework_is_detected_or_named() {
    let project = Project::new("detect");
    project.write(".env", VALID);
    let detected = |project: &Project| project.check(&[]).sources().to_owned();
    assert!(detected(&project).starts_with("checked as dotenv (no framework found):"));
    project.write("Cargo.toml", "[package]\nname = \"app\"\n");
    assert!(detected(&project).starts_with("checked as a Rust crate (`Cargo.toml`):"));
    project.write("vite.config.ts", "export default {}\n");
    assert!(detected(&project).starts_with("checked as Vite (`vite.config.ts`, mode"));
    project.write("package.json", NEXT);
    assert!(detected(&project).starts_with("checked as Next.js (`next` in `package.json`"));
    project.write("artisan", "");
    assert!(detected(&project).starts_with("checked as Laravel (`artisan`)"));
    let named = project.check(&["--framework", "vite", "--mode", "production"]);
    assert!(named
        .sources()
        .starts_with("checked as Vite (`--framework`, mode `production`)"));
}

#[test]
fn a_rust_crate_reads_what_the_macro_reads() {
    let project = Project::new("rust");
    project
        .write("Cargo.toml", "[workspace]\nmembers = [\"app\"]\n")
        .write(
            ".env",
            "PUSHER_CLUSTER=eu\nPUSHER_SECRET=3f7d0a9e6c1b8e2d4a57\n",
        )
        .write("app/Cargo.toml", "[package]\nname = \"app\"\n")
        .write(
            "app/.env",
            "PUSHER_APP_ID=2047711\nPUSHER_KEY=9c2e4b7a1f08d3e65b4a\nPUSHER_CLUSTER=mt1\n",
        );
    let run = crate::support::run_in(&project.dir.join("app"), &[], &[]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(
        run.sources(),
        "checked as a Rust crate (`Cargo.toml`): the process environment, then `.env`, \
         `../.env`, each over those after it"
    );
}

#[test]
fn no_env_file_says_where_it_looked() {
    let project = Project::new("none");
    project.write("package.json", NEXT);
    let run = project.check(&[]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.sources().ends_with(
        ": the process environment only; no env file (looked for `.env.development.local`, \
         `.env.local`, `.env.development`, `.env`)"
    ));
}

#[test]
fn named_files_are_read_in_the_order_given() {
    let project = Project::new("named");
    project.write("a.env", VALID).write("b.env", &incident());
    let run = project.check(&["a.env", "b.env"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(
        run.sources(),
        "checked: the process environment, then `a.env`, `b.env`, each over those after it"
    );
    assert_eq!(project.check(&["b.env", "a.env"]).code, 1);
}

#[test]
fn client_checks_the_public_part_only() {
    let project = Project::new("client");
    project.write(
        ".env",
        "NEXT_PUBLIC_PUSHER_KEY=9c2e4b7a1f08d3e65b4a\nNEXT_PUBLIC_PUSHER_CLUSTER=eu\n",
    );
    assert_eq!(project.check(&[]).code, 1);
    let run = project.check(&["--client"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run
        .sources()
        .starts_with("checked the public part as dotenv"));
}

#[test]
fn dir_checks_another_folder_as_if_started_there() {
    let project = Project::new("dir");
    project
        .write("web/package.json", NEXT)
        .write("web/.env", &incident())
        .write("web/.env.local", VALID);
    let run = project.check(&["-C", "web"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.sources().starts_with("checked as Next.js"), "{run:?}");
    assert!(run
        .sources()
        .ends_with("then `.env.local`, `.env`, each over those after it"));
    assert_eq!(project.check(&["--dir", "web", ".env"]).code, 1);
    let run = project.check(&["-C", "nowhere"]);
    assert_eq!(
        (run.code, run.stderr.as_str()),
        (2, "error: could not check: `nowhere` is not a folder\n")
    );
}
