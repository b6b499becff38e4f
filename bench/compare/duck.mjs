// DuckDB side of bench/compare: load the synthetic JSON lines into a typed
// table (and optionally a token table), and run one query variant cold then
// warm. Each step runs in its own process so /usr/bin/time sees its peak RSS
// and "cold" means the first query after opening the database file.
//
//   node duck.mjs load DBFILE FILE...                  -> JSON {seconds, tweets, ...}
//   node duck.mjs tokens DBFILE                        -> JSON {seconds, tokens}
//   node duck.mjs query DBFILE SQL RUNS               -> JSON {times_ms, rows}
import { DuckDBInstance } from '@duckdb/node-api';

const kSettings = [
  "SET TimeZone = 'UTC'",
  `SET threads = ${process.env.DUCK_THREADS || 2}`,
  `SET memory_limit = '${process.env.DUCK_MEMORY || '12GB'}'`,
  // Row order of the table is irrelevant to every query here.
  'SET preserve_insertion_order = false',
];

async function open(path) {
  const instance = await DuckDBInstance.create(path);
  const con = await instance.connect();
  for (const s of kSettings) await con.run(s);
  return { instance, con };
}

const hashtagType = 'STRUCT("text" VARCHAR)[]';
const extendedType = `STRUCT(full_text VARCHAR, entities STRUCT(hashtags ${hashtagType}))`;

// Only the fields the workload needs, typed up front: read_ndjson never has to
// infer a schema over 2.8 KB records, and the other 60 keys are skipped.
function readSql(files) {
  const list = files.map((f) => `'${f.replaceAll("'", "''")}'`).join(', ');
  return `read_ndjson([${list}], columns = {
    id_str: 'VARCHAR', created_at: 'VARCHAR', "text": 'VARCHAR', lang: 'VARCHAR',
    "user": 'STRUCT(id_str VARCHAR, protected BOOLEAN)',
    entities: 'STRUCT(hashtags ${hashtagType})',
    extended_tweet: '${extendedType}',
    retweeted_status: 'STRUCT(id_str VARCHAR, "text" VARCHAR, "user" STRUCT(screen_name VARCHAR),
                              entities STRUCT(hashtags ${hashtagType}), extended_tweet ${extendedType})',
    "delete": 'STRUCT(status STRUCT(id_str VARCHAR))',
    user_protect: 'STRUCT("user" STRUCT(id_str VARCHAR))'
  }, ignore_errors = true, compression = 'zstd', format = 'newline_delimited')`;
}

// The same record semantics as Roost's ingest (docs/INGEST.md): a retweet
// carries "RT @author: " + the original's full text and the original's
// hashtags; deleted tweets, retweets of them, protected authors and authors
// hidden by user_protect are dropped; records without id, time, text or user
// are rejects. Hashtags are lower-cased (DuckDB's lower() is Unicode, Roost's
// ASCII: identical on this data, see README.md).
function loadSql(files) {
  return `CREATE TABLE tweets AS
WITH raw AS MATERIALIZED (SELECT * FROM ${readSql(files)}),
deleted AS (SELECT DISTINCT try_cast("delete".status.id_str AS UBIGINT) AS id FROM raw
            WHERE "delete" IS NOT NULL AND "delete".status.id_str IS NOT NULL),
hidden AS (SELECT DISTINCT try_cast(user_protect."user".id_str AS UBIGINT) AS uid FROM raw
           WHERE user_protect IS NOT NULL AND user_protect."user".id_str IS NOT NULL),
t AS (
  SELECT try_cast(id_str AS UBIGINT) AS id,
         try_strptime(created_at, '%a %b %d %H:%M:%S %z %Y')::TIMESTAMP AS created_at,
         try_cast("user".id_str AS UBIGINT) AS user_id,
         coalesce("user".protected, false) AS protected,
         lang,
         CASE WHEN coalesce(retweeted_status.extended_tweet.full_text, retweeted_status."text") IS NOT NULL
              THEN 'RT @' || retweeted_status."user".screen_name || ': ' ||
                   coalesce(retweeted_status.extended_tweet.full_text, retweeted_status."text")
              ELSE coalesce(extended_tweet.full_text, "text") END AS "text",
         try_cast(retweeted_status.id_str AS UBIGINT) AS retweet_of,
         list_distinct(list_transform(
           CASE WHEN retweeted_status IS NOT NULL
                THEN coalesce(retweeted_status.extended_tweet.entities.hashtags, retweeted_status.entities.hashtags)
                ELSE coalesce(extended_tweet.entities.hashtags, entities.hashtags) END,
           h -> lower(h."text"))) AS hashtags
  FROM raw WHERE id_str IS NOT NULL AND "delete" IS NULL AND user_protect IS NULL)
SELECT id, created_at, user_id, lang, "text", retweet_of, coalesce(hashtags, []) AS hashtags FROM t
WHERE id IS NOT NULL AND created_at IS NOT NULL AND "text" IS NOT NULL AND user_id IS NOT NULL
  AND user_id <> 0 AND NOT protected
  AND id NOT IN (SELECT id FROM deleted WHERE id IS NOT NULL)
  AND (retweet_of IS NULL OR retweet_of NOT IN (SELECT id FROM deleted WHERE id IS NOT NULL))
  AND user_id NOT IN (SELECT uid FROM hidden WHERE uid IS NOT NULL)`;
}

