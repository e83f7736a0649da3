#!/usr/bin/env bash
# End to end against a real Pusher-protocol server and the official client: sockudo 5.2.0 (from
# crates.io) on loopback, pusher-js (from npm), and what pusher-config produces (the
# `e2e-peer` binary of the tests crate, and the axum example `examples/axum-auth`, which serves
# pusher-js its options and auth endpoints over HTTP). Uses a sockudo on PATH, in /opt/sockudo/bin or in
# ~/.cargo/bin only if it reports version 5.2.0; otherwise installs that version into
# /opt/sockudo (about 14 minutes on 2 cores; it needs Debian's protobuf-compiler, libssl-dev and
# pkg-config, installed with apt-get when missing).
#
# The server runs on a free port, with its own app credentials, from an empty folder and a clean
# environment; the checks start only once its log says it listens on that port and its health
# endpoint `/up/<app id>` answers OK for our app, and only while that process is alive. Needs
# cargo, Node (20 or later) and npm.
#
#   bash scripts/e2e-sockudo.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

sockudo_version=5.2.0
# `sockudo --version` prints `sockudo 5.2.0` (clap's version line).
is_pinned_sockudo() {
  [ -x "$1" ] && [ "$("$1" --version 2>/dev/null || true)" = "sockudo $sockudo_version" ]
}
sockudo=
for candidate in "$(command -v sockudo || true)" /opt/sockudo/bin/sockudo "$HOME/.cargo/bin/sockudo"; do
  [ -n "$candidate" ] || continue
  if is_pinned_sockudo "$candidate"; then
    sockudo="$candidate"
    break
  elif [ -x "$candidate" ]; then
    echo "ignoring $candidate: it reports '$("$candidate" --version 2>&1 | head -n 1 || true)'," \
      "not 'sockudo $sockudo_version'" >&2
  fi
done
if [ -z "$sockudo" ]; then
  # Build needs: protoc for its gRPC parts, OpenSSL headers and pkg-config for native-tls.
  # CI runs as root; elsewhere run this once with sudo, or install sockudo yourself.
  if ! command -v protoc >/dev/null || ! command -v pkg-config >/dev/null \
    || ! pkg-config --exists openssl 2>/dev/null; then
    apt-get update -qq
    apt-get install -y -qq protobuf-compiler libssl-dev pkg-config
  fi
  # --force: replace whatever other sockudo is in /opt/sockudo/bin.
  cargo install sockudo --version "=$sockudo_version" --locked --force --root /opt/sockudo
  sockudo=/opt/sockudo/bin/sockudo
  if ! is_pinned_sockudo "$sockudo"; then
    echo "$sockudo does not report 'sockudo $sockudo_version' after installing it" >&2
    exit 1
  fi
fi
echo "server: $sockudo ($("$sockudo" --version))"

(cd tests/e2e && npm ci --no-audit --no-fund --silent)

# Where cargo put a binary (it honours CARGO_TARGET_DIR and build.target-dir): the executable of
# its compiler-artifact message. Usage: built_executable NAME CARGO_BUILD_ARGS...
# shellcheck disable=SC2016 # JavaScript, not shell, in single quotes
built_executable() {
  local name="$1"
  shift
  cargo build -q --locked "$@" --message-format=json-render-diagnostics | node -e '
    const name = process.argv[1];
    let input = "";
    process.stdin.on("data", (chunk) => (input += chunk)).on("end", () => {
      const executables = input.split("\n").filter((line) => line.startsWith("{"))
        .map((line) => JSON.parse(line))
        .filter((m) => m.reason === "compiler-artifact" && m.target.name === name && m.executable)
        .map((m) => m.executable);
      if (executables.length !== 1) {
        console.error(`cargo reported ${executables.length} ${name} executables`);
        process.exit(1);
      }
      console.log(executables[0]);
    });' "$name"
}
peer="$(built_executable e2e-peer -p pusher-config-tests --bin e2e-peer)"
[ -x "$peer" ] || { echo "e2e-peer is not at $peer" >&2; exit 1; }
echo "peer: $peer"
# The example that serves a front end: pusher-js's auth endpoints and options.
axum_example="$(built_executable axum-auth -p axum-auth --bin axum-auth)"
[ -x "$axum_example" ] || { echo "axum-auth is not at $axum_example" >&2; exit 1; }
echo "example: $axum_example"
# Built before the server starts; run once it is ready.
cargo test -q --locked -p pusher-config-tests --test live_sockudo --no-run
cargo test -q --locked -p pusher-config-cli --test cli --no-run

