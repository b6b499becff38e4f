// The dashboard in a real browser against a real server: every page draws
// its data, the explorer's numbers follow the filter and match /api/count,
// a bad filter shows its error in place, the URL restores a view, and an
// analyst's page never holds tweet text while an admin's does. Writes a
// screenshot of each page to $ROOST_SCREENSHOTS.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { startRoost } from './roost_server.mjs';

const kChromium = '/usr/bin/chromium';
const kSkip = 77;
if (!existsSync(kChromium)) {
  console.log(`browser.dashboard: skipped, ${kChromium} is missing (scripts/setup installs it)`);
  process.exit(kSkip);
}
const roost = process.env.ROOST;
assert.ok(roost, 'ROOST must point at the roost binary');
const shots = process.env.ROOST_SCREENSHOTS || path.join(path.dirname(roost), 'screenshots');
mkdirSync(shots, { recursive: true });
const { chromium } = await import('playwright-core');

const started = Date.now();
const server = await startRoost(roost);
const browser = await chromium.launch({ executablePath: kChromium, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
let passed = 0;
let failed = 0;
async function check(name, f) {
  const t0 = Date.now();
  try {
    await f();
    passed += 1;
    console.log(`ok ${name} (${Date.now() - t0} ms)`);
  } catch (e) {
    failed += 1;
    console.log(`FAILED ${name}: ${e.stack || e}`);
  }
}

// A signed-in tab; `errors` collects what the page logs as errors.
async function signIn(key, at = server) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && page.errors.push(m.text()));
  await page.goto(`${at.url}/`);
  await page.fill('#api-key', key);
  await page.click('#key-form button[type=submit]');
  await page.waitForSelector('.role');
  return page;
}

// Opens another view in the same tab and waits until it is drawn.
async function go(page, hash) {
  const before = await page.getAttribute('#main', 'data-view');
  await page.evaluate((h) => { window.location.hash = h; }, hash);
  await page.waitForFunction((b) => document.getElementById('main').dataset.view !== b, before);
}

// Waits until no panel is loading.
async function settled(page) {
  await page.waitForFunction(() => !document.querySelector('.state-loading') && !document.querySelector('[aria-busy]'), null, { timeout: 30000 });
}

const exists = async (endpoint) => {
  const r = await server.api(endpoint, {}, server.keys.admin);
  return !(r.status === 404 && /^no endpoint/.test(r.body.error?.message || ''));
};
const hasTrends = await exists('trends');
const hasSpikes = await exists('spikes');
const hasForecast = await exists('forecast');

// Texts only an admin may see: the sample the explorer shows and more.
const adminSample = await server.api('sample', { limit: 200 }, server.keys.admin);
const secretTexts = adminSample.body.tweets.map((t) => t.text).filter((t) => t && t.length >= 12);
assert.ok(secretTexts.length > 50, 'the admin sample holds text');

await check('a wrong key is refused in place, and no page is offered', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.url}/#/explorer`);
  await page.fill('#api-key', 'not-a-key');
  await page.click('#key-form button[type=submit]');
  await page.waitForSelector('#key-error', { state: 'visible' });
  assert.match(await page.textContent('#key-error'), /not valid/);
  assert.equal(await page.locator('#nav a').count(), 0);
  assert.equal(await page.evaluate(() => sessionStorage.length), 0, 'a refused key is not kept');
  await context.close();
});

const admin = await signIn(server.keys.admin);
let tagFilter = '';
const topTags = [];
let spikeFilter = '';

await check('overview draws the volume and fills the lists', async () => {
  await go(admin, '#/overview');
  await settled(admin);
  const points = Number(await admin.getAttribute('#volume .chart', 'data-points'));
  assert.ok(points >= 24, `volume buckets: ${points}`);
  assert.ok(await admin.locator('#volume canvas').count() > 0, 'a canvas');
  for (const t of ['lang', 'country', 'hashtags', 'mentions'])
    assert.ok(await admin.locator(`#top-${t} .toprow`).count() >= 3, `${t} list`);
  const info = await server.api('info', {}, server.keys.admin);
  assert.equal(await admin.textContent('#stat-tweets .stat-value'), info.body.tweets.toLocaleString('en-US'));
  topTags.push(...await admin.locator('#top-hashtags .toprow').evaluateAll((rows) => rows.map((r) => r.dataset.value)));
  tagFilter = `#${topTags[0]}`;
  await admin.screenshot({ path: path.join(shots, 'overview.png') });
});

