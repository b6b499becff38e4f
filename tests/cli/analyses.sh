#!/usr/bin/env bash
# roost series / top end to end on tweets written by hand: every expected
# figure below was counted by hand from these six lines. Also the privacy
# gate at and around its thresholds, and the archive's privacy.toml floor.
set -euo pipefail
: "${ROOST:?ROOST must point at the roost binary}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
fail() { echo "cli.analyses: $*" >&2; exit 1; }

tweet() {  # id hh:mm user followers lang text [reply_to]
  local reply=""
  [ -n "${7:-}" ] && reply=",\"in_reply_to_status_id_str\":\"$7\",\"in_reply_to_user_id_str\":\"1\""
  printf '{"created_at":"Thu Mar 01 %s:00 +0000 2012","id_str":"%s","text":"%s","user":{"id_str":"%s","screen_name":"u%s","followers_count":%s},"lang":"%s"%s}\n' \
    "$2" "$1" "$6" "$3" "$3" "$4" "$5" "$reply"
}
{
  tweet 1 01:10 1 100 en "#rwc rugby"
  tweet 2 01:20 2 50 en "#rwc match"
  tweet 3 01:30 1 120 en "#rwc again"
  tweet 4 03:00 3 10 fr "#paris bonjour"
  tweet 5 04:00 4 5 en "#rwc #paris" 1
} > "$tmp/in.jsonl"
"$ROOST" ingest --archive "$tmp/a" --json "$tmp/in.jsonl" > /dev/null
check() {  # name json js-condition-on-o
  node -e 'const o=JSON.parse(process.argv[1]); if (!('"$3"')) process.exit(1)' "$2" || fail "$1: $2"
}

s="$("$ROOST" series --archive "$tmp/a" --interval hour --json)"
check "hourly series" "$s" 'o.buckets.length===4 && o.buckets[0].start==="2012-03-01T01:00:00Z" &&
  o.buckets[0].tweets===3 && o.buckets[0].unique_authors===2 && o.buckets[0].reach===170 &&
  o.buckets[1].tweets===0 && o.buckets[1].unique_authors===0 &&
  o.buckets[3].tweets===1 && o.buckets[3].replies===1 && o.totals.tweets===5 && o.totals.unique_authors===4 &&
  o.totals.reach===185'
s="$("$ROOST" series --archive "$tmp/a" --filter '#rwc' --interval day --tz Europe/Paris --json)"
check "daily series in Paris" "$s" 'o.buckets.length===1 && o.buckets[0].start==="2012-03-01T00:00:00+01:00" &&
  o.buckets[0].tweets===4 && o.tz==="Europe/Paris"'
"$ROOST" series --archive "$tmp/a" --interval hour --metrics tweets --csv > "$tmp/s.csv"
[ "$(head -1 "$tmp/s.csv")" = "start,tweets" ] || fail "csv header: $(head -1 "$tmp/s.csv")"
grep -q '^2012-03-01T02:00:00Z,0$' "$tmp/s.csv" || fail "csv empty bucket: $(cat "$tmp/s.csv")"
# No total row in CSV (a chart or roost detect would read it as a bucket) unless --totals.
[ "$(wc -l < "$tmp/s.csv")" = 5 ] && ! grep -q '^total' "$tmp/s.csv" || fail "csv total row: $(cat "$tmp/s.csv")"
[ "$("$ROOST" series --archive "$tmp/a" --interval hour --metrics tweets --csv --totals | tail -1)" = "total,5" ] \
  || fail "csv --totals"
"$ROOST" series --archive "$tmp/a" --interval hour --metrics tweets > "$tmp/s.txt"
grep -Eq '^total +5$' "$tmp/s.txt" || fail "table total row: $(cat "$tmp/s.txt")"

t="$("$ROOST" top --archive "$tmp/a" --target hashtags --json)"
check "top hashtags" "$t" 'o.items.length===2 && o.items[0].value==="rwc" && o.items[0].tweets===4 &&
  o.items[0].unique_authors===3 && o.items[1].value==="paris" && o.items[1].tweets===2 && o.distinct===2 &&
  o.totals.tweets===5 && o.items[0].count===undefined && o.total_tweets===undefined'
t="$("$ROOST" top --archive "$tmp/a" --by hashtags --then lang --json)"
check "nested" "$t" 'o.items[0].children.length===1 && o.items[0].children[0].value==="en" &&
  o.items[0].children[0].tweets===4 && o.items[1].children.length===2'
"$ROOST" top --archive "$tmp/a" --target hashtags --then lang > "$tmp/table.txt"
grep -Eq '^rwc +en +4 +3' "$tmp/table.txt" || fail "table: $(cat "$tmp/table.txt")"
head -1 "$tmp/table.txt" | grep -Eq '^hashtags +lang +tweets +unique_authors' || fail "table header: $(head -1 "$tmp/table.txt")"
# Nested CSV is long format: one row per leaf, its parent's value beside it
# (rwc: 4 en tweets by users 1,2,4; paris: user 3 in fr, user 4 in en).
"$ROOST" top --archive "$tmp/a" --target hashtags --then lang --csv > "$tmp/top.csv"
printf 'hashtags,lang,tweets,unique_authors,reach\nrwc,en,4,3,175\nparis,en,1,1,5\nparis,fr,1,1,10\n' | cmp -s - "$tmp/top.csv" \
  || fail "top long csv: $(cat "$tmp/top.csv")"
[ "$("$ROOST" top --archive "$tmp/a" --target hashtags --then lang --csv --totals | tail -1)" = "total,,5,," ] \
  || fail "top csv --totals"
