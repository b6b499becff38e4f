#!/usr/bin/env bash
# roost forecast on a CSV (hourly counts with a daily cycle) and on a small
# archive; roost predict finds an outcome planted on the archive's volume.
set -euo pipefail
: "${ROOST:?}"
command -v python3 > /dev/null || exit 77
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
# Three weeks of 15-minute counts: a daily cycle around 40 an hour.
python3 - "$dir/in.csv" <<'PY'
import math, random, sys
from datetime import datetime, timedelta, timezone
random.seed(5)
t0 = datetime(2015, 3, 2, tzinfo=timezone.utc)
with open(sys.argv[1], "w") as f:
    f.write("timestamp,value\n")
    for i in range(21 * 96):
        hour = (i // 4) % 24
        mean = 10 * (1 + 0.5 * math.sin(2 * math.pi * (hour - 9) / 24))
        f.write(f"{(t0 + timedelta(minutes=15 * i)).strftime('%Y-%m-%d %H:%M:%S')},{max(0, round(random.gauss(mean, 2)))}\n")
PY
"$ROOST" forecast --csv "$dir/in.csv" --interval hour --horizon 24 --json > "$dir/f.json"
python3 - "$dir/f.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
f = d["forecast"]
assert len(f) == 24 and f[0]["timestamp"] == "2015-03-23T00:00:00Z", f[0]
for p in f:
    assert 0 <= p["lo95"] <= p["lo80"] <= p["value"] <= p["hi80"] <= p["hi95"], p
# The daily cycle: the forecast peaks in the afternoon, bottoms out at night (per hour ~40 +- 20).
peak = max(range(24), key=lambda h: f[h]["value"])
assert 12 <= peak <= 18 and 25 <= f[peak]["value"] <= 75, (peak, f[peak])
b = d["backtest"]
assert b["origins"] >= 10 and b["baseline"] == "seasonal_naive_day", b
assert b["seasonal_naive"]["mae_ratio"] == 1 and b["selected"]["mae_ratio"] < 1, b["selected"]
assert d["model"] and isinstance(d["warnings"], list)
PY
"$ROOST" forecast --csv "$dir/in.csv" --interval hour --horizon 3 --output-csv > "$dir/f.csv"
[ "$(head -1 "$dir/f.csv")" = "timestamp,value,lo80,hi80,lo95,hi95" ]
[ "$(wc -l < "$dir/f.csv")" = 4 ]
"$ROOST" forecast --csv "$dir/in.csv" --interval day --horizon 2 | grep -q '^backtest: '

# Errors: bad rows are named by file:line (exit 1); no input is a usage error (exit 2).
printf 'timestamp,value\n2015-01-01 00:00:00,1\n2015-01-01 01:00:00,x\n' > "$dir/bad.csv"
set +e
"$ROOST" forecast --csv "$dir/bad.csv" 2> "$dir/err"; rc=$?
"$ROOST" forecast --interval hour > /dev/null 2>&1; rc2=$?
set -e
[ "$rc" = 1 ] && grep -q "bad.csv:3:" "$dir/err"
[ "$rc2" = 2 ]

# An archive: forecast a filter, and predict an outcome that is 3x the
# previous day's volume plus 5.
"$ROOST" synth --out "$dir/syn" --days 14 --tweets-per-day 3000 --seed 4 --start 2012-03-01 --threads 2 > /dev/null
"$ROOST" ingest --archive "$dir/arc" "$dir"/syn/tweets-* > /dev/null 2>&1
"$ROOST" forecast --archive "$dir/arc" --interval hour --horizon 6 | grep -q '^model: '
# A brand of the definitions synth wrote is its rule: the same forecast as
# that rule given as the filter; an unknown brand is a usage error.
rule="$(python3 "$(dirname "$0")/lib/brand_rules.py" "$dir/syn/brands.toml" | awk -F '\t' '$1 == "Zelkor" {print $2}')"
[ -n "$rule" ] || { echo "no rule for Zelkor" >&2; exit 1; }
"$ROOST" forecast --archive "$dir/arc" --brand zelkor --brands "$dir/syn/brands.toml" --interval hour --horizon 6 \
  --json > "$dir/brand.json"
"$ROOST" forecast --archive "$dir/arc" --filter "$rule" --interval hour --horizon 6 --json > "$dir/rule.json"
cmp -s "$dir/brand.json" "$dir/rule.json" || { echo "forecast --brand differs from its rule: $rule" >&2; exit 1; }
set +e
"$ROOST" forecast --archive "$dir/arc" --brand Acme --brands "$dir/syn/brands.toml" > /dev/null 2> "$dir/err"; rc=$?
set -e
[ "$rc" = 2 ] && grep -q "known: " "$dir/err" || { echo "unknown brand: exit $rc, $(cat "$dir/err")" >&2; exit 1; }
"$ROOST" series --archive "$dir/arc" --interval day --csv | python3 -c '
import sys
rows = [l.split(",") for l in sys.stdin.read().split("\n")[1:] if l]
print("timestamp,value")
for prev, cur in zip(rows, rows[1:]):
    print(f"{cur[0][:10]}T12:00:00Z,{3 * int(prev[1]) + 5}")' > "$dir/outcome.csv"
"$ROOST" predict --target "$dir/outcome.csv" --archive "$dir/arc" --features volume --lags 1..1 --json \
  2> "$dir/warn" > "$dir/p.json"
python3 - "$dir/p.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
c = {x["name"]: x for x in d["coefficients"]}
assert abs(c["volume[lag 1]"]["estimate"] - 3) < 1e-6, c
assert d["rows"] == 13 and d["cross_validation"]["r2_out_of_sample"] > 0.99, d
assert any("too few to trust" in w for w in d["warnings"]), d["warnings"]
PY
echo ok