await check('the explorer follows the filter and matches /api/count', async () => {
  await go(admin, '#/explorer');
  await admin.waitForSelector('#match-count');
  await settled(admin);
  const all = await admin.getAttribute('#match-count', 'data-count');
  assert.equal(all, String((await server.api('count', {}, server.keys.admin)).body.tweets));
  await admin.fill('#filter', tagFilter);  // typed: no submit
  await admin.waitForFunction((a) => document.querySelector('#match-count')?.dataset.count !== a, all, { timeout: 15000 });
  await settled(admin);
  const shown = await admin.getAttribute('#match-count', 'data-count');
  const api = await server.api('count', { filter: tagFilter }, server.keys.admin);
  assert.equal(shown, String(api.body.tweets), 'the count shown is the API count');
  assert.notEqual(shown, all);
  const charted = Number(await admin.getAttribute('#explorer-series .chart', 'data-total'));
  assert.equal(charted, api.body.tweets, 'the series adds up to the count');
  assert.ok(await admin.locator('#explorer-top .toprow').count() > 0, 'top values');
  const texts = await admin.locator('#explorer-sample .tweet-text:not(.tweet-hidden)').allTextContents();
  assert.ok(texts.length > 0 && texts.every((t) => t.length > 0), 'the admin sees tweet text');
  secretTexts.push(...texts.filter((t) => t.length >= 12));  // what the analyst's explorer would show
  assert.match(admin.url(), new RegExp(`filter=${encodeURIComponent(tagFilter).replace(/%20/g, '\\+')}`), 'the URL holds the filter');
  await admin.screenshot({ path: path.join(shots, 'explorer.png'), fullPage: true });
  // A reload restores the question.
  await admin.reload();
  await admin.waitForSelector('#match-count');
  await settled(admin);
  assert.equal(await admin.inputValue('#filter'), tagFilter);
  assert.equal(await admin.getAttribute('#match-count', 'data-count'), shown);
});

await check('a bad filter shows the API error next to the box; an empty answer says why', async () => {
  const bad = 'text contians "x"';
  await admin.fill('#filter', bad);
  await admin.press('#filter', 'Enter');
  await admin.waitForSelector('#filter-error:not([hidden])');
  const api = await server.api('count', { filter: bad }, server.keys.admin);
  assert.equal(api.status, 400);
  assert.equal(await admin.textContent('#filter-error'), api.body.error.message);
  assert.equal(await admin.getAttribute('#filter', 'aria-invalid'), 'true');
  await admin.screenshot({ path: path.join(shots, 'explorer-error.png') });
  // A filter that matches nothing: zero, and the server's reason, not a blank chart.
  await admin.fill('#filter', '#nosuchtag0');
  await admin.press('#filter', 'Enter');
  await admin.waitForFunction(() => document.querySelector('#match-count')?.dataset.count === '0');
  await settled(admin);
  const why = (await server.api('count', { filter: '#nosuchtag0' }, server.keys.admin)).body.empty_because;
  assert.ok(why?.length, 'the API says why');
  assert.equal(await admin.textContent('#explorer-series .state-empty li'), why[0]);
  assert.equal(await admin.locator('#explorer-series canvas').count(), 0);
  await admin.fill('#filter', tagFilter);
  await admin.press('#filter', 'Enter');
  await admin.waitForSelector('#filter-error', { state: 'hidden' });
});

await check('trends shows what trended with curves', async () => {
  await go(admin, '#/trends');
  await settled(admin);
  await admin.screenshot({ path: path.join(shots, 'trends.png'), fullPage: true });
  if (!hasTrends) {
    assert.match(await admin.textContent('#trend-list'), /does not answer \/api\/trends/);
    return;
  }
  const day = await admin.inputValue('#trend-day');
  const api = await server.api('trends', { at: day, interval: 'day', tweets: 3, limit: 10 }, server.keys.admin);
  assert.ok(api.body.trends.length > 0, 'the archive has trends');
  assert.equal(await admin.locator('#trend-list .card').count(), api.body.trends.length, 'one card per trend');
  assert.equal(await admin.locator('#trend-list .trend canvas').count(), api.body.trends.filter((t) => !t.redacted).length, 'a curve per trend');
  assert.equal(await admin.textContent('#trend-list .trend h3 >> nth=0'), api.body.trends[0].label);
});

