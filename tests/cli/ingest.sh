#!/usr/bin/env bash
# roost ingest end to end with the real binary: compression detected by
# magic bytes (files named .txt), directories and stdin, every record
# accounted for (read = accepted + duplicates + non_public + compliance +
# rejected), rejects kept verbatim, duplicates across runs, exit codes.
set -euo pipefail
: "${ROOST:?ROOST must point at the roost binary}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
fail() { echo "cli.ingest: $*" >&2; exit 1; }

# Reads one integer field of the one-line JSON summary.
field() { node -e 'const o=JSON.parse(require("fs").readFileSync(0,"utf8"));console.log(o[process.argv[1]])' "$1"; }
check_balance() {
  node -e '
    const o = JSON.parse(require("fs").readFileSync(0, "utf8"));
    const sum = o.accepted + o.duplicates + o.non_public + o.compliance + o.rejected;
    if (sum !== o.read) { console.error("counts do not add up: " + JSON.stringify(o)); process.exit(1); }
    const byReason = Object.values(o.rejected_by_reason).reduce((a, b) => a + b, 0);
    if (byReason !== o.rejected) { console.error("reasons do not add up"); process.exit(1); }'
}

tweet() {  # id user [protected]
  printf '{"created_at":"Thu Mar 01 %02d:00:00 +0000 2012","id_str":"%s","text":"tweet %s #roost","user":{"id_str":"%s","screen_name":"u%s","protected":%s},"lang":"en"}\n' \
    $(( $1 % 24 )) "$1" "$1" "$2" "$2" "${3:-false}"
}

mkdir -p "$tmp/in/sub"
for i in $(seq 1 40); do tweet "$i" $(( i % 5 + 1 )); done > "$tmp/plain.jsonl"
for i in $(seq 41 80); do tweet "$i" 2; done | gzip -c > "$tmp/in/a.txt"
for i in $(seq 81 120); do tweet "$i" 3; done | zstd -q -c > "$tmp/in/sub/b.txt"
for i in $(seq 121 160); do tweet "$i" 4; done | bzip2 -c > "$tmp/in/sub/c.json"
{
  tweet 5 1                                     # duplicate of plain.jsonl
  tweet 9999 8 true                             # protected author
  echo '{"delete":{"status":{"id_str":"7","user_id_str":"3"}}}'
  echo '{"created_at":"Thu Mar 01 10:00:00 +0000 2012","id_str":"500","text":"cut'   # truncated
  printf '{"created_at":"Thu Mar 01 10:00:00 +0000 2012","id_str":"501","text":"\xff","user":{"id_str":"1"}}\n'
  echo '{"created_at":"Thu Mar 01 10:00:00 +0000 2012","id_str":"18446744073709551616","text":"x","user":{"id_str":"1"}}'
} > "$tmp/in/mixed.jsonl"

# 1. Dry run over stdin + a directory: the counts are exact.
json="$(cat "$tmp/plain.jsonl" | "$ROOST" ingest --dry-run --json --rejects "$tmp/rejects.txt" - "$tmp/in")"
echo "$json" | check_balance
[ "$(echo "$json" | field read)" = 166 ] || fail "read: $json"
[ "$(echo "$json" | field accepted)" = 160 ] || fail "accepted: $json"
[ "$(echo "$json" | field duplicates)" = 1 ] || fail "duplicates: $json"
[ "$(echo "$json" | field non_public)" = 1 ] || fail "non_public: $json"
[ "$(echo "$json" | field compliance)" = 1 ] || fail "compliance: $json"
[ "$(echo "$json" | field rejected)" = 3 ] || fail "rejected: $json"
grep -q '^#roost-reject source=.*mixed.jsonl line=4 reason=truncated' "$tmp/rejects.txt" || fail "rejects file lacks the truncated record"
grep -q 'reason=invalid_utf8' "$tmp/rejects.txt" || fail "rejects file lacks the invalid UTF-8 record"
grep -q 'reason=bad_id' "$tmp/rejects.txt" || fail "rejects file lacks the id over 64 bits"

# 2. Into an archive, then the same files again: skipped as committed, or
# (--no-resume) read again as all duplicates; nothing lost either way.
json="$("$ROOST" ingest --archive "$tmp/arc" --json --threads 2 "$tmp/plain.jsonl" "$tmp/in")"
echo "$json" | check_balance
[ "$(echo "$json" | field accepted)" = 160 ] || fail "archive accepted: $json"
files=$(echo "$json" | field files)
json="$("$ROOST" ingest --archive "$tmp/arc" --json "$tmp/plain.jsonl" "$tmp/in")"
echo "$json" | check_balance
[ "$(echo "$json" | field read)" = 0 ] || fail "resumed re-ingest read: $json"
[ "$(echo "$json" | field skipped_files)" = "$files" ] || fail "resumed re-ingest skipped: $json"
json="$("$ROOST" ingest --archive "$tmp/arc" --json --no-resume "$tmp/plain.jsonl" "$tmp/in")"
echo "$json" | check_balance
[ "$(echo "$json" | field skipped_files)" = 0 ] || fail "--no-resume skipped: $json"
[ "$(echo "$json" | field accepted)" = 0 ] || fail "re-ingest accepted: $json"
[ "$(echo "$json" | field duplicates)" = 161 ] || fail "re-ingest duplicates: $json"
"$ROOST" info --archive "$tmp/arc" > "$tmp/info.txt" || fail "roost info failed"

