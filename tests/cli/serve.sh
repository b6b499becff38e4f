#!/usr/bin/env bash
# roost serve end to end: keys made by the command, a real socket, the same
# gated numbers as `roost count`, and a clean stop on SIGTERM.
set -euo pipefail
: "${ROOST:?ROOST must point at the roost binary}"
tmp="$(mktemp -d)"
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT
fail() { echo "cli.serve: $*" >&2; [ -f "$tmp/log" ] && cat "$tmp/log" >&2; exit 1; }

for i in $(seq 1 40); do
  printf '{"created_at":"Thu Mar 01 %02d:%02d:00 +0000 2012","id_str":"%d","text":"rugby match %d #rwc","user":{"id_str":"%d","screen_name":"u%d"},"lang":"en"}\n' \
    $((i % 24)) $((i % 60)) $((1000 + i)) "$i" $((i % 8)) $((i % 8))
done > "$tmp/in.jsonl"
"$ROOST" ingest --archive "$tmp/a" "$tmp/in.jsonl" > /dev/null
printf '[privacy]\nmin_answer_authors = 3\nmin_group_authors = 2\ncount_quantum = 10\n' > "$tmp/a/privacy.toml"

"$ROOST" serve --new-key > "$tmp/keys"
key="$(awk '/^key/ {print $2}' "$tmp/keys")"
hash="$(awk '/^hash/ {print $2}' "$tmp/keys")"
[ "${#key}" = 64 ] && [ "$(printf '%s\n' "$key" | "$ROOST" serve --hash-key)" = "$hash" ] || fail "key and hash: $(cat "$tmp/keys")"
printf '[server]\nmax_concurrent = 2\n[[key]]\nid = "ana"\nrole = "analyst"\nhash = "%s"\n' "$hash" > "$tmp/server.toml"

set +e
"$ROOST" serve --archive "$tmp/a" --listen 127.0.0.1:0 > /dev/null 2>&1; rc=$?
set -e
[ $rc = 2 ] || fail "serve without keys: exit $rc, want 2"

"$ROOST" serve --archive "$tmp/a" --listen 127.0.0.1:0 --config "$tmp/server.toml" 2> "$tmp/log" &
pid=$!
url=""
for _ in $(seq 1 100); do
  url="$(grep -o 'http://127.0.0.1:[0-9]*' "$tmp/log" || true)"
  [ -n "$url" ] && break
  sleep 0.1
done
[ -n "$url" ] || fail "the server did not say where it listens"

cli="$("$ROOST" count --archive "$tmp/a" --filter rugby)"
node -e '
  const [url, key, cli] = process.argv.slice(1);
  (async () => {
    const get = (p, k) => fetch(url + p, {headers: k ? {Authorization: "Bearer " + k} : {}});
    const none = await get("/api/count", null);
    if (none.status !== 401) throw new Error("no key: " + none.status);
    const r = await get("/api/count?filter=rugby", key);
    const o = await r.json();
    if (r.status !== 200 || String(o.tweets) !== cli) throw new Error("count " + JSON.stringify(o) + " vs cli " + cli);
    const bad = await get("/api/count?filter=" + encodeURIComponent("text contians \"x\""), key);
    const e = await bad.json();
    if (bad.status !== 400 || e.error.code !== "invalid_argument") throw new Error("bad filter " + JSON.stringify(e));
  })().catch(e => { console.error(e.message); process.exit(1); });' "$url" "$key" "$cli" || fail "API answers"
kill -TERM "$pid"
wait "$pid" || fail "serve did not stop cleanly on SIGTERM"
pid=""
grep -q 'audit key=ana endpoint=/api/count status=200' "$tmp/log" || fail "no audit line"
if grep -q "$key" "$tmp/log"; then fail "the key reached the log"; fi
echo "cli.serve: ok"
