// bench/compare driver: hardware ceilings, Roost ingest vs DuckDB
// load, the query workload on both, an answer check, and a table of figures.
// Started by bench/compare/run, which passes:
//   node compare.mjs --size M --work DIR --synth DIR --roost BIN --parse-bench BIN
// Writes WORK/results.json and WORK/results.md; exits 1 when answers differ.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = {};
for (let i = 2; i < process.argv.length; i += 2) args[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
const work = args.work;
const roost = args.roost;
const kWarmRuns = 5;

function fail(message) {
  console.error(`compare: ${message}`);
  process.exit(1);
}

function log(message) {
  console.error(`[${new Date().toISOString().slice(11, 19)}] ${message}`);
}

// Runs a command; returns stdout, stderr and wall milliseconds.
function run(cmd, argv, { allowFail = false, input } = {}) {
  const t0 = performance.now();
  const r = spawnSync(cmd, argv, { encoding: 'utf8', maxBuffer: 1 << 30, input });
  const wall = performance.now() - t0;
  if (r.status !== 0 && !allowFail) {
    fail(`${cmd} ${argv.join(' ').slice(0, 300)} exited ${r.status}: ${(r.stderr || '').slice(-2000)}`);
  }
  return { out: r.stdout, err: r.stderr, wall, status: r.status };
}

function sh(script, opts) {
  return run('sh', ['-c', script], opts);
}

// Page cache drop, so "cold" means from disk. Needs root; when refused the
// cold runs are only "first run in a fresh process" (printed in the Setup).
let canDrop = null;
function dropCaches() {
  if (canDrop === false || process.env.COMPARE_NO_DROP === '1') return;
  const r = sh('sync && echo 3 > /proc/sys/vm/drop_caches', { allowFail: true });
  canDrop = r.status === 0;
}

// /usr/bin/time -v: peak RSS and CPU seconds of a child process.
function timed(cmd, argv) {
  const r = run('/usr/bin/time', ['-v', cmd, ...argv]);
  const field = (name) => {
    const m = r.err.match(new RegExp(`${name}: ([0-9.:]+)`));
    return m ? m[1] : null;
  };
  return {
    out: r.out,
    wall_s: r.wall / 1000,
    user_s: Number(field('User time \\(seconds\\)')),
    sys_s: Number(field('System time \\(seconds\\)')),
    peak_rss_mb: Number(field('Maximum resident set size \\(kbytes\\)')) / 1024,
  };
}

function lastJson(text) {
  const lines = text.trim().split('\n');
  for (let i = lines.length - 1; i >= 0; --i) {
    if (lines[i].startsWith('{')) return JSON.parse(lines[i]);
  }
  fail(`no JSON in output: ${text.slice(-500)}`);
}

function duSize(p, exclude = []) {
  let total = 0;
  const walk = (q) => {
    const st = fs.statSync(q);
    if (st.isDirectory()) {
      for (const e of fs.readdirSync(q)) if (!exclude.includes(e)) walk(path.join(q, e));
    } else total += st.size;
  };
  if (fs.existsSync(p)) walk(p);
  return total;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

const mb = (bytes) => bytes / 1e6;

if (args.report) {
  console.log(report(JSON.parse(fs.readFileSync(args.report, 'utf8'))));
  process.exit(0);
}

// ---------------------------------------------------------------- inputs
const inputs = fs.readdirSync(args.synth).filter((f) => /^tweets-.*\.jsonl\.zst$/.test(f)).sort()
  .map((f) => path.join(args.synth, f));
if (inputs.length === 0) fail(`no tweets-*.jsonl.zst in ${args.synth}`);
const inputBytes = inputs.reduce((s, f) => s + fs.statSync(f).size, 0);
const truth = JSON.parse(fs.readFileSync(path.join(args.synth, 'truth.json'), 'utf8'));
const jsonBytes = truth.counts?.bytes ?? 0;
const records = truth.counts?.records ?? 0;

// ---------------------------------------------------------------- workload
// Brand filter: the first brand of brands.toml, its name, its one-word
// aliases and the last word of each product (five words for Norva).
function brandWords() {
  const toml = fs.readFileSync(path.join(args.synth, 'brands.toml'), 'utf8');
  const block = toml.split('\n[[brand]]')[1];
  const get = (key) => {
    const m = block.match(new RegExp(`^${key} = (.*)$`, 'm'));
    return m ? JSON.parse(m[1]) : null;
  };
  const words = [get('name')];
  for (const a of get('aliases') || []) if (!a.includes(' ')) words.push(a);
  for (const p of get('products') || []) words.push(p.split(' ').pop());
  return { brand: get('name'), words: [...new Set(words.map((w) => w.toLowerCase()))].slice(0, 5) };
}
const W = {
  word: args.word || 'coffee',
  frWord: args['fr-word'] || 'demain',
  hashtag: args.hashtag || 'nba',
  ...brandWords(),
};
// Roost's word operators skip #tags and @handles (they are other terms); the
// plain \bword\b matches them too, so the regex form excludes a
// leading # or @ (same cost, same answer as Roost on this data).
const wordRe = (words) => String.raw`(^|[^\w#@])(${words.join('|')})\b`;
const day = (col) => `strftime(date_trunc('day', ${col}), '%Y-%m-%dT%H:%M:%SZ')`;
const hour = (col) => `strftime(date_trunc('hour', ${col}), '%Y-%m-%dT%H:%M:%SZ')`;
const inTokens = (words) => `id IN (SELECT id FROM tokens WHERE token IN (${words.map((w) => `'${w}'`).join(', ')}))`;

const queries = [
  {
    id: 2, name: `tweets per day containing "${W.word}"`, kind: 'series', target: 10,
    roost: { cmd: 'series', filter: `text contains "${W.word}"`, interval: 'day', field: 'tweets', metrics: 'tweets' },
    duck: {
      regexp: `SELECT ${day('created_at')} d, count(*) FROM tweets WHERE regexp_matches("text", '${wordRe([W.word])}', 'i') GROUP BY d ORDER BY d`,
      tokens: `SELECT ${day('created_at')} d, count(*) FROM tweets WHERE ${inTokens([W.word])} GROUP BY d ORDER BY d`,
    },
  },
  {
    id: 3, name: 'top 50 hashtags', kind: 'top', limit: 50, target: 2,
    roost: { cmd: 'top', filter: null, target: 'hashtags', metrics: 'tweets' },
    duck: {
      list: `SELECT h, count(*) n FROM (SELECT unnest(hashtags) h FROM tweets) GROUP BY h ORDER BY n DESC, h LIMIT 50`,
    },
  },
  {
    id: 4, name: `top 20 hashtags, French tweets containing "${W.frWord}"`, kind: 'top', limit: 20, target: 10,
    roost: { cmd: 'top', filter: `twitter.lang == "fr" and text contains "${W.frWord}"`, target: 'hashtags', metrics: 'tweets' },
    duck: {
      regexp: `SELECT h, count(*) n FROM (SELECT unnest(hashtags) h FROM tweets WHERE lang = 'fr' AND regexp_matches("text", '${wordRe([W.frWord])}', 'i')) GROUP BY h ORDER BY n DESC, h LIMIT 20`,
      tokens: `SELECT h, count(*) n FROM (SELECT unnest(hashtags) h FROM tweets WHERE lang = 'fr' AND ${inTokens([W.frWord])}) GROUP BY h ORDER BY n DESC, h LIMIT 20`,
    },
  },
  {
    id: 5, name: `unique authors per day, ${W.brand} (${W.words.join(', ')})`, kind: 'series', target: 10,
    roost: { cmd: 'series', filter: `text contains_any "${W.words.join(', ')}"`, interval: 'day', field: 'unique_authors', metrics: 'authors' },
    duck: {
      regexp: `SELECT ${day('created_at')} d, count(DISTINCT user_id) FROM tweets WHERE regexp_matches("text", '${wordRe(W.words)}', 'i') GROUP BY d ORDER BY d`,
      tokens: `SELECT ${day('created_at')} d, count(DISTINCT user_id) FROM tweets WHERE ${inTokens(W.words)} GROUP BY d ORDER BY d`,
    },
  },
  {
    id: 6, name: `tweets per hour with #${W.hashtag}`, kind: 'series', target: 10,
    roost: { cmd: 'series', filter: `#${W.hashtag}`, interval: 'hour', field: 'tweets', metrics: 'tweets' },
    duck: {
      list: `SELECT ${hour('created_at')} d, count(*) FROM tweets WHERE list_contains(hashtags, '${W.hashtag}') GROUP BY d ORDER BY d`,
      tokens: `SELECT ${hour('created_at')} d, count(*) FROM tweets WHERE ${inTokens(['#' + W.hashtag])} GROUP BY d ORDER BY d`,
    },
  },
];

// ---------------------------------------------------------------- Roost queries
let roostHelp = null;
function roostHas(cmd) {
  roostHelp ??= run(roost, ['--help'], { allowFail: true }).out;
  return new RegExp(`^  ${cmd} `, 'm').test(roostHelp);
}

function roostArgs(q, archive) {
  const r = q.roost;
  const a = [r.cmd, '--archive', archive, '--json', '--threads', '2'];
  if (r.filter) a.push('--filter', r.filter);
  if (r.cmd === 'series') a.push('--interval', r.interval);
  if (r.cmd === 'top') a.push('--target', r.target, '--limit', String(q.limit));
  a.push('--metrics', r.metrics);  // only what the question asks, like the SQL
  return a;
}

// Normalised answers: series -> [[start, value>0]...]; top -> [[value, count]...].
function roostAnswer(q, json) {
  if (q.kind === 'series') {
    return json.buckets.map((b) => [b.start, b[q.roost.field]]).filter((x) => x[1] > 0);
  }
  return json.items.map((it) => [String(it.value).replace(/^#/, ''), it.count ?? it.tweets]);
}

// Until `roost series` exists, a daily series is answered with one `roost
// count` per day (real answers, summed times); top has no such fallback.
function roostSeriesByCount(q, archive, days) {
  let elapsed = 0, wall = 0;
  const rows = [];
  for (const d of days) {
    const next = new Date(Date.parse(d) + 86400e3).toISOString().slice(0, 10);
    const r = run(roost, ['count', '--archive', archive, '--json', '--threads', '2', '--filter', q.roost.filter,
      '--from', d, '--to', next]);
    const j = lastJson(r.out);
    elapsed += j.elapsed_ms;
    wall += r.wall;
    if (j.count > 0) rows.push([`${d}T00:00:00Z`, j.count]);
  }
  return { elapsed, wall, rows };
}

// With --repeat (roost series/top), the cold run and the warm runs happen in
// one process, the archive opened once, as DuckDB's side runs its query
// several times on one connection: cold = the first run (open included),
// warm = the median of the others. CPU time is then the process's, spread
// over the runs in proportion to their wall time. (--repeat is hidden from
// --help, a benchmark knob: series and top have it.)
function roostRepeats(q) {
  return ['series', 'top'].includes(q.roost.cmd);
}

function roostQuery(q, archive, days) {
  if (roostHas(q.roost.cmd) && roostRepeats(q)) {
    dropCaches();
    const r = timed(roost, [...roostArgs(q, archive), '--repeat', String(kWarmRuns + 1)]);
    const j = lastJson(r.out);
    const runs = j.runs_ms;
    const total = runs.reduce((a, b) => a + b, 0);
    const cpu = (r.user_s + r.sys_s) * 1000;
    const warm = median(runs.slice(1));
    return { mode: `${q.roost.cmd} --repeat`, cold_ms: runs[0], warm_ms: warm, cold_wall_ms: r.wall_s * 1000 - (total - runs[0]),
      warm_wall_ms: warm, warm_cpu_ms: total > 0 ? cpu * warm / total : null, answer: roostAnswer(q, j) };
  }
  const times = [], walls = [], cpus = [];
  let answer = null, mode = q.roost.cmd;
  for (let i = 0; i <= kWarmRuns; ++i) {
    if (i === 0) dropCaches();
    if (roostHas(q.roost.cmd)) {
      const r = timed(roost, roostArgs(q, archive));
      const j = lastJson(r.out);
      times.push(j.elapsed_ms);
      walls.push(r.wall_s * 1000);
      cpus.push((r.user_s + r.sys_s) * 1000);
      if (i === 0) answer = roostAnswer(q, j);
    } else if (q.kind === 'series' && q.roost.interval === 'day' && q.roost.field === 'tweets') {
      mode = 'count per day (series not built yet)';
      const r = roostSeriesByCount(q, archive, days);
      times.push(r.elapsed);
      walls.push(r.wall);
      if (i === 0) answer = r.rows;
    } else {
      return null;
    }
  }
  return { mode, cold_ms: times[0], warm_ms: median(times.slice(1)), cold_wall_ms: walls[0],
    warm_wall_ms: median(walls.slice(1)), warm_cpu_ms: cpus.length ? median(cpus.slice(1)) : null, answer };
}

function duckQuery(db, sql) {
  dropCaches();
  const r = run('node', [path.join(here, 'duck.mjs'), 'query', db, sql, String(kWarmRuns + 1)]);
  const j = lastJson(r.out);
  return { cold_ms: j.times_ms[0], warm_ms: median(j.times_ms.slice(1)), warm_cpu_ms: median(j.cpu_ms.slice(1)),
    answer: j.rows.map((row) => [row[0], row[1]]) };
}

// DuckDB's read_ndjson with ignore_errors sometimes swallows the valid line
// that follows a truncated record (the newline is whitespace to its parser,
// the error comes on the next line and the reader resyncs after it). Those
// `lost` tweets (the table's deficit against Roost's visible count, at most
// one per truncated line) may make DuckDB's counts lower, never higher.
let lost = 0;

// Series: equal bucket for bucket (empty buckets ignored), up to `lost`
// missing on the DuckDB side. Top lists: same length, every value on both
// sides within `lost`, values present on one side only within `lost` of the
// cut-off count (ties at the cut-off may pick different values).
function sameAnswer(q, roostRows, duckRows, slack = lost) {
  const a = new Map(roostRows), b = new Map(duckRows);
  const fits = (x, y) => x - y >= 0 && x - y <= slack;
  if (q.kind === 'series') {
    let missing = 0;
    for (const k of new Set([...a.keys(), ...b.keys()])) {
      const x = a.get(k) ?? 0, y = b.get(k) ?? 0;
      if (!fits(x, y)) return false;
      missing += x - y;
    }
    return missing <= slack;
  }
  if (roostRows.length !== duckRows.length) return false;
  const cut = Math.min(roostRows.at(-1)?.[1] ?? 0, duckRows.at(-1)?.[1] ?? 0);
  for (const [k, x] of a) {
    if (b.has(k)) { if (!fits(x, b.get(k))) return false; } else if (x > cut + slack) return false;
  }
  for (const [k, y] of b) if (!a.has(k) && y > cut + slack) return false;
  return true;
}

// ---------------------------------------------------------------- ceilings
function ceilings(archive) {
  log('ceilings: zstd decompression, bare simdjson extraction, sequential reads');
  const first = inputs[0];
  const wc = sh(`zstd -dc '${first}' | wc -lc`).out.trim().split(/\s+/).map(Number);
  let zstdBest = 1e9;
  for (let i = 0; i < 3; ++i) zstdBest = Math.min(zstdBest, sh(`zstd -dc '${first}' > /dev/null`).wall / 1000);
  const zstd = { file: path.basename(first), lines: wc[0], json_bytes: wc[1], seconds: zstdBest,
    mb_s: mb(wc[1]) / zstdBest, lines_s: wc[0] / zstdBest };

  // Bare On-Demand field walk (bench/parse_bench) over valid tweet lines of
  // the first day, held in memory: parse cost only, one core.
  const sample = path.join(work, 'parse-sample.jsonl');
  const raw = sh(`zstd -dc '${first}' | head -n 60000`).out.split('\n');
  const good = raw.filter((l) => {
    try {
      const o = JSON.parse(l);
      return o.id_str && o.created_at && o.user?.id_str && !o.user.protected && typeof o.text === 'string';
    } catch { return false; }
  }).slice(0, 50000);
  fs.writeFileSync(sample, good.join('\n') + '\n');
  const pb = run(args['parse-bench'], [sample, '--seconds', '6']).out;
  fs.unlinkSync(sample);
  const m = (re) => { const x = pb.match(re); return x ? Number(x[1]) : null; };
  const simd = {
    lines: good.length,
    tweets_s: m(/bare simdjson field extraction:\s+([0-9.]+) tweets\/s/),
    mb_s: m(/bare simdjson field extraction:\s+[0-9.]+ tweets\/s\s+([0-9.]+) MB\/s/),
    roost_parse_tweets_s: m(/roost parse \+ validate:\s+([0-9.]+) tweets\/s/),
  };

  // Sequential read of the archive's files and of the input, from disk.
  const readAll = (files) => {
    dropCaches();
    const bytes = files.reduce((s, f) => s + fs.statSync(f).size, 0);
    const r = sh(`cat ${files.map((f) => `'${f}'`).join(' ')} > /dev/null`);
    return { bytes, seconds: r.wall / 1000, mb_s: mb(bytes) / (r.wall / 1000), from_disk: canDrop };
  };
  const archiveFiles = [];
  const walk = (q) => {
    for (const e of fs.readdirSync(q, { withFileTypes: true })) {
      const p = path.join(q, e.name);
      if (e.isDirectory()) walk(p); else archiveFiles.push(p);
    }
  };
  walk(archive);
  return { zstd, simdjson: simd, read_archive: readAll(archiveFiles), read_input: readAll(inputs) };
}

// ---------------------------------------------------------------- report
// The table, from results alone: `node compare.mjs --report WORK/results.json`
// prints it again for a finished run.
function report(results) {
  const { jsonBytes, records, inputBytes } = { jsonBytes: results.input.json_bytes,
    records: results.input.records, inputBytes: results.input.zstd_bytes };
  const fmt = (x, d = 0) => (x == null ? 'n/a' : x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d }));
  const lines = [];
  const row = (...cells) => lines.push(`| ${cells.join(' | ')} |`);
  row('figure', 'Roost', 'DuckDB best (variant)', 'DuckDB / Roost', 'target');
  row('---', '---:', '---:', '---:', '---');
  const RL = results.roost_load, DL = results.duck_load, DT = results.duck_tokens;
  row('load, wall s (no token table)', fmt(RL.wall_s, 1), `${fmt(DL.wall_s, 1)} (plain)`, fmt(DL.wall_s / RL.wall_s, 2), 'Roost within 3x: ratio >= 0.33');
  row('load, wall s (with token table)', fmt(RL.wall_s, 1), `${fmt(DT.load_seconds, 1)} (tokens)`, fmt(DT.load_seconds / RL.wall_s, 2), 'ratio >= 1');
  row('load, CPU s (user+sys)', fmt(RL.user_s + RL.sys_s, 1), `${fmt(DL.user_s + DL.sys_s, 1)} / ${fmt(DL.user_s + DL.sys_s + DT.user_s + DT.sys_s, 1)}`, '', '');
  row('load, peak RSS MB', fmt(RL.peak_rss_mb), `${fmt(DL.peak_rss_mb)} / ${fmt(DT.peak_rss_mb)}`, '', '');
  row('size on disk, MB', fmt(mb(RL.size_bytes), 1), `${fmt(mb(DL.size_bytes), 1)} / ${fmt(mb(DT.size_bytes), 1)} (plain / tokens)`, fmt(DT.size_bytes / RL.size_bytes, 2), 'ratio >= 1 (vs tokens)');
  for (const e of results.queries) {
    {
      // CPU time (process, all threads): what a loaded machine distorts least.
      const best = Object.entries(e.duck).sort((a, b) => a[1].warm_cpu_ms - b[1].warm_cpu_ms)[0];
      const all = Object.entries(e.duck).map(([v, d]) => `${v} ${fmt(d.warm_cpu_ms)}`).join(', ');
      const rv = e.roost?.warm_cpu_ms;
      row(`(${e.id}) ${e.name}, warm CPU ms (Roost: process CPU shared over its runs; DuckDB: the query)`, rv != null ? fmt(rv) : 'n/a', `${fmt(best[1].warm_cpu_ms)} (${all})`,
        rv ? fmt(best[1].warm_cpu_ms / rv, 2) : 'n/a', '');
    }
    for (const phase of ['warm', 'cold']) {
      const key = `${phase}_ms`;
      const best = Object.entries(e.duck).sort((a, b) => a[1][key] - b[1][key])[0];
      const all = Object.entries(e.duck).map(([v, d]) => `${v} ${fmt(d[key], 1)}`).join(', ');
      const rv = e.roost ? e.roost[key] : null;
      row(`(${e.id}) ${e.name}, ${phase} ms`, e.roost ? `${fmt(rv, 1)} (wall ${fmt(e.roost[`${phase}_wall_ms`])})` : 'not built',
        `${fmt(best[1][key], 1)} (${all})`, rv ? fmt(best[1][key] / rv, 2) : 'n/a', phase === 'warm' ? `ratio >= ${e.target}` : 'reported');
    }
  }
  const C = results.ceilings;
  const ingestJsonMBs = mb(jsonBytes) / RL.wall_s;
  const ingestCpu = RL.user_s + RL.sys_s;
  lines.push('');
  lines.push(`Ceilings on this machine (same run): sequential read of the archive ${fmt(C.read_archive.mb_s)} MB/s and of the input ${fmt(C.read_input.mb_s)} MB/s ${C.read_input.from_disk ? '(page cache dropped)' : '(page cache NOT dropped: cached reads)'}; ` +
    `zstd -d of ${C.zstd.file} ${fmt(C.zstd.mb_s)} MB/s of JSON (${fmt(C.zstd.lines_s)} lines/s, one core); ` +
    `bare simdjson field extraction ${fmt(C.simdjson.mb_s)} MB/s (${fmt(C.simdjson.tweets_s)} tweets/s, one core; Roost's parser ${fmt(C.simdjson.roost_parse_tweets_s)} tweets/s).`);
  lines.push(`Roost ingest: ${fmt(records / RL.wall_s)} records/s, ${fmt(ingestJsonMBs)} MB/s of JSON wall on 2 threads; ` +
    `${fmt(records / ingestCpu)} records per CPU-second = ${fmt(100 * (records / ingestCpu) / C.zstd.lines_s, 1)}% of zstd alone, ` +
    `${fmt(100 * (mb(jsonBytes) / ingestCpu) / C.simdjson.mb_s, 1)}% of bare simdjson, per core; ` +
    `input read ${fmt(mb(inputBytes) / RL.wall_s, 1)} MB/s = ${fmt(100 * mb(inputBytes) / RL.wall_s / C.read_input.mb_s, 1)}% of the disk's sequential rate.`);
  lines.push(`Load average before: ${results.machine.load_before}; after: ${results.machine.load_after}.`);
  return lines.join('\n');
}

// ---------------------------------------------------------------- main
fs.mkdirSync(work, { recursive: true });
const archive = path.join(work, 'roost-archive');
const dbPlain = path.join(work, 'duck-plain.duckdb');
const dbTokens = path.join(work, 'duck-tokens.duckdb');
const results = { size_millions: Number(args.size), date: new Date().toISOString(), workload: W,
  input: { files: inputs.length, zstd_bytes: inputBytes, json_bytes: jsonBytes, records } };
results.machine = {
  cpus: sh('nproc').out.trim(), load_before: sh('cat /proc/loadavg').out.trim(),
  duckdb: '@duckdb/node-api ' + JSON.parse(fs.readFileSync(path.join(here, 'package.json'))).dependencies['@duckdb/node-api'],
};

// (1) Loads, each from a cold page cache. COMPARE_REUSE=1 (development only)
// keeps the stores and load figures of the previous run in WORK.
const previous = path.join(work, 'results.json');
if (process.env.COMPARE_REUSE === '1' && fs.existsSync(previous) && fs.existsSync(dbTokens)) {
  const old = JSON.parse(fs.readFileSync(previous, 'utf8'));
  for (const k of ['roost_load', 'duck_load', 'duck_tokens']) results[k] = old[k];
  log('reusing the stores and load figures of the previous run');
} else {
  log(`roost ingest of ${inputs.length} files (${mb(inputBytes).toFixed(0)} MB zstd)`);
  fs.rmSync(archive, { recursive: true, force: true });
  dropCaches();
  const ing = timed(roost, ['ingest', '--archive', archive, '--threads', '2', '--json', ...inputs]);
  const ingJson = lastJson(ing.out);
  results.roost_load = { ...ing, out: undefined, accepted: ingJson.accepted, read: ingJson.read,
    size_bytes: duSize(archive, ['rejects']), rejects_bytes: duSize(path.join(archive, 'rejects')) };

  log('duckdb load (typed table)');
  for (const f of [dbPlain, dbTokens]) for (const x of [f, `${f}.wal`]) fs.rmSync(x, { force: true });
  dropCaches();
  const dl = timed('node', [path.join(here, 'duck.mjs'), 'load', dbPlain, ...inputs]);
  const dlJson = lastJson(dl.out);
  results.duck_load = { ...dl, out: undefined, ...dlJson, size_bytes: duSize(dbPlain) };
  if (dlJson.tweets !== dlJson.distinct_ids) fail(`duckdb: ${dlJson.tweets - dlJson.distinct_ids} duplicate ids: add a dedupe to the load`);
  // Every visible tweet: the first answer both sides must agree on.
  let all = run(roost, ['count', '--archive', archive, '--json'], { allowFail: true });
  if (all.status !== 0) all = run(roost, ['count', '--archive', archive, '--json', '--filter', 'time >= 0'], { allowFail: true });
  results.roost_load.visible = all.status === 0 ? lastJson(all.out).count : null;
  log('duckdb token table');
  fs.copyFileSync(dbPlain, dbTokens);
  const dt = timed('node', [path.join(here, 'duck.mjs'), 'tokens', dbTokens]);
  const dtJson = lastJson(dt.out);
  results.duck_tokens = { ...dt, out: undefined, ...dtJson, size_bytes: duSize(dbTokens),
    load_seconds: dl.wall_s + dt.wall_s, peak_rss_mb: Math.max(dl.peak_rss_mb, dt.peak_rss_mb) };
}

// Saved at once so that COMPARE_REUSE=1 can rerun the queries after a failure.
fs.writeFileSync(path.join(work, 'results.json'), JSON.stringify(results, null, 1));
const truncated = truth.malformed?.truncated ?? 0;
lost = (results.roost_load.visible ?? results.duck_load.tweets) - results.duck_load.tweets;
results.duck_lost_tweets = lost;
if (lost < 0 || lost > truncated) {
  fail(`visible tweets differ: roost ${results.roost_load.visible}, duckdb table ${results.duck_load.tweets} ` +
       `(at most ${truncated} lost after truncated lines allowed)`);
}
log(`visible tweets: roost ${results.roost_load.visible}, duckdb ${results.duck_load.tweets} (${lost} lost after truncated lines)`);

results.ceilings = ceilings(archive);

// (2)-(6)
const days = [];
for (let t = Date.parse(truth.options?.start ?? '2012-03-01'), i = 0; i < (truth.options?.days ?? 14); ++i) {
  days.push(new Date(t + i * 86400e3).toISOString().slice(0, 10));
}
results.queries = [];
for (const q of queries) {
  log(`query ${q.id}: ${q.name}`);
  const r = roostQuery(q, archive, days);
  const entry = { id: q.id, name: q.name, target: q.target, roost: r, duck: {} };
  for (const [variant, sql] of Object.entries(q.duck)) {
    const d = duckQuery(variant === 'tokens' ? dbTokens : dbPlain, sql);
    entry.duck[variant] = { sql, ...d };
  }
  results.queries.push(entry);
  const variants = Object.entries(entry.duck);
  for (let i = 1; i < variants.length; ++i) {
    if (!sameAnswer(q, variants[0][1].answer, variants[i][1].answer, 0)) {
      fs.writeFileSync(path.join(work, 'results.json'), JSON.stringify(results, null, 1));
      fail(`query ${q.id} (${q.name}): duckdb ${variants[0][0]} and ${variants[i][0]} differ`);
    }
  }
  if (r && !sameAnswer(q, r.answer, variants[0][1].answer)) {
    fs.writeFileSync(path.join(work, 'results.json'), JSON.stringify(results, null, 1));
    fail(`query ${q.id} (${q.name}): roost and duckdb differ; see ${work}/results.json`);
  }
  entry.rows = variants[0][1].answer.length;
}

results.machine.load_after = sh('cat /proc/loadavg').out.trim();
results.table = report(results);
fs.writeFileSync(path.join(work, 'results.json'), JSON.stringify(results, null, 1));
fs.writeFileSync(path.join(work, 'results.md'), results.table + '\n');
console.log(results.table);
