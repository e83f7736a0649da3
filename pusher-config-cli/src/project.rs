//! Phase 2: which env files a project's framework reads, highest precedence first.
//!
//! Each framework's list was checked against its source; the process environment wins over
//! every file in all of them, and an earlier file over a later one, as the loader reads
//! `source::Files::Ordered`.

use std::path::{Path, PathBuf};

use pusher_config_core::source::Files;

use crate::args::{Framework, RunMode};

/// The project's framework and the files it reads.
#[derive(Debug)]
pub(crate) struct Plan {
    /// The framework, and why (`` `next` in `package.json` ``, `--framework`); `None` for the
    /// files named on the command line.
    pub(crate) framework: Option<(Framework, String)>,
    /// The mode or environment that picked the files (`development`, `APP_ENV=staging`).
    pub(crate) mode: Option<String>,
    /// Every file the framework would read, highest precedence first, there or not.
    pub(crate) candidates: Vec<String>,
    /// What the loader reads.
    pub(crate) files: Files,
}

/// What the environment says about the mode: `NODE_ENV` (Next.js reads `test` from it) and
/// `APP_ENV` (Laravel's environment).
#[derive(Debug, Default)]
pub(crate) struct Env {
    pub(crate) node_env: Option<String>,
    pub(crate) app_env: Option<String>,
}

impl Env {
    pub(crate) fn from_process() -> Self {
        let read = |name| std::env::var(name).ok().filter(|v| !v.is_empty());
        Self {
            node_env: read("NODE_ENV"),
            app_env: read("APP_ENV"),
        }
    }
}

/// The files `framework` (detected in `dir` when `None`) reads in `dir`.
pub(crate) fn plan(
    dir: &Path,
    framework: Option<Framework>,
    mode: Option<RunMode>,
    env: &Env,
) -> Plan {
    let (framework, why) = match framework {
        Some(framework) => (framework, "`--framework`".to_owned()),
        None => detect(dir),
    };
    let (mode, candidates) = match framework {
        Framework::Nextjs => {
            let mode = mode.unwrap_or(if env.node_env.as_deref() == Some("test") {
                RunMode::Test
            } else {
                RunMode::Development
            });
            (Some(mode.name().to_owned()), nextjs_files(mode))
        }
        Framework::Vite => {
            let mode = mode.unwrap_or(RunMode::Development);
            (Some(mode.name().to_owned()), vite_files(mode))
        }
        Framework::Laravel => {
            let mode = env.app_env.as_ref().map(|e| format!("APP_ENV={e}"));
            (mode, laravel_files(dir, env.app_env.as_deref()))
        }
        Framework::Rust => {
            let files = Files::Search {
                base: dir.to_path_buf(),
            };
            return Plan {
                framework: Some((framework, why)),
                mode: None,
                candidates: vec![".env (from the crate up to its workspace root)".to_owned()],
                files,
            };
        }
        Framework::Dotenv => (None, vec![".env".to_owned()]),
    };
    let paths = candidates
        .iter()
        .map(|name| dir.join(name))
        .filter(|path| is_read(framework, path))
        .collect();
    Plan {
        framework: Some((framework, why)),
        mode,
        candidates,
        files: Files::Ordered {
            paths,
            base: dir.to_path_buf(),
        },
    }
}

/// The files named on the command line, highest precedence first, shown relative to `dir`.
pub(crate) fn named(dir: &Path, files: &[PathBuf]) -> Plan {
    Plan {
        framework: None,
        mode: None,
        candidates: files.iter().map(|f| f.display().to_string()).collect(),
        files: Files::Ordered {
            paths: files.iter().map(|f| dir.join(f)).collect(),
            base: dir.to_path_buf(),
        },
    }
}

/// The framework of the project in `dir`, and what told it: Laravel's `artisan` first (a
/// Laravel app has a `package.json` with Vite too, whose `VITE_` variables it checks against
/// the server's), then `package.json`'s dependencies, a Vite config, a `Cargo.toml`; plain
/// dotenv otherwise.
pub(crate) fn detect(dir: &Path) -> (Framework, String) {
    if dir.join("artisan").is_file() {
        return (Framework::Laravel, "`artisan`".to_owned());
    }
    let dependencies = package_dependencies(dir);
    if dependencies.iter().any(|d| d == "next") {
        return (Framework::Nextjs, "`next` in `package.json`".to_owned());
    }
    if dependencies.iter().any(|d| d == "vite") {
        return (Framework::Vite, "`vite` in `package.json`".to_owned());
    }
    let vite_config = ["js", "mjs", "cjs", "ts", "mts", "cts"]
        .iter()
        .map(|ext| format!("vite.config.{ext}"))
        .find(|name| dir.join(name).is_file());
    if let Some(config) = vite_config {
        return (Framework::Vite, format!("`{config}`"));
    }
    if dir.join("Cargo.toml").is_file() {
        return (Framework::Rust, "`Cargo.toml`".to_owned());
    }
    (Framework::Dotenv, "no framework found".to_owned())
}

