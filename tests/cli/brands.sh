#!/usr/bin/env bash
# roost brands: decoys prove the matching rule (whole words, case and
# accents, exclusions, handles, hashtags, languages); on a synth archive
# every brand's share of voice is within a point of truth.json and net
# sentiment follows the configured polarity; --compare marks noise; a bad
# brands file names its line and field; under the gate no author is shown.
set -euo pipefail
: "${ROOST:?}"
command -v python3 > /dev/null || exit 77
fail() { echo "FAIL: $*" >&2; exit 1; }
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

# --- decoys: each line says whether it should count for Acme ---------------
python3 - "$dir/decoys.jsonl" "$dir/expected.txt" <<'PY'
import json, sys
rows = [
    # (text, mentions, author, lang, hashtags, expected_acme)
    ("I love my new Acme phone", [], "a1", "en", [], True),
    ("ACME is great", [], "a2", "en", [], True),
    ("the Ácme store opened", [], "a3", "en", [], True),           # accent-insensitive
    ("Acmeland is a theme park", [], "a4", "en", [], False),       # not a whole word
    ("grandma baked acme pie today", [], "a5", "en", [], False),   # excluded phrase vetoes the word
    ("hello @AcmeHelp my order is late", ["AcmeHelp"], "a6", "en", [], True),  # mention of a handle
    ("we shipped the update", [], "AcmeHelp", "en", [], True),     # the brand's own tweet
    ("nothing to see #acme", [], "a8", "en", ["acme"], True),      # hashtag
    ("Roadrunner X is fast", [], "a9", "en", [], True),            # product
    ("j'adore Acme", [], "a10", "fr", [], False),                  # outside the brand's languages
    ("Bolt energy drinks", [], "a11", "en", [], False),            # the other brand
    ("acme pie and my Acme phone", [], "a12", "en", [], False),    # a veto covers the whole tweet's words
    ("still waiting for a refund", [], "a13", "en", [], True),     # a reply to the brand, no mention (below)
    ("loving it #RoadrunnerTurbo", [], "a14", "en", ["RoadrunnerTurbo"], True),  # a product as a hashtag
]
replies = {"a13": "AcmeHelp"}
with open(sys.argv[1], "w") as f, open(sys.argv[2], "w") as e:
    for i, (text, mentions, author, lang, tags, want) in enumerate(rows):
        ent = {"user_mentions": [{"screen_name": m, "id_str": "9%d" % i} for m in mentions],
               "hashtags": [{"text": h} for h in tags]}
        t = {"created_at": "Thu Mar 01 1%d:00:00 +0000 2012" % (i % 10), "id_str": str(100 + i), "text": text,
             "user": {"id_str": str(500 + i), "screen_name": author, "followers_count": 10 * i},
             "lang": lang, "entities": ent}
        if author in replies:
            t["in_reply_to_screen_name"] = replies[author]
            t["in_reply_to_status_id_str"] = "77"
            t["in_reply_to_user_id_str"] = "88"
        f.write(json.dumps(t) + "\n")
    e.write(str(sum(r[-1] for r in rows)) + "\n")
PY
cat > "$dir/brands.toml" <<'TOML'
[[brand]]
name = "Acme"
handle = "@AcmeHelp"
products = ["Roadrunner X", "RoadrunnerTurbo"]
hashtags = ["acme"]
exclude = ["acme pie"]
lang = "en"
competitors = ["Bolt"]

[[brand]]
name = "Bolt"
TOML
"$ROOST" ingest --archive "$dir/decoys" "$dir/decoys.jsonl" > /dev/null
"$ROOST" brands --archive "$dir/decoys" --brands "$dir/brands.toml" --json > "$dir/decoys.json"
python3 - "$dir/decoys.json" "$(cat "$dir/expected.txt")" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
b = {x["name"]: x for x in d["brands"]}
assert b["Acme"]["tweets"] == int(sys.argv[2]), (b["Acme"]["tweets"], sys.argv[2])
assert b["Bolt"]["tweets"] == 1, b["Bolt"]
assert b["Acme"]["competitive_set"] == ["Acme", "Bolt"] and b["Bolt"]["competitive_set"] == ["Acme", "Bolt"]
assert abs(b["Acme"]["share_of_voice"] - 9 / 10) < 1e-9, b["Acme"]["share_of_voice"]
assert d["brand_tweets"] == 10
for k in ("tweets", "share_of_voice", "unique_authors", "reach", "engagement"):
    assert k in b["Acme"], k
assert set(b["Acme"]["sentiment"]) >= {"positive", "neutral", "negative", "net"}
assert b["Acme"]["series"] and b["Acme"]["top"]["hashtags"][0] == {"value": "acme", "tweets": 1}, b["Acme"]["top"]
assert b["Acme"]["top"]["authors"], "no gate: authors by reach are shown"
PY
# The same answer through the rule itself, as a filter anywhere.
rule=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["brands"][0]["rule"])' "$dir/decoys.json")
[ "$("$ROOST" count --archive "$dir/decoys" --filter "$rule")" = "$(cat "$dir/expected.txt")" ] || fail "rule count"

