#!/usr/bin/env bash
# The command line as people meet it: misspelt commands, flags and values
# get the nearest known word (exit 2), a missing archive or one a level down
# is named (exit 1), an ingest that accepted nothing fails with its first
# reason, --quiet and --stats, and tables that stay aligned with wide text.
set -euo pipefail
: "${ROOST:?ROOST must point at the roost binary}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
fail() { echo "cli.command_line: $*" >&2; exit 1; }

# Runs roost, keeping stdout, stderr and the exit code.
run() {
  set +e
  "$ROOST" "$@" > "$tmp/out" 2> "$tmp/err"
  rc=$?
  set -e
}
expect() {  # code phrase -- what: the last run exited `code` and said `phrase` on stderr
  [ "$rc" = "$1" ] || fail "$3: exit $rc, not $1 ($(cat "$tmp/err"))"
  grep -qF -- "$2" "$tmp/err" || fail "$3: stderr lacks \"$2\": $(cat "$tmp/err")"
}

tweet() {  # id hour text
  printf '{"created_at":"Thu Mar 01 %02d:00:00 +0000 2012","id_str":"%s","text":"%s","user":{"id_str":"%s","screen_name":"u%s"},"lang":"en"}\n' \
    "$2" "$1" "$3" "$1" "$1"
}
{
  tweet 1 1 "#東京 in spring"
  tweet 2 2 "#東京 at night"
  tweet 3 3 "#東京 again"
  tweet 4 4 "#café au lait"
  tweet 5 5 "#café noir"
  tweet 6 6 "#ok fine"
} > "$tmp/in.jsonl"
mkdir -p "$tmp/data"
run ingest --archive "$tmp/data/arc" "$tmp/in.jsonl"
[ "$rc" = 0 ] || fail "ingest: exit $rc: $(cat "$tmp/err")"

# 1. Did you mean.
run cuont --archive "$tmp/data/arc"
expect 2 "did you mean 'count'?" "misspelt command"
run count --archiv "$tmp/data/arc"
expect 2 "did you mean --archive?" "misspelt --archive"
run count --archive "$tmp/data/arc" --fliter '#ok'
expect 2 "did you mean --filter?" "misspelt --filter"
run count --archive "$tmp/data/arc" --fliter='#ok'
expect 2 "did you mean --filter?" "misspelt --filter=VALUE"
run top --archive "$tmp/data/arc" --by hashtag
expect 2 "did you mean 'hashtags'?" "misspelt --by value"
run frobnicate
expect 2 "unknown command 'frobnicate'" "unknown command far from any"
grep -q "did you mean" "$tmp/err" && fail "a far word got a suggestion: $(cat "$tmp/err")"
# A correct command line is not second-guessed.
run count --archive "$tmp/data/arc" --filter '#ok'
[ "$rc" = 0 ] && [ "$(cat "$tmp/out")" = 1 ] || fail "count #ok: exit $rc, $(cat "$tmp/out")"

# 2. No archive here: a typo, and the folder above the archive.
run count --archive "$tmp/nowhere"
expect 1 "no archive at $tmp/nowhere" "missing archive"
grep -q "MANIFEST" "$tmp/err" && fail "missing archive speaks of MANIFEST: $(cat "$tmp/err")"
run info --archive "$tmp/data"
expect 1 "use --archive $tmp/data/arc" "archive one level down"
run top --archive "$tmp/data" --by hashtags
expect 1 "$tmp/data holds no archive" "archive one level down (top)"
# The maintenance commands say it the same way, without an error code's name.
for cmd in info verify compact; do
  run "$cmd" --archive "$tmp/nowhere"
  expect 1 "roost $cmd: no archive at $tmp/nowhere" "missing archive ($cmd)"
done
run comply --archive "$tmp/nowhere" /dev/null
expect 1 "roost comply: no archive at $tmp/nowhere" "missing archive (comply)"

