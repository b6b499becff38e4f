// Spikes: bursts of volume of the tweets a filter matches, each explained
// by the values over-represented inside it (/api/spikes), over the series
// they stand out from.
import { ApiError, apiGet } from '../api.js';
import { h, mount } from '../dom.js';
import { formatCount, formatDecimal, formatTime, isoToSeconds } from '../format.js';
import { timeChart } from '../charts/time_chart.js';
import { gateSummary } from '../views/gate_note.js';
import { panel } from '../views/panel.js';
import { empty, fill, unavailable, withheld } from '../views/states.js';
import { tweetList } from '../views/tweet_list.js';
import { navigate } from '../router.js';

function valueChip(dimension, v) {
  if (v.redacted) return h('li', { class: 'chip chip-redacted', title: 'too few authors to show' }, 'redacted');
  const shown = dimension === 'hashtags' ? `#${v.value}` : dimension === 'mentions' || dimension === 'authors' ? `@${v.value}` : v.value;
  return h('li', { class: 'chip', title: `${formatCount(v.tweets)} tweets, ${formatDecimal(v.expected_tweets)} expected` },
    shown, h('span', { class: 'chip-count' }, `×${formatDecimal(v.lift, v.lift >= 10 ? 0 : 1)}`));
}

function spikeCard(s, interval) {
  const explanation = Object.entries(s.explanation || {}).filter(([, values]) => values.length);
  return h('article', { class: 'card spike', dataset: { peak: s.peak } },
    h('header', { class: 'card-head' },
      h('h3', {}, formatTime(s.peak, interval)),
      h('p', { class: 'meta' }, `${formatCount(s.peak_tweets)} tweets at the peak vs ${formatCount(Math.round(s.expected_tweets))} expected (×${formatDecimal(s.magnitude)})`)),
    h('p', { class: 'muted small' }, `${formatTime(s.start, interval)} to ${formatTime(s.end, interval)} · ${formatCount(s.excess_tweets)} extra tweets · compared with ${s.baseline}`),
    explanation.length
      ? h('dl', { class: 'explain' }, explanation.map(([dim, values]) => [h('dt', {}, dim), h('dd', {}, h('ul', { class: 'chips' }, values.map((v) => valueChip(dim, v))))]))
      : h('p', { class: 'muted' }, 'No value stands out inside this spike.'),
    s.top_tweets?.length ? h('div', { class: 'tweets-compact' }, tweetList({ tweets: s.top_tweets })) : null,
    s.news?.length ? h('ul', { class: 'news' }, s.news.map((n) => h('li', {}, `${formatTime(n.time, 'minute')} ${n.headline}`))) : null);
}

export function render(root, params, { info, signal }) {
  const q = { filter: params.filter || '', from: params.from || '', to: params.to || '', interval: ['minute', 'hour', 'day'].includes(params.interval) ? params.interval : 'hour' };
  const filterBox = h('input', { id: 'spike-filter', type: 'search', value: q.filter, placeholder: 'optional: only the tweets this filter matches', autocomplete: 'off', spellcheck: 'false' });
  const intervalSelect = h('select', { id: 'spike-interval' }, ['minute', 'hour', 'day'].map((v) => h('option', { value: v, selected: v === q.interval }, v)));
  const form = h('form', { class: 'query', role: 'search' },
    h('label', { class: 'field field-filter', for: 'spike-filter' }, h('span', { class: 'field-label' }, 'Filter'), filterBox),
    h('label', { class: 'field', for: 'spike-interval' }, h('span', { class: 'field-label' }, 'Interval'), intervalSelect),
    h('button', { type: 'submit', class: 'primary' }, 'Find spikes'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    navigate('spikes', { ...q, filter: filterBox.value.trim(), interval: intervalSelect.value });
  });
  const chart = panel('Volume and spikes', { id: 'spike-chart', wide: true });
  const list = h('div', { class: 'cards', id: 'spike-list' });
  mount(root,
    h('div', { class: 'page-head' }, h('h1', {}, 'Spikes'),
      h('p', { class: 'muted' }, 'Buckets far above the seasonal baseline, and what was over-represented in them. ', gateSummary(info))),
    form, chart.el, list);

  const ask = { filter: q.filter, from: q.from, to: q.to, interval: q.interval };
  const spikes = apiGet('spikes', { ...ask, tweets: 3 }, { signal });
  spikes.catch(() => {});  // shown by the list below
  fill(chart.body, async () => {
    const s = await apiGet('series', ask, { signal });
    if (s.redacted) return withheld(s.reason);
    if (!s.buckets?.length) return empty('No tweets match.', s.empty_because || []);
    let highlights = [];
    try {
      const a = await spikes;
      highlights = (a.spikes || []).map((x) => [isoToSeconds(x.start), isoToSeconds(x.end)]);
    } catch {
      // The list says why.
    }
    return timeChart(s.buckets, { interval: s.interval, highlights });
  }, signal, 'Loading volume');
  fill(list, async () => {
    let a;
    try {
      a = await spikes;
    } catch (e) {
      if (e instanceof ApiError && e.status === 404 && e.message.startsWith('no endpoint')) return unavailable('/api/spikes');
      throw e;
    }
    if (a.redacted) return withheld(a.reason);
    const found = a.spikes || [];
    if (!found.length) return empty('No spike stands out.', a.empty_because || []);
    return h('div', {}, h('p', { class: 'muted summary' }, `${found.length} ${found.length === 1 ? 'spike' : 'spikes'}, per ${a.interval}`),
      found.map((s) => spikeCard(s, a.interval)));
  }, signal, 'Detecting spikes');
}
