//! Finding the `.env` files of a crate, from its folder up to the workspace root, and their
//! paths as messages show them.

use std::path::{Path, PathBuf};

/// The `.env` files to read for a crate: one in each folder from `crate_dir` up to the
/// workspace root (the nearest folder whose `Cargo.toml` has a `[workspace]` table; the crate's
/// own folder when there is none), nearest first. Folders above the workspace are never read.
pub(super) fn env_files_for_crate(crate_dir: &Path) -> Vec<PathBuf> {
    let root = workspace_root(crate_dir);
    let mut files = Vec::new();
    for dir in crate_dir.ancestors() {
        let candidate = dir.join(".env");
        // Anything there, a folder or a broken link too: reading it reports what is wrong.
        if std::fs::symlink_metadata(&candidate).is_ok() {
            files.push(candidate);
        }
        if dir == root {
            break;
        }
    }
    files
}

/// The names templates of `.env` go by (Laravel's `.env.example`, Symfony's `.env.dist`, …).
const TEMPLATES: [&str; 4] = [".env.example", ".env.dist", ".env.sample", ".env.template"];

/// The nearest template of `.env` from `crate_dir` up to the workspace root, if any.
pub(super) fn template_for_crate(crate_dir: &Path) -> Option<PathBuf> {
    let root = workspace_root(crate_dir);
    for dir in crate_dir.ancestors() {
        let found = TEMPLATES
            .iter()
            .map(|name| dir.join(name))
            .find(|path| path.is_file());
        if found.is_some() || dir == root {
            return found;
        }
    }
    None
}

/// The workspace root that cargo would pick for the crate in `crate_dir`.
pub(super) fn workspace_root(crate_dir: &Path) -> &Path {
    crate_dir
        .ancestors()
        .find(|dir| {
            std::fs::read_to_string(dir.join("Cargo.toml")).is_ok_and(|manifest| {
                manifest.lines().any(|line| {
                    let line = line.trim();
                    line == "[workspace]" || line.starts_with("[workspace.")
                })
            })
        })
        .unwrap_or(crate_dir)
}

/// `path` relative to `base` for messages (`.env`, `../.env`, `config/pusher.env`).
pub(super) fn shown_path(path: &Path, base: &Path) -> String {
    if let Ok(rel) = path.strip_prefix(base) {
        return rel.display().to_string();
    }
    let mut ups = String::new();
    for dir in base.ancestors().skip(1) {
        ups.push_str("../");
        if let Ok(rel) = path.strip_prefix(dir) {
            return format!("{ups}{}", rel.display());
        }
    }
    path.display().to_string()
}

#[cfg(test)]
mod tests;
