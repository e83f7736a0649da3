//! Phase 1: the command line.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// Checks a project's Pusher configuration with the rules of `pusher_config!()`.
#[derive(Debug, Parser)]
#[command(name = "pusher-config", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// What to do.
#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Check the process environment over the project's env files, as its framework loads
    /// them (or over FILE…). Exit 0: right; 1: problems; 2: could not check.
    Check(Check),
}

/// The arguments of `check`.
#[derive(Debug, clap::Args)]
pub(crate) struct Check {
    /// Env files to read instead of the framework's, highest precedence first (a variable in
    /// an earlier one wins); each must exist.
    #[arg(value_name = "FILE")]
    pub(crate) files: Vec<PathBuf>,

    /// Check the project in DIR, as if started there (FILE… are relative to it too).
    #[arg(short = 'C', long = "dir", value_name = "DIR")]
    pub(crate) dir: Option<PathBuf>,

    /// The framework whose env files to read, instead of detecting it (from `artisan`,
    /// `package.json` dependencies `next`/`vite`, `vite.config.*`, `Cargo.toml`).
    #[arg(long, value_enum, conflicts_with = "files")]
    pub(crate) framework: Option<Framework>,

    /// The mode whose files Next.js and Vite read [default: development; for Next.js `test`
    /// when NODE_ENV=test]. Laravel reads APP_ENV from the environment instead.
    #[arg(long, value_enum, conflicts_with = "files")]
    pub(crate) mode: Option<RunMode>,

    /// Check the public part only (key, cluster, host, port, scheme): what a front-end build
    /// sees. The app id and the secret are never read.
    #[arg(long)]
    pub(crate) client: bool,

    /// How to report.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub(crate) format: Format,

    /// Then ask the service itself, when the rules find nothing: the WebSocket handshake
    /// pusher-js makes and a signed REST call (the secret only ever in an HMAC). Exit 1 names
    /// the wrong variable; 2 when the service could not be reached.
    #[arg(long, conflicts_with = "client")]
    pub(crate) live: bool,

    /// With `--live`, how long to wait for each answer.
    #[arg(long, value_name = "SECONDS", default_value_t = 5, requires = "live")]
    pub(crate) timeout: u64,
}

/// A framework, by the way it finds its env files.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum Framework {
    /// Next.js (`@next/env`'s `loadEnvConfig`).
    Nextjs,
    /// Vite (`loadEnv`).
    Vite,
    /// Laravel (`LoadEnvironmentVariables`).
    Laravel,
    /// A Rust crate: the search of `pusher_config!()`.
    Rust,
    /// Plain dotenv: `.env`.
    Dotenv,
}

/// A Next.js or Vite mode.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum RunMode {
    /// `next dev`, `vite`.
    Development,
    /// `next build`, `vite build`.
    Production,
    /// Tests (`NODE_ENV=test`, vitest).
    Test,
}

impl RunMode {
    /// The mode's name, as in file names (`.env.production`).
    pub(crate) const fn name(self) -> &'static str {
        match self {
            RunMode::Development => "development",
            RunMode::Production => "production",
            RunMode::Test => "test",
        }
    }
}

/// A report format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum Format {
    /// Like the compiler's errors, with the file, line and a masked snippet.
    Human,
    /// One JSON document (schema version 1; see the README).
    Json,
    /// GitHub Actions workflow commands (`::error file=…,line=…::…`).
    Github,
    /// SARIF 2.1.0, for code-scanning upload.
    Sarif,
}

/// The command, or the one-line reason the arguments are wrong. Help and version are printed
/// here, and exit 0.
pub(crate) fn parse() -> Result<Command, String> {
    parse_from(std::env::args_os())
}

fn parse_from<I, T>(args: I) -> Result<Command, String>
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    match Cli::try_parse_from(args) {
        Ok(cli) => Ok(cli.command),
        Err(err) if !err.use_stderr() => err.exit(),
        Err(err) => Err(one_line(&err)),
    }
}

/// clap's error on one line: its first line, without the `error: ` clap starts it with.
fn one_line(err: &clap::Error) -> String {
    let rendered = err.render().to_string();
    let first = rendered.lines().next().unwrap_or_default();
    let reason = first.strip_prefix("error: ").unwrap_or(first);
    format!("{reason}; see `pusher-config check --help`")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(args: &[&str]) -> Result<Check, String> {
        let args = ["pusher-config", "check"].iter().chain(args);
        parse_from(args).map(|Command::Check(check)| check)
    }

    #[test]
    fn defaults_are_human_server_detected() {
        let parsed = check(&[]).expect("no arguments");
        assert!(parsed.files.is_empty() && !parsed.client);
        assert_eq!(parsed.format, Format::Human);
        assert_eq!((parsed.framework, parsed.mode), (None, None));
    }

    #[test]
    fn bad_arguments_are_one_line() {
        let wrong = check(&["--format", "xml"]).expect_err("no such format");
        assert!(!wrong.contains('\n'), "{wrong}");
        assert!(
            wrong.starts_with("invalid value 'xml' for '--format"),
            "{wrong}"
        );
        let both = check(&["--framework", "vite", ".env"]).expect_err("files or framework");
        assert!(both.contains("cannot be used with"), "{both}");
    }

    #[test]
    fn the_command_line_is_consistent() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