// Word tokens of the lower-cased text, once per tweet, sorted by token so a
// lookup touches only the row groups whose min/max zone maps hold the token.
// '#tag' and '@handle' keep their sigil, as Roost's terms do, and a change
// of script ends a token ("coffee嬉しい" holds "coffee"), as in Roost.
export const kTokenPattern = String.raw`[#@$]?(?:[\p{Latin}\pM\pN_]+|[\p{Han}\p{Hiragana}\p{Katakana}ー]+|[^\s\pP\pS\pZ\pC\p{Latin}\p{Han}\p{Hiragana}\p{Katakana}\pN_ー]+)`;
const tokenSql = `CREATE TABLE tokens AS
SELECT token, id FROM (
  SELECT id, unnest(list_distinct(regexp_extract_all(lower("text"), '${kTokenPattern}'))) AS token
  FROM tweets)
ORDER BY token`;

function toPlain(v) {
  if (typeof v === 'bigint') return Number(v);
  if (Array.isArray(v)) return v.map(toPlain);
  if (v !== null && typeof v === 'object' && 'items' in v) return v.items.map(toPlain);
  return v === null || typeof v !== 'object' ? v : String(v);
}

async function count(con, sql) {
  return toPlain((await con.runAndReadAll(sql)).getRows()[0][0]);
}

async function load(db, files) {
  const { con } = await open(db);
  const t0 = performance.now();
  await con.run(loadSql(files));
  await con.run('CHECKPOINT');
  const seconds = (performance.now() - t0) / 1000;
  console.log(JSON.stringify({
    seconds,
    tweets: await count(con, 'SELECT count(*) FROM tweets'),
    distinct_ids: await count(con, 'SELECT count(DISTINCT id) FROM tweets'),
  }));
}

// The token table is built from the loaded table (a copy of the database
// made by `load`), so "load with tokens" = load seconds + these seconds.
async function addTokens(db) {
  const { con } = await open(db);
  const t0 = performance.now();
  await con.run(tokenSql);
  if (process.env.DUCK_ART === '1') await con.run('CREATE INDEX tokens_token ON tokens(token)');
  await con.run('CHECKPOINT');
  const seconds = (performance.now() - t0) / 1000;
  console.log(JSON.stringify({ seconds, tokens: await count(con, 'SELECT count(*) FROM tokens') }));
}

async function query(db, sql, runs) {
  const { con } = await open(db);
  const times = [], cpu = [];
  let rows;
  for (let i = 0; i < runs; ++i) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();  // all threads of this process, DuckDB's included
    const reader = await con.runAndReadAll(sql);
    const c = process.cpuUsage(c0);
    times.push(performance.now() - t0);
    cpu.push((c.user + c.system) / 1000);
    if (i === 0) rows = toPlain(reader.getRows());
  }
  console.log(JSON.stringify({ times_ms: times, cpu_ms: cpu, rows }));
}

const [mode, db, ...rest] = process.argv.slice(2);
if (mode === 'load') {
  await load(db, rest);
} else if (mode === 'tokens') {
  await addTokens(db);
} else if (mode === 'query') {
  await query(db, rest[0], Number(rest[1] || 6));
} else {
  console.error('usage: node duck.mjs load DB FILE... | tokens DB | query DB SQL RUNS');
  process.exit(2);
}
