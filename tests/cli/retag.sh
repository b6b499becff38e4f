#!/usr/bin/env bash
# roost ingest --brands and roost retag: for every brand of a brands file,
# the tweets tagged with it are exactly those its rule (BrandQuery, written
# out by lib/brand_rules.py) selects; retag gives the same tags as ingest,
# is idempotent, records every brand's fingerprint, leaves the archive as it
# was on a bad file, and a retag killed part-way leaves the old state or
# the new, never a mix. Skips (77) without the sentiment lexicons ingest needs.
set -euo pipefail
[ -x "${ROOST:-}" ] || { echo "ROOST not set"; exit 77; }
command -v python3 >/dev/null || { echo "python3 needed"; exit 77; }
fail() { echo "FAIL: $*" >&2; exit 1; }
here="$(cd "$(dirname "$0")" && pwd)"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if ! out=$(printf 'good\n' | "$ROOST" sentiment 2>&1); then
  case "$out" in
    *not_found*) echo "skip: $out"; exit 77 ;;
    *) fail "roost sentiment failed: $out" ;;
  esac
fi
count() { "$ROOST" count --archive "$1" --filter "$2" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["count"])'; }

"$ROOST" synth --out "$tmp/data" --days 2 --tweets-per-day 4000 --compress none --seed 21 --json >/dev/null
brands="$tmp/brands.toml"
cp "$tmp/data/brands.toml" "$brands"
cat >>"$brands" <<'TOML'

[[brand]]
name = "Phones"
filter = "phone battery OR author.followers > 5000"
lang = ["en"]

[[brand]]
name = "Screens"
aliases = ["screen", "display"]
exclude = ["screen protector", "the screen"]
hashtags = ["rwc"]

[[brand]]
name = "Marché"
aliases = ["que"]
exclude = ["el que"]
lang = ["es", "fr"]
TOML
python3 "$here/lib/brand_rules.py" "$brands" >"$tmp/rules.tsv"

# Tags after ingest --brands equal each brand's rule.
"$ROOST" ingest --archive "$tmp/a" --brands "$brands" "$tmp/data" -q
nonzero=0
while IFS=$'\t' read -r name rule; do
  by_rule=$(count "$tmp/a" "$rule")
  by_tag=$(count "$tmp/a" "brand == \"$name\"")
  [ "$by_rule" = "$by_tag" ] || fail "ingest: $name: tag $by_tag, rule $by_rule ($rule)"
  upper=$(count "$tmp/a" "brand:$(tr '[:lower:]' '[:upper:]' <<<"$name" | tr -d ' ')")
  [ "$name" != "Norva" ] || [ "$upper" = "$by_tag" ] || fail "brand:NORVA gives $upper, not $by_tag"
  [ "$by_rule" -gt 0 ] && nonzero=$((nonzero + 1))
  echo "$name $by_rule"
done <"$tmp/rules.tsv" >"$tmp/ingest_counts"
[ "$nonzero" -ge 10 ] || fail "only $nonzero brands tag anything: a weak test ($(cat "$tmp/ingest_counts"))"
n_segments=$(grep -c '^segment ' "$tmp/a/MANIFEST")
[ "$(grep -c '^segment .* brands=' "$tmp/a/MANIFEST")" = "$n_segments" ] || fail "ingest: segments without fingerprints"

