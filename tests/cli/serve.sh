#!/usr/bin/env bash
# roost serve end to end: keys made by the command, a real socket, the same
# gated numbers as `roost count`, trends, spikes and forecasts as `roost
# trends|spikes|forecast --json` print them, and a clean stop on SIGTERM.
set -euo pipefail
source "$(dirname "$0")/lib/serve.sh"
: "${ROOST:?ROOST must point at the roost binary}"
tmp="$(mktemp -d)"
pid=""
pid2=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; [ -n "$pid2" ] && kill "$pid2" 2>/dev/null; rm -rf "$tmp"' EXIT
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

start_serve "$tmp/log" "$ROOST" serve --archive "$tmp/a" --listen 127.0.0.1:0 --config "$tmp/server.toml" ||
  fail "the server did not say where it listens"
pid=$served_pid url=$served_url

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
# Trends and spikes: the API's gated answer is the command line's --json
# (the same renderer), elapsed_ms aside, on a synthetic archive with a gate.
"$ROOST" synth --out "$tmp/syn" --days 5 --tweets-per-day 4000 --seed 3 > /dev/null
"$ROOST" ingest --archive "$tmp/s" "$tmp"/syn/tweets-* > /dev/null
printf '[privacy]\nmin_answer_authors = 20\nmin_group_authors = 5\ncount_quantum = 5\n' > "$tmp/s/privacy.toml"
start_serve "$tmp/log2" "$ROOST" serve --archive "$tmp/s" --listen 127.0.0.1:0 --config "$tmp/server.toml" ||
  fail "the second server did not say where it listens"
pid2=$served_pid url2=$served_url
same() {  # API-PATH ROOST-ARGS...
  local path="$1"; shift
  "$ROOST" "$@" --archive "$tmp/s" --json | sed -E 's/,"elapsed_ms":[^,}]*//' > "$tmp/cli.json"
  node -e '
    const [url, key, file] = process.argv.slice(1);
    fetch(url, {headers: {Authorization: "Bearer " + key}}).then(async (r) => {
      const body = await r.text();
      const cli = require("fs").readFileSync(file, "utf8").trim();
      if (r.status !== 200 || body !== cli) { console.error(r.status + "\napi " + body + "\ncli " + cli); process.exit(1); }
    });' "$url2$path" "$key" "$tmp/cli.json" || fail "$path differs from roost $*"
}
same "/api/trends?at=2012-03-04" trends --at 2012-03-04
same "/api/trends?from=2012-03-02&to=2012-03-05&tz=Europe/Paris&lang=en&limit=3&tweets=1" \
  trends --from 2012-03-02 --to 2012-03-05 --tz Europe/Paris --lang en --limit 3 --tweets 1
same "/api/trends?at=2012-03-03T10:00&interval=hour&min_support=5&min_burst_z=4" \
  trends --at 2012-03-03T10:00 --interval hour --min-support 5 --min-burst-z 4
same "/api/spikes" spikes
same "/api/spikes?interval=day&filter=lang%3Aen&limit=2" spikes --interval day --filter lang:en --limit 2
same "/api/spikes?from=2031-01-01&to=2031-01-02" spikes --from 2031-01-01 --to 2031-01-02
same "/api/forecast?horizon=6" forecast --horizon 6
same "/api/forecast?interval=day&horizon=2&filter=lang%3Aen&tz=Europe/Paris" forecast --interval day --horizon 2 --filter lang:en --tz Europe/Paris
grep -q '"forecast":\[{"timestamp"' <("$ROOST" forecast --archive "$tmp/s" --horizon 6 --json) || fail "no forecast to compare"
grep -q '"trends":\[{"label"' <("$ROOST" trends --archive "$tmp/s" --at 2012-03-04 --json) || fail "no trend to compare"
# A question over its time budget is stopped and answered 503 deadline_exceeded;
# the server goes on answering.
node -e '
  const [url, key] = process.argv.slice(1);
  const get = (p) => fetch(url + p, {headers: {Authorization: "Bearer " + key}});
  (async () => {
    const heavy = "/api/count?filter=" + encodeURIComponent("text regex_partial \"(?i)e.*a.*o.*s\"");
    const r = await get(heavy + "&budget_ms=1");
    const e = await r.json();
    if (r.status !== 503 || e.error.code !== "deadline_exceeded") throw new Error("budget: " + r.status + " " + JSON.stringify(e));
    const full = await get(heavy);
    if (full.status !== 200 || !((await full.json()).count > 0)) throw new Error("the same question without a tight budget");
    const after = await get("/api/count?filter=lang%3Aen");
    if (after.status !== 200) throw new Error("after a stopped question: " + after.status);
  })().catch(e => { console.error(e.message); process.exit(1); });' "$url2" "$key" || fail "time budget"
grep -q 'endpoint=/api/count status=503' "$tmp/log2" || fail "no audit line for the stopped question"
# An ingest into the served archive is picked up without a restart.
count() { node -e 'fetch(process.argv[1], {headers: {Authorization: "Bearer " + process.argv[2]}}).then(r => r.json()).then(o => console.log(o.count))' "$url2/api/count" "$key"; }
before="$(count)"
"$ROOST" synth --out "$tmp/syn2" --days 1 --tweets-per-day 3000 --seed 4 --start 2012-03-06 > /dev/null
"$ROOST" ingest --archive "$tmp/s" "$tmp"/syn2/tweets-* > /dev/null
after="$before"
for _ in $(seq 1 30); do
  after="$(count)"
  [ "$after" -gt "$before" ] && break
  sleep 0.2
done
[ "$after" -gt $((before + 2000)) ] || fail "after an ingest the count went from $before to $after"
grep -q 'the archive changed; answering from snapshot 2' "$tmp/log2" || fail "no log line for the new snapshot"
kill -TERM "$pid2"
wait "$pid2" || fail "the second server did not stop cleanly"
pid2=""

kill -TERM "$pid"
wait "$pid" || fail "serve did not stop cleanly on SIGTERM"
pid=""
grep -q 'audit key=ana endpoint=/api/count status=200' "$tmp/log" || fail "no audit line"
if grep -q "$key" "$tmp/log"; then fail "the key reached the log"; fi
echo "cli.serve: ok"
