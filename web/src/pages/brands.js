// Brands: the scorecard of every brand of the server's brands file
// (/api/brands): share of voice, volume and net sentiment over time, and,
// with a comparison period, each figure's change marked when it is inside
// noise.
import { ApiError, apiGet } from '../api.js';
import { h, mount } from '../dom.js';
import { formatCount, formatDecimal, formatTime } from '../format.js';
import { linesChart } from '../charts/lines_chart.js';
import { gateSummary } from '../views/gate_note.js';
import { panel } from '../views/panel.js';
import { empty, fill } from '../views/states.js';
import { navigate } from '../router.js';

const kIntervals = ['hour', 'day', 'week', 'month'];
const kCompare = [['', 'no comparison'], ['previous', 'the period before'], ['year', 'a year earlier']];

function question(params) {
  return {
    from: params.from || '',
    to: params.to || '',
    interval: kIntervals.includes(params.interval) ? params.interval : 'day',
    compare: kCompare.some(([v]) => v === params.compare) ? params.compare : '',
  };
}

const pct = (x) => `${formatDecimal(100 * x, 1)}%`;
const signed = (x, digits) => `${x >= 0 ? '+' : ''}${x.toFixed(digits)}`;

// "+12% " or "+1.5 pts" with "noise" when the stated test cannot tell it from chance.
function changeCell(c) {
  if (!c) return h('td', { class: 'num muted' }, '—');
  let text;
  if (c.figure === 'share_of_voice') text = `${signed(100 * c.change, 1)} pts`;
  else if (c.figure === 'net_sentiment') text = signed(c.change, 3);
  else if (c.relative !== null) text = `${signed(100 * c.relative, 0)}%`;
  else text = signed(c.change, 0);
  const noise = c.test !== 'none' && !c.significant;
  return h('td', { class: noise ? 'num change noise' : 'num change', title: `${c.test}, p = ${c.p_value.toPrecision(2)}` },
    text, noise ? h('span', { class: 'noise-tag' }, ' noise') : null);
}

// Widths go through the CSSOM: the page's policy refuses style attributes.
function barFill(share) {
  const fill = h('span', { class: 'bar-fill' });
  fill.style.width = `${(100 * share).toFixed(1)}%`;
  return fill;
}

function sovBars(brands) {
  const shown = brands.filter((b) => !b.redacted);
  return h('div', { class: 'bars', id: 'brands-sov-bars' }, shown.map((b) =>
    h('div', { class: 'bar-row', dataset: { brand: b.name, share: String(b.share_of_file) } },
      h('span', { class: 'bar-label' }, b.name),
      h('span', { class: 'bar-track' }, barFill(b.share_of_file)),
      h('span', { class: 'bar-value num' }, pct(b.share_of_file)),
      h('span', { class: 'bar-note muted small' }, `${pct(b.share_of_voice)} of ${b.competitive_set.join(' + ')}`))));
}

function scorecards(a) {
  const compared = Boolean(a.compare);
  const head = ['Brand', 'Tweets', 'Share of voice', 'Unique authors', 'Reach', 'Engagement', 'Net sentiment'];
  if (compared) head.push('Tweets Δ', 'Share Δ', 'Authors Δ', 'Net sentiment Δ');
  const rows = a.brands.map((b) => {
    if (b.redacted) return h('tr', { dataset: { brand: b.name } }, h('th', { scope: 'row' }, b.name), h('td', { colspan: String(head.length - 1), class: 'muted' }, 'redacted: too few authors'));
    const cells = [h('th', { scope: 'row' }, b.name), h('td', { class: 'num' }, formatCount(b.tweets)), h('td', { class: 'num' }, pct(b.share_of_voice)),
      h('td', { class: 'num' }, formatCount(b.unique_authors)), h('td', { class: 'num' }, formatCount(b.reach)),
      h('td', { class: 'num' }, formatCount(b.engagement)), h('td', { class: 'num' }, signed(b.sentiment.net, 3))];
    if (compared) for (const f of ['tweets', 'share_of_voice', 'unique_authors', 'net_sentiment']) cells.push(changeCell(b.changes && { figure: f, ...b.changes[f] }));
    return h('tr', { dataset: { brand: b.name } }, cells);
  });
  return h('div', { class: 'table-scroll' }, h('table', { class: 'data', id: 'brands-table' },
    h('thead', {}, h('tr', {}, head.map((t) => h('th', { scope: 'col' }, t)))), h('tbody', {}, rows)));
}

