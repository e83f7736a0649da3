//! What the tests of `source` share: scratch folders and process environment variables.

use super::Vars;

#[cfg(feature = "dotenv")]
/// A fresh folder under the system's temporary folder, removed when dropped.
pub(super) struct Scratch {
    pub(super) dir: std::path::PathBuf,
}

#[cfg(feature = "dotenv")]
impl Scratch {
    pub(super) fn new(tag: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("pc-source-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        // The folder as a link-free path, so that only the links a test makes are links.
        let dir = std::fs::canonicalize(&dir).expect("canonical temp dir");
        Self { dir }
    }

    /// Writes `text` at `rel` (creating its folders) and returns its path.
    pub(super) fn write(&self, rel: &str, text: &str) -> std::path::PathBuf {
        let path = self.dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("folders");
        }
        std::fs::write(&path, text).expect("write");
        path
    }
}

#[cfg(feature = "dotenv")]
impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Sets the process environment variables `vars` (names no other test uses) for the
/// duration of a test.
pub(super) struct EnvVars(Vec<&'static str>);

impl EnvVars {
    pub(super) fn set(vars: &[(&'static str, &str)]) -> Self {
        for (name, value) in vars {
            std::env::set_var(name, value);
        }
        Self(vars.iter().map(|(name, _)| *name).collect())
    }
}

impl Drop for EnvVars {
    fn drop(&mut self) {
        for name in &self.0 {
            std::env::remove_var(name);
        }
    }
}

pub(super) fn value<'v>(vars: &'v Vars, name: &str) -> Option<&'v str> {
    vars.get(name).map(|var| var.value.as_str())
}