# Tagged by retag, the same figures come from the tags.
"$ROOST" retag --archive "$dir/decoys" --brands "$dir/brands.toml" > /dev/null
"$ROOST" brands --archive "$dir/decoys" --brands "$dir/brands.toml" --json > "$dir/tagged.json"
python3 - "$dir/decoys.json" "$dir/tagged.json" <<'PY'
import json, sys
rule, tags = (json.load(open(p)) for p in sys.argv[1:3])
for r, t in zip(rule["brands"], tags["brands"]):
    assert r["matched_by"] == "rule" and t["matched_by"] == "tags", (r["matched_by"], t["matched_by"])
    for k in ("tweets", "unique_authors", "reach", "engagement", "sentiment", "share_of_voice", "series"):
        assert r[k] == t[k], (k, r[k], t[k])
PY

# --- errors name the file, line and field; nothing is printed on stdout ---------
printf '[[brand]]\nname = "A"\ncompetitors = ["Nobody"]\n' > "$dir/bad.toml"
if out=$("$ROOST" brands --archive "$dir/decoys" --brands "$dir/bad.toml" 2>&1); then fail "bad file accepted"; fi
case "$out" in *"bad.toml:1: brand field 'competitors'"*) ;; *) fail "error: $out" ;; esac
printf '[[brand]]\nname = "A"\n\nfilter = "lang:english"\n' > "$dir/bad2.toml"
if out=$("$ROOST" brands --archive "$dir/decoys" --brands "$dir/bad2.toml" 2>&1); then fail "bad filter accepted"; fi
case "$out" in *"bad2.toml:4: brand field 'filter'"*"did you mean 'en'"*) ;; *) fail "error: $out" ;; esac

# --- a synth archive: shares of voice against truth -----------------------------
"$ROOST" synth --out "$dir/in" --days 6 --tweets-per-day 12000 --seed 7 > /dev/null
"$ROOST" ingest --archive "$dir/a" "$dir"/in/*.jsonl.zst > /dev/null
"$ROOST" brands --archive "$dir/a" --brands "$dir/in/brands.toml" --json > "$dir/b.json"
python3 - "$dir/b.json" "$dir/in/truth.json" "$dir/in/brands.toml" <<'PY'
import json, sys, tomllib
d = json.load(open(sys.argv[1]))
truth = {b["name"]: b for b in json.load(open(sys.argv[2]))["brands"]}
conf = {b["name"]: b for b in tomllib.load(open(sys.argv[3], "rb"))["brand"]}
got = {b["name"]: b for b in d["brands"]}
assert set(got) == set(truth), (set(got), set(truth))
for name, t in truth.items():
    g = got[name]
    assert abs(g["share_of_file"] - t["share"]) <= 0.01, (name, g["share_of_file"], t["share"])
# Net sentiment: sign and order of the configured polarity (brands far enough apart to be told apart).
names = sorted(conf, key=lambda n: conf[n]["sentiment"])
for lo, hi in zip(names, names[1:]):
    if conf[hi]["sentiment"] - conf[lo]["sentiment"] >= 0.15:
        assert got[lo]["sentiment"]["net"] < got[hi]["sentiment"]["net"], (lo, hi, got[lo]["sentiment"], got[hi]["sentiment"])
for n in names:
    if abs(conf[n]["sentiment"]) >= 0.2:
        assert (got[n]["sentiment"]["net"] > 0) == (conf[n]["sentiment"] > 0), (n, got[n]["sentiment"])
PY

# --- comparison periods -----------------------------------------------------------
"$ROOST" brands --archive "$dir/a" --brands "$dir/in/brands.toml" --from 2012-03-04 --to 2012-03-07 \
  --compare previous --json > "$dir/c.json"
python3 - "$dir/c.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["compare"] == {"from": "2012-03-01T00:00:00Z", "to": "2012-03-04T00:00:00Z"}, d["compare"]
for b in d["brands"]:
    ch = b["changes"]
    assert set(ch) == {"tweets", "share_of_voice", "unique_authors", "reach", "engagement", "net_sentiment"}, ch
    assert ch["tweets"]["before"] == b["before"]["tweets"] and ch["tweets"]["after"] == b["tweets"]
    assert ch["tweets"]["test"] == "poisson" and ch["share_of_voice"]["test"] == "two_proportion_z"
    assert ch["reach"]["test"] == "none" and not ch["reach"]["significant"]
    assert 0 <= ch["tweets"]["p_value"] <= 1
PY
"$ROOST" brands --archive "$dir/a" --brands "$dir/in/brands.toml" --from 2012-03-04 --to 2012-03-07 \
  --compare 2012-03-01..2012-03-04 --csv > "$dir/c.csv"
head -1 "$dir/c.csv" | grep -q '^brand,tweets,share_of_voice,share_of_file,unique_authors,reach,engagement,positive,neutral,negative,net_sentiment,tweets_change' ||
  fail "csv header: $(head -1 "$dir/c.csv")"
"$ROOST" brands --archive "$dir/a" --brands "$dir/in/brands.toml" --compare year > "$dir/table.txt"
grep -q "compared with 2011-03-01" "$dir/table.txt" || fail "year comparison: $(head -2 "$dir/table.txt")"

# --- under the gate: counts rounded, no authors --------------------------------------
printf '[privacy]\nmin_answer_authors = 50\nmin_group_authors = 10\ncount_quantum = 10\n' > "$dir/a/privacy.toml"
"$ROOST" brands --archive "$dir/a" --brands "$dir/in/brands.toml" --privacy --json > "$dir/g.json"
python3 - "$dir/g.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["privacy"]["enabled"]
for b in d["brands"]:
    if b.get("redacted"):
        continue
    assert b["tweets"] % 10 == 0 and "authors" not in b["top"], b["top"].keys()
PY
echo ok