# An archive ingested without --brands, then retagged: the same counts, in
# the JSON too.
"$ROOST" ingest --archive "$tmp/b" "$tmp/data" -q
[ "$(count "$tmp/b" 'brand == "Norva"')" = 0 ] || fail "untagged archive has tags"
! grep -q ' brands=' "$tmp/b/MANIFEST" || fail "untagged archive records fingerprints"
"$ROOST" retag --archive "$tmp/b" --brands "$brands" --threads 2 --json >"$tmp/retag1.json"
python3 - "$tmp/retag1.json" "$tmp/ingest_counts" <<'PY' || fail "retag --json counts differ from the rules"
import json, sys
got = {b["name"]: b["tweets"] for b in json.load(open(sys.argv[1]))["brands"]}
want = {l.rsplit(" ", 1)[0]: int(l.rsplit(" ", 1)[1]) for l in open(sys.argv[2]) if l.strip()}
sys.exit(0 if got == want else print(got, want) or 1)
PY
while read -r line; do
  name=${line% *}; n=${line##* }
  [ "$(count "$tmp/b" "brand == \"$name\"")" = "$n" ] || fail "retag: $name is not $n"
done <"$tmp/ingest_counts"
[ "$(grep -c '^segment .* brands=' "$tmp/b/MANIFEST")" = "$(grep -c '^segment ' "$tmp/b/MANIFEST")" ] ||
  fail "retag: segments without fingerprints"

# Idempotent: once more, the same answer and the same fingerprints.
"$ROOST" retag --archive "$tmp/b" --brands "$brands" --json >"$tmp/retag2.json"
python3 - "$tmp/retag1.json" "$tmp/retag2.json" <<'PY' || fail "second retag differs"
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:])
sys.exit(0 if a["brands"] == b["brands"] and a["tweets"] == b["tweets"] else 1)
PY
"$ROOST" verify --archive "$tmp/b" >/dev/null || fail "verify after retag"
text=$("$ROOST" retag --archive "$tmp/b" --brands "$brands")
grep -q "^  Norva  *$(grep '^Norva ' "$tmp/ingest_counts" | cut -d' ' -f2)\$" <<<"$text" || fail "table: $text"

# A bad brands file: usage error naming file and line, archive unchanged.
cp "$tmp/b/MANIFEST" "$tmp/manifest.before"
printf '[[brand]]\nname = "X"\nfilter = "text contians \\"x\\""\n' >"$tmp/bad.toml"
set +e
"$ROOST" retag --archive "$tmp/b" --brands "$tmp/bad.toml" 2>"$tmp/err"; rc=$?
set -e
[ "$rc" = 2 ] || fail "bad file: exit $rc"
grep -q "bad.toml:3" "$tmp/err" || fail "bad file error: $(cat "$tmp/err")"
cmp -s "$tmp/b/MANIFEST" "$tmp/manifest.before" || fail "bad file changed the archive"

# Killed part-way: the old tags (Norva's word matches) or the new (none,
# with an exclude that vetoes everything), never a mix of segments.
printf '[[brand]]\nname = "Norva"\nexclude = ["the", "a", "de", "que", "el", "la", "le", "is"]\n' >"$tmp/norva2.toml"
before=$(count "$tmp/b" 'brand == "Norva"')
"$ROOST" retag --archive "$tmp/b" --brands "$tmp/norva2.toml" >/dev/null 2>&1 &
pid=$!
sleep 0.3
kill -9 "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
"$ROOST" verify --archive "$tmp/b" >/dev/null || fail "verify after a killed retag"
with=$(grep -c '^segment .* brands=' "$tmp/b/MANIFEST" || true)
total=$(grep -c '^segment ' "$tmp/b/MANIFEST")
[ "$with" = "$total" ] || fail "killed retag: $with of $total segments with fingerprints"
fps=$(grep '^segment ' "$tmp/b/MANIFEST" | sed 's/.* brands=//' | sort -u | wc -l)
[ "$fps" = 1 ] || fail "killed retag: segments tagged by different files"
after=$(count "$tmp/b" 'brand == "Norva"')
rule=$(python3 "$here/lib/brand_rules.py" "$tmp/norva2.toml" | cut -f2)
if ! grep '^segment ' "$tmp/b/MANIFEST" | head -1 | grep -q ','; then  # one fingerprint: norva2.toml's
  [ "$after" = "$(count "$tmp/b" "$rule")" ] || fail "new state: $after tags, rule $(count "$tmp/b" "$rule")"
else
  [ "$after" = "$before" ] || fail "old state changed: $before -> $after"
fi
echo ok