# Made-up credentials for this run only; a self-hosted server accepts any.
app_id=2047711
key=6b1e9f3a0c7d52e48a1f
secret=d03c8a7e1f52b96e4a0c
# The master key of end-to-end encrypted channels: 32 bytes in base64, known to e2e-peer only
# (the server never has it: it relays encrypted data as it is).
master_key=3q2+7wCx1lQfZ0c9VtA8Yk2nRbE4uJ6pLmW5oHiGzXs=
free_port() {
  node -e '
    const server = require("net").createServer();
    server.listen(0, "127.0.0.1", () => { console.log(server.address().port); server.close(); });'
}
port="$(free_port)"
# The axum example's port, chosen now: sockudo sends it webhooks.
axum_port="$(free_port)"
axum_url="http://127.0.0.1:$axum_port"

# From an empty folder, so no config/config.toml or config/config.json is read, and with only
# the environment it needs, so no ambient REDIS_*, APP_MANAGER_*, RUST_LOG... changes it. JSON
# logs for the readiness line; the metrics listener (its own port) is off; no 10 s drain on stop.
# The app is given in a config file named with `--config` (sockudo's `SOCKUDO_DEFAULT_APP_*`
# variables cannot set webhooks): user authentication (`pusher.signin()`) on, which sockudo
# leaves off by default, and webhooks for occupied channels and added members sent to the axum
# example, through sockudo's in-memory queue (its default queue is Redis); no rate limit.
workdir="$(mktemp -d)"
log="$workdir/sockudo.log"
sockudo_config="$workdir/sockudo.json"
# shellcheck disable=SC2016 # JavaScript, not shell, in single quotes
node -e '
  const [file, id, key, secret, webhookUrl] = process.argv.slice(1);
  const app = {
    id, key, secret, enabled: true,
    max_connections: 100, enable_client_messages: false, max_client_events_per_second: 100,
    enable_user_authentication: true,
    webhooks: [{ url: webhookUrl, event_types: ["channel_occupied", "member_added"] }],
  };
  // No rate limit: the run opens many connections from one address in a few seconds, and a
  // 429 to a handshake would say nothing about what is being checked.
  require("fs").writeFileSync(file, JSON.stringify({
    app_manager: { driver: "memory", array: { apps: [app] } },
    rate_limiter: { enabled: false },
  }));
' "$sockudo_config" "$app_id" "$key" "$secret" "$axum_url/pusher/webhooks"
server=
axum_pid=
stop_process() {
  [ -n "$1" ] || return 0
  kill "$1" 2>/dev/null || true
  for _ in $(seq 100); do kill -0 "$1" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$1" 2>/dev/null || true
}
stop_server() {
  stop_process "$axum_pid"
  stop_process "$server"
  rm -rf "$workdir"
}
trap stop_server EXIT
server_log() {
  echo "--- sockudo log (last 40 lines)" >&2
  tail -n 40 "$log" >&2
}
(cd "$workdir" && exec env -i PATH="$PATH" HOME="$HOME" \
  HOST=127.0.0.1 PORT="$port" METRICS_ENABLED=false LOG_OUTPUT_FORMAT=json RUST_LOG=info \
  SHUTDOWN_GRACE_PERIOD=0 QUEUE_DRIVER=memory \
  "$sockudo" --config "$sockudo_config") >"$log" 2>&1 &
server=$!

# Ready: its log has `http server listening` on our address and no `http server error` (it logs
# the first just before it binds, the second when the bind fails: "Address already in use", and
# then exits), and GET /up/<app id> answers 200 `OK` with `X-Health-Check: OK`, which sockudo
# gives only for an app it has, enabled, with its adapter and cache healthy. Exit 2: it failed.
# shellcheck disable=SC2016 # JavaScript, not shell, in single quotes
readiness='
  const [log, port, appId] = process.argv.slice(1);
  const messages = require("fs").readFileSync(log, "utf8").split("\n").flatMap((line) => {
    try {
      const { fields } = JSON.parse(line);
      return fields ? [fields] : [];
    } catch {
      return [];
    }
  });
  if (messages.some((fields) => fields.message === "http server error")) process.exit(2);
  if (!messages.some((fields) => fields.message === "http server listening"
    && fields.listen_addr === `127.0.0.1:${port}`)) process.exit(1);
  fetch(`http://127.0.0.1:${port}/up/${appId}`, { signal: AbortSignal.timeout(1000) })
    .then(async (response) => {
      const body = await response.text();
      process.exit(response.status === 200 && body === "OK"
        && response.headers.get("x-health-check") === "OK" ? 0 : 1);
    }, () => process.exit(1));'
ready=no
for _ in $(seq 120); do
  kill -0 "$server" 2>/dev/null || break
  verdict=0
  node -e "$readiness" "$log" "$port" "$app_id" || verdict=$?
  if [ "$verdict" = 0 ]; then ready=yes; break; fi
  if [ "$verdict" = 2 ]; then break; fi
  sleep 0.5
