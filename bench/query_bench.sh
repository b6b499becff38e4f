#!/bin/sh
# Builds a synthetic archive of SIZE tweets (default 1,000,000; the issue's
# targets are for 10,000,000) with `roost synth` + `roost ingest`, then runs
# query_bench on it. Usage: bench/query_bench.sh [SIZE] [BUILD_DIR] [WORK_DIR]
# The archive is kept in WORK_DIR (default /tmp/roost-query-bench-SIZE) and
# reused on the next run.
set -eu
SIZE=${1:-1000000}
BUILD=${2:-build/release}
WORK=${3:-/tmp/roost-query-bench-$SIZE}
DAYS=7
PER_DAY=$(( SIZE / DAYS ))
if [ ! -f "$WORK/archive/MANIFEST" ]; then
  rm -rf "$WORK"
  mkdir -p "$WORK"
  "$BUILD/roost" synth --out "$WORK/synth" --seed 7 --days $DAYS --tweets-per-day $PER_DAY --threads 2
  "$BUILD/roost" ingest --archive "$WORK/archive" --threads 2 "$WORK/synth"
  rm -rf "$WORK/synth"
fi
"$BUILD/bench/query_bench" "$WORK/archive" "${THREADS:-2}"
