#!/usr/bin/env bash
# Starts a throwaway Redis (Debian's redis-server) for the cluster tests and prints its URL.
#   scripts/redis.sh start [port]   → prints redis://127.0.0.1:PORT  (no persistence, bound to 127.0.0.1)
#   scripts/redis.sh stop [port]
# Installs redis-server from Debian's packages when it is missing (needs root, as on CI).
set -euo pipefail
cmd=${1:-start}
port=${2:-6390}
state=${TMPDIR:-/tmp}/fenji-redis-$port

if [ "$cmd" = stop ]; then
  if [ -f "$state/pid" ]; then kill "$(cat "$state/pid")" 2>/dev/null || true; fi
  rm -rf "$state"
  exit 0
fi

if ! command -v redis-server >/dev/null 2>&1; then
  echo "installing redis-server…" >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends redis-server) >&2
fi

if [ -f "$state/pid" ] && kill -0 "$(cat "$state/pid")" 2>/dev/null; then
  echo "redis://127.0.0.1:$port"
  exit 0
fi
rm -rf "$state"
mkdir -p "$state"
redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --dir "$state" --daemonize no \
  --logfile "$state/server.log" >/dev/null 2>&1 &
echo $! >"$state/pid"
for _ in $(seq 1 50); do
  if redis-cli -p "$port" ping >/dev/null 2>&1; then
    echo "redis://127.0.0.1:$port"
    exit 0
  fi
  sleep 0.1
done
echo "Redis did not start; see $state/server.log" >&2
tail -20 "$state/server.log" >&2
exit 1
