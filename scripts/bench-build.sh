#!/usr/bin/env bash
# Clean-build time of a minimal app using `pusher_config!()` against the same app using
# `dotenvy_macro::dotenv!` for the same four variables, built side by side, alternating.
#
#   bash scripts/bench-build.sh [RUNS]      (default 5)
#
# Prints each run, the medians, and the ratios. Each build uses an empty target folder, so every
# dependency (syn, the macro crate, …) is compiled as in a user's first `cargo build`.
#
# Two modes, both side by side against the same baseline:
# - "as published": CARGO_INCREMENTAL=0 for both apps. A user gets our crates from crates.io,
#   and cargo compiles registry crates without incremental compilation; the scratch app reaches
#   ours by path, which would otherwise turn it on for them (and for the app, in both builds).
# - "by path": cargo's defaults, incremental on for our path crates: what a workspace member sees.
set -euo pipefail

runs="${1:-5}"
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

envfile='PUSHER_APP_ID=2047711
PUSHER_KEY=9c2e4b7a1f08d3e65b4a
PUSHER_SECRET=3f7d0a9e6c1b8e2d4a57
PUSHER_CLUSTER=eu'

mkdir -p "$work/baseline/src" "$work/ours/src"
cat > "$work/baseline/Cargo.toml" <<TOML
[package]
name = "baseline"
version = "0.0.0"
edition = "2021"

[dependencies]
dotenvy_macro = "0.15.7"

[workspace]
TOML
cat > "$work/baseline/src/main.rs" <<'RS'
static APP_ID: &str = dotenvy_macro::dotenv!("PUSHER_APP_ID");
static KEY: &str = dotenvy_macro::dotenv!("PUSHER_KEY");
static SECRET: &str = dotenvy_macro::dotenv!("PUSHER_SECRET");
static CLUSTER: &str = dotenvy_macro::dotenv!("PUSHER_CLUSTER");
fn main() {
    println!("{APP_ID} {} {} {CLUSTER}", KEY.len(), SECRET.len());
}
RS
cat > "$work/ours/Cargo.toml" <<TOML
[package]
name = "ours"
version = "0.0.0"
edition = "2021"

[dependencies]
pusher-config = { path = "$root/pusher-config" }

[workspace]
TOML
cat > "$work/ours/src/main.rs" <<'RS'
static PUSHER: pusher_config::PusherConfig = pusher_config::pusher_config!();
fn main() {
    println!("{} {} {} {}", PUSHER.app_id(), PUSHER.key(), PUSHER.secret(), PUSHER.cluster());
}
RS
for app in baseline ours; do
  printf '%s\n' "$envfile" > "$work/$app/.env"
  cp "$root/Cargo.lock" "$work/$app/Cargo.lock"
  (cd "$work/$app" && cargo fetch -q)
done

time_build() {
  local app="$1" incremental="$2"
  rm -rf "$work/$app/target"
  # A caller's CARGO_TARGET_DIR would make every build but the first one warm.
  unset CARGO_TARGET_DIR
  local start end
  start=$(date +%s%N)
  if [ "$incremental" = 0 ]; then
    (cd "$work/$app" && CARGO_INCREMENTAL=0 cargo build -q --offline)
  else
    # Cargo's defaults: incremental for path crates (ours), not for registry ones.
    (cd "$work/$app" && env -u CARGO_INCREMENTAL cargo build -q --offline)
  fi
  end=$(date +%s%N)
  echo "$(( (end - start) / 1000000 ))"
}

# Warm the file cache once, untimed.
time_build baseline 0 >/dev/null
time_build ours 0 >/dev/null

declare -A times
for i in $(seq "$runs"); do
  for mode in 0 1; do
    b=$(time_build baseline "$mode")
    o=$(time_build ours "$mode")
    times[base$mode]+="$b "
    times[ours$mode]+="$o "
    printf 'run %d (%s): baseline %d ms  pusher_config %d ms\n' "$i" \
      "$([ "$mode" = 0 ] && echo 'as published' || echo 'by path')" "$b" "$o"
  done
done

python3 - "${times[base0]}" "${times[ours0]}" "${times[base1]}" "${times[ours1]}" <<'PY'
import statistics, sys
def median(arg):
    return statistics.median(int(x) / 1000 for x in arg.split())
for label, base, ours in (("as published", sys.argv[1], sys.argv[2]), ("by path", sys.argv[3], sys.argv[4])):
    mb, mo = median(base), median(ours)
    # Each run's own ratio (its two builds ran back to back): the spread shows the noise.
    ratios = [int(o) / int(b) for b, o in zip(base.split(), ours.split())]
    print(f"median ({label}): baseline (dotenvy_macro) {mb:.2f}s, pusher_config {mo:.2f}s, ratio {mo / mb:.2f}x"
          f" (runs {min(ratios):.2f}x to {max(ratios):.2f}x)")
PY
