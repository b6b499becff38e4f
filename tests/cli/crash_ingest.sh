#!/usr/bin/env bash
# Kills `roost ingest` with SIGKILL at random moments of a multi-segment,
# multi-input ingest, 20 times, re-running the same command after each kill
# (docs/RELIABILITY.md). After every kill the archive verifies and holds at
# least what the previous kill left (committed progress is never lost);
# every run that finishes, and the final re-run, end with exactly the tweets
# of one clean run (same count, same ids), and the rejects files of all the
# attempts together hold each rejected record once. Kills at the very start
# of a first ingest leave no folder or a valid empty archive.
set -euo pipefail
[ -x "${ROOST:-}" ] || { echo "ROOST not set"; exit 77; }
command -v python3 >/dev/null || { echo "python3 needed"; exit 77; }
tmp=$(mktemp -d)
pid=""
cleanup() { [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
fail() { echo "FAIL: $*"; exit 1; }
field() { python3 -c "import json,sys; print(json.load(open('$1'))$2)"; }
stored() { "$ROOST" info --archive "$1" --json >"$tmp/info.json" && field "$tmp/info.json" '["tweets"]'; }
visible() { "$ROOST" count --archive "$1" --json >"$tmp/count.json" && field "$tmp/count.json" '["count"]'; }
rejects() { cat "$1"/rejects/*.rejects 2>/dev/null | grep -c '^#roost-reject ' || true; }
sleep_ms() { sleep "$(($1 / 1000)).$(printf %03d $(($1 % 1000)))"; }

d="$tmp/data"
"$ROOST" synth --out "$d" --days 6 --tweets-per-day 4000 --compress none --seed 11 --json >/dev/null
# Seven inputs: three days, the compliance messages (deletes of tweets
# already stored and of tweets still to come), three more days. Small
# buffers and a commit after every segment: about two segments a day.
inputs=("$d"/tweets-2012-03-0[123].jsonl "$d/compliance.jsonl" "$d"/tweets-2012-03-0[456].jsonl)
# exec: a background `ingest ... &` is then roost itself, which kill -9 hits.
ingest() { exec "$ROOST" ingest --archive "$1" "${inputs[@]}" --memory-limit 8M --commit-interval 0 "${@:2}"; }

# The reference: one uninterrupted run, timed so kills land all over one.
t0=$(date +%s%N)
(ingest "$tmp/ref" --json >"$tmp/ref.json")
ms=$((($(date +%s%N) - t0) / 1000000))
want=$(visible "$tmp/ref")
want_rejects=$(rejects "$tmp/ref")
accepted=$(field "$tmp/ref.json" '["accepted"]')
"$ROOST" export --archive "$tmp/ref" | sort >"$tmp/ref.ids"
segments=$(grep -c '^segment ' "$tmp/ref/MANIFEST")
echo "reference: $want tweets, $segments segments, $want_rejects rejects in $ms ms"
[ "$want" -gt 0 ] && [ "$segments" -ge 10 ] && [ "$want_rejects" -gt 0 ] || fail "reference too small to test"

# What a finished run must hold: the reference's tweets, nothing more.
check_whole() {
  "$ROOST" verify --archive "$1" --json >"$tmp/verify.json" || fail "verify: $(cat "$tmp/verify.json")"
  [ "$(field "$tmp/verify.json" '["unlisted"]')" = "[]" ] || fail "files left: $(cat "$tmp/verify.json")"
  local got
  got=$(visible "$1")
  [ "$got" -eq "$want" ] || fail "$2: $got tweets, want $want"
  "$ROOST" export --archive "$1" | sort >"$tmp/got.ids"
  cmp -s "$tmp/ref.ids" "$tmp/got.ids" || fail "$2: other ids than the clean run's ($(sort -u "$tmp/got.ids" | wc -l) unique of $(wc -l <"$tmp/got.ids"))"
  [ "$(rejects "$1")" -eq "$want_rejects" ] || fail "$2: $(rejects "$1") rejects over all attempts, want $want_rejects"
}

# 1. Killed at the very start of a first ingest: no folder, or an empty
#    archive that verify and info accept.
RANDOM=4242
for round in 1 2 3; do
  rm -rf "$tmp/b"
  ingest "$tmp/b" >/dev/null 2>&1 &
  pid=$!
  sleep_ms $((RANDOM % 40))
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  pid=""
  if [ -e "$tmp/b" ]; then
    [ -f "$tmp/b/MANIFEST" ] || fail "start kill $round: a folder without a manifest: $(ls "$tmp/b")"
    "$ROOST" verify --archive "$tmp/b" >/dev/null || fail "start kill $round: verify"
    stored "$tmp/b" >/dev/null || fail "start kill $round: info"
  fi
done

# 2. Twenty kills, each followed by the same command again.
previous=0
finished=0
resumed=0
for round in $(seq 1 20); do
  ingest "$tmp/a" >/dev/null 2>&1 &
  pid=$!
  delay=$((RANDOM * ms / 32768))  # anywhere in a whole run's time
  sleep_ms "$delay"
  if kill -9 "$pid" 2>/dev/null; then
    wait "$pid" 2>/dev/null || true
    pid=""
    if [ ! -e "$tmp/a" ]; then
      echo "round $round: killed after $delay ms, before the archive existed"
      continue
    fi
    "$ROOST" verify --archive "$tmp/a" --json >"$tmp/verify.json" || fail "round $round: verify: $(cat "$tmp/verify.json")"
    got=$(stored "$tmp/a")
    inputs_done=$(grep -c '^input ' "$tmp/a/MANIFEST" || true)
    echo "round $round: killed after $delay ms: $got tweets stored, $inputs_done of ${#inputs[@]} inputs committed, unlisted: $(field "$tmp/verify.json" '["unlisted"]')"
    [ "$got" -ge "$previous" ] || fail "round $round: committed tweets were lost ($got < $previous)"
    [ "$got" -le "$accepted" ] || fail "round $round: $got stored, more than the $accepted a clean run accepts"
    [ "$inputs_done" -eq 0 ] || resumed=$((resumed + 1))
    previous=$got
  else
    # The run finished before the kill: it must be whole. Start again.
    wait "$pid" || fail "round $round: the run failed"
    pid=""
    check_whole "$tmp/a" "round $round (finished)"
    echo "round $round: finished within $delay ms: whole; starting again"
    finished=$((finished + 1))
    rm -rf "$tmp/a"
    previous=0
  fi
done

(ingest "$tmp/a" --json >"$tmp/final.json") || fail "the final run failed"
check_whole "$tmp/a" "after the final run"
echo "final run: skipped $(field "$tmp/final.json" '["skipped_files"]') committed inputs; $finished runs finished between kills; $resumed kills left committed inputs"
# Some kills must have landed after inputs were committed, so that resuming
# (skipping them) was exercised and not only re-reading.
[ "$resumed" -ge 1 ] || fail "no kill left a committed input"
echo OK
