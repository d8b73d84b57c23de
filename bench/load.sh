#!/usr/bin/env bash
# Load: simulated quiz-takers against the Release build, on SQLite and on PostgreSQL, side by side in one run.
# Loopback only; bounded in students and seconds. Prints a Markdown table and leaves JSON in bench/results/.
#   bench/load.sh                      # both databases, 10,000 students, 60 s think time
#   STUDENTS=1000 STEADY=60 bench/load.sh sqlite
# Settings (environment): STUDENTS (10000), THINK (60 s between saves), RAMP (300 s over which students
# arrive), STEADY (120 s of saving after the ramp), SYNC (5000 start a second assignment in one instant),
# SPIKE (60 s window in which everyone submits), PG_POOL (30 connections per instance). Not part of ./test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
providers=${1:-sqlite postgres}
students=${STUDENTS:-10000}; think=${THINK:-60}; ramp=${RAMP:-300}; steady=${STEADY:-120}; sync=${SYNC:-5000}; spike=${SPIKE:-60}
dotnet build src/Classroom.Web -c Release -nologo -clp:ErrorsOnly >/dev/null
dotnet build bench/Classroom.Load -c Release -nologo -clp:ErrorsOnly >/dev/null
mkdir -p bench/results
work=$(mktemp -d /tmp/classroom-load-XXXXXX)
app=""
cleanup() { [ -n "$app" ] && kill "$app" 2>/dev/null; [ -n "${PG_DIR:-}" ] && tests/servers/postgres.sh stop "$PG_DIR"; rm -rf "$work"; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

results=()
for provider in $providers; do
  port=$(free_port); url="http://127.0.0.1:$port"
  if [ "$provider" = postgres ]; then
    # PostgreSQL with its defaults (fsync on), as SQLite keeps its own: a fair comparison.
    [ -z "${PG_DIR:-}" ] && eval "$(PG_DURABLE=1 tests/servers/postgres.sh start)"
    psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "DROP DATABASE IF EXISTS classroom_load" -c "CREATE DATABASE classroom_load" >/dev/null
    db="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=classroom_load;Maximum Pool Size=${PG_POOL:-30}"
    dbenv=(Database__Provider=Postgres "ConnectionStrings__Classroom=$db")
  else
    rm -f "$work"/load.db*
    db="Data Source=$work/load.db"
    dbenv=("ConnectionStrings__Classroom=$db")
  fi
  env "${dbenv[@]}" ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="$url" Logging__LogLevel__Default=Warning \
    Identity__PasswordIterations=1 Throttle__AddressPostsPerMinute=10000000 \
    dotnet src/Classroom.Web/bin/Release/net10.0/Classroom.Web.dll >"$work/app-$provider.log" 2>&1 &
  app=$!
  for _ in $(seq 1 600); do curl -sf "$url/health" >/dev/null && break; sleep 0.2; done
  out="bench/results/load-$provider.json"
  dotnet bench/Classroom.Load/bin/Release/net10.0/Classroom.Load.dll --url "$url" --provider "$provider" --db "$db" \
    --students "$students" --think "$think" --ramp "$ramp" --steady "$steady" --sync "$sync" --spike "$spike" \
    --iterations 1 --label "$provider" --out "$out" >/dev/null || echo "load on $provider found lost answers or duplicates (see $out)" >&2
  kill "$app"; wait "$app" 2>/dev/null || true; app=""
  results+=("$out")
done

python3 - "${results[@]}" <<'PY'
import json, sys
rows = [json.load(open(p)) for p in sys.argv[1:]]
r0 = rows[0]
print(f"Load, {r0['date']}, {r0['cores']} cores: {r0['students']} students, saves every ~{r0['think_seconds']:.0f} s, "
      f"{r0['ramp_seconds']:.0f} s arrival + {r0['steady_seconds']:.0f} s steady, {r0['sync_students']} start together, "
      f"everyone submits within {r0['spike_seconds']:.0f} s. Release, loopback.")
print()
print("| database | saves/s | save p50 | save p99 | save p99 while arriving | save p99 during sync start | start p99 (sync) | sync start, all done | attempt page p99 | submit p99 | acknowledged | lost | duplicate attempts | failed requests |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
for r in rows:
    q = r["requests"]
    g = lambda k, f: f"{q[k][f]:.1f} ms" if k in q else "-"
    print(f"| {r['provider']} | {r['saves_per_second']} | {g('save','p50_ms')} | {g('save','p99_ms')} | {g('save during arrival','p99_ms')} | {g('save during sync start','p99_ms')} | {g('sync start','p99_ms')} | "
          f"{r['sync_start_seconds']:.1f} s | {g('attempt page','p99_ms')} | {g('submit','p99_ms')} | {r['acknowledged_answers']} | "
          f"{r['lost_answers']} | {r['duplicate_attempts']} | {sum(r['failures'].values())} |")
PY
