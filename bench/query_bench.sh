#!/bin/sh
# Runs query_bench (docs/QUERY.md, "Performance") on an archive: ARCHIVE when
# set (e.g. ARCHIVE=/work/data/archive10m, read only), else a synthetic archive
# of SIZE tweets (default 1,000,000; the targets are for 10,000,000)
# built with `roost synth` + `roost ingest` in WORK_DIR (default
# /tmp/roost-query-bench-SIZE) and reused on the next run.
# Usage: [ARCHIVE=DIR] [THREADS=2] bench/query_bench.sh [SIZE] [BUILD_DIR] [WORK_DIR]
set -eu
SIZE=${1:-1000000}
BUILD=${2:-build/release}
WORK=${3:-/tmp/roost-query-bench-$SIZE}
DAYS=7
PER_DAY=$(( SIZE / DAYS ))
if [ -n "${ARCHIVE:-}" ]; then
  exec "$BUILD/bench/query_bench" "$ARCHIVE" "${THREADS:-2}"
fi
if [ ! -f "$WORK/archive/MANIFEST" ]; then
  rm -rf "$WORK"
  mkdir -p "$WORK"
  "$BUILD/roost" synth --out "$WORK/synth" --seed 7 --days $DAYS --tweets-per-day $PER_DAY --threads 2
  "$BUILD/roost" ingest --archive "$WORK/archive" --threads 2 "$WORK/synth"
  rm -rf "$WORK/synth"
fi
"$BUILD/bench/query_bench" "$WORK/archive" "${THREADS:-2}"
