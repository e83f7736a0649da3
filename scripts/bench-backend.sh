#!/usr/bin/env bash
# What adding `pusher-config` (with `signing`) costs a typical small backend: axum 0.8, tokio
# (`rt-multi-thread,macros,net`), serde with derive, serde_json, tracing, tracing-subscriber.
# Two scratch apps with the same code: "without" answers its auth route with a placeholder;
# "with" has one `static PUSHER = pusher_config!()` and signs the channel authorization.
#
#   bash scripts/bench-backend.sh [RUNS]      (default 5)
#
# Prints, for RUNS alternating clean builds of each (empty target folder each time):
# - each run, the medians and the ratio, "as published" (CARGO_INCREMENTAL=0, as cargo builds
#   registry crates) and "by path" (cargo's defaults: incremental on for our path crates);
# - from `cargo build --timings`: the units the "with" app compiles that the "without" app does
#   not (name, version, features, seconds), and their total;
# - the rebuild after editing `.env` (one value changed to another valid one) against the
#   rebuild after `touch src/main.rs`, RUNS of each alternating, medians and ratio.
# Lock files are resolved fresh, as a new project's would be. Measure on a quiet machine
# (`cat /proc/loadavg`): other builds on the same cores skew every figure.
set -euo pipefail

runs="${1:-5}"
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# Each app builds into its own `target/`, whatever the caller's environment says.
unset CARGO_TARGET_DIR CARGO_BUILD_TARGET_DIR CARGO_INCREMENTAL RUSTC_WRAPPER CARGO_BUILD_RUSTC_WRAPPER
echo "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"

# Made-up values that pass the rules; SECRET_B replaces SECRET_A for the `.env` edit.
secret_a=3f7d0a9e6c1b8e2d4a57
secret_b=5b1c8e0d2a7f4c9e3d61

write_app() {
  local app="$1" extra_dep="$2" pusher_static="$3" auth_body="$4"
  mkdir -p "$work/$app/src"
  cat > "$work/$app/Cargo.toml" <<TOML
[package]
name = "backend"
version = "0.0.0"
edition = "2021"

[dependencies]
axum = "0.8"
serde = { version = "1", features = ["derive"] }
serde_json = "1"
tokio = { version = "1", features = ["rt-multi-thread", "macros", "net"] }
tracing = "0.1"
tracing-subscriber = "0.3"
$extra_dep

[workspace]
TOML
  cat > "$work/$app/src/main.rs" <<RS
use axum::{http::StatusCode, routing::{get, post}, Json, Router};
use serde::{Deserialize, Serialize};
$pusher_static
#[derive(Serialize)]
struct Health {
    status: &'static str,
    uptime_s: u64,
}

#[derive(Deserialize)]
struct AuthRequest {
    socket_id: String,
    channel_name: String,
}

async fn health() -> Json<Health> {
    Json(Health { status: "ok", uptime_s: 0 })
}

async fn pusher_auth(Json(req): Json<AuthRequest>) -> Result<Json<serde_json::Value>, StatusCode> {
$auth_body
}

#[tokio::main]
async fn main() {
    tracing_subscriber::fmt::init();
    let app = Router::new()
        .route("/health", get(health))
        .route("/pusher/auth", post(pusher_auth));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    tracing::info!("listening on {}", listener.local_addr().expect("address"));
    axum::serve(listener, app).await.expect("serve");
}
RS
  printf 'PUSHER_APP_ID=2047711\nPUSHER_KEY=9c2e4b7a1f08d3e65b4a\nPUSHER_SECRET=%s\nPUSHER_CLUSTER=eu\n' \
    "$secret_a" > "$work/$app/.env"
}

write_app without '' '' '    if req.socket_id.is_empty() || req.channel_name.is_empty() {
        return Err(StatusCode::FORBIDDEN);
    }
    Ok(Json(serde_json::json!({ "auth": format!("{}:{}", req.socket_id, req.channel_name) })))'
write_app with \
  "pusher-config = { path = \"$root/pusher-config\", features = [\"signing\"] }" \
  '
static PUSHER: pusher_config::PusherConfig = pusher_config::pusher_config!();
' \
  '    let auth = PUSHER
        .authorize_channel(&req.socket_id, &req.channel_name)
        .map_err(|_| StatusCode::FORBIDDEN)?;
    Ok(Json(serde_json::json!({ "auth": auth.auth() })))'

for app in without with; do
  # Offline when the local registry cache has everything; otherwise from crates.io.
  (cd "$work/$app" && { cargo generate-lockfile -q --offline 2>/dev/null || cargo generate-lockfile -q; } \
    && cargo fetch -q)
done

# Prints the milliseconds of one build of APP: INCREMENTAL is 0 (as published) or empty
# (cargo's defaults); CLEAN=1 empties its target folder first.
time_build() {
  local app="$1" incremental="$2" clean="$3"
  [ "$clean" = 1 ] && rm -rf "$work/$app/target"
  local start end
  start=$(date +%s%N)
  (cd "$work/$app" && env ${incremental:+CARGO_INCREMENTAL="$incremental"} cargo build -q --offline)
  end=$(date +%s%N)
  echo "$(( (end - start) / 1000000 ))"
}

