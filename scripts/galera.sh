#!/usr/bin/env bash
# A throwaway three-node MariaDB Galera cluster on loopback, for the cross-node tests and the bench.
#   scripts/galera.sh start [base-port]   → prints one URL per node, space-separated:
#                                            mysql://root@127.0.0.1:P1/ mysql://root@127.0.0.1:P2/ mysql://root@127.0.0.1:P3/
#   scripts/galera.sh stop [base-port]
# wsrep_sync_wait=1: a read waits until the node has applied every write committed before it anywhere (an API
# process reads on its node what the other process just wrote on another: see docs/scaling.md).
# Node i listens for SQL on base+i and for Galera replication on base+10+i (data in a temp dir).
# Needs Debian's mariadb-server and galera-4 (installed when missing, as root on CI).
set -euo pipefail
cmd=${1:-start}
base=${2:-3320}
state=${TMPDIR:-/tmp}/fenji-galera-$base
provider=""
for p in /usr/lib/galera/libgalera_smm.so /usr/lib/libgalera_smm.so; do [ -f "$p" ] && provider=$p && break; done

stop_all() {
  for i in 1 2 3; do
    if [ -f "$state/n$i/pid" ]; then kill "$(cat "$state/n$i/pid")" 2>/dev/null || true; fi
  done
  for i in 1 2 3; do
    for _ in $(seq 1 50); do
      [ -f "$state/n$i/pid" ] && kill -0 "$(cat "$state/n$i/pid")" 2>/dev/null || break
      sleep 0.2
    done
  done
}

if [ "$cmd" = stop ]; then
  stop_all
  rm -rf "$state"
  exit 0
fi

if ! command -v mariadbd >/dev/null 2>&1 || [ -z "$provider" ]; then
  echo "installing mariadb-server and galera-4…" >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends mariadb-server galera-4) >&2
  for p in /usr/lib/galera/libgalera_smm.so /usr/lib/libgalera_smm.so; do [ -f "$p" ] && provider=$p && break; done
fi

urls() { echo "mysql://root@127.0.0.1:$((base + 1))/ mysql://root@127.0.0.1:$((base + 2))/ mysql://root@127.0.0.1:$((base + 3))/"; }

running=1
for i in 1 2 3; do [ -f "$state/n$i/pid" ] && kill -0 "$(cat "$state/n$i/pid")" 2>/dev/null || running=0; done
if [ "$running" = 1 ]; then urls; exit 0; fi

stop_all
rm -rf "$state"
peers="gcomm://127.0.0.1:$((base + 11)),127.0.0.1:$((base + 12)),127.0.0.1:$((base + 13))"
# As root, the nodes run as the mysql user: rsync's state transfer daemon drops root to "nobody" and could
# not write root-owned files.
user_flag=()
run_as=()
if [ "$(id -u)" = 0 ] && id mysql >/dev/null 2>&1; then user_flag=(--user=mysql); run_as=(runuser -u mysql --); fi

start_node() {
  local i=$1 extra=$2 dir="$state/n$1"
  mariadbd --no-defaults --datadir="$dir/data" --socket="$dir/sock" --port=$((base + i)) --bind-address=127.0.0.1 \
    --pid-file="$dir/mariadbd.pid" "${user_flag[@]}" --skip-name-resolve --max-connections=500 \
    --innodb-buffer-pool-size=128M --innodb-flush-log-at-trx-commit=2 --innodb-autoinc-lock-mode=2 \
    --binlog-format=ROW --default-storage-engine=InnoDB \
    --wsrep-on=ON --wsrep-provider="$provider" --wsrep-cluster-name=fenji-test --wsrep-node-name="n$i" \
    --wsrep-node-address="127.0.0.1:$((base + 10 + i))" --wsrep-cluster-address="$extra" \
    --wsrep-provider-options="gmcast.listen_addr=tcp://127.0.0.1:$((base + 10 + i));ist.recv_addr=127.0.0.1:$((base + 20 + i));gcache.size=64M" \
    --wsrep-sst-method=rsync --wsrep-sst-receive-address="127.0.0.1:$((base + 30 + i))" \
    --wsrep-slave-threads=2 --wsrep-sync-wait=1 >"$dir/server.log" 2>&1 &
  echo $! >"$dir/pid"
}

wait_synced() {
  local i=$1 dir="$state/n$1"
  for _ in $(seq 1 300); do
    if ! kill -0 "$(cat "$dir/pid")" 2>/dev/null; then break; fi
    local s
    s=$(mariadb --no-defaults --socket="$dir/sock" -uroot -N -e "SHOW STATUS LIKE 'wsrep_local_state_comment'" 2>/dev/null | awk '{print $2}') || true
    if [ "$s" = Synced ]; then return 0; fi
    sleep 0.2
  done
  echo "Galera node $i did not reach Synced; see $dir/server.log" >&2
  tail -30 "$dir/server.log" >&2
  return 1
}

mkdir -p "$state"
[ ${#run_as[@]} -gt 0 ] && chown mysql "$state"
for i in 1 2 3; do
  "${run_as[@]}" mkdir -p "$state/n$i/data"
  "${run_as[@]}" mariadb-install-db --no-defaults --datadir="$state/n$i/data" --auth-root-authentication-method=normal --skip-test-db >"$state/n$i/install.log" 2>&1
done

# The first node bootstraps the cluster; the others join it (state transfer by rsync on loopback).
start_node 1 "gcomm://"
wait_synced 1
mariadb --no-defaults --socket="$state/n1/sock" -uroot -e \
  "CREATE USER IF NOT EXISTS 'root'@'127.0.0.1'; GRANT ALL ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION; FLUSH PRIVILEGES;" >&2
start_node 2 "$peers"
wait_synced 2
start_node 3 "$peers"
wait_synced 3
urls
