#!/usr/bin/env bash
# An installed roost runs anywhere: `cmake --install` of this build into a
# temporary prefix, the prefix moved elsewhere, then from / and with no
# ROOST_* variable: sentiment (lexicons and learned models from
# PREFIX/share/roost), synth + ingest + count, the dashboard served. Then the
# Debian package (CPack): its Depends name the package of every shared
# library roost links, it holds the binary and the data, and, installed by
# dpkg into a scratch tree (as root; extracted otherwise), it runs.
# Skips (77) without the build tree's data (no npm packages).
set -euo pipefail
: "${ROOST:?ROOST must point at the roost binary}"
source "$(dirname "$0")/lib/serve.sh"
fail() { echo "FAIL: $*" >&2; exit 1; }
build="$(cd "$(dirname "$ROOST")" && pwd)"
[ -f "$build/CMakeCache.txt" ] || fail "$build is not a CMake build directory"
[ -f "$build/share/roost/lexicons/vader-sentiment/vader_lexicon.txt" ] ||
  { echo "skip: no lexicons in $build/share/roost (run scripts/setup, then build)"; exit 77; }
tmp="$(mktemp -d)"
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT

# Nothing from the checkout or the test runner may help the installed binary.
clean_env=(env -u ROOST_SOURCE_DIR -u ROOST_LEXICON_DIR -u ROOST_MODEL_DIR -u ROOST_DATA_DIR
           -u ROOST_SHARED_DATA)

cmake --install "$build" --prefix "$tmp/first" > "$tmp/install.log" || fail "cmake --install: $(cat "$tmp/install.log")"
for f in bin/roost share/roost/lexicons/vader-sentiment/vader_lexicon.txt \
         share/roost/lexicons/stopwords-iso/stopwords-iso.json share/roost/models/sentiment/en.rsm; do
  [ -s "$tmp/first/$f" ] || fail "install lacks $f"
done
# Relocatable: the data is found from the binary's own path, not from a
# path compiled in.
mv "$tmp/first" "$tmp/prefix"
roost=("${clean_env[@]}" "$tmp/prefix/bin/roost")

# check_runs ROOST...: sentiment, then synth + ingest + count, from /.
check_runs() {
  local out
  out="$(cd / && printf 'great\n' | "$@" sentiment --json)" || fail "sentiment: $out"
  [[ "$out" == *'"sentiment_class": "positive"'*'"model": "learned"'* ]] || fail "sentiment of 'great': $out"
  out="$(cd / && printf 'terrible\n' | "$@" sentiment)"
  awk '{ exit !($1 < -0.05) }' <<<"$out" || fail "sentiment of 'terrible': $out"

  local work
  work="$(mktemp -d "$tmp/run.XXXX")"
  (cd / && "$@" synth --out "$work/in" --days 1 --tweets-per-day 3000 --users 800 --compress none --seed 5 > /dev/null) ||
    fail "synth"
  local ingest
  ingest="$(cd / && "$@" ingest --archive "$work/arc" --json "$work"/in/tweets-*.jsonl)" || fail "ingest: $ingest"
  local accepted visible
  accepted="$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["accepted"])' "$ingest")"
  [ "$accepted" -ge 3000 ] || fail "ingest accepted $accepted: $ingest"
  visible="$(cd / && "$@" info --archive "$work/arc" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["visible_tweets"])')"
  # Deletes in the same files hide a few accepted tweets.
  [ "$visible" -le "$accepted" ] && [ "$visible" -ge $((accepted * 9 / 10)) ] || fail "$visible visible of $accepted accepted"
  local total positive
  total="$(cd / && "$@" count --archive "$work/arc" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["count"])')"
  [ "$total" = "$visible" ] || fail "count $total, archive holds $visible"
  positive="$(cd / && "$@" count --archive "$work/arc" --filter 'sentiment_class == "positive"' --json |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["count"])')"
  [ "$positive" -gt 0 ] && [ "$positive" -lt "$total" ] || fail "positive tweets: $positive of $total"
  echo "$work"
}
work="$(check_runs "${roost[@]}")"

# The installed dashboard, served without --dashboard.
key_hash="$(printf 'k\n' | "${roost[@]}" serve --hash-key)"
printf '[[key]]\nid = "t"\nrole = "analyst"\nhash = "%s"\n' "$key_hash" > "$tmp/server.toml"
start_serve "$tmp/serve.log" "${roost[@]}" serve --archive "$work/arc" --config "$tmp/server.toml" \
  --listen 127.0.0.1:0 || fail "serve did not start: $(cat "$tmp/serve.log")"
