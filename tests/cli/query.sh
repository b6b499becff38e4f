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
[ "$("$ROOST" count --archive "$tmp/a" --filter-file "$tmp/filter.csdl")" = 2 ] || fail "--filter-file"
# '@name' is the mention rule, not a file: no file named u1 is read.
printf '%s\n' '{"created_at":"Thu Mar 01 23:00:00 +0000 2012","id_str":"6","text":"hello @U1 and @u2","user":{"id_str":"6","screen_name":"u6"},"lang":"en"}' > "$tmp/mention.jsonl"
"$ROOST" ingest --archive "$tmp/m" "$tmp/mention.jsonl" > /dev/null
[ "$("$ROOST" count --archive "$tmp/m" --filter '@u1')" = 1 ] || fail "@name is a mention"
[ "$("$ROOST" count --archive "$tmp/m" --filter 'from:@U6')" = 1 ] || fail "from:@handle"
# '@u1.' (a mention typed with the sentence's full stop) names a file; when
# there is none, the error says how a mention and a file are written.
set +e
"$ROOST" count --archive "$tmp/m" --filter '@u1.' > /dev/null 2> "$tmp/err.txt"
rc=$?
set -e
[ $rc = 2 ] && grep -qF "a mention is @handle" "$tmp/err.txt" && grep -qF -- "--filter-file FILE" "$tmp/err.txt" \
  || fail "@name. with no such file: exit $rc, $(cat "$tmp/err.txt")"
# An empty answer says why when the archive can tell.
[ "$("$ROOST" count --archive "$tmp/a" --filter '#cricket' 2> "$tmp/why.txt")" = 0 ] \
  && grep -q "no tweet in the range has hashtags 'cricket'" "$tmp/why.txt" || fail "empty answer, unknown value: $(cat "$tmp/why.txt")"
[ "$("$ROOST" count --archive "$tmp/a" --filter rugby --from 2013-01 2> "$tmp/why.txt")" = 0 ] \
  && grep -q "run from 2012-03-01T01:00:00Z to 2012-03-01T22:00:00Z" "$tmp/why.txt" || fail "empty answer, range: $(cat "$tmp/why.txt")"
json="$("$ROOST" count --archive "$tmp/a" --filter '#cricket' --json 2> /dev/null)"
node -e 'const o=JSON.parse(process.argv[1]); if (o.count!==0 || !/cricket/.test(o.empty_because[0])) process.exit(1)' "$json" \
  || fail "count --json empty_because: $json"
[ "$("$ROOST" count --archive "$tmp/a" --filter '#rwc' 2> "$tmp/why.txt")" = 2 ] && [ ! -s "$tmp/why.txt" ] \
  || fail "a non-empty answer gives no reason: $(cat "$tmp/why.txt")"
# Under the archive's privacy.toml every answer is gated, counts and samples
# included: too few authors withholds it, counts are rounded, ids never shown.
cp -r "$tmp/a" "$tmp/g"
printf '[privacy]\nmin_answer_authors = 2\nmin_group_authors = 1\ncount_quantum = 2\nshow_text = true\n' > "$tmp/g/privacy.toml"
"$ROOST" count --archive "$tmp/g" --filter 'from:u1' | grep -q '^redacted: the answer has fewer than 2 unique authors (.*privacy.toml)$' \
  || fail "gated count of one author: $("$ROOST" count --archive "$tmp/g" --filter 'from:u1')"
[ "$("$ROOST" count --archive "$tmp/g" --filter rugby)" = 2 ] || fail "gated count is rounded down to the quantum"
json="$("$ROOST" count --archive "$tmp/g" --filter 'from:u1' --json)"
node -e 'const o=JSON.parse(process.argv[1]); if (o.count!==null || o.redacted!==true) process.exit(1)' "$json" || fail "gated count --json: $json"
"$ROOST" sample --archive "$tmp/g" --filter rugby --json > "$tmp/gs.json"
node -e 'const ls=require("fs").readFileSync(process.argv[1],"utf8").trim().split("\n").map(JSON.parse);
  if (ls.length!==3 || ls.some(t=>t.id!=="redacted" || t.handle!=="redacted" || !/rugby/.test(t.text))) process.exit(1)' "$tmp/gs.json" \
  || fail "gated sample: $(cat "$tmp/gs.json")"
"$ROOST" explain --archive "$tmp/g" --filter 'from:u1' | grep -q '^redacted: ' || fail "gated explain of one author"
[ "$("$ROOST" count --archive "$tmp/a" --filter 'from:u1' --min-authors 2 | cut -c1-9)" = "redacted:" ] \
  || fail "count --min-authors: $("$ROOST" count --archive "$tmp/a" --filter 'from:u1' --min-authors 2)"
set +e
"$ROOST" count --archive "$tmp/a" --filter 'x' --filter-file "$tmp/filter.csdl" > /dev/null 2>&1
rc=$?
set -e
[ $rc = 2 ] || fail "--filter with --filter-file: exit $rc"
json="$("$ROOST" count --archive "$tmp/a" --filter '#rwc' --json)"
node -e 'const o=JSON.parse(process.argv[1]); if (o.count!==2 || o.tweets!==2 || typeof o.elapsed_ms!=="number" || o.segments_total!==1) process.exit(1)' "$json" \
  || fail "count --json: $json"

