#!/usr/bin/env bash
# roost sentiment: one score per input line, in order; the learned models by
# default and the lexicon scorer on request; --json fields; unscored
# languages; --lang auto; brand names ignored; usage errors. Skips (77) when
# the npm lexicons or the models are not installed.
set -euo pipefail
: "${ROOST:?ROOST must point at the roost binary}"
fail() { echo "FAIL: $*" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if ! out=$(printf 'good\n' | "$ROOST" sentiment 2>&1); then
  case "$out" in
    *not_found*) echo "skip: $out"; exit 77 ;;
    *) fail "roost sentiment failed: $out" ;;
  esac
fi

# Learned (default): every line answered in order, with the label people
# would give.
json=$(printf 'I love this wonderful day!\nThis is not good at all.\n\nthe table\n' | "$ROOST" sentiment --json)
[ "$(echo "$json" | wc -l)" -eq 4 ] || fail "expected 4 lines, got: $json"
for key in compound pos neu neg label sentiment_class scored model lang; do
  [[ "$(echo "$json" | head -1)" == *"\"$key\":"* ]] || fail "--json lacks $key: $json"
done
[[ "$(sed -n 1p <<<"$json")" == *'"label": 1, "sentiment_class": "positive", "scored": true, "model": "learned"'* ]] \
  || fail "positive: $json"
[[ "$(sed -n 2p <<<"$json")" == *'"label": -1, "sentiment_class": "negative"'* ]] || fail "negation: $json"
[[ "$(sed -n 4p <<<"$json")" == *'"label": 0, "sentiment_class": "neutral"'* ]] || fail "neutral: $json"
# Plain output: the same compound scores, four decimals, one per line.
plain=$(printf 'I love this wonderful day!\nThis is not good at all.\n\nthe table\n' | "$ROOST" sentiment)
python3 - "$json" "$plain" <<'PY' || fail "plain scores differ from --json: $plain"
import json, sys
objs = [json.loads(l) for l in sys.argv[1].splitlines()]
plain = [float(l) for l in sys.argv[2].splitlines()]
assert len(objs) == len(plain)
for o, p in zip(objs, plain):
    assert abs(o["compound"] - p) < 1e-4, (o, p)
    # The score is pos - neg, moved only where the ±0.05 class cut would contradict the label.
    d = o["pos"] - o["neg"]
    cls = 1 if o["compound"] >= 0.05 else -1 if o["compound"] <= -0.05 else 0
    assert cls == o["label"], o
    if o["label"] != 0 and abs(d) >= 0.06:
        assert abs(o["compound"] - d) < 2e-3, o
PY

# The lexicon scorer stays: VADER-style scores, 0 for text without a lexicon word.
scores=$(printf 'I love this wonderful day!\nThis is not good at all.\n\nthe table\n' | "$ROOST" sentiment --model lexicon)
[ "$(echo "$scores" | wc -l)" -eq 4 ] || fail "expected 4 lines, got: $scores"
awk 'NR==1 && !($1 > 0.5) { exit 1 } NR==2 && !($1 < -0.05) { exit 1 }
     NR>=3 && $1 != 0 { exit 1 }' <<<"$scores" || fail "unexpected lexicon scores: $scores"
json=$(printf 'I love this wonderful day!\n' | "$ROOST" sentiment --model lexicon --json)
[[ "$json" == *'"scored": true, "model": "lexicon"'* ]] || fail "lexicon model name: $json"

for model in learned lexicon; do
  json=$(printf "je n'aime pas ce film\n" | "$ROOST" sentiment --lang fr --model $model --json)
  [[ "$json" == *'"label": -1, "sentiment_class": "negative", "scored": true'* ]] || fail "French negation ($model): $json"
done

# German: a learned model exists, the lexicon has none (unscored, never a 0 that reads neutral).
json=$(printf 'Ich liebe diesen Tag, einfach wunderbar\n' | "$ROOST" sentiment --lang de --json)
[[ "$json" == *'"label": 1, "sentiment_class": "positive", "scored": true, "model": "learned"'* ]] || fail "de learned: $json"
json=$(printf 'Ich liebe diesen Tag\n' | "$ROOST" sentiment --lang de --model lexicon --json 2>"$tmp/err")
[[ "$json" == *'"scored": false'* && "$json" == *'"compound": 0.0000'* && "$json" == *'"sentiment_class": "unscored"'* \
   && "$json" == *'"model": null'* ]] || fail "de lexicon: $json"
grep -q "not scored" "$tmp/err" || fail "no warning for an unscored language: $(cat "$tmp/err")"
json=$(printf '今日はとても良い天気ですね\n' | "$ROOST" sentiment --lang ja --json 2>/dev/null)
[[ "$json" == *'"scored": false'* && "$json" == *'"model": null'* ]] || fail "ja: $json"

# --lang auto detects each line's language as ingest does.
json=$(printf 'Que día tan bonito, me encanta esta ciudad y su gente maravillosa\nThe service was terrible and the staff was rude to everyone\n' |
  "$ROOST" sentiment --lang auto --json)
[[ "$(sed -n 1p <<<"$json")" == *'"label": 1'*'"lang": "es"'* ]] || fail "auto es: $json"
[[ "$(sed -n 2p <<<"$json")" == *'"label": -1'*'"lang": "en"'* ]] || fail "auto en: $json"

# Brand names carry no sentiment: "Joy" is a lexicon word, but not as a brand.
printf '[[brand]]\nname = "Joy"\nhandle = "joyshop"\n' >"$tmp/brands.toml"
for model in learned lexicon; do
  with=$(printf 'Joy opened a new store downtown\n' | "$ROOST" sentiment --model $model --brands "$tmp/brands.toml")
  without=$(printf 'opened a new store downtown\n' | "$ROOST" sentiment --model $model)
  plain=$(printf 'Joy opened a new store downtown\n' | "$ROOST" sentiment --model $model)
  [ "$with" = "$without" ] || fail "$model: brand name scored: $with, without it $without"
  [ "$plain" != "$without" ] || fail "$model: 'Joy' carries no sentiment even without --brands ($plain)"
done

set +e
"$ROOST" sentiment --no-such-flag </dev/null >/dev/null 2>&1
rc=$?
"$ROOST" sentiment --model vader </dev/null >/dev/null 2>&1
rc_model=$?
"$ROOST" sentiment --brands "$tmp/missing.toml" </dev/null >/dev/null 2>&1
rc_brands=$?
set -e
[ "$rc" -eq 2 ] || fail "usage error exit code $rc, expected 2"
[ "$rc_model" -eq 2 ] || fail "unknown model exit code $rc_model, expected 2"
[ "$rc_brands" -eq 2 ] || fail "missing brands file exit code $rc_brands, expected 2"

ROOST_LEXICON_DIR=/nonexistent "$ROOST" sentiment </dev/null >/dev/null 2>&1 && fail "missing lexicons must fail"
ROOST_MODEL_DIR=/nonexistent "$ROOST" sentiment </dev/null >/dev/null 2>&1 && fail "missing models must fail"
printf 'good\n' | ROOST_MODEL_DIR=/nonexistent "$ROOST" sentiment --model lexicon >/dev/null || fail "the lexicon needs no models"
echo "cli.sentiment: ok"
