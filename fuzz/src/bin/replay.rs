//! Runs the fuzz harnesses on stable Rust, without libFuzzer: every file under the given paths
//! (default: `fuzz/seeds`), then `--iterations` random mutations of them (default 10,000),
//! each through both harnesses. A failing input is saved under `fuzz/artifacts/replay/` and
//! the run exits with status 1.
//!
//! ```text
//! cargo run --manifest-path fuzz/Cargo.toml --bin replay -- [--iterations N] [--seed S] [PATH…]
//! ```
//!
//! A corpus or crash found by `cargo fuzz` replays the same way (`… --bin replay --
//! --iterations 0 fuzz/artifacts/env_file/crash-…`).
#![forbid(unsafe_code)]

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

/// Pieces the mutations insert: the syntax of `.env` files and what the rules look for.
const TOKENS: &[&[u8]] = &[
    b"${",
    b"}",
    b"$",
    b"\"",
    b"'",
    b"\\",
    b"\n",
    b"\r\n",
    b"=",
    b"export ",
    b"#",
    b"@",
    b"\0",
    b"\xef\xbb\xbf",
    b"\xff",
    b"PUSHER_SECRET=",
    b"PUSHER_APP_SECRET=",
    b"PUSHER_KEY=",
    b"PUSHER_APP_ID=",
    b"PUSHER_HOST=",
    b"PUSHER_CLUSTER=",
    b"PUSHER_PORT=",
    b"PUSHER_SCHEME=",
    b"NEXT_PUBLIC_PUSHER_KEY=",
    b"NEXT_PUBLIC_PUSHER_SECRET=",
    b"VITE_PUSHER_APP_KEY=\"${PUSHER_APP_KEY}\"",
    b"VITE_PUSHER_HOST=",
    b"${PUSHER_SECRET}",
    b".pusher.com",
    b"api-",
    b"ws-",
    b"https://",
    b":6001",
    b"eu",
    b"mt1",
    b"soketi",
    b"pk_live_",
    b"ghp_",
    b"eyJ",
];

/// The largest input a mutation may grow to.
const MAX_LEN: usize = 64 * 1024;

/// xorshift64*: reproducible runs from a seed, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

fn mutate(rng: &mut Rng, input: &[u8], corpus: &[Vec<u8>]) -> Vec<u8> {
    let mut out = input.to_vec();
    for _ in 0..=rng.below(4) {
        let at = rng.below(out.len() + 1);
        match rng.below(6) {
            0 if !out.is_empty() => {
                let i = rng.below(out.len());
                out[i] = rng.next() as u8;
            }
            1 | 2 => {
                let token = TOKENS[rng.below(TOKENS.len())];
                out.splice(at..at, token.iter().copied());
            }
            3 if !out.is_empty() => {
                let end = (at + rng.below(16)).min(out.len());
                out.drain(at..end);
            }
            4 if !out.is_empty() => {
                let start = rng.below(out.len());
                let end = (start + rng.below(64)).min(out.len());
                let piece = out[start..end].to_vec();
                out.splice(at..at, piece);
            }
            _ => {
                let other = &corpus[rng.below(corpus.len())];
                let start = rng.below(other.len() + 1);
                let end = (start + rng.below(256)).min(other.len());
                out.splice(at..at, other[start..end].iter().copied());
            }
        }
    }
    out.truncate(MAX_LEN);
    out
}

fn files_under(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
            .map(|dir| dir.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        entries.sort();
        for entry in entries {
            files_under(&entry, out);
        }
    } else if path.is_file() {
        out.push(path.to_owned());
    }
}

/// Runs both harnesses on `input`; on a panic, saves the input and returns where.
fn run(input: &[u8]) -> Result<(), PathBuf> {
    let outcome = std::panic::catch_unwind(|| {
        pusher_config_fuzz::env_file(input);
        pusher_config_fuzz::rules(input);
    });
    outcome.map_err(|_| {
        // FNV-1a names the artifact by its content.
        let hash = input.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
            (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
        });
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("artifacts/replay");
        let path = dir.join(format!("crash-{hash:016x}"));
        std::fs::create_dir_all(&dir)
            .and_then(|()| std::fs::write(&path, input))
            .expect("save the failing input");
        path
    })
}

fn main() -> ExitCode {
    let mut iterations = 10_000_usize;
    let mut seed = 0x5eed_u64;
    let mut paths = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--iterations" => {
                iterations = args
                    .next()
                    .and_then(|n| n.parse().ok())
                    .expect("--iterations takes a number");
            }
            "--seed" => {
                seed = args
                    .next()
                    .and_then(|n| n.parse().ok())
                    .expect("--seed takes a number");
            }
            _ => paths.push(PathBuf::from(arg)),
        }
    }
    if paths.is_empty() {
        paths.push(Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds"));
    }
    let mut files = Vec::new();
    for path in &paths {
        files_under(path, &mut files);
    }
    let mut corpus: Vec<Vec<u8>> = files
        .iter()
        .map(|file| std::fs::read(file).expect("read an input"))
        .collect();
    if corpus.is_empty() {
        corpus.push(Vec::new());
    }

    let start = Instant::now();
    for input in &corpus {
        if let Err(saved) = run(input) {
            println!("failure, input saved to {}", saved.display());
            return ExitCode::FAILURE;
        }
    }
    let mut rng = Rng(seed.max(1));
    for _ in 0..iterations {
        let base = &corpus[rng.below(corpus.len())];
        let input = mutate(&mut rng, base, &corpus);
        if let Err(saved) = run(&input) {
            println!("failure, input saved to {}", saved.display());
            return ExitCode::FAILURE;
        }
    }
    println!(
        "{} inputs and {iterations} mutations (seed {seed}) through both harnesses in {:.1?}: no failure",
        corpus.len(),
        start.elapsed()
    );
    ExitCode::SUCCESS
}
