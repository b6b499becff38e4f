#!/usr/bin/env bash
# roost spikes on a small planted archive: a planted news event is found at
# its time, explained by its keywords, and matched to its news item.
set -euo pipefail
: "${ROOST:?}"
command -v python3 > /dev/null || exit 77
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$ROOST" synth --out "$dir/in" --days 5 --tweets-per-day 5000 --seed 3 --start 2012-03-01 --threads 2 > /dev/null
read -r tag kw time < <(python3 -c 'import json,sys; e=json.load(open(sys.argv[1]))["events"][0]; print(e["hashtag"], e["keywords"][0], e["time"])' "$dir/in/truth.json")
# Two bot accounts post 40 tweets into the event: "zzbotword" has many tweets
# but two authors, so the privacy gate must hide it wherever it would show;
# 15 more three hours earlier make an hour of the trend's curve that only
# they fill (a bucket of two authors).
python3 - "$dir/in/tweets-bots.jsonl" "$tag" "$kw" "$time" <<'PY'
import json, sys
from datetime import datetime, timedelta
out, tag, kw, t = sys.argv[1:]
t0 = datetime.fromisoformat(t.replace("Z", "+00:00")) + timedelta(minutes=12)
with open(out, "w") as f:
    for i in range(55):
        uid, text = 900000001 + i % 2, f"zzbotword {kw} #{tag}" if i < 40 else "zzbotword zzbotnoise"
        at = t0 + timedelta(seconds=30 * i) if i < 40 else t0 - timedelta(hours=3, seconds=30 * i)
        f.write(json.dumps({
            "created_at": at.strftime("%a %b %d %H:%M:%S +0000 %Y"),
            "id": 990000000000000000 + i, "id_str": str(990000000000000000 + i), "text": text, "lang": "en",
            "retweet_count": 0, "favorite_count": 0,
            "user": {"id": uid, "id_str": str(uid), "screen_name": f"zzbot{uid % 10}", "name": "Bot",
                     "followers_count": 1, "friends_count": 1, "statuses_count": 1,
                     "created_at": "Mon May 21 09:41:33 +0000 2007"},
            "entities": {"hashtags": [{"text": tag, "indices": [text.index("#"), len(text)]}] if i < 40 else [],
                         "urls": [], "user_mentions": [], "symbols": []}}) + "\n")
PY
"$ROOST" ingest --archive "$dir/a" "$dir"/in/tweets-* > /dev/null
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
assert s["top_tweets"] and "text" in s["top_tweets"][0]
# One vocabulary: tweet counts are "tweets"; UTC times end in Z.
assert isinstance(s["peak_tweets"], int) and s["peak_tweets"] > 0 and "peak_count" not in s, s.keys()
assert "expected_tweets" in s and "excess_tweets" in s
assert all("tweets" in x and "count" not in x for d in ex.values() for x in d), ex
for k in ("start", "peak", "end"):
    assert s[k].endswith("Z") and "+00:00" not in s[k], s[k]
