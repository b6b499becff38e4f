#!/usr/bin/env bash
# roost entities: plain output against a hand-written expectation, the JSON
# shape, and the usage exit code.
set -euo pipefail
: "${ROOST:?ROOST must point at the roost binary}"
here="$(cd "$(dirname "$0")" && pwd)"
out="$("$ROOST" entities < "$here/entities.input")"
diff <(printf '%s\n' "$out") "$here/entities.expected"

json="$(printf '@alice #tag http://WWW.Example.com/x\n' | "$ROOST" entities --json)"
expected='{"entities":[{"type":"mention","text":"alice","indices":[0,6]},{"type":"hashtag","text":"tag","indices":[7,11]},{"type":"url","text":"http://WWW.Example.com/x","indices":[12,36],"domain":"example.com"}],"reply_to":"alice","weighted_length":35,"valid":true}'
[ "$json" = "$expected" ] || { echo "unexpected JSON: $json" >&2; exit 1; }

set +e
"$ROOST" entities --no-such-flag >/dev/null 2>&1
rc=$?
set -e
[ "$rc" -eq 2 ] || { echo "usage error exit code $rc, want 2" >&2; exit 1; }
echo "cli.entities: ok"
