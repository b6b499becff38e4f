#!/usr/bin/env bash
# roost rescore: an archive ingested with the lexicon scorer is rescored with
# the learned models from its stored text alone. Counts stay, verify passes,
# the sentiment figures change, the result is what a fresh ingest with the
# learned models stores, and rescoring back with the lexicon gives the first
# figures again. Skips (77) without the lexicons or models.
set -euo pipefail
[ -x "${ROOST:-}" ] || { echo "ROOST not set"; exit 77; }
command -v python3 >/dev/null || { echo "python3 needed"; exit 77; }
fail() { echo "FAIL: $*" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
field() { python3 -c "import json,sys; print(json.load(open('$1'))$2)"; }
if ! out=$(printf 'good\n' | "$ROOST" sentiment 2>&1); then
  case "$out" in
    *not_found*) echo "skip: $out"; exit 77 ;;
    *) fail "roost sentiment failed: $out" ;;
  esac
fi

# "positive=N neutral=N negative=N unscored=N" for the whole archive.
classes() {
  "$ROOST" top --archive "$1" --by sentiment_class --metrics tweets --json |
    python3 -c 'import json,sys; d={i["value"]: i["tweets"] for i in json.load(sys.stdin)["items"]}
print(" ".join("%s=%d" % (k, d.get(k, 0)) for k in ("positive", "neutral", "negative", "unscored")))'
}
# The mean score and the scored count of the series total.
totals() {
  "$ROOST" series --archive "$1" --interval day --metrics sentiment --json |
    python3 -c 'import json,sys; t=json.load(sys.stdin)["totals"]; print("%.6f %d" % (t["sentiment_mean"], t["scored"]))'
}

"$ROOST" synth --out "$tmp/data" --days 2 --tweets-per-day 3000 --compress none --seed 11 --json >/dev/null
"$ROOST" ingest --archive "$tmp/a" --sentiment-model lexicon "$tmp/data" --json >"$tmp/ingest.json"
"$ROOST" info --archive "$tmp/a" --json >"$tmp/info1.json"
count1=$("$ROOST" count --archive "$tmp/a" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["count"])')
lexicon_classes=$(classes "$tmp/a")
lexicon_totals=$(totals "$tmp/a")
echo "lexicon: $lexicon_classes; mean, scored: $lexicon_totals"

# A brands file that cannot be read is a usage error and changes nothing.
set +e
"$ROOST" rescore --archive "$tmp/a" --brands "$tmp/none.toml" >/dev/null 2>"$tmp/err"
rc=$?
set -e
[ "$rc" -eq 2 ] || fail "missing --brands file: exit $rc, expected 2 ($(cat "$tmp/err"))"
[ "$(classes "$tmp/a")" = "$lexicon_classes" ] || fail "a failed rescore changed the archive"

"$ROOST" rescore --archive "$tmp/a" --json >"$tmp/rescore.json"
cat "$tmp/rescore.json"
tweets=$(field "$tmp/info1.json" '["tweets"]')
[ "$(field "$tmp/rescore.json" '["tweets"]')" -eq "$tweets" ] || fail "rescore saw another tweet count"
[ "$(field "$tmp/rescore.json" '["changed"]')" -gt 0 ] || fail "rescore changed nothing"
[ "$(field "$tmp/rescore.json" '["learned"]')" -gt 0 ] || fail "no tweet scored by a learned model"
sum=$(python3 -c "import json; d=json.load(open('$tmp/rescore.json')); print(d['learned']+d['lexicon']+d['unscored'])")
[ "$sum" -eq "$tweets" ] || fail "learned + lexicon + unscored = $sum, not $tweets"

"$ROOST" verify --archive "$tmp/a" --json >"$tmp/verify.json"
[ "$(field "$tmp/verify.json" '["ok"]')" = "True" ] || fail "verify after rescore: $(cat "$tmp/verify.json")"
"$ROOST" info --archive "$tmp/a" --json >"$tmp/info2.json"
for key in tweets visible_tweets segments; do
  [ "$(field "$tmp/info2.json" "[\"$key\"]")" = "$(field "$tmp/info1.json" "[\"$key\"]")" ] || fail "$key changed"
done
[ "$("$ROOST" count --archive "$tmp/a" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["count"])')" -eq "$count1" ] \
  || fail "count changed"

learned_classes=$(classes "$tmp/a")
learned_totals=$(totals "$tmp/a")
echo "learned: $learned_classes; mean, scored: $learned_totals"
[ "$learned_classes" != "$lexicon_classes" ] || fail "sentiment classes unchanged by rescore"
[ "$learned_totals" != "$lexicon_totals" ] || fail "series sentiment unchanged by rescore"
unscored() { sed 's/.*unscored=//' <<<"$1"; }
# The learned models cover languages the lexicon does not (es, pt, de...).
[ "$(unscored "$learned_classes")" -lt "$(unscored "$lexicon_classes")" ] || fail "no fewer unscored tweets"

# The same as ingest stores with the learned models (the default).
"$ROOST" ingest --archive "$tmp/b" "$tmp/data" --quiet
[ "$(classes "$tmp/b")" = "$learned_classes" ] || fail "fresh ingest: $(classes "$tmp/b"), rescored: $learned_classes"
[ "$(totals "$tmp/b")" = "$learned_totals" ] || fail "fresh ingest totals differ from the rescored ones"

# Rescoring again changes nothing; rescoring with the lexicon restores the first figures.
"$ROOST" rescore --archive "$tmp/a" --json >"$tmp/again.json"
[ "$(field "$tmp/again.json" '["changed"]')" -eq 0 ] || fail "a second rescore changed $(field "$tmp/again.json" '["changed"]') tweets"
"$ROOST" rescore --archive "$tmp/a" --model lexicon --json >"$tmp/back.json"
[ "$(field "$tmp/back.json" '["learned"]')" -eq 0 ] || fail "lexicon rescore used a learned model"
[ "$(classes "$tmp/a")" = "$lexicon_classes" ] || fail "lexicon rescore: $(classes "$tmp/a"), ingest: $lexicon_classes"
[ "$(totals "$tmp/a")" = "$lexicon_totals" ] || fail "lexicon rescore totals differ from the lexicon ingest"

# No archive: an error naming it.
"$ROOST" rescore --archive "$tmp/nothing" >/dev/null 2>&1 && fail "rescore of a missing archive succeeded"
echo "cli.rescore: ok"
