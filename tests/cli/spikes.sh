#!/usr/bin/env bash
# roost spikes on a small planted archive: a planted news event is found at
# its time, explained by its keywords, and matched to its news item.
set -euo pipefail
: "${ROOST:?}"
command -v python3 > /dev/null || exit 77
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$ROOST" synth --out "$dir/in" --days 5 --tweets-per-day 5000 --seed 3 --start 2012-03-01 --threads 2 > /dev/null
"$ROOST" ingest --archive "$dir/a" "$dir"/in/tweets-* > /dev/null
read -r tag kw time < <(python3 -c 'import json,sys; e=json.load(open(sys.argv[1]))["events"][0]; print(e["hashtag"], e["keywords"][0], e["time"])' "$dir/in/truth.json")
"$ROOST" spikes --archive "$dir/a" --filter "#$tag" --news "$dir/in/news.csv" --json > "$dir/s.json"
python3 - "$dir/s.json" "$tag" "$kw" "$time" <<'PY'
import json, sys
from datetime import datetime
r = json.load(open(sys.argv[1]))
tag, kw, t = sys.argv[2].lower(), sys.argv[3].lower(), sys.argv[4]
ts = lambda s: datetime.fromisoformat(s.replace("Z", "+00:00")).timestamp()
assert len(r["spikes"]) == 1, r["spikes"]
s = r["spikes"][0]
assert ts(s["start"]) - 3600 <= ts(t) <= ts(s["end"]), (s["start"], t)
assert s["magnitude"] > 5
ex = s["explanation"]
assert tag in [x["value"].lower() for x in ex["hashtags"]]
assert kw in [x["value"].lower() for x in ex["terms"]], ex["terms"]
assert s["news"] and kw in s["news"][0]["matched"]
assert s["tweets"] and "text" in s["tweets"][0]
PY
# Text mode prints the spike and its news line.
"$ROOST" spikes --archive "$dir/a" --filter "#$tag" --news "$dir/in/news.csv" | grep -q "^  news "
"$ROOST" spikes --archive "$dir/a" --news /nonexistent.csv > /dev/null 2>&1 && exit 1 || [ $? = 1 ]
echo ok