await check('spikes shows the detected spikes explained', async () => {
  // A hashtag of the overview whose volume has a spike.
  let spikes = [];
  for (const tag of hasSpikes ? topTags : []) {
    const r = await server.api('spikes', { filter: `#${tag}`, interval: 'hour' }, server.keys.admin);
    if (r.body.spikes?.length) {
      spikeFilter = `#${tag}`;
      spikes = r.body.spikes;
      break;
    }
  }
  await go(admin, `#/spikes?filter=${encodeURIComponent(spikeFilter)}&interval=hour`);
  await settled(admin);
  assert.ok(await admin.locator('#spike-chart canvas').count() > 0, 'volume chart');
  await admin.screenshot({ path: path.join(shots, 'spikes.png'), fullPage: true });
  if (!hasSpikes) {
    assert.match(await admin.textContent('#spike-list'), /does not answer \/api\/spikes/);
    return;
  }
  assert.ok(spikes.length > 0, 'a top hashtag with a spike');
  assert.equal(await admin.locator('#spike-list .spike').count(), spikes.length, 'one card per spike');
  assert.equal(await admin.getAttribute('#spike-list .spike >> nth=0', 'data-peak'), spikes[0].peak);
  assert.equal(await admin.getAttribute('#spike-chart .chart', 'data-highlights'), String(spikes.length), 'spikes shaded on the chart');
});

await check('forecast draws the history, the forecast with its bands, and the backtest in words', async () => {
  // Ten days, so the hourly backtest has origins to score.
  const long = await startRoost(roost, { days: 10, tweetsPerDay: 4000 });
  try {
    const page = await signIn(long.keys.admin, long);
    await go(page, '#/forecast?interval=hour&horizon=24');
    await settled(page);
    if (!hasForecast) {
      assert.match(await page.textContent('#forecast-chart'), /does not answer \/api\/forecast/);
      return;
    }
    const api = await long.api('forecast', { interval: 'hour', horizon: 24 }, long.keys.admin);
    assert.equal(api.status, 200);
    assert.ok(await page.locator('#forecast-chart canvas').count() > 0, 'a chart');
    assert.equal(await page.getAttribute('#forecast-chart .chart', 'data-forecast'), '24');
    assert.equal(await page.getAttribute('#forecast-chart .chart', 'data-history'), String(api.body.history.steps));
    const sel = api.body.backtest.selected;
    assert.ok(api.body.backtest.origins > 0, 'ten days are enough to backtest');
    const line = await page.textContent('#forecast-backtest');
    assert.ok(line.includes(`seasonal naive: MAE ${sel.mae_ratio.toFixed(2)} of it`), line);
    assert.ok(line.includes(`80% intervals held ${Math.round(100 * sel.coverage80)}% of the time`), line);
    // The URL carries the question.
    assert.equal(await page.inputValue('#forecast-horizon'), '24');
    assert.equal(await page.inputValue('#forecast-interval'), 'hour');
    await page.screenshot({ path: path.join(shots, 'forecast.png'), fullPage: true });
    // A bad filter is refused in place.
    await go(page, '#/forecast?filter=' + encodeURIComponent('text contians "x"'));
    await settled(page);
    assert.ok(await page.locator('#forecast-chart .state-error').count() > 0, 'the error is shown');
    const faults = page.errors.filter((e) => !/Failed to load resource: .* status of 40[04]/.test(e));
    assert.deepEqual(faults, []);
  } finally {
    long.stop();
  }
});

await check('brands draws scorecards, shares of voice and two charts, and marks changes inside noise', async () => {
  const page = admin;
  await go(page, '#/brands?compare=previous&from=2012-03-02&to=2012-03-03&interval=hour');
  await settled(page);
  const api = await server.api('brands', { compare: 'previous', from: '2012-03-02', to: '2012-03-03', interval: 'hour' }, server.keys.admin);
  assert.equal(api.status, 200);
  const shown = api.body.brands.filter((b) => !b.redacted);
  assert.ok(shown.length >= 4, 'synth brands have tweets');
  assert.equal(await page.locator('#brands-table tbody tr').count(), api.body.brands.length);
  for (const b of shown) {
    const row = page.locator(`#brands-table tr[data-brand="${b.name}"]`);
    assert.equal((await row.locator('td').first().textContent()).replace(/,/g, ''), String(b.tweets), `${b.name} tweets`);
    assert.equal(await page.getAttribute(`#brands-sov-bars .bar-row[data-brand="${b.name}"]`, 'data-share'), String(b.share_of_file));
  }
  // A change the test calls noise is marked as such, a significant one is not.
  const noise = shown.filter((b) => !b.changes.share_of_voice.significant).length;
  assert.equal(await page.locator('#brands-table td.noise').count() >= noise, true);
  assert.equal(await page.getAttribute('#brands-volume .chart', 'data-series'), String(shown.length));
  assert.equal(await page.getAttribute('#brands-sentiment .chart', 'data-series'), String(shown.length));
  assert.match(await page.textContent('#brands-period'), /compared with Mar 1 2012 to Mar 2 2012/);
  assert.equal(await page.inputValue('#brands-compare'), 'previous');
  await page.screenshot({ path: path.join(shots, 'brands.png'), fullPage: true });
});

