#!/usr/bin/env bash
# End to end against a real Pusher-protocol server and the official client: sockudo (from
# crates.io) on loopback, pusher-js (from npm), and what pusher-config produces (the
# `e2e-peer` binary of the tests crate). Installs sockudo when it is missing (about 14 minutes
# on 2 cores; it needs Debian's protobuf-compiler).
#
#   bash scripts/e2e-sockudo.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

sockudo_version=5.2.0
sockudo="$(command -v sockudo || true)"
for candidate in /opt/sockudo/bin/sockudo "$HOME/.cargo/bin/sockudo"; do
  [ -z "$sockudo" ] && [ -x "$candidate" ] && sockudo="$candidate"
done
if [ -z "$sockudo" ]; then
  # Build needs: protoc for its gRPC parts, OpenSSL headers and pkg-config for native-tls.
  # CI runs as root; elsewhere run this once with sudo, or install sockudo yourself.
  if ! command -v protoc >/dev/null || ! command -v pkg-config >/dev/null \
    || ! pkg-config --exists openssl 2>/dev/null; then
    apt-get update -qq
    apt-get install -y -qq protobuf-compiler libssl-dev pkg-config
  fi
  cargo install sockudo --version "$sockudo_version" --locked --root /opt/sockudo
  sockudo=/opt/sockudo/bin/sockudo
fi

(cd tests/e2e && npm ci --no-audit --no-fund --silent)
cargo build -q -p pusher-config-tests --bin e2e-peer
peer="$root/target/debug/e2e-peer"

# Made-up credentials for this run only; a self-hosted server accepts any.
app_id=2047711
key=6b1e9f3a0c7d52e48a1f
secret=d03c8a7e1f52b96e4a0c
port=6001

log="$(mktemp)"
HOST=127.0.0.1 PORT="$port" METRICS_ENABLED=false \
  SOCKUDO_DEFAULT_APP_ID="$app_id" SOCKUDO_DEFAULT_APP_KEY="$key" SOCKUDO_DEFAULT_APP_SECRET="$secret" \
  "$sockudo" >"$log" 2>&1 &
server=$!
stop_server() {
  kill "$server" 2>/dev/null || true
  for _ in $(seq 50); do kill -0 "$server" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$server" 2>/dev/null || true
  rm -f "$log"
}
trap stop_server EXIT

listening=no
for _ in $(seq 150); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then listening=yes; break; fi
  if ! kill -0 "$server" 2>/dev/null; then break; fi
  sleep 0.2
done
if [ "$listening" != yes ]; then
  tail -n 40 "$log"
  echo "sockudo is not listening on 127.0.0.1:$port (is the port taken?)" >&2
  exit 1
fi

E2E_PEER="$peer" PUSHER_APP_ID="$app_id" PUSHER_KEY="$key" PUSHER_SECRET="$secret" \
  PUSHER_HOST=127.0.0.1 PUSHER_PORT="$port" PUSHER_SCHEME=http \
  node tests/e2e/client.mjs || { echo "--- sockudo log"; tail -n 40 "$log"; exit 1; }
