#!/usr/bin/env bash
# Page throughput, side by side in one run (the machine is shared, so ratios matter more than absolutes):
# the anonymous article page, the signed-in lesson page and a student's open attempt page, with wrk at 64
# connections for 10 s each, against the Release build on SQLite (or PostgreSQL: bench/pages.sh postgres).
# Loopback only. Prints a Markdown table. Not part of ./test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
provider=${1:-sqlite}
duration=${DURATION:-10s}
dotnet build src/Classroom.Web -c Release -nologo -clp:ErrorsOnly >/dev/null
work=$(mktemp -d /tmp/classroom-pages-XXXXXX)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; [ -n "${PG_DIR:-}" ] && tests/servers/postgres.sh stop "$PG_DIR"; rm -rf "$work"; }
trap cleanup EXIT

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
url="http://127.0.0.1:$port"
if [ "$provider" = postgres ]; then
  eval "$(tests/servers/postgres.sh start)"
  psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "CREATE DATABASE classroom" >/dev/null
  export Database__Provider=Postgres ConnectionStrings__Classroom="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=classroom;Maximum Pool Size=100"
else
  export ConnectionStrings__Classroom="Data Source=$work/classroom.db"
fi
ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS=$url Logging__LogLevel__Default=Warning \
  Throttle__AddressPostsPerMinute=100000 \
  dotnet src/Classroom.Web/bin/Release/net10.0/Classroom.Web.dll >"$work/app.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 150); do curl -sf "$url/health" >/dev/null && break; sleep 0.2; done

# Chloe (demo) signs in and opens the demo assignment: her attempt stays open.
jar=$work/cookies
token() { curl -s -b "$jar" -c "$jar" "$url$1" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//'; }
t=$(token /account/login)
curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "Email=student3@example.com" --data-urlencode "Password=demo-classroom" --data-urlencode "__RequestVerificationToken=$t" "$url/account/login"
assignment=$(curl -s -b "$jar" -c "$jar" "$url/assignments" | grep -o 'href="/assignments/[0-9]*"' | head -1 | grep -o '[0-9]*')
t=$(token "/assignments/$assignment")
attempt=$(curl -s -b "$jar" -c "$jar" -o /dev/null -w '%{redirect_url}' --data-urlencode "__RequestVerificationToken=$t" "$url/assignments/$assignment/start" | grep -o '[0-9]*$')
cookie=$(awk '$0 !~ /^#/ || $0 ~ /^#HttpOnly_/ { sub(/^#HttpOnly_/, ""); if (NF >= 7) printf "%s=%s; ", $6, $7 }' "$jar")

measure() { # name, path, [cookie]
  local out
  if [ -n "${3:-}" ]; then out=$(wrk -t2 -c64 -d"$duration" --latency -H "Cookie: $3" "$url$2"); else out=$(wrk -t2 -c64 -d"$duration" --latency "$url$2"); fi
  local rps p50 p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out"); p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  errors=$(awk '/Non-2xx/ {print $5}' <<<"$out")
  echo "$1|$rps|$p50|$p99|${errors:-0}"
}
# Unloaded latency of one request at a time (p50 of 200), for the attempt page goal.
single() { for _ in $(seq 1 200); do curl -s -o /dev/null -w '%{time_total}\n' -H "Cookie: $2" "$url$1"; done | sort -n | awk '{a[NR]=$1} END {printf "%.2f ms", a[int(NR/2)]*1000}'; }

# Warm-up, not counted: every page gets the JIT's second tier before any is measured. Without it the page
# measured first (the article page) ran partly on unoptimized code, which flattered the other pages' shares.
warmup=${WARMUP:-8s}
for _ in 1 2; do
  wrk -t2 -c64 -d"$warmup" "$url/articles/tal-afar-offensive" >/dev/null
  wrk -t2 -c64 -d"$warmup" -H "Cookie: $cookie" "$url/lessons/tal-afar-offensive" >/dev/null
  wrk -t2 -c64 -d"$warmup" -H "Cookie: $cookie" "$url/attempts/$attempt" >/dev/null
done
rows=()
rows+=("$(measure "Article page, anonymous" /articles/tal-afar-offensive)")
rows+=("$(measure "Lesson page, signed in" /lessons/tal-afar-offensive "$cookie")")
rows+=("$(measure "Attempt page, signed in" "/attempts/$attempt" "$cookie")")
unloaded=$(single "/attempts/$attempt" "$cookie"); unloaded_article=$(single /articles/tal-afar-offensive "")

echo "Pages on $provider, $(date -u +%Y-%m-%d), $(nproc) cores, wrk 2 threads 64 connections $duration each, Release"
echo
echo "| page | requests/s | p50 | p99 | non-2xx | share of the article page |"
echo "| --- | ---: | ---: | ---: | ---: | ---: |"
base=$(cut -d'|' -f2 <<<"${rows[0]}")
for r in "${rows[@]}"; do
  IFS='|' read -r name rps p50 p99 errors <<<"$r"
  share=$(python3 -c "print(f'{100*float(\"$rps\")/float(\"$base\"):.0f} %')")
  echo "| $name | $rps | $p50 | $p99 | $errors | $share |"
done
echo
echo "Unloaded (one request at a time, median of 200): attempt page $unloaded, article page $unloaded_article"