const analyst = await signIn(server.keys.analyst);
// The page's whole DOM, attributes included, must hold none of the texts.
async function assertNoText(page, where) {
  const html = await page.content();
  const leaked = secretTexts.filter((t) => html.includes(t));
  assert.deepEqual(leaked, [], `${where}: tweet text in an analyst's page`);
}

await check('an analyst sees gated pages without tweet text', async () => {
  assert.equal(await analyst.textContent('.role'), 'analyst · ana');
  await go(analyst, '#/overview');
  await settled(analyst);
  assert.ok(await analyst.locator('#top-hashtags .toprow').count() > 0, 'hashtags for the analyst');
  await assertNoText(analyst, 'overview');
  await analyst.screenshot({ path: path.join(shots, 'overview-analyst.png') });
  await go(analyst, `#/explorer?filter=${encodeURIComponent(tagFilter)}`);
  await analyst.waitForSelector('#match-count');
  await settled(analyst);
  const gated = await server.api('count', { filter: tagFilter }, server.keys.analyst);
  assert.equal(await analyst.getAttribute('#match-count', 'data-count'), gated.body.redacted ? '' : String(gated.body.tweets));
  assert.ok(await analyst.locator('#explorer-sample .tweet-hidden, #explorer-sample .tweets-hidden').count() > 0 ||
    await analyst.locator('#explorer-sample .state-withheld').count() > 0, 'the sample says text is hidden');
  assert.equal(await analyst.locator('#explorer-sample .tweet-id').count(), 0, 'no ids');
  // Buckets the gate redacted are drawn as redacted, not as zeros.
  const series = await server.api('series', { filter: tagFilter, interval: 'hour' }, server.keys.analyst);
  const redacted = series.body.buckets.filter((b) => b.redacted).length;
  assert.ok(redacted > 0, 'the gate redacts some hours of the hashtag');
  assert.equal(await analyst.getAttribute('#explorer-series .chart', 'data-redacted'), String(redacted));
  assert.match(await analyst.textContent('#explorer-series figcaption'), new RegExp(`^${redacted} buckets redacted`));
  await assertNoText(analyst, 'explorer');
  await analyst.screenshot({ path: path.join(shots, 'explorer-analyst.png'), fullPage: true });
  const pages = [['trends', '#/trends', '#trend-list'], ['spikes', `#/spikes?filter=${encodeURIComponent(spikeFilter)}`, '#spike-list'],
    ['forecast', '#/forecast?interval=day&horizon=3', '#forecast-chart'], ['brands', '#/brands', '#brands-scorecards']];
  for (const [name, hash, list] of pages) {
    await go(analyst, hash);
    await settled(analyst);
    assert.ok(await analyst.locator(`${list} .card, ${list} .state, ${list} .chart, ${list} table`).count() > 0, `${hash} drawn`);
    await assertNoText(analyst, hash);
    await analyst.screenshot({ path: path.join(shots, `${name}-analyst.png`), fullPage: true });
  }
});

await check('no page logged an error', async () => {
  // A refused filter (400) and an endpoint a server lacks (404) are answers
  // the pages show; anything else logged is a fault.
  const faults = (errors) => errors.filter((e) => !/Failed to load resource: .* status of 40[04]/.test(e));
  assert.deepEqual(faults(admin.errors), []);
  assert.deepEqual(faults(analyst.errors), []);
});

await browser.close();
server.stop();
console.log(`browser.dashboard: ${passed} passed, ${failed} failed (${((Date.now() - started) / 1000).toFixed(1)} s)`);
process.exit(failed ? 1 : 0);