function lines(a, value) {
  return a.brands.filter((b) => !b.redacted).map((b) => ({
    label: b.name,
    points: b.series.map((s) => ({ start: s.start, value: s.redacted ? null : value(s) })),
  }));
}

export function render(root, params, { info, signal }) {
  const q = question(params);
  const fromBox = h('input', { id: 'brands-from', type: 'date', value: q.from.slice(0, 10) });
  const toBox = h('input', { id: 'brands-to', type: 'date', value: q.to.slice(0, 10) });
  const intervalSelect = h('select', { id: 'brands-interval' }, kIntervals.map((v) => h('option', { value: v, selected: v === q.interval }, v)));
  const compareSelect = h('select', { id: 'brands-compare' }, kCompare.map(([v, t]) => h('option', { value: v, selected: v === q.compare }, t)));
  const form = h('form', { class: 'query' },
    h('label', { class: 'field', for: 'brands-from' }, h('span', { class: 'field-label' }, 'From'), fromBox),
    h('label', { class: 'field', for: 'brands-to' }, h('span', { class: 'field-label' }, 'To'), toBox),
    h('label', { class: 'field', for: 'brands-interval' }, h('span', { class: 'field-label' }, 'Interval'), intervalSelect),
    h('label', { class: 'field', for: 'brands-compare' }, h('span', { class: 'field-label' }, 'Compare with'), compareSelect),
    h('button', { type: 'submit', class: 'primary' }, 'Show'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    navigate('brands', { from: fromBox.value, to: toBox.value, interval: intervalSelect.value, compare: compareSelect.value });
  });
  const summary = panel('Scorecards', { id: 'brands-scorecards', wide: true });
  const sov = panel('Share of voice', { id: 'brands-sov', note: 'Each brand\'s share of all brand tweets, and within its competitive set.' });
  const volume = panel('Volume over time', { id: 'brands-volume' });
  const sentiment = panel('Net sentiment over time', { id: 'brands-sentiment', note: '(positive − negative) / tweets per bucket.' });
  mount(root,
    h('div', { class: 'page-head' }, h('h1', {}, 'Brands'),
      h('p', { class: 'muted' }, 'Share of voice, volume and sentiment of each brand, and how they changed. ', gateSummary(info))),
    form, summary.el, h('div', { class: 'grid grid-2' }, sov.el, volume.el), sentiment.el);

  const answer = apiGet('brands', q, { signal }).catch((e) => {
    if (e instanceof ApiError && e.status === 404) return { missing: e.message };
    throw e;
  });
  const show = (p, draw) => fill(p.body, async () => {
    const a = await answer;
    if (a.missing) return empty(a.missing);
    if (!a.brands.length || a.brands.every((b) => b.redacted)) return empty('No brand has tweets enough to show in this period.', a.notes);
    return draw(a);
  }, signal, 'Scoring the brands');
  show(summary, (a) => h('div', {},
    h('p', { class: 'muted small', id: 'brands-period' }, `${formatTime(a.from, 'day')} to ${formatTime(a.to, 'day')}` +
      (a.compare ? `, compared with ${formatTime(a.compare.from, 'day')} to ${formatTime(a.compare.to, 'day')}; "noise" marks a change chance alone would give (p ≥ 0.05)` : '')),
    scorecards(a)));
  show(sov, (a) => sovBars(a.brands));
  show(volume, (a) => linesChart(lines(a, (s) => s.tweets), { interval: a.interval, label: 'tweets' }));
  show(sentiment, (a) => linesChart(lines(a, (s) => s.net_sentiment), { interval: a.interval, label: 'net sentiment', format: (v) => v.toFixed(2), yRange: [-1, 1] }));
}
