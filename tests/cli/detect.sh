#!/usr/bin/env bash
# roost detect: CSV in, timestamp,value,anomaly_score out; bad rows named by file:line.
set -euo pipefail
: "${ROOST:?}"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
{
  echo "timestamp,value"
  for i in $(seq 0 335); do
    v=$(( 50 + (i * 7919) % 11 ))
    [ "$i" = 300 ] && v=900
    echo "$(date -u -d "@$(( 1420070400 + i * 3600 ))" '+%Y-%m-%d %H:%M:%S'),$v"
  done
} > "$dir/in.csv"
"$ROOST" detect --csv "$dir/in.csv" --causal > "$dir/out.csv"
[ "$(head -1 "$dir/out.csv")" = "timestamp,value,anomaly_score" ]
[ "$(wc -l < "$dir/out.csv")" = 337 ]
awk -F, 'NR > 1 && ($3 < 0 || $3 > 1) { bad = 1 } END { exit bad }' "$dir/out.csv"
# The planted row has the highest score.
top=$(tail -n +2 "$dir/out.csv" | sort -t, -k3 -g | tail -1 | cut -d, -f2)
[ "$top" = 900 ]
"$ROOST" detect --csv "$dir/in.csv" --json | grep -q '"spikes":\[{'
printf 'timestamp,value\n2015-01-01 00:00:00,1\n2015-01-01 01:00:00,x\n' > "$dir/bad.csv"
set +e
"$ROOST" detect --csv "$dir/bad.csv" 2> "$dir/err"
rc=$?
set -e
[ "$rc" = 1 ]
grep -q "bad.csv:3:" "$dir/err"
"$ROOST" detect > /dev/null 2>&1 && exit 1 || [ $? = 2 ]
echo ok
