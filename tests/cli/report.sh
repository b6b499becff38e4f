#!/usr/bin/env bash
# roost report end to end: a synthetic archive, one HTML file that needs
# nothing outside itself, the gated figures of `roost count`, no tweet
# text, bad input refused with exit 2 or a clear error, and an existing
# report left whole when writing fails.
set -euo pipefail
: "${ROOST:?ROOST must point at the roost binary}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
fail() { echo "cli.report: $*" >&2; exit 1; }

"$ROOST" synth --out "$tmp/in" --days 2 --tweets-per-day 6000 --seed 3 > /dev/null
"$ROOST" ingest --archive "$tmp/a" "$tmp"/in/*.jsonl.zst > /dev/null
from=2012-03-01T00:00:00Z to=2012-03-03T00:00:00Z
"$ROOST" report --archive "$tmp/a" --from "$from" --to "$to" --interval hour --title "Two days" \
  --brands "$tmp/in/brands.toml" --out "$tmp/r.html" 2> "$tmp/err" || fail "report failed: $(cat "$tmp/err")"
grep -q "wrote $tmp/r.html" "$tmp/err" || fail "no confirmation: $(cat "$tmp/err")"
html="$tmp/r.html"

# Self-contained: no script, no reference to anything outside the file.
grep -qi '<script' "$html" && fail "the report holds a script"
grep -Eqi '(src|href)=' "$html" && fail "the report references another file"
grep -Eo 'https?://[^" ]*' "$html" | grep -v '^http://www.w3.org/2000/svg$' && fail "the report names a URL"
for id in overview volume tops top-hashtags top-languages brands; do
  grep -q "id=\"$id\"" "$html" || fail "section $id missing"
done

# Every brand of the file has its row in the brands section.
for b in $(sed -n 's/^name = "\(.*\)"/\1/p' "$tmp/in/brands.toml"); do
  sed -n '/id="brands"/,/<\/section>/p' "$html" | grep -q "<tr><td>$b</td>" || fail "brand $b missing"
done

# The gate is on even though the archive has no privacy.toml: the total is
# `roost count --privacy`'s, rounded, and no tweet text appears.
want="$("$ROOST" count --archive "$tmp/a" --filter "lang:en OR -lang:en" --from "$from" --to "$to" --privacy --json |
  node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).count.toLocaleString("en-US")))')"
grep -q "<b>$want</b><span>tweets</span>" "$html" || fail "total: want $want tweets"
text="$("$ROOST" sample --archive "$tmp/a" --filter 'lang:en' --limit 3 --json |
  node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{for(const l of s.trim().split("\n")) console.log(JSON.parse(l).text.slice(0,40))})')"
[ -n "$text" ] || fail "no sample text to look for"
while IFS= read -r t; do
  grep -qF -- "$t" "$html" && fail "tweet text in the report: $t"
done <<< "$text"

# A stricter gate is obeyed: everything withheld as a whole.
"$ROOST" report --archive "$tmp/a" --from "$from" --to "$to" --min-authors 100000000 --out "$tmp/w.html" 2> /dev/null
grep -q "The whole period withheld by the privacy gate" "$tmp/w.html" || fail "a stricter gate was not applied"

# Bad input: usage errors and a bad filter exit 2, the filter naming its column,
# and a failed run leaves the earlier report whole.
set +e
"$ROOST" report --archive "$tmp/a" --from "$from" --to "$to" --out "$tmp/x.html" --interval fortnight > /dev/null 2>&1; rc=$?
[ $rc = 2 ] || fail "bad --interval: exit $rc, want 2"
"$ROOST" report --archive "$tmp/a" > /dev/null 2>&1; rc=$?
[ $rc = 2 ] || fail "no --out: exit $rc, want 2"
printf '[[brand]]\nname = "A"\nbogus = 1\n' > "$tmp/bad.toml"
"$ROOST" report --archive "$tmp/a" --from "$from" --to "$to" --brands "$tmp/bad.toml" --out "$tmp/x.html" 2> "$tmp/err"; rc=$?
[ $rc = 2 ] || fail "bad --brands: exit $rc, want 2"
grep -q "bad.toml:3: brand field 'bogus'" "$tmp/err" || fail "bad brands error: $(cat "$tmp/err")"
cp "$html" "$tmp/before.html"
"$ROOST" report --archive "$tmp/a" --from "$from" --to "$to" --filter "text contains" --out "$html" 2> "$tmp/err"; rc=$?
set -e
[ $rc = 2 ] || fail "bad filter: exit $rc, want 2"
grep -q "column" "$tmp/err" || fail "bad filter error does not say where: $(cat "$tmp/err")"
cmp -s "$html" "$tmp/before.html" || fail "a failed run changed the earlier report"
echo "cli.report: ok"