# Warm the file cache once, untimed.
time_build without 0 1 >/dev/null
time_build with 0 1 >/dev/null

declare -A times
for i in $(seq "$runs"); do
  for mode in 0 ''; do
    w=$(time_build without "$mode" 1)
    p=$(time_build with "$mode" 1)
    times[without${mode:-1}]+="$w "
    times[with${mode:-1}]+="$p "
    printf 'clean run %d (%s): without %d ms  with pusher-config %d ms\n' "$i" \
      "$([ "$mode" = 0 ] && echo 'as published' || echo 'by path')" "$w" "$p"
  done
done

# One clean build of each with `--timings`, as published, for what the "with" app adds.
for app in without with; do
  rm -rf "$work/$app/target"
  (cd "$work/$app" && CARGO_INCREMENTAL=0 cargo build -q --offline --timings 2>/dev/null)
done

# Rebuilds of the "with" app (cargo's defaults), alternating: `.env` edited, `main.rs` touched.
time_build with '' 0 >/dev/null
secret=$secret_a
for i in $(seq "$runs"); do
  if [ "$secret" = "$secret_a" ]; then secret=$secret_b; else secret=$secret_a; fi
  sed -i "s/^PUSHER_SECRET=.*/PUSHER_SECRET=$secret/" "$work/with/.env"
  before=$(stat -c %Y.%y "$work/with/target/debug/backend")
  e=$(time_build with '' 0)
  # The edit must have rebuilt the app, or this figure is a no-op build's.
  if [ "$(stat -c %Y.%y "$work/with/target/debug/backend")" = "$before" ]; then
    echo 'error: editing .env did not rebuild the app' >&2
    exit 1
  fi
  sleep 1
  touch "$work/with/src/main.rs"
  t=$(time_build with '' 0)
  times[env]+="$e "
  times[touch]+="$t "
  printf 'rebuild %d: after editing .env %d ms  after touching main.rs %d ms\n' "$i" "$e" "$t"
  sleep 1
done
# And the app is not rebuilt when nothing changed (else both figures would be a full rebuild's).
if ! (cd "$work/with" && cargo build -v --offline 2>&1 | grep -q 'Fresh backend'); then
  echo 'error: the app was not up to date after its rebuild' >&2
  exit 1
fi

echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$work" "${times[without0]}" "${times[with0]}" "${times[without1]}" "${times[with1]}" \
  "${times[env]}" "${times[touch]}" <<'PY'
import glob, json, statistics, sys

work = sys.argv[1]

def median(arg):
    return statistics.median(int(x) / 1000 for x in arg.split())

for label, without, with_ in (("as published", sys.argv[2], sys.argv[3]),
                              ("by path", sys.argv[4], sys.argv[5])):
    mw, mp = median(without), median(with_)
    print(f"median clean build ({label}): without {mw:.2f}s, with pusher-config {mp:.2f}s, "
          f"ratio {mp / mw:.2f}x")
me, mt = median(sys.argv[6]), median(sys.argv[7])
print(f"median rebuild: after editing .env {me:.2f}s, after touching main.rs {mt:.2f}s, "
      f"ratio {me / mt:.2f}x")

def units(app):
    """The units of the app's `cargo build --timings` report (its `UNIT_DATA` array)."""
    (path,) = glob.glob(f"{work}/{app}/target/cargo-timings/cargo-timing.html")
    html = open(path, encoding="utf-8").read()
    start = html.index("const UNIT_DATA = ") + len("const UNIT_DATA = ")
    data, _ = json.JSONDecoder().raw_decode(html[start:])
    return data

def key(unit):
    return (unit["name"], unit["version"], unit["target"], tuple(unit["features"]))

without, with_ = units("without"), units("with")
seen = {key(u) for u in without if u["name"] != "backend"}
added = sorted((u for u in with_ if u["name"] != "backend" and key(u) not in seen),
               key=lambda u: -u["duration"])
print("units the 'with' app compiles that the 'without' app does not (cargo build --timings, "
      "as published):")
for u in added:
    features = ",".join(u["features"]) or "-"
    print(f"  {u['duration']:6.2f}s  {u['name']} {u['version']}{u['target']}  [{features}]")
print(f"  {sum(u['duration'] for u in added):6.2f}s  total")
app_without = sum(u["duration"] for u in without if u["name"] == "backend")
app_with = sum(u["duration"] for u in with_ if u["name"] == "backend")
print(f"  the app itself: {app_with:.2f}s with, {app_without:.2f}s without")
print(f"all units, summed: without {sum(u['duration'] for u in without):.2f}s, "
      f"with {sum(u['duration'] for u in with_):.2f}s")
PY
