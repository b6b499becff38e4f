#!/usr/bin/env bash
# roost serve --dashboard: a named folder must load (exit 2 otherwise), its
# index.html is served at /; a roost with no dashboard beside it says so at
# start-up and still answers the API.
set -euo pipefail
source "$(dirname "$0")/lib/serve.sh"
: "${ROOST:?ROOST must point at the roost binary}"
tmp="$(mktemp -d)"
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT
fail() { echo "cli.dashboard: $*" >&2; [ -f "$tmp/log" ] && cat "$tmp/log" >&2; exit 1; }

printf '{"created_at":"Thu Mar 01 10:00:00 +0000 2012","id_str":"1","text":"hello","user":{"id_str":"2","screen_name":"u"}}\n' > "$tmp/in.jsonl"
"$ROOST" ingest --archive "$tmp/a" "$tmp/in.jsonl" > /dev/null
key="$("$ROOST" serve --new-key)"
printf '[[key]]\nid = "root"\nrole = "admin"\nhash = "%s"\n' "$(awk '/^hash/ {print $2}' <<< "$key")" > "$tmp/server.toml"
key="$(awk '/^key/ {print $2}' <<< "$key")"

set +e
"$ROOST" serve --archive "$tmp/a" --config "$tmp/server.toml" --listen 127.0.0.1:0 --dashboard "$tmp/none" 2> "$tmp/err"; rc=$?
set -e
[ $rc = 2 ] || fail "a missing --dashboard: exit $rc, want 2"
grep -q "no such directory" "$tmp/err" || fail "a missing --dashboard: $(cat "$tmp/err")"

# Starts roost ($1) with extra flags; sets pid and url.
start() {
  local bin="$1"; shift
  start_serve "$tmp/log" "$bin" serve --archive "$tmp/a" --config "$tmp/server.toml" --listen 127.0.0.1:0 "$@" ||
    fail "the server did not say where it listens"
  pid=$served_pid url=$served_url
}
stop() { kill -TERM "$pid"; wait "$pid" || fail "serve did not stop cleanly"; pid=""; }

mkdir -p "$tmp/dash"
echo '<!doctype html><title>own build</title>' > "$tmp/dash/index.html"
start "$ROOST" --dashboard "$tmp/dash"
grep -q "dashboard at / (1 files from $tmp/dash)" "$tmp/log" || fail "no dashboard line"
node -e '
  (async () => {
    const r = await fetch(process.argv[1] + "/");
    const body = await r.text();
    if (r.status !== 200 || !body.includes("own build")) throw new Error("/ -> " + r.status + " " + body);
    if (!/^text\/html/.test(r.headers.get("content-type"))) throw new Error("type " + r.headers.get("content-type"));
    if (!/default-src .none./.test(r.headers.get("content-security-policy") || "")) throw new Error("no CSP");
  })().catch((e) => { console.error(e.message); process.exit(1); });' "$url" || fail "the named dashboard"
stop

# A copy of roost with nothing beside it: no dashboard, the API still answers.
mkdir -p "$tmp/bin"
ln "$ROOST" "$tmp/bin/roost" 2>/dev/null || cp "$ROOST" "$tmp/bin/roost"
start "$tmp/bin/roost"
grep -q "the dashboard is missing" "$tmp/log" || fail "no word of the missing dashboard"
node -e '
  const [url, key] = process.argv.slice(1);
  (async () => {
    const home = await fetch(url + "/");
    const e = await home.json();
    if (home.status !== 404 || !/no dashboard/.test(e.error.message)) throw new Error("/ -> " + home.status + " " + JSON.stringify(e));
    const r = await fetch(url + "/api/count", { headers: { Authorization: "Bearer " + key } });
    const c = await r.json();
    if (r.status !== 200 || c.tweets !== 1) throw new Error("count " + JSON.stringify(c));
  })().catch((e) => { console.error(e.message); process.exit(1); });' "$url" "$key" || fail "the API without a dashboard"
stop
echo "cli.dashboard: ok"
