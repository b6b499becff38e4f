#!/usr/bin/env bash
# roost export end to end on three tweets written by hand: ids as decimal
# strings (past 2^53, where a double would change them), chosen fields, the
# relational tables, the privacy rules for text and handles, usage errors.
set -euo pipefail
: "${ROOST:?ROOST must point at the roost binary}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
fail() { echo "cli.export: $*" >&2; exit 1; }

tweet() {  # id hh:mm user lang text hashtags-json mentions-json urls-json
  printf '{"created_at":"Thu Mar 01 %s:00 +0000 2012","id_str":"%s","text":"%s","user":{"id_str":"%s","screen_name":"u%s"},"lang":"%s","entities":{"hashtags":%s,"user_mentions":%s,"urls":%s}}\n' \
    "$2" "$1" "$5" "$3" "$3" "$4" "$6" "$7" "$8"
}
{
  # 9007199254740993 = 2^53 + 1: a double would print ...992.
  tweet 9007199254740993 01:10 1 en 'rugby, \"again\" #rwc #paris' \
    '[{"text":"rwc","indices":[17,21]},{"text":"paris","indices":[22,28]}]' '[]' '[]'
  tweet 2 02:00 2 fr 'bonjour @u1 https://t.co/x' '[]' \
    '[{"screen_name":"u1","id_str":"1","indices":[8,11]}]' \
    '[{"url":"https://t.co/x","expanded_url":"https://example.com/a","indices":[12,26]}]'
  tweet 3 03:00 3 en 'nothing #rwc' '[{"text":"rwc","indices":[8,12]}]' '[]' '[]'
} > "$tmp/in.jsonl"
"$ROOST" ingest --archive "$tmp/a" "$tmp/in.jsonl" > /dev/null

# Default: the ids alone, a CSV column named id, in time order.
[ "$("$ROOST" export --archive "$tmp/a")" = "$(printf 'id\n9007199254740993\n2\n3')" ] \
  || fail "ids: $("$ROOST" export --archive "$tmp/a")"
# Fields, --filter, --tz, RFC 4180 quoting of a comma and quotes.
"$ROOST" export --archive "$tmp/a" --filter '#rwc' --fields id,created_at,handle,platform_lang,text,hashtags --tz Europe/Paris \
  > "$tmp/f.csv"
cat > "$tmp/f.expected" <<'CSV'
id,created_at,handle,platform_lang,text,hashtags
9007199254740993,2012-03-01T02:10:00+01:00,u1,en,"rugby, ""again"" #rwc #paris",rwc paris
3,2012-03-01T04:00:00+01:00,u3,en,nothing #rwc,rwc
CSV
cmp -s "$tmp/f.csv" "$tmp/f.expected" || fail "fields: $(cat "$tmp/f.csv")"
# JSON lines: ids stay strings, lists are arrays; --from takes a month.
"$ROOST" export --archive "$tmp/a" --format jsonl --fields id,author_id,mentions,urls --from 2012-03 > "$tmp/f.jsonl"
node -e 'const l=require("fs").readFileSync(process.argv[1],"utf8").trim().split("\n").map(JSON.parse);
  if (l.length!==3 || l[0].id!=="9007199254740993" || l[1].author_id!=="2" || l[1].mentions[0]!=="u1" ||
      l[1].urls[0]!=="https://example.com/a" || l[2].urls.length!==0) process.exit(1)' "$tmp/f.jsonl" \
  || fail "jsonl: $(cat "$tmp/f.jsonl")"
[ "$("$ROOST" export --archive "$tmp/a" --json --filter 'platform_lang == "fr"')" = '{"id":"2"}' ] || fail "--json means jsonl"
# lang is the detected language, as roost top (another reader of the same column) names it.
fr='platform_lang == "fr"'
[ "$("$ROOST" export --archive "$tmp/a" --filter "$fr" --fields lang | tail -1)" \
  = "$("$ROOST" top --archive "$tmp/a" --filter "$fr" --by lang --csv | tail -1 | cut -d, -f1)" ] || fail "lang"
# Relational tables: one row per tweet and value.
[ "$("$ROOST" export --archive "$tmp/a" --table hashtags)" = "$(printf 'tweet_id,hashtag\n9007199254740993,rwc\n9007199254740993,paris\n3,rwc')" ] \
  || fail "hashtags table: $("$ROOST" export --archive "$tmp/a" --table hashtags)"
[ "$("$ROOST" export --archive "$tmp/a" --table urls --format jsonl)" = '{"tweet_id":"2","url":"https://example.com/a"}' ] \
  || fail "urls table"
# Piped: no progress line on stderr.
"$ROOST" export --archive "$tmp/a" > /dev/null 2> "$tmp/err.txt"
[ ! -s "$tmp/err.txt" ] || fail "progress while piped: $(cat "$tmp/err.txt")"

# Privacy: ids leave, text and handles only when the policy allows them (exit 2 otherwise).
printf '[privacy]\nmin_answer_authors = 1\nmin_group_authors = 1\ncount_quantum = 1\n' > "$tmp/a/privacy.toml"
[ "$("$ROOST" export --archive "$tmp/a" --fields id,platform_lang | wc -l)" = 4 ] || fail "ids under the gate"
for f in text handle author_id mentions; do
  set +e
  "$ROOST" export --archive "$tmp/a" --fields "id,$f" > "$tmp/out.txt" 2> "$tmp/err.txt"; rc=$?
  set -e
  [ "$rc" = 2 ] && grep -q "privacy" "$tmp/err.txt" && [ ! -s "$tmp/out.txt" ] || fail "$f under the gate: rc=$rc $(cat "$tmp/err.txt")"
done
set +e
"$ROOST" export --archive "$tmp/a" --table mentions > /dev/null 2>&1; rc=$?
set -e
[ "$rc" = 2 ] || fail "mentions table under the gate: rc=$rc"
printf '[privacy]\nmin_answer_authors = 1\nmin_group_authors = 1\ncount_quantum = 1\nshow_text = true\n' > "$tmp/a/privacy.toml"
"$ROOST" export --archive "$tmp/a" --fields text --filter 'platform_lang == "fr"' | grep -q bonjour || fail "text allowed by the policy"
printf '[privacy]\nmin_answer_authors = 4\nmin_group_authors = 1\ncount_quantum = 1\n' > "$tmp/a/privacy.toml"
set +e
"$ROOST" export --archive "$tmp/a" > "$tmp/out.txt" 2> "$tmp/err.txt"; rc=$?
set -e
[ "$rc" = 1 ] && [ ! -s "$tmp/out.txt" ] && grep -q "fewer than 4 unique authors" "$tmp/err.txt" \
  || fail "answer gate: rc=$rc $(cat "$tmp/err.txt")"
rm "$tmp/a/privacy.toml"

# Usage errors.
for bad in "--fields id,nope" "--fields id,id" "--format xml" "--table users" "--table hashtags --fields id,text" \
           "--threads -3" "--from 2012-13"; do
  set +e
  "$ROOST" export --archive "$tmp/a" $bad > /dev/null 2>&1; rc=$?
  set -e
  [ "$rc" = 2 ] || fail "$bad: exit $rc"
done
echo "cli.export: ok"
