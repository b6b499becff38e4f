#!/usr/bin/env bash
# roost sentiment: one score per input line, in order; --json fields;
# unscored languages; usage errors. Skips (77) when the npm lexicons are
# not installed.
set -euo pipefail
: "${ROOST:?ROOST must point at the roost binary}"
fail() { echo "FAIL: $*" >&2; exit 1; }

if ! out=$(printf 'good\n' | "$ROOST" sentiment 2>&1); then
  case "$out" in
    *not_found*) echo "skip: $out"; exit 77 ;;
    *) fail "roost sentiment failed: $out" ;;
  esac
fi

scores=$(printf 'I love this wonderful day!\nThis is not good at all.\n\nthe table\n' | "$ROOST" sentiment)
[ "$(echo "$scores" | wc -l)" -eq 4 ] || fail "expected 4 lines, got: $scores"
awk 'NR==1 && !($1 > 0.5) { exit 1 } NR==2 && !($1 < -0.05) { exit 1 }
     NR>=3 && $1 != 0 { exit 1 }' <<<"$scores" || fail "unexpected scores: $scores"

json=$(printf "je n'aime pas ce film\n" | "$ROOST" sentiment --lang fr --json)
for key in compound pos neu neg label scored; do
  [[ "$json" == *"\"$key\":"* ]] || fail "--json lacks $key: $json"
done
[[ "$json" == *'"label": -1'* && "$json" == *'"scored": true'* ]] || fail "French negation: $json"
# The class name beside the label, as `roost top --by sentiment_class` names it.
[[ "$json" == *'"sentiment_class": "negative"'* ]] || fail "French negation class: $json"
json=$(printf 'I love this wonderful day!\nthe table\n' | "$ROOST" sentiment --json)
[[ "$(echo "$json" | head -1)" == *'"label": 1, "sentiment_class": "positive"'* ]] || fail "positive class: $json"
[[ "$(echo "$json" | tail -1)" == *'"label": 0, "sentiment_class": "neutral"'* ]] || fail "neutral class: $json"

json=$(printf 'Ich liebe diesen Tag\n' | "$ROOST" sentiment --lang de --json 2>/dev/null)
[[ "$json" == *'"scored": false'* && "$json" == *'"compound": 0.0000'* && "$json" == *'"sentiment_class": "unscored"'* ]] \
  || fail "de: $json"

set +e
"$ROOST" sentiment --no-such-flag </dev/null >/dev/null 2>&1
rc=$?
set -e
[ "$rc" -eq 2 ] || fail "usage error exit code $rc, expected 2"

ROOST_LEXICON_DIR=/nonexistent "$ROOST" sentiment </dev/null >/dev/null 2>&1 && fail "missing lexicons must fail"
echo "cli.sentiment: ok"
