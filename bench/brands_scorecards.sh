#!/usr/bin/env bash
# Brand scorecards at scale: 20 brands x 30 keywords over a synth archive
# of 10 million tweets (10 days x 1M). The 8 synth brands keep their names,
# handles and products; their other keywords, and the 30 of 12 more brands,
# are less frequent words of the archive (ranks 200 to 430 of its alphabetic
# terms of four letters or more, from about 80 to 1,700 tweets a
# day each), so that each brand holds a few percent of the archive. Prints the
# ingest rate with and without brand tags, and `roost brands` warm times
# (in one process, --repeat) with tags and by rule.
#   bench/brands_scorecards.sh [WORK_DIR] [DAYS] [TWEETS_PER_DAY]
set -euo pipefail
cd "$(dirname "$0")/.."
roost=${ROOST:-build/release/roost}
work=${1:-/tmp/roost-brands-bench}
days=${2:-10}
per_day=${3:-1000000}
mkdir -p "$work"
if [ ! -f "$work/in/truth.json" ]; then
  echo "synth: $days days x $per_day tweets" >&2
  "$roost" synth --out "$work/in" --days "$days" --tweets-per-day "$per_day" > /dev/null
fi
# Vocabulary: terms of the first day by frequency.
if [ ! -f "$work/terms.json" ]; then
  rm -rf "$work/vocab"
  "$roost" ingest --archive "$work/vocab" "$(ls "$work"/in/tweets-*.jsonl.zst | head -1)" > /dev/null
  "$roost" top --archive "$work/vocab" --target terms --limit 3000 --json > "$work/terms.json"
  rm -rf "$work/vocab"
fi
python3 - "$work/in/brands.toml" "$work/terms.json" "$work/brands20.toml" <<'PY'
import json, sys, tomllib
synth = tomllib.load(open(sys.argv[1], "rb"))["brand"]
terms = [i["value"] for i in json.load(open(sys.argv[2]))["items"] if i["value"].isalpha() and len(i["value"]) > 3]
names = {b["name"].lower() for b in synth}
terms = [t for t in terms if t not in names][200:430]
q = lambda s: '"' + s + '"'
out, used = [], 0
def words(n, start, step):
    return [terms[(start + k * step) % len(terms)] for k in range(n)]
for i, b in enumerate(synth):
    kw = b.get("aliases", []) + b.get("products", [])
    extra = words(30 - 1 - len(kw), 37 * i, 53)
    out.append(f'[[brand]]\nname = {q(b["name"])}\nhandle = {q(b["handle"])}\n'
               f'aliases = [{", ".join(q(a) for a in b.get("aliases", []) + extra)}]\n'
               f'products = [{", ".join(q(p) for p in b.get("products", []))}]\n'
               f'competitors = [{", ".join(q(c) for c in b.get("competitors", []))}]\n')
for i in range(12):
    kw = words(30, 97 * i + 5, 71)
    out.append(f'[[brand]]\nname = "Brand{i + 9:02d} {kw[0]}"\naliases = [{", ".join(q(w) for w in kw[1:])}]\n'
               + f'competitors = ["Brand{(i ^ 1) + 9:02d} {words(30, 97 * (i ^ 1) + 5, 71)[0]}"]\n')
open(sys.argv[3], "w").write("\n".join(out))
PY
inputs=("$work"/in/tweets-*.jsonl.zst)
ingest() {  # DIR [flags]: prints records/s
  rm -rf "$1"
  local t0 t1
  t0=$(date +%s.%N)
  "$roost" ingest --archive "$1" "${@:2}" "${inputs[@]}" > /dev/null
  t1=$(date +%s.%N)
  python3 -c "print(f'{$per_day * $days / ($t1 - $t0):,.0f}')"
}
echo "ingest without brands: $(ingest "$work/plain") records/s"
echo "ingest with --brands (20 x 30): $(ingest "$work/tagged" --brands "$work/brands20.toml") records/s"
scorecards() {  # ARCHIVE: the warm times of five runs in one process
  "$roost" brands --archive "$1" --brands "$work/brands20.toml" --repeat 5 --json 2>&1 > "$work/last.json" |
    sed -n 's/.*run \([0-9]*\): \(.*\) ms/\2/p' | tr '\n' ' '
}
echo "roost brands, tagged archive (ms, first is cold): $(scorecards "$work/tagged")"
echo "roost brands, by rule (ms, first is cold):        $(scorecards "$work/plain")"
python3 - "$work/last.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
b = d["brands"]
print(f"{len(b)} brands, {d['brand_tweets']:,} brand tweets (a tweet of two brands counts twice); "
      f"largest {max(x['tweets'] for x in b):,}, smallest {min(x['tweets'] for x in b):,}")
PY