pid=$served_pid
page="$(curl -sf "$served_url/")" || fail "GET / failed: $(cat "$tmp/serve.log")"
[[ "$page" == *"<html"* ]] || fail "GET / is not the dashboard: ${page:0:200}"
kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""

# Without its lexicons the installed binary fails and says where it looked.
rm -rf "$tmp/prefix/share/roost/lexicons"
if out="$(cd / && printf 'great\n' | "${roost[@]}" sentiment 2>&1)"; then fail "sentiment without lexicons: $out"; fi
[[ "$out" == *"share/roost in $tmp/prefix/bin and its parents"* ]] || fail "missing lexicons message: $out"

# The Debian package, from the same build.
command -v cpack > /dev/null && command -v dpkg-deb > /dev/null && command -v dpkg-shlibdeps > /dev/null ||
  { echo "no cpack, dpkg-deb or dpkg-shlibdeps: Debian package not checked"; exit 0; }
cpack --config "$build/CPackConfig.cmake" -B "$tmp/pkg" > "$tmp/cpack.log" 2>&1 || fail "cpack: $(cat "$tmp/cpack.log")"
deb="$(ls "$tmp"/pkg/roost_*.deb)"
info="$(dpkg-deb --info "$deb")"
version="$("$ROOST" --version | sed -n '1s/^roost //p')"  # tests/cli/version.sh checks it
[[ "$info" == *"Package: roost"* && "$info" == *"Version: $version"* ]] || fail "package info: $info"
depends="$(sed -n 's/^ Depends: //p' <<<"$info")"
# Every shared library roost links (NEEDED; ldd also lists their own
# dependencies, which their packages declare) comes from a package Depends names.
needed="$(readelf -d "$ROOST" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')"
[ -n "$needed" ] || fail "readelf found no NEEDED entry in $ROOST"
checked=0
while read -r lib; do
  checked=$((checked + 1))
  pkg="$(dpkg -S "$lib" 2>/dev/null || dpkg -S "/usr$lib" 2>/dev/null ||
         dpkg -S "$(readlink -f "$lib")" 2>/dev/null)" || fail "no package owns $lib"
  pkg="${pkg%%:*}"
  [[ ", $depends," == *", $pkg "* || ", $depends," == *", $pkg,"* ]] || fail "Depends lacks $pkg (for $lib): $depends"
# ldd names the dynamic loader by its path alone ("/lib64/ld-linux-x86-64.so.2
# (0x...)"); code compiled position-independent for the Python module needs it.
done < <(ldd "$ROOST" | awk 'NR == FNR { needed[$1] = 1; next }
                             ($1 in needed) && $3 ~ /^\// { print $3; next }
                             { n = $1; sub(/.*\//, "", n) } $1 ~ /^\// && (n in needed) { print $1 }' \
           <(echo "$needed") -)
[ "$checked" = "$(wc -l <<<"$needed")" ] || fail "ldd resolved $checked of the NEEDED libraries: $needed"
contents="$(dpkg-deb --contents "$deb")"
for f in ./usr/bin/roost ./usr/share/roost/lexicons/vader-sentiment/vader_lexicon.txt \
         ./usr/share/roost/lexicons/stopwords-iso/stopwords-iso.json ./usr/share/roost/models/sentiment/en.rsm \
         ./usr/share/roost/dashboard/index.html; do
  grep -q " $f\$" <<<"$contents" || fail "package lacks $f"
done
if [ "$(id -u)" = 0 ] && [ -f /var/lib/dpkg/status ]; then
  # dpkg -i into a scratch tree, with a copy of this machine's package
  # database: Depends must be satisfied by what is installed here.
  mkdir -p "$tmp/dpkg/info" "$tmp/dpkg/updates" "$tmp/root"
  cp /var/lib/dpkg/status "$tmp/dpkg/status"
  dpkg --instdir="$tmp/root" --admindir="$tmp/dpkg" -i "$deb" > "$tmp/dpkg.log" 2>&1 ||
    fail "dpkg -i: $(grep -v 'files list file' "$tmp/dpkg.log")"
else
  dpkg-deb -x "$deb" "$tmp/root"
fi
check_runs "${clean_env[@]}" "$tmp/root/usr/bin/roost" > /dev/null
"$tmp/root/usr/bin/roost" --version | grep -qx "roost $version" || fail "packaged --version"
