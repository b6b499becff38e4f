// Explorer: one question (filter, range, interval) answered as a count, a
// series, a top list for a chosen target and a sample of tweets. The
// question lives in the URL; the API's error for a bad filter shows next
// to the box.
import { apiGet } from '../api.js';
import { h, mount } from '../dom.js';
import { formatCount, plural } from '../format.js';
import { timeChart } from '../charts/time_chart.js';
import { displayValue, filterFor, gateSummary } from '../views/gate_note.js';
import { panel, stat } from '../views/panel.js';
import { empty, fill, withheld } from '../views/states.js';
import { topList } from '../views/top_list.js';
import { tweetList } from '../views/tweet_list.js';
import { replaceParams } from '../router.js';

const kIntervals = ['minute', 'hour', 'day', 'week', 'month'];
const kTargets = ['hashtags', 'terms', 'phrases', 'mentions', 'domains', 'lang', 'country', 'authors', 'sentiment_class', 'kind', 'source'];
const kTypingDelayMs = 600;

function select(id, label, options, value) {
  return h('label', { class: 'field', for: id }, h('span', { class: 'field-label' }, label),
    h('select', { id, name: id }, options.map((o) => h('option', { value: o, selected: o === value }, o))));
}

export function render(root, params, { info, signal }) {
  const q = { filter: params.filter || '', from: params.from || '', to: params.to || '', interval: params.interval || 'hour', target: params.target || 'hashtags' };

  const filterBox = h('input', {
    id: 'filter', name: 'filter', type: 'search', value: q.filter, autocomplete: 'off', spellcheck: 'false',
    placeholder: '#hashtag lang:fr "some words"   or   text contains "rugby"', 'aria-describedby': 'filter-error',
  });
  const filterError = h('p', { id: 'filter-error', class: 'field-error', role: 'alert', 'aria-live': 'assertive', hidden: true });
  const from = h('input', { id: 'from', name: 'from', type: 'text', value: q.from, placeholder: '2012-03-01', autocomplete: 'off' });
  const to = h('input', { id: 'to', name: 'to', type: 'text', value: q.to, placeholder: '2012-03-02T12:00', autocomplete: 'off' });
  const interval = select('interval', 'Interval', kIntervals, q.interval);
  const form = h('form', { class: 'query', role: 'search' },
    h('label', { class: 'field field-filter', for: 'filter' }, h('span', { class: 'field-label' }, 'Filter'), filterBox, filterError),
    h('label', { class: 'field', for: 'from' }, h('span', { class: 'field-label' }, 'From (UTC)'), from),
    h('label', { class: 'field', for: 'to' }, h('span', { class: 'field-label' }, 'To (UTC)'), to),
    interval,
    h('button', { type: 'submit', class: 'primary' }, 'Run'));

  const stats = h('div', { class: 'stats' });
  const series = panel('Tweets over time', { id: 'explorer-series', wide: true });
  const targetPicker = select('target', 'Target', kTargets, q.target);
  const top = panel('Top values', { id: 'explorer-top', tools: targetPicker });
  const sample = panel('Sample tweets', { id: 'explorer-sample', note: gateSummary(info) });
  const results = h('div', { class: 'results' }, stats, series.el, h('div', { class: 'grid grid-2' }, top.el, sample.el));
  mount(root, h('div', { class: 'page-head' }, h('h1', {}, 'Explorer'), h('p', { class: 'muted' }, 'Ask the archive a question: a filter in the query language (docs/QUERY.md), a range and an interval.')),
    form, results);

  let run = null;  // the AbortController of the question on show
  const question = () => ({ filter: filterBox.value.trim(), from: from.value.trim(), to: to.value.trim() });

  function loadTop(s) {
    const target = targetPicker.querySelector('select').value;
    fill(top.body, async () => topList(await apiGet('top', { ...question(), target, limit: 15 }, { signal: s }), {
      gate: info.gate,
      display: (v) => displayValue(target, v),
      onPick: (v) => {
        filterBox.value = [question().filter, filterFor(target, v)].filter(Boolean).join(' ');
        go();
      },
    }), s, 'Loading top values');
  }

  async function go() {
    run?.abort();
    run = new AbortController();
    const s = run.signal;
    const ivl = interval.querySelector('select').value;
    const target = targetPicker.querySelector('select').value;
    replaceParams('explorer', { ...question(), interval: ivl, target });
    results.classList.add('stale');
    let count;
    try {
      count = await apiGet('count', question(), { signal: s });
    } catch (e) {
      if (e.name === 'AbortError' || s.aborted) return;
      filterError.textContent = e.message;
      filterError.hidden = false;
      filterBox.setAttribute('aria-invalid', 'true');
      return;
    }
    filterError.hidden = true;
    filterError.textContent = '';
    filterBox.removeAttribute('aria-invalid');
    results.classList.remove('stale');
    const hint = count.redacted ? count.reason : count.quantum > 1 ? `rounded down to ${count.quantum}` : `${plural(count.segments_scanned, 'segment')} of ${count.segments_total} read`;
    mount(stats, stat('Matching tweets', count.redacted ? 'redacted' : formatCount(count.tweets), { id: 'match-count', hint }));
    stats.querySelector('#match-count').dataset.count = count.redacted ? '' : String(count.tweets);
    fill(series.body, async () => {
      const a = await apiGet('series', { ...question(), interval: ivl }, { signal: s });
      if (a.redacted) return withheld(a.reason);
      if (!a.buckets?.length || (a.totals && a.totals.tweets === 0)) return empty('No tweets match.', a.empty_because || count.empty_because || []);
      return timeChart(a.buckets, { interval: a.interval });
    }, s, 'Loading series');
    loadTop(s);
    fill(sample.body, async () => tweetList(await apiGet('sample', { ...question(), limit: 8 }, { signal: s })), s, 'Loading tweets');
  }

  let typing = null;
  filterBox.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(go, kTypingDelayMs);
  });
  signal.addEventListener('abort', () => {
    clearTimeout(typing);
    run?.abort();
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearTimeout(typing);
    go();
  });
  interval.querySelector('select').addEventListener('change', go);
  targetPicker.querySelector('select').addEventListener('change', () => {
    replaceParams('explorer', { ...question(), interval: interval.querySelector('select').value, target: targetPicker.querySelector('select').value });
    loadTop(run?.signal || signal);
  });
  go();
}