# 3. An ingest that accepts nothing fails, with the first reason in words.
printf '42\nhello\n{"id_str":"1"}\n' > "$tmp/bad.jsonl"
run ingest --archive "$tmp/arc2" "$tmp/bad.jsonl"
expect 1 "nothing accepted: 3 of 3 records rejected (first: $tmp/bad.jsonl:1: malformed_json" "all rejected"
grep -q "get_bool" "$tmp/err" && fail "simdjson's message leaked: $(cat "$tmp/err")"
grep -q "get_bool" "$tmp/arc2"/rejects/*.rejects && fail "simdjson's message leaked into the rejects file"
run ingest --dry-run --json "$tmp/bad.jsonl"
[ "$rc" = 1 ] || fail "all rejected --json: exit $rc"
node -e 'const o=JSON.parse(require("fs").readFileSync(0,"utf8"));
  if (o.rejected!==3 || !o.first_reject.endsWith("bad.jsonl:1: malformed_json: a lone number, string, true, false or null, not an object") || !("stages" in o) || !("cpu_seconds" in o)) process.exit(1)' < "$tmp/out" \
  || fail "all rejected --json: $(cat "$tmp/out")"
# A line of words is not JSON; a lone null is a JSON value, not a tweet.
printf 'not json\n' > "$tmp/words.jsonl"
run ingest --dry-run "$tmp/words.jsonl"
expect 1 "words.jsonl:1: malformed_json: not JSON: a record starts with { or [" "a line of words"
printf 'null\n' > "$tmp/null.jsonl"
run ingest --dry-run "$tmp/null.jsonl"
expect 1 "null.jsonl:1: malformed_json: a lone number, string, true, false or null" "a lone null"
# Duplicates only (a rerun) and an empty file are not failures.
run ingest --archive "$tmp/data/arc" "$tmp/in.jsonl"
[ "$rc" = 0 ] || fail "rerun of the same file: exit $rc: $(cat "$tmp/err")"
: > "$tmp/empty.jsonl"
run ingest --dry-run "$tmp/empty.jsonl"
[ "$rc" = 0 ] || fail "empty file: exit $rc: $(cat "$tmp/err")"
# One good record among bad ones is enough.
{ cat "$tmp/bad.jsonl"; tweet 7 7 "fine"; } > "$tmp/mixed.jsonl"
run ingest --dry-run "$tmp/mixed.jsonl"
[ "$rc" = 0 ] || fail "mixed file: exit $rc: $(cat "$tmp/err")"

# --quiet: nothing but errors; --stats: the CPU table, which is off by default.
run ingest --dry-run --quiet "$tmp/mixed.jsonl"
[ "$rc" = 0 ] && [ ! -s "$tmp/out" ] && [ ! -s "$tmp/err" ] || fail "--quiet printed: $(cat "$tmp/out" "$tmp/err")"
run ingest --dry-run --quiet "$tmp/bad.jsonl"
[ ! -s "$tmp/out" ] || fail "--quiet printed on stdout: $(cat "$tmp/out")"
expect 1 "nothing accepted" "--quiet still reports the failure"
run ingest --dry-run "$tmp/mixed.jsonl"
grep -q "^accepted  *1$" "$tmp/out" || fail "report: $(cat "$tmp/out")"
grep -q "CPU by stage" "$tmp/out" && fail "CPU table without --stats"
run ingest --dry-run --stats "$tmp/mixed.jsonl"
grep -q "CPU by stage" "$tmp/out" && grep -q "^  parse " "$tmp/out" || fail "--stats: $(cat "$tmp/out")"
run ingest --dry-run --quiet --json "$tmp/mixed.jsonl"
[ "$rc" = 2 ] || fail "--quiet --json: exit $rc"

# 4. Wide characters keep the columns aligned (東京 is 2 characters, 4 columns;
# café is 5 bytes, 4 columns). Expected table written by hand.
run top --archive "$tmp/data/arc" --by hashtags --metrics tweets
[ "$rc" = 0 ] || fail "top: exit $rc: $(cat "$tmp/err")"
printf 'hashtags  tweets\n東京           3\ncafé           2\nok             1\n' > "$tmp/expected"
diff "$tmp/expected" "$tmp/out" > /dev/null || fail "top table: $(diff "$tmp/expected" "$tmp/out")"