assert all(t["created_at"].endswith("Z") for t in s["top_tweets"])
PY
# With --tz every time of the answer is in that zone: the spike's bounds, its tweets, its news.
"$ROOST" spikes --archive "$dir/a" --filter "#$tag" --news "$dir/in/news.csv" --tz Europe/Paris --json > "$dir/tz.json"
python3 - "$dir/tz.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))["spikes"][0]
times = [s["start"], s["peak"], s["end"]] + [t["created_at"] for t in s["top_tweets"]] + [n["time"] for n in s["news"]]
assert len(times) > 4 and all(t.endswith("+01:00") for t in times), times
PY
# CSV: one row per spike, RFC 4180, the same figures as the JSON.
"$ROOST" spikes --archive "$dir/a" --filter "#$tag" --csv --limit 2 > "$dir/s.csv"
python3 - "$dir/s.csv" "$dir/s.json" <<'PY'
import csv, json, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
j = json.load(open(sys.argv[2]))["spikes"][0]
assert len(rows) == 1, rows
r = rows[0]
assert r["start"] == j["start"] and int(r["peak_tweets"]) == j["peak_tweets"], (r, j)
assert 1 <= len(r["terms"].split("; ")) <= 2, r["terms"]   # --limit 2 values per dimension
PY
# --limit is the flag (--top its former, hidden name); --min-spike-z is not trends' --min-burst-z.
"$ROOST" spikes --help | grep -q -- '--limit' && ! "$ROOST" spikes --help | grep -q -- '--top'
"$ROOST" spikes --help | grep -q -- '--min-spike-z'
[ "$("$ROOST" spikes --archive "$dir/a" --filter "#$tag" --csv --top 2 | md5sum)" = "$(md5sum < "$dir/s.csv")" ]
"$ROOST" spikes --archive "$dir/a" --interval week > /dev/null 2>&1 && exit 1 || [ $? = 2 ]
"$ROOST" spikes --archive "$dir/a" --min-spike-z -1 > /dev/null 2>&1 && exit 1 || [ $? = 2 ]
# Ungated, the bots' word explains the spike and joins the event's trend;
# gated per value by unique authors (5), it is redacted everywhere, while the
# event's own keyword (hundreds of authors) stays.
day=${time:0:10}
"$ROOST" spikes --archive "$dir/a" --filter "#$tag" --json --tweets 0 | grep -q zzbotword
"$ROOST" trends --archive "$dir/a" --at "$day" --json --tweets 0 | grep -q zzbotword
gate=(--privacy --min-authors 1 --min-group-authors 5)
"$ROOST" spikes --archive "$dir/a" --filter "#$tag" --json --tweets 0 "${gate[@]}" > "$dir/g.json"
"$ROOST" trends --archive "$dir/a" --at "$day" --json --tweets 0 "${gate[@]}" > "$dir/gt.json"
"$ROOST" spikes --archive "$dir/a" --filter "#$tag" --tweets 0 "${gate[@]}" > "$dir/g.txt"
! grep -q -i zzbot "$dir/g.json" "$dir/gt.json" "$dir/g.txt"
python3 - "$dir/g.json" "$dir/gt.json" "$tag" "$kw" <<'PY'
import json, sys
s, t, tag, kw = json.load(open(sys.argv[1])), json.load(open(sys.argv[2])), sys.argv[3].lower(), sys.argv[4].lower()
ex = s["spikes"][0]["explanation"]
vals = [x for d in ex.values() for x in d]
assert any(x.get("redacted") for x in vals), ex
assert kw in [x.get("value", "").lower() for x in ex["terms"]], ex["terms"]
assert all("unique_authors" in x for x in vals if not x.get("redacted")), vals
tr = [x for x in t["trends"] if x.get("label", "").lower() == "#" + tag]
assert tr and any(v.get("redacted") for v in tr[0]["terms"]), t["trends"]
curve = tr[0]["curve"]
assert any(isinstance(c, dict) and c.get("redacted") for c in curve), curve  # the bots' hour
assert max(c for c in curve if isinstance(c, int)) > 0, curve                 # the event's hours
PY
# Text mode prints the spike and its news line.
"$ROOST" spikes --archive "$dir/a" --filter "#$tag" --news "$dir/in/news.csv" | grep -q "^  news "
"$ROOST" spikes --archive "$dir/a" --news /nonexistent.csv > /dev/null 2>&1 && exit 1 || [ $? = 1 ]
# One bucket has no baseline: still an answer, with no spike (scripts read JSON, not silence).
"$ROOST" spikes --archive "$dir/a" --from 2012-03-02T00:00 --to 2012-03-02T01:00 --json \
  | python3 -c 'import json,sys; r=json.load(sys.stdin); assert r["spikes"] == [], r'
# A range with no tweets says why on stderr (exit 0), in JSON as empty_because;
# piped, no progress line.
"$ROOST" spikes --archive "$dir/a" --from 2031-01-01 --to 2031-01-03 > "$dir/e.out" 2> "$dir/e.err"
grep -q "^0 spike(s)" "$dir/e.out"
grep -q "roost spikes: no tweets: the archive's tweets run from .*: the time range asked lies outside them" "$dir/e.err"
"$ROOST" spikes --archive "$dir/a" --filter '#nosuchtagatall' --json 2> /dev/null |
  python3 -c 'import json,sys; r=json.load(sys.stdin); assert "hashtags" in r["empty_because"][0], r'
"$ROOST" spikes --archive "$dir/a" --filter "#$tag" > /dev/null 2> "$dir/p.err"
[ ! -s "$dir/p.err" ] || { cat "$dir/p.err"; exit 1; }
echo ok