done
# Still alive once ready, and no bind error since.
sleep 0.5
if [ "$ready" = yes ] && grep -qF '"message":"http server error"' "$log"; then ready=no; fi
if [ "$ready" != yes ] || ! kill -0 "$server" 2>/dev/null; then
  server_log
  if grep -qF '"message":"http server error"' "$log"; then
    why="it logged $(grep -F '"message":"http server error"' "$log" | head -n 1)"
  elif kill -0 "$server" 2>/dev/null; then
    why="it was not ready within 60 s"
  else
    wait "$server" && status=0 || status=$?
    why="it exited with status $status"
  fi
  echo "sockudo (pid $server) is not serving on 127.0.0.1:$port: $why" >&2
  exit 1
fi
echo "sockudo (pid $server) ready on 127.0.0.1:$port"

# The axum example, with our PUSHER_* settings only and its endpoints named in full (pusher-js's
# XMLHttpRequest in Node has no page to resolve a relative URL against). Ready when it prints
# that it listens on its port.
axum_log="$workdir/axum-auth.log"
(cd "$workdir" && exec env -i PATH="$PATH" HOME="$HOME" \
  PUSHER_APP_ID="$app_id" PUSHER_KEY="$key" PUSHER_SECRET="$secret" \
  PUSHER_HOST=127.0.0.1 PUSHER_PORT="$port" PUSHER_SCHEME=http \
  BIND=127.0.0.1 PORT="$axum_port" \
  CHANNEL_AUTH_ENDPOINT="$axum_url/pusher/auth" USER_AUTH_ENDPOINT="$axum_url/pusher/user-auth" \
  "$axum_example") >"$axum_log" 2>&1 &
axum_pid=$!
axum_log_tail() {
  echo "--- axum-auth log (last 20 lines)" >&2
  tail -n 20 "$axum_log" >&2
}
for _ in $(seq 100); do
  kill -0 "$axum_pid" 2>/dev/null || break
  grep -qxF "listening on $axum_url" "$axum_log" && break
  sleep 0.1
done
if ! grep -qxF "listening on $axum_url" "$axum_log" || ! kill -0 "$axum_pid" 2>/dev/null; then
  axum_log_tail
  echo "axum-auth (pid $axum_pid) is not serving on $axum_url" >&2
  exit 1
fi
echo "axum-auth (pid $axum_pid) ready on $axum_url"

# Only our PUSHER_* settings reach e2e-peer, which reads them with `PusherConfig::from_env`.
status=0
(
  while IFS= read -r name; do
    case "${name^^}" in *PUSHER*) unset "$name" ;; esac
  done < <(compgen -e)
  E2E_PEER="$peer" E2E_AXUM="$axum_url" E2E_AXUM_LOG="$axum_log" \
    PUSHER_APP_ID="$app_id" PUSHER_KEY="$key" PUSHER_SECRET="$secret" \
    PUSHER_HOST=127.0.0.1 PUSHER_PORT="$port" PUSHER_SCHEME=http \
    PUSHER_ENCRYPTION_MASTER_KEY_BASE64="$master_key" \
    exec node tests/e2e/client.mjs
) || status=$?
if ! kill -0 "$server" 2>/dev/null; then
  server_log
  echo "sockudo (pid $server) exited during the checks" >&2
  exit 1
fi
if ! kill -0 "$axum_pid" 2>/dev/null; then
  axum_log_tail
  echo "axum-auth (pid $axum_pid) exited during the checks" >&2
  exit 1
fi
if grep -qF "$secret" "$axum_log"; then
  echo "axum-auth printed the secret" >&2
  exit 1
fi
if [ "$status" != 0 ]; then
  server_log
  exit "$status"
fi

# The live check against the same server: right config, wrong secret, wrong key, wrong app id.
live_env=(LIVE_SOCKUDO_PORT="$port" LIVE_SOCKUDO_APP_ID="$app_id" LIVE_SOCKUDO_KEY="$key"
  LIVE_SOCKUDO_SECRET="$secret")
echo "live check against sockudo on 127.0.0.1:$port"
status=0
env "${live_env[@]}" cargo test -q --locked -p pusher-config-tests --test live_sockudo \
  -- --ignored --skip no_server || status=$?
# And through the command: `pusher-config check --live` exits 0, or 1 naming the variable.
if [ "$status" = 0 ]; then
  echo "pusher-config check --live against sockudo on 127.0.0.1:$port"
  env "${live_env[@]}" cargo test -q --locked -p pusher-config-cli --test cli \
    -- --ignored live::sockudo || status=$?
fi
if ! kill -0 "$server" 2>/dev/null; then
  server_log
  echo "sockudo (pid $server) exited during the live checks" >&2
  exit 1
fi
if [ "$status" != 0 ]; then
  server_log
  exit "$status"
fi

# Then with the server stopped: a clear error within 15 s, on the port it had.
kill "$server"
wait "$server" 2>/dev/null || true
server=
echo "live check with sockudo stopped (127.0.0.1:$port)"
env "${live_env[@]}" cargo test -q --locked -p pusher-config-tests --test live_sockudo \
  -- --ignored --exact no_server
