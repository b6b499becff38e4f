#!/usr/bin/env bash
# roost lang: one `language<TAB>confidence` line per input line, in order;
# the platform-tag rule with --with-tag; the JSON shape; usage errors.
set -euo pipefail
: "${ROOST:?ROOST must point at the roost binary}"
here="$(cd "$(dirname "$0")" && pwd)"
fail() { echo "FAIL: $*" >&2; exit 1; }

out="$("$ROOST" lang < "$here/lang.input")"
langs="$(printf '%s\n' "$out" | cut -f1)"
diff <(printf '%s\n' "$langs") "$here/lang.expected" || fail "languages differ"
# Every confidence is a number in [0, 1]; und has 0.
printf '%s\n' "$out" | awk -F'\t' '
  NF != 2 || $2 < 0 || $2 > 1 { print "bad line: " $0; bad = 1 }
  $1 == "und" && $2 != 0 { print "und with confidence: " $0; bad = 1 }
  END { exit bad }' || fail "bad confidence"

# A short text keeps its platform tag; a long mislabelled one is corrected.
tagged="$(printf 'fr\tok merci\nen\tJe suis très content de te voir, on va au cinéma ce soir avec les amis\n' |
  "$ROOST" lang --with-tag | cut -f1 | tr '\n' ' ')"
[ "$tagged" = "fr fr " ] || fail "--with-tag gave '$tagged'"

json="$(printf 'Ich habe heute leider keine Zeit für dich\n' | "$ROOST" lang --json)"
case "$json" in
  '{"language": "de", "confidence": '*'"reliable": true'*) ;;
  *) fail "unexpected JSON: $json" ;;
esac

set +e
"$ROOST" lang --no-such-flag >/dev/null 2>&1
rc=$?
set -e
[ "$rc" -eq 2 ] || fail "usage error exit code $rc, want 2"
echo "cli.lang: ok"
