//! Where variables come from: the process environment, `.env` files, or a map the caller gives.
//!
//! The rule set ([`crate::rules`]) never reads the environment itself: it takes a [`Vars`], a
//! plain map of variables with their [`Origin`], so tests pass in-memory maps and the macro and
//! run-time loading feed it the same way: both read their sources through [`load`].
//!
//! - `vars.rs`: [`Vars`], [`Var`] and [`Origin`], the map the rules read.
//! - `error.rs`: [`EnvFileError`], what is wrong with a `.env` file.
//! - `load.rs`: [`load`], the one loader, with [`Files`], [`ProcessEnv`] and [`Loaded`] (whose
//!   tracked names are a [`Names`]).
//! - `files.rs`: finding the `.env` files from a crate up to its workspace root, and their
//!   paths as messages show them.
//! - `env_file.rs`: `read_env_file`, reading one `.env` file with dotenvy, within limits;
//!   `env_file/scan.rs`: the port of dotenvy's line and value parser that finds lines and
//!   references.
//!
//! Each has its tests beside it (`vars/tests.rs`, …), sharing `test_support.rs`.

#[cfg(feature = "dotenv")]
mod env_file;
mod error;
#[cfg(feature = "dotenv")]
mod files;
mod load;
#[cfg(test)]
mod test_support;
mod vars;

#[cfg(feature = "dotenv")]
pub(crate) use env_file::read_env_file;
#[cfg(feature = "dotenv")]
pub use env_file::{MAX_DEFINITIONS, MAX_EXPANDED_BYTES, MAX_FILE_BYTES, MAX_VALUE_BYTES};
pub use error::{EnvFileError, EnvFileErrorKind};
pub use load::{load, Files, Loaded, Names, ProcessEnv, CHECKS_ENV_FILE};
pub use vars::{Origin, Var, Vars};
