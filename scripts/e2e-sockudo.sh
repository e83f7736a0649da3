#!/usr/bin/env bash
# End to end against a real Pusher-protocol server and the official client: sockudo 5.2.0 (from
# crates.io) on loopback, pusher-js (from npm), and what pusher-config produces (the
# `e2e-peer` binary of the tests crate). Uses a sockudo on PATH, in /opt/sockudo/bin or in
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

# Where cargo put e2e-peer (it honours CARGO_TARGET_DIR and build.target-dir): the executable of
# its compiler-artifact message.
# shellcheck disable=SC2016 # JavaScript, not shell, in single quotes
peer="$(cargo build -q --locked -p pusher-config-tests --bin e2e-peer \
  --message-format=json-render-diagnostics | node -e '
    let input = "";
    process.stdin.on("data", (chunk) => (input += chunk)).on("end", () => {
      const executables = input.split("\n").filter((line) => line.startsWith("{"))
        .map((line) => JSON.parse(line))
        .filter((m) => m.reason === "compiler-artifact" && m.target.name === "e2e-peer" && m.executable)
        .map((m) => m.executable);
      if (executables.length !== 1) {
        console.error(`cargo reported ${executables.length} e2e-peer executables`);
        process.exit(1);
      }
      console.log(executables[0]);
    });')"
[ -x "$peer" ] || { echo "e2e-peer is not at $peer" >&2; exit 1; }
echo "peer: $peer"
# Built before the server starts; run once it is ready.
cargo test -q --locked -p pusher-config-tests --test live_sockudo --no-run

# Made-up credentials for this run only; a self-hosted server accepts any.
app_id=2047711
key=6b1e9f3a0c7d52e48a1f
secret=d03c8a7e1f52b96e4a0c
port="$(node -e '
  const server = require("net").createServer();
  server.listen(0, "127.0.0.1", () => { console.log(server.address().port); server.close(); });')"

# From an empty folder, so no config/config.toml or config/config.json is read, and with only
# the environment it needs, so no ambient REDIS_*, APP_MANAGER_*, RUST_LOG... changes it. JSON
# logs for the readiness line; the metrics listener (its own port) is off; no 10 s drain on stop.
workdir="$(mktemp -d)"
log="$workdir/sockudo.log"
server=
stop_server() {
  if [ -n "$server" ]; then
    kill "$server" 2>/dev/null || true
    for _ in $(seq 100); do kill -0 "$server" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$server" 2>/dev/null || true
  fi
  rm -rf "$workdir"
}
trap stop_server EXIT
server_log() {
  echo "--- sockudo log (last 40 lines)" >&2
  tail -n 40 "$log" >&2
}
(cd "$workdir" && exec env -i PATH="$PATH" HOME="$HOME" \
  HOST=127.0.0.1 PORT="$port" METRICS_ENABLED=false LOG_OUTPUT_FORMAT=json RUST_LOG=info \
  SHUTDOWN_GRACE_PERIOD=0 \
  SOCKUDO_DEFAULT_APP_ID="$app_id" SOCKUDO_DEFAULT_APP_KEY="$key" \
  SOCKUDO_DEFAULT_APP_SECRET="$secret" SOCKUDO_DEFAULT_APP_ENABLED=true \
  "$sockudo") >"$log" 2>&1 &
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

# Only our PUSHER_* settings reach e2e-peer, which reads them with `PusherConfig::from_env`.
status=0
(
  while IFS= read -r name; do
    case "${name^^}" in *PUSHER*) unset "$name" ;; esac
  done < <(compgen -e)
  E2E_PEER="$peer" PUSHER_APP_ID="$app_id" PUSHER_KEY="$key" PUSHER_SECRET="$secret" \
    PUSHER_HOST=127.0.0.1 PUSHER_PORT="$port" PUSHER_SCHEME=http \
    exec node tests/e2e/client.mjs
) || status=$?
if ! kill -0 "$server" 2>/dev/null; then
  server_log
  echo "sockudo (pid $server) exited during the checks" >&2
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