# 2b. A folder of other files is not made an archive (exit 2, nothing
# written); a run that fails before committing anything (a missing input)
# leaves no folder behind; a killed-before-commit archive is valid and empty.
mkdir -p "$tmp/photos" && echo jpeg > "$tmp/photos/cat.jpg"
set +e
"$ROOST" ingest --archive "$tmp/photos" "$tmp/plain.jsonl" > /dev/null 2> "$tmp/err"
rc=$?
"$ROOST" ingest --archive "$tmp/new/arc" "$tmp/plain.jsonl" "$tmp/no-such-file.jsonl" > /dev/null 2>&1
rc2=$?
set -e
[ "$rc" = 2 ] || fail "folder of other files: exit $rc: $(cat "$tmp/err")"
[ "$(ls -A "$tmp/photos")" = "cat.jpg" ] || fail "folder of other files was written to: $(ls -A "$tmp/photos")"
[ "$rc2" = 1 ] || fail "missing input: exit $rc2"
[ ! -e "$tmp/new" ] || fail "a failed first ingest left $(find "$tmp/new")"
mkdir "$tmp/empty"
"$ROOST" ingest --archive "$tmp/empty" --json "$tmp/plain.jsonl" > /dev/null || fail "ingest into an empty folder"
"$ROOST" verify --archive "$tmp/empty" > /dev/null || fail "verify of the archive made in an empty folder"

# 3. A truncated zstd stream: earlier records kept, reported, exit code 1.
for i in $(seq 1000 60000); do tweet "$i" 7; done | zstd -q -c > "$tmp/full.zst"
head -c $(( $(stat -c %s "$tmp/full.zst") / 2 )) "$tmp/full.zst" > "$tmp/cut.zst"
set +e
json="$("$ROOST" ingest --dry-run --json "$tmp/cut.zst")"
rc=$?
set -e
[ "$rc" -eq 1 ] || fail "truncated stream exit code $rc, want 1"
echo "$json" | check_balance
echo "$json" | grep -q 'truncated zstd stream' || fail "truncation not reported: $json"
[ "$(echo "$json" | field accepted)" -gt 1000 ] || fail "records before the cut were not kept: $json"

# 4. Exit codes: usage 2, missing input 1.
set +e
"$ROOST" ingest --dry-run >/dev/null 2>&1; rc_usage=$?
"$ROOST" ingest --bogus x >/dev/null 2>&1; rc_flag=$?
"$ROOST" ingest --dry-run "$tmp/does-not-exist" >/dev/null 2>"$tmp/err"; rc_missing=$?
set -e
[ "$rc_usage" -eq 2 ] || fail "no inputs: exit $rc_usage, want 2"
[ "$rc_flag" -eq 2 ] || fail "unknown flag: exit $rc_flag, want 2"
[ "$rc_missing" -eq 1 ] || fail "missing input: exit $rc_missing, want 1"
grep -q "does-not-exist" "$tmp/err" || fail "error does not name the file"

# 4b. A retweet whose embedded original lacks created_at is kept whole; one
# whose original lacks its text is kept with the link, and the report says so.
{
  printf '%s\n' '{"created_at":"Thu Mar 01 10:00:00 +0000 2012","id_str":"71","text":"RT @o: x","user":{"id_str":"5","screen_name":"r"},"retweeted_status":{"id_str":"70","text":"the original","user":{"id_str":"6","screen_name":"o"}}}'
  printf '%s\n' '{"created_at":"Thu Mar 01 11:00:00 +0000 2012","id_str":"72","text":"RT @o: y","user":{"id_str":"5","screen_name":"r"},"retweeted_status":{"id_str":"69","user":{"id_str":"6","screen_name":"o"}}}'
} > "$tmp/rt.jsonl"
json="$("$ROOST" ingest --dry-run --json "$tmp/rt.jsonl")"
[ "$(echo "$json" | field accepted)" = 2 ] && [ "$(echo "$json" | field kept_with_notes)" = 1 ] \
  || fail "embedded originals: $json"
echo "$json" | grep -q 'rt.jsonl:2: retweeted_status: no text' || fail "first_note: $json"

# 5. Real API responses, when the shared data is there.
data="${ROOST_SHARED_DATA:-}/simdjson/jsonexamples"
if [ -d "$data" ]; then
  json="$("$ROOST" ingest --dry-run --json "$data/twitter.json")"
  [ "$(echo "$json" | field accepted)" = 100 ] || fail "twitter.json: $json"
fi
echo "cli.ingest: ok"
