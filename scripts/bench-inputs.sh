#!/usr/bin/env bash
# How long `pusher_config!()` takes on large and hostile `.env` files: the build of a one-file
# app whose dependencies are already built (`touch src/main.rs`, then `cargo build`), for each
# input, beside the same app with a four-line `.env` as the baseline.
#
#   bash scripts/bench-inputs.sh [RUNS]      (default 3)
#
# Inputs: 20,000 unrelated variables (each with a `${HOME}` reference); an expansion bomb of
# 40 doubling `${V}${V}` lines (16 bytes doubled 40 times would be 16 TiB); a `.env` just under
# the 4 MiB limit; a `.env` of 64 MiB (refused unread). Prints each input's median build time,
# whether the build passed, and the compiler's peak memory (GNU time's maximum resident set).
set -euo pipefail

runs="${1:-3}"
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export CARGO_TARGET_DIR="$work/target"

mkdir -p "$work/app/src"
cat > "$work/app/Cargo.toml" <<TOML
[package]
name = "app"
version = "0.0.0"
edition = "2021"

[dependencies]
pusher-config = { path = "$root/pusher-config" }

[workspace]
TOML
cat > "$work/app/src/main.rs" <<'RS'
static PUSHER: pusher_config::PusherConfig = pusher_config::pusher_config!();
fn main() {
    println!("{}", PUSHER.cluster());
}
RS
cp "$root/Cargo.lock" "$work/app/Cargo.lock"

valid='PUSHER_APP_ID=2047711
PUSHER_KEY=9c2e4b7a1f08d3e65b4a
PUSHER_SECRET=3f7d0a9e6c1b8e2d4a57
PUSHER_CLUSTER=eu'

make_input() {
  local name="$1" file="$work/inputs/$1.env"
  mkdir -p "$work/inputs"
  case "$name" in
    baseline) printf '%s\n' "$valid" > "$file" ;;
    vars-20000)
      { printf '%s\n' "$valid"
        for i in $(seq 1 20000); do printf 'UNRELATED_%d=value-%d-${HOME}\n' "$i" "$i"; done
      } > "$file" ;;
    bomb-40)
      { printf '%s\n' "$valid" 'V0=xxxxxxxxxxxxxxxx'
        for i in $(seq 1 40); do printf 'V%d=${V%d}${V%d}\n' "$i" "$((i-1))" "$((i-1))"; done
      } > "$file" ;;
    near-4mib)
      { printf '%s\n' "$valid"
        line=$(printf 'A%.0s' $(seq 1 1000))
        for i in $(seq 1 4000); do printf 'FILLER_%d=%s\n' "$i" "$line"; done
      } > "$file" ;;
    huge-64mib)
      { printf '%s\n' "$valid"; head -c $((64 * 1024 * 1024)) /dev/zero | tr '\0' 'a'; } > "$file" ;;
  esac
  echo "$file"
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# Dependencies once.
cp "$(make_input baseline)" "$work/app/.env"
(cd "$work/app" && cargo build -q --offline 2>/dev/null || cargo build -q)

printf '%-12s %10s %8s %12s %s\n' input bytes median peak-rss result
for input in baseline vars-20000 bomb-40 near-4mib huge-64mib; do
  file=$(make_input "$input")
  cp "$file" "$work/app/.env"
  times=()
  for _ in $(seq 1 "$runs"); do
    touch "$work/app/src/main.rs"
    start=$(date +%s.%N)
    if (cd "$work/app" && /usr/bin/time -f '%M' -o "$work/rss" cargo build -q --offline 2>"$work/err"); then
      result=pass
    else
      result="fails: $(grep -m1 '^error' "$work/err" | cut -c1-90)"
    fi
    end=$(date +%s.%N)
    times+=("$(echo "$end - $start" | bc)")
  done
  med=$(printf '%s\n' "${times[@]}" | median)
  printf '%-12s %10d %7.2fs %10s kB %s\n' "$input" "$(stat -c %s "$file")" "$med" "$(tail -n 1 "$work/rss")" "$result"
done
