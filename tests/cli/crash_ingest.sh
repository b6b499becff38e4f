#!/usr/bin/env bash
# Kills `roost ingest` with SIGKILL at random points, then checks after every
# kill that the archive verifies and holds exactly a committed state (empty,
# or everything), and that a final re-run ends with exactly the right count.
set -euo pipefail
[ -x "${ROOST:-}" ] || { echo "ROOST not set"; exit 77; }
command -v python3 >/dev/null || { echo "python3 needed"; exit 77; }
tmp=$(mktemp -d)
pid=""
cleanup() { [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
field() { python3 -c "import json,sys; print(json.load(open('$1'))$2)"; }
tweets() {  # stored tweets in archive $1, or 0 when nothing was ever committed
  if [ -f "$1/MANIFEST" ]; then "$ROOST" info --archive "$1" --json >"$tmp/info.json"; field "$tmp/info.json" '["tweets"]'; else echo 0; fi
}

"$ROOST" synth --out "$tmp/data" --days 3 --tweets-per-day 20000 --compress none --seed 11 --json >/dev/null
# The reference: one uninterrupted ingest, timed so kills land all over it.
t0=$(date +%s%N)
"$ROOST" ingest --archive "$tmp/ref" "$tmp/data" --memory-limit 8M --json >/dev/null
ms=$(( ($(date +%s%N) - t0) / 1000000 ))
want=$(tweets "$tmp/ref")
echo "reference: $want tweets in $ms ms"
[ "$want" -gt 0 ]

RANDOM=4242
for round in $(seq 1 10); do
  # A small memory limit makes the sink write segments before its commit.
  "$ROOST" ingest --archive "$tmp/a" "$tmp/data" --memory-limit 8M --json >/dev/null 2>&1 &
  pid=$!
  # Up to 130% of the reference time: some kills land after the commit.
  delay=$(( RANDOM * ms * 13 / 10 / 32768 ))
  sleep "$((delay / 1000)).$(printf %03d $((delay % 1000)))"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  pid=""
  got=$(tweets "$tmp/a")
  echo "round $round: killed after ${delay} ms: $got tweets"
  if [ -f "$tmp/a/MANIFEST" ]; then "$ROOST" verify --archive "$tmp/a" >/dev/null; fi
  [ "$got" -eq 0 ] || [ "$got" -eq "$want" ] || { echo "not a committed state: $got"; exit 1; }
done

"$ROOST" ingest --archive "$tmp/a" "$tmp/data" --memory-limit 8M --json >/dev/null
"$ROOST" verify --archive "$tmp/a" >/dev/null
got=$(tweets "$tmp/a")
echo "after the final run: $got tweets (want $want)"
[ "$got" -eq "$want" ]
# Nothing but listed files remains once a writer has opened the archive.
listed=$(grep -c '^segment ' "$tmp/a/MANIFEST")
files=$(ls "$tmp/a/segments" | wc -l)
[ "$listed" -eq "$files" ]
echo OK
