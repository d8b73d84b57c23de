#!/usr/bin/env bash
# Several app instances as one site: PostgreSQL (a database of its own on the server test.sh started, or a new
# server), redis-server and nginx on free loopback ports, the schema migrated once by the `migrate` command,
# then two instances (Database:MigrateAtStartup=false) behind nginx. Runs tests/Classroom.ClusterTests against
# them and stops everything. Needs the Release build (test.sh builds it). Usage: tests/cluster.sh RESULTS_DIR
set -uo pipefail
cd "$(dirname "$0")/.."
results=${1:-TestResults}
work=$(mktemp -d /tmp/classroom-cluster-XXXXXX)
chmod 755 "$work"
pids=(); own_pg=""
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null
  wait 2>/dev/null
  [ -n "$own_pg" ] && tests/servers/postgres.sh stop "$own_pg"
  rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

if [ -z "${PG_PORT:-}" ]; then eval "$(tests/servers/postgres.sh start)" || exit 1; own_pg=$PG_DIR; fi
psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "DROP DATABASE IF EXISTS classroom_cluster" -c "CREATE DATABASE classroom_cluster" >/dev/null || exit 1
db="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=classroom_cluster;Maximum Pool Size=50"

redis_port=$(free_port)
redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no --dir "$work" --logfile "$work/redis.log" &
pids+=($!)

app=src/Classroom.Web/bin/Release/net10.0/Classroom.Web.dll
common=(Database__Provider=Postgres "ConnectionStrings__Classroom=$db" "ConnectionStrings__Redis=127.0.0.1:$redis_port"
  Database__MigrateAtStartup=false Logging__LogLevel__Default=Warning Identity__PasswordIterations=1
  Throttle__AddressPostsPerMinute=1000000 ASPNETCORE_ENVIRONMENT=Development)
env "${common[@]}" dotnet "$app" migrate >"$work/migrate.log" 2>&1 || { cat "$work/migrate.log"; exit 1; }

declare -a urls=()
for name in a b; do
  port=$(free_port)
  # The first instance makes the demo accounts; the second finds them.
  seed=true; [ "$name" = b ] && seed=false
  env "${common[@]}" Demo__Seed=$seed ASPNETCORE_URLS="http://127.0.0.1:$port" dotnet "$app" >"$work/app-$name.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$port/health/live" >/dev/null && break; sleep 0.2; done
  curl -sf "http://127.0.0.1:$port/health/live" >/dev/null || { echo "instance $name did not start"; cat "$work/app-$name.log"; exit 1; }
  urls+=("http://127.0.0.1:$port")
done

proxy_port=$(free_port)
user_line=""; [ "$(id -u)" -eq 0 ] && user_line="user root;"
cat >"$work/nginx.conf" <<NGINX
$user_line
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx-error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $work/body; proxy_temp_path $work/proxy; fastcgi_temp_path $work/fastcgi;
  uwsgi_temp_path $work/uwsgi; scgi_temp_path $work/scgi;
  upstream classroom { server ${urls[0]#http://}; server ${urls[1]#http://}; keepalive 64; }
  server {
    listen 127.0.0.1:$proxy_port;
    location / {
      proxy_pass http://classroom;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host:\$server_port;
      proxy_set_header X-Forwarded-For \$remote_addr;
      proxy_set_header X-Forwarded-Proto \$scheme;
    }
  }
}
NGINX
nginx -c "$work/nginx.conf" -p "$work" || { cat "$work/nginx-error.log"; exit 1; }
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$proxy_port/health/live" >/dev/null && break; sleep 0.1; done

# For a person investigating: CLUSTER_RUN="command" runs with the cluster up (CLASSROOM_CLUSTER_* set) instead of the tests.
export CLASSROOM_CLUSTER_A=${urls[0]} CLASSROOM_CLUSTER_B=${urls[1]} REDIS_PORT=$redis_port
[ -n "${CLUSTER_RUN:-}" ] && { bash -c "$CLUSTER_RUN"; exit $?; }
CLASSROOM_CLUSTER_A=${urls[0]} CLASSROOM_CLUSTER_B=${urls[1]} CLASSROOM_CLUSTER_PROXY="http://127.0.0.1:$proxy_port" \
CLASSROOM_CLUSTER_DB="$db" CLASSROOM_CLUSTER_LOAD="$PWD"/bench/Classroom.Load/bin/Release/net10.0/Classroom.Load.dll \
  dotnet test tests/Classroom.ClusterTests -c Release --no-build --nologo \
    --logger "trx;LogFileName=Classroom.ClusterTests.trx" --logger "console;verbosity=normal" --results-directory "$results"
status=$?
if [ $status -ne 0 ]; then
  for f in "$work"/app-*.log "$work/nginx-error.log"; do echo "== $f"; tail -n 40 "$f"; done
fi
exit $status