# Usage errors: a ranking, an interval or a thread count that does not exist.
for bad in "top --target hashtags --rank-by count" "series --interval fortnight" "series --threads -3" \
           "top --target hashtags --totals" "top --target hashtags --min-authors -5"; do
  set +e
  "$ROOST" $bad --archive "$tmp/a" > /dev/null 2>&1; rc=$?
  set -e
  [ "$rc" = 2 ] || fail "$bad: exit $rc"
done
[ "$("$ROOST" top --archive "$tmp/a" --target hashtags --rank-by tweets --csv | sed -n 2p)" = "rwc,4,3,175" ] || fail "rank-by tweets"
# --repeat is a benchmark knob: it works, and stays out of --help.
"$ROOST" series --archive "$tmp/a" --repeat 2 --json | grep -q '"runs_ms"' || fail "--repeat"
! "$ROOST" series --help | grep -q -- '--repeat' || fail "--repeat shown in help"
! "$ROOST" top --help | grep -q -- '--repeat' || fail "--repeat shown in top help"
# Grouped by the tags of a tag file (query/tags.h).
printf 'tag "Rugby" { #rwc }\ntag.city "Paris" { #paris }\ntag "Both" { #rwc #paris }\n' > "$tmp/t.tags"
t="$("$ROOST" top --archive "$tmp/a" --by tag --then lang --tags "$tmp/t.tags" --json)"
check "top by tag" "$t" 'o.items.length===3 && o.items[0].value==="Rugby" && o.items[0].tweets===4 &&
  o.items[1].value==="city.Paris" && o.items[1].tweets===2 && o.items[1].children.length===2 &&
  o.items[2].value==="Both" && o.items[2].tweets===1'
set +e
"$ROOST" top --archive "$tmp/a" --target tag 2> "$tmp/err.txt"; rc=$?
set -e
[ "$rc" = 2 ] && grep -q "needs a tag file" "$tmp/err.txt" || fail "tag without --tags: rc=$rc $(cat "$tmp/err.txt")"
set +e
"$ROOST" top --archive "$tmp/a" --target hashtagz 2> "$tmp/err.txt"; rc=$?
set -e
[ "$rc" = 2 ] && grep -q "unknown target 'hashtagz'" "$tmp/err.txt" || fail "bad target: rc=$rc $(cat "$tmp/err.txt")"

# Privacy gate: per bucket at 2 authors, the hour with 2 authors is shown, the hours with 1 are redacted.
s="$("$ROOST" series --archive "$tmp/a" --interval hour --json --min-group-authors 2 --min-authors 1 --quantum 1)"
check "bucket gate" "$s" 'o.buckets[0].tweets===3 && o.buckets[2].redacted===true && o.buckets[3].redacted===true &&
  o.buckets[2].tweets===undefined && o.privacy.enabled===true'
t="$("$ROOST" top --archive "$tmp/a" --target hashtags --json --min-group-authors 3 --min-authors 1 --quantum 1)"
check "item gate at 3" "$t" 'o.items[0].value==="rwc" && o.items[1].redacted===true && o.items[1].value===undefined'
t="$("$ROOST" top --archive "$tmp/a" --target hashtags --json --min-group-authors 2 --min-authors 1 --quantum 1)"
check "item gate at 2" "$t" 'o.items[1].value==="paris"'
t="$("$ROOST" top --archive "$tmp/a" --target hashtags --json --min-authors 5)"
check "answer gate at 5" "$t" 'o.redacted===true && o.items===undefined'
t="$("$ROOST" top --archive "$tmp/a" --target hashtags --json --min-authors 4 --min-group-authors 1 --quantum 2)"
check "answer gate at 4, quantum 2" "$t" 'o.items[0].tweets===4 && o.items[0].unique_authors===2'
"$ROOST" series --archive "$tmp/a" --interval hour --min-group-authors 2 --min-authors 1 > "$tmp/gated.txt"
grep -q 'redacted' "$tmp/gated.txt" || fail "table marker: $(cat "$tmp/gated.txt")"

# The archive's privacy.toml applies without flags and flags cannot loosen it.
printf '[privacy]\nmin_answer_authors = 1\nmin_group_authors = 3\ncount_quantum = 1\n' > "$tmp/a/privacy.toml"
t="$("$ROOST" top --archive "$tmp/a" --target hashtags --json --min-group-authors 1)"
check "archive floor" "$t" 'o.items[0].value==="rwc" && o.items[1].redacted===true && o.privacy.min_group_authors===3'
set +e
"$ROOST" top --archive "$tmp/a" --target authors 2> "$tmp/err.txt"; rc=$?
set -e
[ "$rc" = 2 ] && grep -q "shows handles" "$tmp/err.txt" || fail "authors under the gate: rc=$rc $(cat "$tmp/err.txt")"
# roost sample under the gate: no handles or text unless allowed, nothing under the answer minimum.
"$ROOST" sample --archive "$tmp/a" --filter '#rwc' --limit 2 --json > "$tmp/sample.json"
node -e 'const l=require("fs").readFileSync(process.argv[1],"utf8").trim().split("\n").map(JSON.parse);
  if (l.length!==2 || l.some(t=>t.handle!=="redacted"||t.text!=="redacted"||!t.id)) process.exit(1)' "$tmp/sample.json" \
  || fail "gated sample: $(cat "$tmp/sample.json")"
s="$("$ROOST" sample --archive "$tmp/a" --filter '#rwc' --json --min-authors 4)"
check "sample answer gate" "$s" 'o.redacted===true'
rm "$tmp/a/privacy.toml"
"$ROOST" sample --archive "$tmp/a" --filter '#paris' --limit 1 > "$tmp/open.txt"
grep -q '@u3' "$tmp/open.txt" && grep -q 'bonjour' "$tmp/open.txt" || fail "ungated sample: $(cat "$tmp/open.txt")"
echo "cli.analyses: ok"
