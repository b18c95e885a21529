#!/usr/bin/env bash
# Starts a throwaway MariaDB server for the database tests and prints its URL.
#   scripts/mariadb.sh start [port]   → prints mysql://root@127.0.0.1:PORT/  (data in a temp dir)
#   scripts/mariadb.sh stop
# Installs mariadb-server from Debian's packages when it is missing (needs root, as on CI).
set -euo pipefail
cmd=${1:-start}
port=${2:-3307}
state=${TMPDIR:-/tmp}/fenji-mariadb-$port

if [ "$cmd" = stop ]; then
  if [ -f "$state/pid" ]; then
    pid=$(cat "$state/pid")
    kill "$pid" 2>/dev/null || true
    # Wait for the server to finish writing its files before they are removed (up to 30 s, then force it).
    for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -rf "$state" 2>/dev/null || { sleep 1; rm -rf "$state"; }
  exit 0
fi

if ! command -v mariadbd >/dev/null 2>&1; then
  echo "installing mariadb-server…" >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends mariadb-server) >&2
fi

if [ -f "$state/pid" ] && kill -0 "$(cat "$state/pid")" 2>/dev/null; then
  echo "mysql://root@127.0.0.1:$port/"
  exit 0
fi
rm -rf "$state"
mkdir -p "$state/data"
mariadb-install-db --no-defaults --datadir="$state/data" --auth-root-authentication-method=normal --skip-test-db >"$state/install.log" 2>&1
user_flag=()
[ "$(id -u)" = 0 ] && user_flag=(--user=root)
mariadbd --no-defaults --datadir="$state/data" --socket="$state/sock" --port="$port" --bind-address=127.0.0.1 \
  --pid-file="$state/mariadbd.pid" "${user_flag[@]}" --skip-name-resolve --innodb-buffer-pool-size=256M \
  --innodb-flush-log-at-trx-commit=2 --max-connections=500 >"$state/server.log" 2>&1 &
echo $! >"$state/pid"
for _ in $(seq 1 100); do
  if mariadb-admin --no-defaults --socket="$state/sock" -uroot ping >/dev/null 2>&1; then
    # root over TCP without a password, for the tests only (bound to 127.0.0.1).
    mariadb --no-defaults --socket="$state/sock" -uroot -e "CREATE USER IF NOT EXISTS 'root'@'127.0.0.1'; GRANT ALL ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION; FLUSH PRIVILEGES;" >&2
    echo "mysql://root@127.0.0.1:$port/"
    exit 0
  fi
  sleep 0.2
done
echo "MariaDB did not start; see $state/server.log" >&2
tail -20 "$state/server.log" >&2
exit 1
