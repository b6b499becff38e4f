#!/usr/bin/env bash
# roost count / explain / sample end to end: counts written by hand for the
# tweets below, --from/--to with --tz, @file filters, JSON shape, exit codes.
set -euo pipefail
: "${ROOST:?ROOST must point at the roost binary}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
fail() { echo "cli.query: $*" >&2; exit 1; }

tweet() {  # id hour text
  printf '{"created_at":"Thu Mar 01 %02d:00:00 +0000 2012","id_str":"%s","text":"%s","user":{"id_str":"%s","screen_name":"u%s"},"lang":"en"}\n' \
    "$2" "$1" "$3" "$1" "$1"
}
{
  tweet 1 1 "rugby in Paris #RWC"
  tweet 2 5 "rugby in London"
  tweet 3 9 "football in Paris"
  tweet 4 13 "the rugby final #RWC"
  tweet 5 22 "nothing to see"
} > "$tmp/in.jsonl"
"$ROOST" ingest --archive "$tmp/a" --json "$tmp/in.jsonl" > /dev/null

[ "$("$ROOST" count --archive "$tmp/a" --filter 'text contains "rugby"')" = 3 ] || fail "rugby count"
[ "$("$ROOST" count --archive "$tmp/a" --filter 'rugby -#rwc')" = 1 ] || fail "rule count"
# 01:00 Europe/Paris (UTC+1) is 00:00Z; 10:00 Paris is 09:00Z (exclusive): tweets 1 and 2.
[ "$("$ROOST" count --archive "$tmp/a" --filter 'rugby OR football' --from 2012-03-01T01:00 --to 2012-03-01T10:00 --tz Europe/Paris)" = 2 ] \
  || fail "time range with zone"
echo 'text contains "paris" // a comment' > "$tmp/filter.csdl"
[ "$("$ROOST" count --archive "$tmp/a" --filter @"$tmp/filter.csdl")" = 2 ] || fail "@file filter"
json="$("$ROOST" count --archive "$tmp/a" --filter '#rwc' --json)"
node -e 'const o=JSON.parse(process.argv[1]); if (o.count!==2 || typeof o.elapsed_ms!=="number" || o.segments_total!==1) process.exit(1)' "$json" \
  || fail "count --json: $json"

"$ROOST" explain --archive "$tmp/a" --filter 'rugby paris' > "$tmp/explain.txt"
grep -q 'matches 1' "$tmp/explain.txt" || fail "explain: $(cat "$tmp/explain.txt")"
"$ROOST" explain --archive "$tmp/a" --filter 'rugby paris' --json | node -e \
  'const o=JSON.parse(require("fs").readFileSync(0,"utf8")); if (o.count!==1 || o.plan.step!=="AND") process.exit(1)' \
  || fail "explain --json"
"$ROOST" sample --archive "$tmp/a" --filter '#rwc' --limit 1 > "$tmp/sample.txt"
[ "$(wc -l < "$tmp/sample.txt")" = 1 ] && grep -q '@u1' "$tmp/sample.txt" || fail "sample: $(cat "$tmp/sample.txt")"

# Tags: per-tag counts (table and JSON), with --filter, and a bad tag file.
cat > "$tmp/tags.csdl" <<'TAGS'
// reusable by many queries
tag "Rugby" { text contains "rugby" }
tag.places "Paris" { paris }
tag.places "Paris" { #rwc from:u1 }   // same tag: either rule
TAGS
"$ROOST" count --archive "$tmp/a" --tags "$tmp/tags.csdl" > "$tmp/tags.txt"
grep -Eq '^Rugby +3$' "$tmp/tags.txt" && grep -Eq '^places\.Paris +2$' "$tmp/tags.txt" \
  && grep -Eq '^\(any tag\) +4$' "$tmp/tags.txt" && grep -Eq '^\(matching\) +5$' "$tmp/tags.txt" \
  || fail "count --tags: $(cat "$tmp/tags.txt")"
json="$("$ROOST" count --archive "$tmp/a" --tags "$tmp/tags.csdl" --filter '#rwc' --json)"
node -e 'const o=JSON.parse(process.argv[1]);
  const t=Object.fromEntries(o.tags.map(x=>[x.tag,x.count]));
  if (o.count!==2 || o.tagged!==2 || t["Rugby"]!==2 || t["places.Paris"]!==1 || o.tags[1].namespace!=="places" || o.tags[1].name!=="Paris") process.exit(1)' "$json" \
  || fail "count --tags --json: $json"
printf 'tag "A" { rugby }\ntga "B" { paris }\n' > "$tmp/bad.tags"
set +e
"$ROOST" count --archive "$tmp/a" --tags "$tmp/bad.tags" 2> "$tmp/err.txt"
rc=$?
set -e
[ $rc = 2 ] && grep -q "line 2, column 1" "$tmp/err.txt" || fail "bad tag file: rc $rc, $(cat "$tmp/err.txt")"
# explain prints numbers bare.
"$ROOST" explain --archive "$tmp/a" --filter 'twitter.user.followers_count >= 1000 or text contains "rugby"' > "$tmp/explain2.txt"
grep -q 'author.followers >= 1000 ' "$tmp/explain2.txt" || fail "explain number: $(cat "$tmp/explain2.txt")"
# explain names the literals a regex scan searches for; the count equals the rule's.
"$ROOST" explain --archive "$tmp/a" --filter 'text regex_partial "rugby (in|final)"' > "$tmp/explain3.txt"
grep -q "literals: 'rugby '" "$tmp/explain3.txt" && grep -q 'matches 3' "$tmp/explain3.txt" \
  || fail "explain regex: $(cat "$tmp/explain3.txt")"

set +e
"$ROOST" count --archive "$tmp/a" --filter 'text contians "x"' 2> "$tmp/err.txt"
rc=$?
set -e
[ $rc = 2 ] || fail "bad filter exit code $rc"
grep -q "column 6" "$tmp/err.txt" && grep -q "contains" "$tmp/err.txt" || fail "error message: $(cat "$tmp/err.txt")"
set +e
"$ROOST" count --archive "$tmp/a" --filter 'rugby' --from 2012-03-01 --tz Mars/Olympus 2> /dev/null
rc=$?
set -e
[ $rc = 2 ] || fail "bad zone exit code $rc"
echo "cli.query: ok"
