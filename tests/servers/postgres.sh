#!/usr/bin/env bash
# A throw-away PostgreSQL server for the tests: a new cluster in a temporary folder, loopback only, on a free
# port, with durability switched off (nothing here needs to survive a crash) unless PG_DURABLE=1. Usage:
#   eval "$(tests/servers/postgres.sh start)"   # sets PG_DIR, PG_PORT, CLASSROOM_TEST_POSTGRES
#   tests/servers/postgres.sh stop "$PG_DIR"
set -euo pipefail

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$bin" ] || { echo "echo 'PostgreSQL is not installed' >&2; false"; exit 1; }

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi
}

free_port() {
  python3 - <<'PY'
import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()
PY
}

case "${1:-}" in
  start)
    dir=$(mktemp -d /tmp/classroom-pg-XXXXXX)
    chmod 755 "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
    port=$(free_port)
    # Tests switch durability off; benchmarks (PG_DURABLE=1) keep PostgreSQL's defaults, as SQLite keeps its own.
    durability="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    [ "${PG_DURABLE:-0}" = 1 ] && durability=""
    as_postgres "'$bin/initdb' -D '$dir/data' -U postgres -A trust -E UTF8 --no-locale --no-sync >'$dir/initdb.log' 2>&1" \
      || { cat "$dir/initdb.log" >&2; echo "false"; exit 1; }
    as_postgres "'$bin/pg_ctl' -D '$dir/data' -l '$dir/server.log' -w -t 30 -o \"-c listen_addresses=127.0.0.1 -p $port -k '$dir' $durability -c max_connections=300 -c shared_buffers=128MB\" start >/dev/null" \
      || { cat "$dir/server.log" >&2; echo "false"; exit 1; }
    echo "export PG_DIR='$dir' PG_PORT=$port PG_BIN='$bin'"
    echo "export CLASSROOM_TEST_POSTGRES='Host=127.0.0.1;Port=$port;Username=postgres;Maximum Pool Size=30;Timeout=30'"
    ;;
  stop)
    dir="${2:?which server folder}"
    [ -d "$dir/data" ] && as_postgres "'$bin/pg_ctl' -D '$dir/data' -m immediate -w stop >/dev/null 2>&1" || true
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start | stop DIR" >&2; exit 2 ;;
esac