"$ROOST" explain --archive "$tmp/a" --filter 'rugby paris' > "$tmp/explain.txt"
grep -q 'matches 1' "$tmp/explain.txt" || fail "explain: $(cat "$tmp/explain.txt")"
"$ROOST" explain --archive "$tmp/a" --filter 'rugby paris' --json | node -e \
  'const o=JSON.parse(require("fs").readFileSync(0,"utf8")); if (o.tweets!==1 || o.plan.step!=="AND") process.exit(1)' \
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
  const t=Object.fromEntries(o.tags.map(x=>[x.tag,x.tweets]));
  if (o.count!==2 || o.tweets!==2 || o.tagged_tweets!==2 || t["Rugby"]!==2 || t["places.Paris"]!==1 || o.tags[1].namespace!=="places" || o.tags[1].name!=="Paris") process.exit(1)' "$json" \
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

# Without --filter, count and sample answer for every visible tweet in the range.
[ "$("$ROOST" count --archive "$tmp/a")" = 5 ] || fail "count without filter"
[ "$("$ROOST" count --archive "$tmp/a" --from 2012-03-01T09:00)" = 3 ] || fail "count without filter, from 09:00"
[ "$("$ROOST" sample --archive "$tmp/a" --limit 2 | cut -f1 | tr '\n' ' ')" = "1 2 " ] || fail "sample without filter"
# --from/--to take what filters take: epoch seconds (1330592400 = 2012-03-01T09:00:00Z) and months
# (--to 2012-03 is the exclusive start of March: nothing before it here; --to 2012-04 all of March).
[ "$("$ROOST" count --archive "$tmp/a" --from 1330592400)" = 3 ] || fail "--from epoch seconds"
[ "$("$ROOST" count --archive "$tmp/a" --from 2012-03 --to 2012-04)" = 5 ] || fail "--from/--to months"
[ "$("$ROOST" count --archive "$tmp/a" --from 2012-02 --to 2012-03)" = 0 ] || fail "--to month is exclusive"
set +e
"$ROOST" count --archive "$tmp/a" --from 2012-13 2> "$tmp/err.txt"; rc=$?
set -e
[ $rc = 2 ] && grep -q "month" "$tmp/err.txt" || fail "bad month: rc $rc $(cat "$tmp/err.txt")"
# sample prints times in --tz (tweet 1 is 01:00Z, 02:00 in Paris).
"$ROOST" sample --archive "$tmp/a" --limit 1 --tz Europe/Paris > "$tmp/sample-tz.txt"
[ "$(cut -f2 "$tmp/sample-tz.txt")" = "2012-03-01T02:00:00+01:00" ] || fail "sample --tz: $(cat "$tmp/sample-tz.txt")"
[ "$("$ROOST" sample --archive "$tmp/a" --limit 1 --json | node -e 'console.log(JSON.parse(require("fs").readFileSync(0,"utf8")).created_at)')" \
  = "2012-03-01T01:00:00Z" ] || fail "sample UTC time"
# CSV: count, per tag (no total rows unless --totals), sample (RFC 4180 quoting of a comma).
[ "$("$ROOST" count --archive "$tmp/a" --filter rugby --csv | tr '\n' ' ')" = "tweets 3 " ] || fail "count --csv"
"$ROOST" count --archive "$tmp/a" --tags "$tmp/tags.csdl" --csv > "$tmp/tags.csv"
printf 'tag,namespace,name,tweets\nRugby,,Rugby,3\nplaces.Paris,places,Paris,2\n' | cmp -s - "$tmp/tags.csv" \
  || fail "count --tags --csv: $(cat "$tmp/tags.csv")"
"$ROOST" count --archive "$tmp/a" --tags "$tmp/tags.csdl" --csv --totals | tail -2 > "$tmp/tags-totals.csv"
printf '(any tag),,,4\n(matching),,,5\n' | cmp -s - "$tmp/tags-totals.csv" || fail "--totals: $(cat "$tmp/tags-totals.csv")"
printf '{"created_at":"Fri Mar 02 10:00:00 +0000 2012","id_str":"6","text":"say \\"hi\\", then go","user":{"id_str":"6","screen_name":"u6"},"lang":"en"}\n' \
  | "$ROOST" ingest --archive "$tmp/a" - > /dev/null
[ "$("$ROOST" sample --archive "$tmp/a" --from 2012-03-02 --csv)" = "$(printf 'id,created_at,handle,text\n6,2012-03-02T10:00:00Z,u6,"say ""hi"", then go"')" ] \
  || fail "sample --csv: $("$ROOST" sample --archive "$tmp/a" --from 2012-03-02 --csv)"
# Nonsense is a usage error.
for bad in "--threads -3" "--limit 0"; do
  set +e
  "$ROOST" sample --archive "$tmp/a" $bad > /dev/null 2>&1; rc=$?
  set -e
  [ $rc = 2 ] || fail "sample $bad: exit $rc"
done
echo "cli.query: ok"
