#!/usr/bin/env bash
# Kills `roost comply` and `roost compact` with SIGKILL at random moments,
# 20 times each, on copies of one archive (docs/RELIABILITY.md). Each commits
# once, atomically: after a kill the archive verifies and answers as before
# the command or as after it, never anything between; re-running the
# command then ends exactly where one uninterrupted run does.
set -euo pipefail
[ -x "${ROOST:-}" ] || { echo "ROOST not set"; exit 77; }
command -v python3 >/dev/null || { echo "python3 needed"; exit 77; }
tmp=$(mktemp -d)
pid=""
cleanup() { [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
fail() { echo "FAIL: $*"; exit 1; }
field() { python3 -c "import json,sys; print(json.load(open('$1'))$2)"; }
visible() { "$ROOST" count --archive "$1" --json >"$tmp/count.json" && field "$tmp/count.json" '["count"]'; }
segments() { grep -c '^segment ' "$1/MANIFEST"; }
sleep_ms() { sleep "$(($1 / 1000)).$(printf %03d $(($1 % 1000)))"; }
clean() {
  "$ROOST" verify --archive "$1" --json >"$tmp/verify.json" || fail "$2: verify: $(cat "$tmp/verify.json")"
}
now_ms() { echo $(($(date +%s%N) / 1000000)); }

d="$tmp/data"
"$ROOST" synth --out "$d" --days 3 --tweets-per-day 3000 --compress none --seed 5 --json >/dev/null
# Tweets only, in small segments (several a day) for compaction to merge.
"$ROOST" ingest --archive "$tmp/base" "$d"/tweets-*.jsonl --memory-limit 4M --quiet
before=$(visible "$tmp/base")
# Deletes of every 20th stored tweet, spread over every segment.
"$ROOST" export --archive "$tmp/base" | tail -n +2 | awk 'NR % 20 == 0 {
  printf "{\"delete\":{\"status\":{\"id\":%s,\"id_str\":\"%s\",\"user_id\":1,\"user_id_str\":\"1\"}}}\n", $1, $1 }' >"$tmp/deletes.jsonl"

# The references: comply, then compact, uninterrupted.
cp -a "$tmp/base" "$tmp/ref"
t0=$(now_ms)
"$ROOST" comply --archive "$tmp/ref" "$tmp/deletes.jsonl" >/dev/null
comply_ms=$(($(now_ms) - t0))
after=$(visible "$tmp/ref")
cp -a "$tmp/ref" "$tmp/ref_complied"
t0=$(now_ms)
"$ROOST" compact --archive "$tmp/ref" --json >"$tmp/compact.json"
compact_ms=$(($(now_ms) - t0))
compacted_segments=$(segments "$tmp/ref")
echo "comply: $before -> $after tweets in $comply_ms ms; compact: $(segments "$tmp/ref_complied") -> $compacted_segments segments in $compact_ms ms"
[ "$after" -lt "$before" ] || fail "the compliance file deletes nothing"
[ "$compacted_segments" -lt "$(segments "$tmp/ref_complied")" ] || fail "compaction merges nothing"
[ "$(visible "$tmp/ref")" -eq "$after" ] || fail "compaction changed the answer"

RANDOM=777
# `exec`: the background job is roost itself, which kill -9 hits.
for round in $(seq 1 20); do
  rm -rf "$tmp/c"
  cp -a "$tmp/base" "$tmp/c"
  (exec "$ROOST" comply --archive "$tmp/c" "$tmp/deletes.jsonl" >/dev/null 2>&1) &
  pid=$!
  delay=$((RANDOM * (comply_ms * 12 / 10 + 1) / 32768))
  sleep_ms "$delay"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  pid=""
  clean "$tmp/c" "comply round $round"
  got=$(visible "$tmp/c")
  [ "$got" -eq "$before" ] || [ "$got" -eq "$after" ] || fail "comply round $round: $got tweets, neither $before nor $after"
  "$ROOST" comply --archive "$tmp/c" "$tmp/deletes.jsonl" >/dev/null
  clean "$tmp/c" "comply round $round, re-run"
  [ "$(visible "$tmp/c")" -eq "$after" ] || fail "comply round $round: the re-run ends with $(visible "$tmp/c")"
  [ "$(field "$tmp/verify.json" '["unlisted"]')" = "[]" ] || fail "comply round $round: files left"
  echo "comply round $round: killed after $delay ms: $got tweets visible; re-run: $after"
done

for round in $(seq 1 20); do
  rm -rf "$tmp/k"
  cp -a "$tmp/ref_complied" "$tmp/k"
  n0=$(segments "$tmp/k")
  (exec "$ROOST" compact --archive "$tmp/k" >/dev/null 2>&1) &
  pid=$!
  delay=$((RANDOM * (compact_ms * 12 / 10 + 1) / 32768))
  sleep_ms "$delay"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  pid=""
  clean "$tmp/k" "compact round $round"
  n=$(segments "$tmp/k")
  got=$(visible "$tmp/k")
  [ "$got" -eq "$after" ] || fail "compact round $round: $got tweets, want $after"
  [ "$n" -eq "$n0" ] || [ "$n" -eq "$compacted_segments" ] || fail "compact round $round: $n segments, neither $n0 nor $compacted_segments"
  "$ROOST" compact --archive "$tmp/k" >/dev/null
  clean "$tmp/k" "compact round $round, re-run"
  [ "$(field "$tmp/verify.json" '["unlisted"]')" = "[]" ] || fail "compact round $round: files left"
  [ "$(segments "$tmp/k")" -eq "$compacted_segments" ] || fail "compact round $round: re-run ends with $(segments "$tmp/k") segments"
  [ "$(visible "$tmp/k")" -eq "$after" ] || fail "compact round $round: re-run ends with $(visible "$tmp/k") tweets"
  echo "compact round $round: killed after $delay ms: $n segments, $got tweets; re-run: $compacted_segments segments"
done
echo OK
