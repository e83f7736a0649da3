//! A client-only build (`pusher_config!(client)`) leaves no copy of the secret anywhere: not in
//! the binary, not in dep-info, not in the incremental cache.

mod scratch;

use std::path::Path;

use scratch::{target_dir, Scratch};

/// Made up for this test alone, so finding it anywhere means this build leaked it.
const SECRET: &str = "b7e3f09a5c21d84e6f0a";
const APP_ID: &str = "7305518";

const MAIN: &str = r#"
static PUBLIC: pusher_config::PublicConfig = pusher_config::pusher_config!(client);

fn main() {
    println!("{} {}", PUBLIC.key().as_str(), PUBLIC.cluster());
}
"#;

fn files_containing(dir: &Path, needle: &[u8], found: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files_containing(&path, needle, found);
        } else if let Ok(bytes) = std::fs::read(&path) {
            if bytes.windows(needle.len()).any(|window| window == needle) {
                found.push(path.display().to_string());
            }
        }
    }
}

/// No file under the target folder holds any of `withheld`; the release build holds `key`
/// (which is public), or the scan would prove nothing.
fn assert_artifacts_keep_only_the_key(withheld: &[&str], key: &str) {
    for needle in withheld {
        let mut found = Vec::new();
        files_containing(&target_dir(), needle.as_bytes(), &mut found);
        assert!(
            found.is_empty(),
            "a value the client build must not read is in: {found:?}"
        );
    }
    let mut found = Vec::new();
    files_containing(&target_dir().join("release"), key.as_bytes(), &mut found);
    assert!(
        !found.is_empty(),
        "the key is not in the release build: the scan looks in the wrong place"
    );
}

#[test]
fn client_build_leaves_no_copy_of_the_secret_or_app_id() {
    let scratch = Scratch::new("client-only", MAIN);
    // Start from no earlier artifacts of this crate, so what the scan finds is this build's.
    for profile in ["debug", "release"] {
        for folder in ["incremental", "deps", ".fingerprint"] {
            let Ok(entries) = std::fs::read_dir(target_dir().join(profile).join(folder)) else {
                continue;
            };
            for entry in entries.flatten() {
                let name = entry.file_name().to_string_lossy().into_owned();
                if name.starts_with("client_only-") || name.starts_with("client-only-") {
                    let _ = std::fs::remove_dir_all(entry.path());
                    let _ = std::fs::remove_file(entry.path());
                }
            }
        }
    }
    scratch.write(
        ".env",
        &format!(
            "PUSHER_APP_ID={APP_ID}\nPUSHER_KEY=2c8e5a1f7b3d09e64a2c\nPUSHER_SECRET={SECRET}\nPUSHER_CLUSTER=ap3\nNEXT_PUBLIC_PUSHER_KEY=2c8e5a1f7b3d09e64a2c\n"
        ),
    );
    assert_eq!(scratch.build_and_run(&[]), "2c8e5a1f7b3d09e64a2c ap3");
    // A release build too: what actually ships.
    let (ok, stderr) = scratch.try_build_with(&["--release"], &[]);
    assert!(ok, "{stderr}");

    assert_artifacts_keep_only_the_key(&[SECRET, APP_ID], "2c8e5a1f7b3d09e64a2c");
}

#[test]
fn client_build_still_checks_the_public_values() {
    let scratch = Scratch::new("stripe-client", MAIN);
    scratch.write(
        ".env",
        "NEXT_PUBLIC_PUSHER_KEY=pk_test_51Xa93kQb7Tn2LmPq8RwZ4vYc6JdH0sFgE1uNo5tKiMbV3x\nNEXT_PUBLIC_PUSHER_CLUSTER=eu\n",
    );
    let (ok, stderr) = scratch.try_build(&[]);
    assert!(!ok, "a Stripe key built:\n{stderr}");
    assert!(
        stderr.contains("`NEXT_PUBLIC_PUSHER_KEY` in `.env` line 1 is a Stripe-style key"),
        "{stderr}"
    );
    assert!(!stderr.contains("pk_test_51Xa93kQb7"), "{stderr}");
}

const LIB: &str = r#"
//! A front end's library, as a WebAssembly crate is built: `cdylib` and `rlib`.

/// The public Pusher configuration, checked at build time.
pub static PUBLIC: pusher_config::PublicConfig = pusher_config::pusher_config!(client);

/// The key, for JavaScript.
#[no_mangle]
pub extern "C" fn pusher_key_len() -> usize {
    PUBLIC.key().as_str().len()
}
"#;

#[test]
fn client_library_build_leaves_no_copy_of_the_secret() {
    let scratch = Scratch::with_manifest_extra("frontend-lib", "fn main() {}", "");
    scratch.write(
        "Cargo.toml",
        &std::fs::read_to_string(scratch.dir.join("Cargo.toml"))
            .expect("manifest")
            .replace(
                "[dependencies]",
                "[lib]\ncrate-type = [\"cdylib\", \"rlib\"]\n\n[dependencies]",
            ),
    );
    std::fs::remove_file(scratch.dir.join("src/main.rs")).expect("no binary");
    scratch.write("src/lib.rs", LIB);
    let lib_secret = "0d9c8b7a6f5e4d3c2b1a";
    scratch.write(
        ".env",
        &format!(
            "PUSHER_APP_ID=5550123\nPUSHER_KEY=2c8e5a1f7b3d09e64a2c\nPUSHER_SECRET={lib_secret}\nPUSHER_CLUSTER=ap3\n"
        ),
    );
    for args in [&[][..], &["--release"][..]] {
        let (ok, stderr) = scratch.try_build_with(args, &[]);
        assert!(ok, "{stderr}");
    }
    assert_artifacts_keep_only_the_key(&[lib_secret, "5550123"], "2c8e5a1f7b3d09e64a2c");
}
