#!/usr/bin/env bash
# PDF benchmark: builds in Release and prints median and p99 milliseconds per document, with
# headless Chromium printing the same lesson page for comparison. Not part of ./test.sh.
# Usage: bench/run.sh [iterations]   (default 300)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || { apt-get update -qq && apt-get install -y -qq chromium fonts-dejavu-core >/dev/null; }
dotnet build bench/Classroom.Bench -c Release -nologo -clp:ErrorsOnly
dotnet bench/Classroom.Bench/bin/Release/net10.0/Classroom.Bench.dll "${1:-300}"
