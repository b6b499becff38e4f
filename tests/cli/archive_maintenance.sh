#!/usr/bin/env bash
# roost ingest -> info -> verify -> comply -> compact on a small synthetic
# archive, then a flipped byte that verify must name. Checks relations
# between the commands' JSON answers, not numbers computed by the code.
set -euo pipefail
[ -x "${ROOST:-}" ] || { echo "ROOST not set"; exit 77; }
command -v python3 >/dev/null || { echo "python3 needed"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
field() { python3 -c "import json,sys; print(json.load(open('$1'))$2)"; }

"$ROOST" synth --out "$tmp/data" --days 2 --tweets-per-day 3000 --compress none --seed 7 --json >"$tmp/synth.json"
"$ROOST" ingest --archive "$tmp/a" "$tmp/data" --json >"$tmp/ingest1.json"
"$ROOST" info --archive "$tmp/a" --json >"$tmp/info1.json"
accepted=$(field "$tmp/ingest1.json" '["accepted"]')
stored=$(field "$tmp/info1.json" '["tweets"]')
visible=$(field "$tmp/info1.json" '["visible_tweets"]')
segments=$(field "$tmp/info1.json" '["segments"]')
echo "accepted=$accepted stored=$stored visible=$visible segments=$segments"
[ "$stored" -gt 0 ] && [ "$stored" -le "$accepted" ] && [ "$visible" -le "$stored" ]
[ "$segments" -ge 2 ]  # two UTC days, one segment each at least

# Re-reading the same files (--no-resume: not skipped as committed) stores
# nothing new.
"$ROOST" ingest --archive "$tmp/a" "$tmp/data" --no-resume --json >"$tmp/ingest2.json"
"$ROOST" info --archive "$tmp/a" --json >"$tmp/info2.json"
[ "$(field "$tmp/info2.json" '["tweets"]')" -eq "$stored" ]
[ "$(field "$tmp/ingest2.json" '["duplicates"]')" -gt 0 ]

"$ROOST" verify --archive "$tmp/a" --json >"$tmp/verify1.json"
[ "$(field "$tmp/verify1.json" '["ok"]')" = "True" ]

# Delete one visible tweet: the visible count drops by at least one.
id=$(python3 - "$tmp/data" <<'PY'
import json, os, sys
for root, _, files in os.walk(sys.argv[1]):
    for f in sorted(files):
        for line in open(os.path.join(root, f), errors="replace"):
            try:
                d = json.loads(line)
            except ValueError:
                continue
            if isinstance(d, dict) and "id_str" in d and "retweeted_status" not in d:
                print(d["id_str"]); sys.exit(0)
PY
)
echo "{\"delete\":{\"status\":{\"id\":$id,\"id_str\":\"$id\",\"user_id\":1,\"user_id_str\":\"1\"}}}" >"$tmp/comply.jsonl"
"$ROOST" comply --archive "$tmp/a" "$tmp/comply.jsonl" --json >"$tmp/comply.json"
[ "$(field "$tmp/comply.json" '["applied"]')" -eq 1 ]
"$ROOST" info --archive "$tmp/a" --json >"$tmp/info3.json"
visible3=$(field "$tmp/info3.json" '["visible_tweets"]')
echo "visible after delete: $visible3"
[ "$visible3" -lt "$visible" ]

# Compaction removes deleted rows physically and changes no answer.
"$ROOST" compact --archive "$tmp/a" --json >"$tmp/compact.json"
"$ROOST" info --archive "$tmp/a" --json >"$tmp/info4.json"
[ "$(field "$tmp/info4.json" '["visible_tweets"]')" -eq "$visible3" ]
[ "$(field "$tmp/info4.json" '["tweets"]')" -lt "$stored" ]
"$ROOST" verify --archive "$tmp/a" >/dev/null

# A flipped byte is named by verify (exit 1); the other segments stay fine.
seg=$(ls "$tmp/a/segments" | head -1)
python3 - "$tmp/a/segments/$seg" <<'PY'
import sys
p = sys.argv[1]
b = bytearray(open(p, "rb").read())
b[len(b) // 3] ^= 0x40
open(p, "wb").write(b)
PY
set +e
"$ROOST" verify --archive "$tmp/a" --json >"$tmp/verify2.json"
rc=$?
set -e
cat "$tmp/verify2.json"
[ "$rc" -eq 1 ]
[ "$(field "$tmp/verify2.json" '["damaged"]')" -eq 1 ]
grep -q "$seg" "$tmp/verify2.json"
echo OK
