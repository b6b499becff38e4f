#!/usr/bin/env bash
# roost synth: same seed -> same bytes (whatever --threads), the files and
# the JSON summary, usage exit codes, and (when python3 is present) entity
# indices that point at the text they name, in code points.
set -euo pipefail
: "${ROOST:?ROOST must point at the roost binary}"
fail() { echo "FAIL: $*" >&2; exit 1; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

args=(--days 2 --tweets-per-day 4000 --seed 11 --start 2013-06-01 --users 2000)
json="$("$ROOST" synth --out "$tmp/a" "${args[@]}" --compress gzip --json)"
case "$json" in
  *'"tweets":'*'"compliance":'*'"malformed":'*) ;;
  *) fail "unexpected summary: $json" ;;
esac
"$ROOST" synth --out "$tmp/b" "${args[@]}" --compress gzip --threads 2 >/dev/null
for f in tweets-2013-06-01.jsonl.gz tweets-2013-06-02.jsonl.gz compliance.jsonl news.csv brands.toml truth.json; do
  [ -s "$tmp/a/$f" ] || fail "missing $f"
  cmp -s "$tmp/a/$f" "$tmp/b/$f" || fail "$f differs between --threads 1 and 2"
done
head -1 "$tmp/a/news.csv" | grep -qx 'time,headline,url,keywords' || fail "news.csv header"
grep -q '^\[\[brand\]\]' "$tmp/a/brands.toml" || fail "brands.toml has no [[brand]]"
# The brands file it wrote is accepted back as --brands.
"$ROOST" synth --out "$tmp/c" "${args[@]}" --brands "$tmp/a/brands.toml" --compress none >/dev/null
# Compliance lines appear both in compliance.jsonl and inside the tweet files.
n_comp=$(wc -l < "$tmp/a/compliance.jsonl")
n_inline=$(gzip -dc "$tmp/a"/tweets-*.jsonl.gz | grep -c -E '^\{"(delete|scrub_geo|user_protect)"')
[ "$n_comp" -gt 0 ] && [ "$n_comp" -eq "$n_inline" ] || fail "compliance lines: $n_comp vs $n_inline inline"

if command -v python3 >/dev/null; then
  gzip -dc "$tmp/a/tweets-2013-06-01.jsonl.gz" | python3 -c '
import json, sys
checked = 0
for line in sys.stdin:
    try:
        t = json.loads(line)
    except ValueError:
        continue  # noise lines
    if "text" not in t or "id" not in t or "user" not in t:
        continue
    text = t["text"]
    assert int(t["id_str"]) == t["id"], t["id_str"]
    assert len(text) <= 140, (len(text), text)
    for h in t["entities"]["hashtags"]:
        a, b = h["indices"]
        assert text[a:b] == "#" + h["text"], (text, h)
    for m in t["entities"]["user_mentions"]:
        a, b = m["indices"]
        assert text[a:b].lower() == "@" + m["screen_name"].lower(), (text, m)
    for u in t["entities"]["urls"]:
        a, b = u["indices"]
        assert text[a:b] == u["url"], (text, u)
    if "extended_tweet" in t:
        full = t["extended_tweet"]["full_text"]
        assert len(full) > 140 and t["truncated"], full
        assert t["extended_tweet"]["display_text_range"] == [0, len(full)]
        for h in t["extended_tweet"]["entities"]["hashtags"]:
            a, b = h["indices"]
            assert full[a:b] == "#" + h["text"], (full, h)
    checked += 1
assert checked > 3000, checked
' || fail "entity indices"
fi

# When ingest is available, it must account for every line as truth.json says.
if command -v python3 >/dev/null && "$ROOST" ingest --help >/dev/null 2>&1; then
  "$ROOST" ingest --dry-run --json "$tmp/a"/tweets-*.jsonl.gz > "$tmp/ingest.json" || fail "ingest failed"
  python3 - "$tmp/ingest.json" "$tmp/a/truth.json" <<'PY' || fail "ingest counts differ from truth.json"
import json, sys
got = json.load(open(sys.argv[1]))
truth = json.load(open(sys.argv[2]))["counts"]
want = {"read": truth["records"], "accepted": truth["public_tweets"], "duplicates": 0,
        "non_public": truth["non_public_tweets"], "compliance": truth["compliance"],
        "rejected": truth["malformed"]}
bad = {k: (got.get(k), v) for k, v in want.items() if got.get(k) != v}
assert not bad, bad
PY
fi

set +e
"$ROOST" synth --out "$tmp/d" --compress lzma >/dev/null 2>&1; rc1=$?
"$ROOST" synth --out "$tmp/d" --start yesterday >/dev/null 2>&1; rc3=$?
"$ROOST" synth >/dev/null 2>&1; rc4=$?
set -e
[ "$rc1" -eq 2 ] && [ "$rc3" -eq 2 ] && [ "$rc4" -eq 2 ] || fail "usage exit codes $rc1 $rc3 $rc4, want 2"

# v2: twarc2 pages, same accounting through ingest.
"$ROOST" synth --out "$tmp/v2" "${args[@]}" --format v2 --compress zstd >/dev/null
if command -v zstd >/dev/null; then
  pages=$(zstd -dc "$tmp/v2/tweets-2013-06-01.jsonl.zst" | grep -c '^{"data":\[{"id":"') || true
  [ "$pages" -gt 10 ] || fail "no v2 pages ($pages)"
fi
if command -v python3 >/dev/null && "$ROOST" ingest --help >/dev/null 2>&1; then
  "$ROOST" ingest --dry-run --json "$tmp/v2"/tweets-*.jsonl.zst > "$tmp/ingest2.json" || fail "ingest v2 failed"
  python3 - "$tmp/ingest2.json" "$tmp/v2/truth.json" <<'PY' || fail "v2 ingest counts differ from truth.json"
import json, sys
got = json.load(open(sys.argv[1]))
truth = json.load(open(sys.argv[2]))["counts"]
want = {"read": truth["records"], "accepted": truth["public_tweets"], "duplicates": 0,
        "non_public": truth["non_public_tweets"], "compliance": truth["compliance"],
        "rejected": truth["malformed"]}
bad = {k: (got.get(k), v) for k, v in want.items() if got.get(k) != v}
assert not bad, bad
PY
fi
echo "cli.synth: ok"
