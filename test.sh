#!/usr/bin/env bash
# Runs every test: installs what the tests need when missing, builds once, runs the unit and
# integration tests and the real-browser tests, and ends with a line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"

need=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || need+=(chromium)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || need+=(nginx)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing: ${need[*]}"
  if [ "$(id -u)" -ne 0 ]; then sudo=sudo; else sudo=; fi
  # The packages' own services (PostgreSQL, Redis, nginx on port 80) are not started: the tests start their own.
  guard=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' | $sudo tee /usr/sbin/policy-rc.d >/dev/null && $sudo chmod +x /usr/sbin/policy-rc.d && guard=1
  fi
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
  installed=$?
  [ -n "$guard" ] && $sudo rm -f /usr/sbin/policy-rc.d
  [ $installed -eq 0 ] || { echo "could not install ${need[*]}"; echo "0 passed, 1 failed"; exit 1; }
fi
export PATH="$PATH:/usr/sbin"

results=TestResults
rm -rf "$results"
if ! dotnet build Classroom.sln -c Release -nologo -clp:ErrorsOnly; then
  echo "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

# A throw-away PostgreSQL server on loopback for the second run of the integration suite and the cluster
# test; always stopped.
servers=()
cleanup() { for dir in "${servers[@]}"; do tests/servers/postgres.sh stop "$dir"; done; }
trap cleanup EXIT
if pg_env=$(tests/servers/postgres.sh start); then
  eval "$pg_env"
  servers+=("$PG_DIR")
else
  echo "PostgreSQL did not start: the PostgreSQL run is reported as failed"
fi

status=0
run() { # name, project, extra environment…
  local name=$1 project=$2; shift 2
  env "$@" dotnet test "$project" -c Release --no-build --nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=normal" \
    --results-directory "$results" || status=1
}
run Classroom.Tests tests/Classroom.Tests
if [ -n "${CLASSROOM_TEST_POSTGRES:-}" ]; then
  run Classroom.Tests.Postgres tests/Classroom.Tests CLASSROOM_TEST_DATABASE=postgres CLASSROOM_TEST_POSTGRES="$CLASSROOM_TEST_POSTGRES"
fi
# Two instances behind nginx with PostgreSQL and Redis (tests/cluster.sh starts and stops them).
if [ -n "${PG_PORT:-}" ]; then
  PG_PORT=$PG_PORT tests/cluster.sh "$results" || status=1
fi
run Classroom.BrowserTests tests/Classroom.BrowserTests

passed=0; failed=0
for project in Classroom.Tests Classroom.Tests.Postgres Classroom.ClusterTests Classroom.BrowserTests; do
  trx="$results/$project.trx"
  if [ ! -f "$trx" ]; then
    echo "$project: no results (the test run did not finish)"
    failed=$((failed + 1)); status=1; continue
  fi
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")
  echo "$project: ${p:-0} passed, ${f:-0} failed"
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0} + ${e:-0}))
done

[ "$failed" -gt 0 ] && status=1
echo "$passed passed, $failed failed"
exit $status
