#!/usr/bin/env bash
# roost trends and roost spikes on a tiny planted archive: precision and recall
# floors against truth.json (bench/trends_eval), plus usage errors.
set -euo pipefail
: "${ROOST:?}"
command -v python3 > /dev/null || exit 77
src="${ROOST_SOURCE_DIR:-$(dirname "$0")/../..}"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 "$src/bench/trends_eval" "$ROOST" "$dir" --days 8 --per-day 8000 --seeds 5 \
  --min-precision 0.8 --min-recall 0.75 > "$dir/eval.txt" || { cat "$dir/eval.txt"; exit 1; }
cat "$dir/eval.txt"
a="$dir/eval-5/archive"
# --at: the planted trend of a day is the top trend, with its curve and a tweet.
tag=$(python3 -c 'import json,sys; t=json.load(open(sys.argv[1]))["trends"]; print(t[2]["hashtag"], t[2]["peak"][:10])' \
  "$dir/eval-5/input/truth.json")
set -- $tag
"$ROOST" trends --archive "$a" --at "$2" --json > "$dir/t.json"
python3 - "$dir/t.json" "$1" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
labels = [t["label"].lower() for t in r["trends"]]
assert "#" + sys.argv[2].lower() in labels, labels
t = r["trends"][labels.index("#" + sys.argv[2].lower())]
assert len(t["curve"]) == 48 and max(t["curve"]) > 0
assert t["top_tweets"] and "text" in t["top_tweets"][0]
# One vocabulary: "interval", "tweets"; UTC times end in Z.
assert r["interval"] == "day" and "window" not in r, r.keys()
assert all("tweets" in v and "count" not in v for v in t["terms"]), t["terms"]
assert all(x.endswith("Z") for x in [r["at"], t["start"], t["peak"], t["end"], t["curve_start"]]), t
assert all(tw["created_at"].endswith("Z") for tw in t["top_tweets"])
PY
# --tz: every time of the answer in that zone, the top tweets' too.
"$ROOST" trends --archive "$a" --at "$2" --tz Europe/Paris --json > "$dir/tz.json"
python3 - "$dir/tz.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
t = r["trends"][0]
times = [r["at"], t["start"], t["peak"], t["end"]] + [tw["created_at"] for tw in t["top_tweets"]]
assert all(x.endswith("+01:00") for x in times), times
PY
# CSV: one row per trend, the same trends as the JSON; --interval, and --window as its former name.
"$ROOST" trends --archive "$a" --at "$2" --interval day --csv > "$dir/t.csv"
"$ROOST" trends --archive "$a" --at "$2" --window day --csv | cmp -s - "$dir/t.csv"
python3 - "$dir/t.csv" "$dir/t.json" <<'PY'
import csv, json, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
j = json.load(open(sys.argv[2]))["trends"]
assert [r["label"] for r in rows] == [t["label"] for t in j], (rows, j)
assert [int(r["tweets"]) for r in rows] == [t["tweets"] for t in j]
PY
"$ROOST" trends --help | grep -q -- '--min-burst-z' && ! "$ROOST" trends --help | grep -q -- '--window'
# --min-burst-z bounds the values' burst score (no planted trend reaches 1000); --min-z is its former name.
[ "$("$ROOST" trends --archive "$a" --at "$2" --min-burst-z 1000 | head -1)" = "0 trend(s)" ]
[ "$("$ROOST" trends --archive "$a" --at "$2" --min-z 1000 | head -1)" = "0 trend(s)" ]
# A range beside --at would be ignored: refused.
"$ROOST" trends --archive "$a" --at "$2" --from "$2" > /dev/null 2>&1 && exit 1 || [ $? = 2 ]
# Under the privacy gate, text and handles are hidden.
"$ROOST" trends --archive "$a" --at "$2" --json --privacy --min-authors 1 > "$dir/p.json"
! grep -q '"text"\|"handle"' "$dir/p.json"
"$ROOST" trends --archive "$a" --at "$2" --json --privacy --min-authors 100000000 | grep -q '"redacted":true'
# A window with no tweets says why (the archive's span) on stderr, exits 0,
# and JSON carries the reason as empty_because.
"$ROOST" trends --archive "$a" --at 2031-01-01 > "$dir/e.out" 2> "$dir/e.err"
[ "$(head -1 "$dir/e.out")" = "0 trend(s)" ]
grep -q "roost trends: no tweets: the archive's tweets run from .*Z to .*Z: the time range asked lies outside them" "$dir/e.err"
"$ROOST" trends --archive "$a" --from 2031-01-01 --to 2031-01-03 --json 2> /dev/null |
  python3 -c 'import json,sys; r=json.load(sys.stdin); assert r["trends"] == [] and "outside" in r["empty_because"][0], r'
"$ROOST" trends --archive "$a" --at "$2" --filter '#nosuchtagatall' 2> "$dir/e.err" > /dev/null
grep -qF "no tweet in the range has hashtags 'nosuchtagatall'" "$dir/e.err"
# Trends found: no reason given. Piped, a period shows no progress line.
to=$(date -u -d "$2 + 3 days" +%F)
"$ROOST" trends --archive "$a" --from "$2" --to "$to" --interval day > /dev/null 2> "$dir/p.err"
[ ! -s "$dir/p.err" ] || { cat "$dir/p.err"; exit 1; }
# On a terminal, a period that runs over a second shows which window it is on.
if command -v script > /dev/null; then
  t0=$(date +%s%N)
  script -qec "\"$ROOST\" trends --archive \"$a\" --from \"$2\" --to $to --interval hour --tweets 0" /dev/null \
    > "$dir/tty.out" < /dev/null || true
  t1=$(date +%s%N)
  grep -q "trend(s)" "$dir/tty.out"
  if [ $(((t1 - t0) / 1000000)) -gt 2500 ]; then grep -q "trends: window" "$dir/tty.out"; fi
fi
"$ROOST" trends --archive "$a" --window week --at "$2" > /dev/null 2>&1 && exit 1 || [ $? = 2 ]
"$ROOST" trends --archive "$a" > /dev/null 2>&1 && exit 1 || [ $? = 2 ]
"$ROOST" spikes --archive "$a" --threshold 2 > /dev/null 2>&1 && exit 1 || [ $? = 2 ]
echo ok