/// The names of the dependencies and dev dependencies in `dir/package.json`; none if it is
/// absent or not JSON.
fn package_dependencies(dir: &Path) -> Vec<String> {
    let Ok(text) = std::fs::read_to_string(dir.join("package.json")) else {
        return Vec::new();
    };
    let Ok(package) = serde_json::from_str::<serde_json::Value>(&text) else {
        return Vec::new();
    };
    ["dependencies", "devDependencies"]
        .iter()
        .filter_map(|field| package.get(field)?.as_object())
        .flat_map(|deps| deps.keys().cloned())
        .collect()
}

/// Next.js, highest precedence first, from `loadEnvConfig` in `packages/next-env/index.ts`
/// (<https://github.com/vercel/next.js/blob/canary/packages/next-env/index.ts>):
/// `.env.$mode.local`, `.env.local` except in `test` ("tests produce the same results for
/// everyone"), `.env.$mode`, `.env`. Its `processEnv` keeps a variable only if neither the
/// process environment nor an earlier file has it. The mode is `test` when `NODE_ENV=test`,
/// else `development` for `next dev` and `production` for `next build`.
pub(crate) fn nextjs_files(mode: RunMode) -> Vec<String> {
    let mode = mode.name();
    let mut files = vec![format!(".env.{mode}.local")];
    if mode != "test" {
        files.push(".env.local".to_owned());
    }
    files.extend([format!(".env.{mode}"), ".env".to_owned()]);
    files
}

/// Vite, highest precedence first, from `loadEnv` in `packages/vite/src/node/env.ts`
/// (<https://github.com/vitejs/vite/blob/main/packages/vite/src/node/env.ts>):
/// `getEnvFilesForMode` lists `.env`, `.env.local`, `.env.$mode`, `.env.$mode.local` and
/// `Object.fromEntries` lets a later one win, so `.env.$mode.local`, `.env.$mode`,
/// `.env.local`, `.env` (`.env.local` in every mode, `test` too). The process environment
/// wins (`dotenv-expand` with `processEnv`, then `VITE_` variables of `process.env` over the
/// files'). Vite's default mode is `development` for `vite`, `production` for `vite build`.
pub(crate) fn vite_files(mode: RunMode) -> Vec<String> {
    let mode = mode.name();
    vec![
        format!(".env.{mode}.local"),
        format!(".env.{mode}"),
        ".env.local".to_owned(),
        ".env".to_owned(),
    ]
}

/// Laravel reads one file, from
/// `Illuminate\Foundation\Bootstrap\LoadEnvironmentVariables::checkForSpecificEnvironmentFile`
/// (<https://github.com/laravel/framework/blob/12.x/src/Illuminate/Foundation/Bootstrap/LoadEnvironmentVariables.php>):
/// with `APP_ENV` set in the environment (not in `.env`, which is not read yet) and a file
/// `.env.$APP_ENV` (`is_file`), that file **instead of** `.env`; otherwise `.env`. phpdotenv
/// loads it into an immutable repository, so the process environment wins. (`php artisan
/// --env=…` picks the file the same way; the check reads `APP_ENV` only.)
pub(crate) fn laravel_files(dir: &Path, app_env: Option<&str>) -> Vec<String> {
    let specific = app_env
        .map(|env| format!(".env.{env}"))
        .filter(|name| dir.join(name).is_file());
    vec![specific.unwrap_or_else(|| ".env".to_owned())]
}

/// Whether `framework` reads the file at `path`: a file (through a link too); for Vite, a
/// named pipe too (1Password mounts env files as pipes), which the loader then reports it
/// cannot read. A broken link or a folder is skipped, as the frameworks skip them.
fn is_read(framework: Framework, path: &Path) -> bool {
    let Ok(metadata) = std::fs::metadata(path) else {
        return false;
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if framework == Framework::Vite && metadata.file_type().is_fifo() {
            return true;
        }
    }
    #[cfg(not(unix))]
    let _ = framework;
    metadata.is_file()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nextjs_skips_env_local_in_test_mode() {
        assert_eq!(
            nextjs_files(RunMode::Development),
            [
                ".env.development.local",
                ".env.local",
                ".env.development",
                ".env"
            ]
        );
        assert_eq!(
            nextjs_files(RunMode::Test),
            [".env.test.local", ".env.test", ".env"]
        );
    }

    #[test]
    fn vite_puts_mode_files_over_env_local_in_every_mode() {
        assert_eq!(
            vite_files(RunMode::Test),
            [".env.test.local", ".env.test", ".env.local", ".env"]
        );
    }

    #[test]
    fn next_reads_the_test_mode_from_node_env_unless_told() {
        let dir = Path::new("/nonexistent-pusher-config-project");
        let env = Env {
            node_env: Some("test".to_owned()),
            app_env: None,
        };
        let plan = plan(dir, Some(Framework::Nextjs), None, &env);
        assert_eq!(plan.mode.as_deref(), Some("test"));
        let plan = plan_with(dir, RunMode::Production, &env);
        assert_eq!(plan.mode.as_deref(), Some("production"));
        assert_eq!(plan.candidates[0], ".env.production.local");
    }

    fn plan_with(dir: &Path, mode: RunMode, env: &Env) -> Plan {
        plan(dir, Some(Framework::Nextjs), Some(mode), env)
    }
}
