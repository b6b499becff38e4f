// Trends: what was trending on a day or in an hour: each trend with its
// values, its hourly curve and a few of its top tweets (/api/trends).
import { ApiError, apiGet } from '../api.js';
import { h, mount } from '../dom.js';
import { formatCount, formatDecimal, formatTime, isoDay } from '../format.js';
import { timeChart } from '../charts/time_chart.js';
import { gateSummary } from '../views/gate_note.js';
import { empty, fill, unavailable, withheld } from '../views/states.js';
import { tweetList } from '../views/tweet_list.js';
import { navigate } from '../router.js';

const kHourMs = 3600 * 1000;

// A trend's hourly curve as chart points; redacted hours stay redacted.
export function curvePoints(curveStart, curve) {
  const t0 = Date.parse(curveStart);
  return curve.map((v, i) => {
    const start = new Date(t0 + i * kHourMs).toISOString();
    return typeof v === 'number' ? { start, tweets: v } : { start, tweets: null, redacted: true };
  });
}

function termChip(t) {
  if (t.redacted) return h('li', { class: 'chip chip-redacted', title: 'too few authors to show' }, 'redacted');
  const shown = t.dimension === 'hashtags' ? `#${t.value}` : t.value;
  return h('li', { class: 'chip', title: `${formatCount(t.tweets)} tweets, ${formatDecimal(t.expected_tweets)} expected, z ${formatDecimal(t.z)}` },
    shown, h('span', { class: 'chip-count' }, formatCount(t.tweets)));
}

function trendCard(t, gate) {
  if (t.redacted) {
    return h('article', { class: 'card card-redacted', dataset: { redacted: 'true' } },
      h('h3', {}, 'Redacted trend'),
      h('p', { class: 'muted' }, gate?.enabled ? `Fewer than ${gate.min_group_authors} authors took part.` : 'Hidden by the privacy gate.'));
  }
  const tweets = t.top_tweets || [];
  return h('article', { class: 'card trend', dataset: { label: t.label } },
    h('header', { class: 'card-head' },
      h('h3', {}, t.label),
      h('p', { class: 'meta' }, `${formatCount(t.tweets)} tweets · burst z ${formatDecimal(t.score)} · peak ${formatTime(t.peak, 'hour')}`)),
    h('p', { class: 'muted small' }, `${formatTime(t.start, 'hour')} to ${formatTime(t.end, 'hour')}`),
    h('ul', { class: 'chips', 'aria-label': 'values' }, (t.terms || []).map(termChip)),
    t.curve?.length ? timeChart(curvePoints(t.curve_start, t.curve), { label: t.label, interval: 'hour', height: 150 }) : null,
    tweets.length ? h('div', { class: 'tweets-compact' }, tweetList({ tweets })) : null);
}

export function render(root, params, { info, signal }) {
  const interval = params.interval === 'hour' ? 'hour' : 'day';
  const controls = h('form', { class: 'query' });
  const list = h('div', { class: 'cards', id: 'trend-list' });
  mount(root,
    h('div', { class: 'page-head' }, h('h1', {}, 'Trends'),
      h('p', { class: 'muted' }, 'Hashtags, words and phrases that burst against the same window on other days. ', gateSummary(info))),
    controls, list);

  fill(list, async () => {
    const days = await apiGet('series', { interval: 'day' }, { signal });
    const choices = (days.buckets || []).filter((b) => b.redacted || b.tweets > 0).map((b) => isoDay(b.start));
    if (!choices.length) return empty('The archive holds no tweets yet.', days.empty_because || []);
    const day = params.at ? params.at.slice(0, 10) : choices[choices.length - 1];
    const hour = params.at && params.at.length > 10 ? params.at.slice(11, 13) : '12';
    const at = interval === 'hour' ? `${day}T${hour}:00` : day;
    const daySelect = h('select', { id: 'trend-day' }, choices.map((d) => h('option', { value: d, selected: d === day }, d)));
    const intervalSelect = h('select', { id: 'trend-interval' }, ['day', 'hour'].map((v) => h('option', { value: v, selected: v === interval }, v === 'day' ? 'the whole day' : 'one hour')));
    const hourSelect = h('select', { id: 'trend-hour', disabled: interval !== 'hour' },
      Array.from({ length: 24 }, (_, i) => String(i).padStart(2, '0')).map((v) => h('option', { value: v, selected: v === hour }, `${v}:00`)));
    const change = () => {
      const ivl = intervalSelect.value;
      navigate('trends', { at: ivl === 'hour' ? `${daySelect.value}T${hourSelect.value}:00` : daySelect.value, interval: ivl });
    };
    [daySelect, intervalSelect, hourSelect].forEach((s) => s.addEventListener('change', change));
    mount(controls,
      h('label', { class: 'field', for: 'trend-day' }, h('span', { class: 'field-label' }, 'Day (UTC)'), daySelect),
      h('label', { class: 'field', for: 'trend-interval' }, h('span', { class: 'field-label' }, 'Window'), intervalSelect),
      h('label', { class: 'field', for: 'trend-hour' }, h('span', { class: 'field-label' }, 'Hour'), hourSelect));

    let answer;
    try {
      answer = await apiGet('trends', { at, interval, tweets: 3, limit: 10 }, { signal });
    } catch (e) {
      if (e instanceof ApiError && e.status === 404 && e.message.startsWith('no endpoint')) return unavailable('/api/trends');
      throw e;
    }
    if (answer.redacted) return withheld(answer.reason);
    const trends = answer.trends || [];
    if (!trends.length) return empty(`Nothing trended ${interval === 'hour' ? 'in that hour' : 'that day'}.`, answer.empty_because || []);
    return h('div', {}, h('p', { class: 'muted summary' }, `${trends.length} ${trends.length === 1 ? 'trend' : 'trends'} ${interval === 'hour' ? `at ${formatTime(at, 'hour')}` : `on ${formatTime(at, 'day')}`}`),
      trends.map((t) => trendCard(t, info.gate)));
  }, signal, 'Finding trends');
}
