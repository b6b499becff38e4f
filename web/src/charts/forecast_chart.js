// A forecast chart on uPlot: the history the models were fitted on, the
// forecast line after it and its 80% and 95% intervals as shaded bands.
// Redacted history buckets are gaps, never zeros.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { formatCompact, formatCount, formatTime } from '../format.js';
import { h } from '../dom.js';
import { followWidth } from './follow_width.js';

const kHistory = '#1d4ed8';
const kForecast = '#c2410c';
const kBand80 = 'rgba(234, 88, 12, 0.26)';
const kBand95 = 'rgba(234, 88, 12, 0.12)';

function axisLabel(ts) {
  const d = new Date(ts * 1000);
  if (d.getUTCHours() === 0 && d.getUTCMinutes() === 0) return formatTime(d.toISOString(), 'day').replace(/ \d{4}$/, '');
  return `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
}

// answer: /api/forecast's JSON (not withheld).
export function forecastChart(answer, { height = 300 } = {}) {
  const history = answer.history.buckets;
  const steps = answer.forecast;
  const n = history.length;
  const times = [...history.map((b) => Date.parse(b.timestamp) / 1000), ...steps.map((p) => Date.parse(p.timestamp) / 1000)];
  const pad = (values, before) => [...new Array(before).fill(null), ...values];
  const shown = history.map((b) => (b.redacted ? null : b.value));
  // The forecast line starts at the last shown bucket, so the two lines meet.
  const last = n && !history[n - 1].redacted ? history[n - 1].value : null;
  const line = (key) => [...new Array(Math.max(0, n - 1)).fill(null), ...(n ? [last] : []), ...steps.map((p) => p[key])];
  const data = [
    times,
    [...shown, ...new Array(steps.length).fill(null)],
    line('value'),
    pad(steps.map((p) => p.hi95), n),
    pad(steps.map((p) => p.lo95), n),
    pad(steps.map((p) => p.hi80), n),
    pad(steps.map((p) => p.lo80), n),
  ];
  const box = h('div', {
    class: 'chart',
    role: 'img',
    'aria-label': `Tweets per ${answer.interval}: ${n} buckets of history, ${steps.length} forecast with 80% and 95% intervals`,
    dataset: { history: String(n), forecast: String(steps.length), redacted: String(answer.history.redacted || 0) },
  });
  const kHint = 'Point at the chart to read a bucket.';
  const readout = h('span', { class: 'chart-readout' }, kHint);
  const band = { stroke: 'transparent', width: 0, points: { show: false } };
  const opts = {
    width: 600,
    height,
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1e3), 'Etc/UTC'),
    legend: { show: false },
    cursor: { points: { size: 7 } },
    scales: { x: { time: true }, y: { range: (u, min, max) => [0, Math.max(1, max) * 1.08] } },
    axes: [
      { stroke: '#52606d', grid: { stroke: '#e4e7eb', width: 1 }, ticks: { stroke: '#e4e7eb' }, values: (u, splits) => splits.map(axisLabel) },
      { stroke: '#52606d', grid: { stroke: '#e4e7eb', width: 1 }, ticks: { show: false }, size: 56, values: (u, splits) => splits.map((v) => formatCompact(v)) },
    ],
    series: [
      {},
      { label: 'Tweets', stroke: kHistory, width: 2, points: { show: false }, spanGaps: false },
      { label: 'Forecast', stroke: kForecast, width: 2, dash: [6, 4], points: { show: false } },
      { label: 'hi95', ...band },
      { label: 'lo95', ...band },
      { label: 'hi80', ...band },
      { label: 'lo80', ...band },
    ],
    bands: [
      { series: [3, 4], fill: kBand95 },
      { series: [5, 6], fill: kBand80 },
    ],
    hooks: {
      setCursor: [(u) => {
        const i = u.cursor.idx;
        if (i === null || i === undefined) {
          readout.textContent = kHint;
          return;
        }
        if (i < n) {
          const b = history[i];
          const when = formatTime(b.timestamp, answer.interval);
          readout.textContent = b.redacted ? `${when}: redacted (too few authors)` : `${when}: ${formatCount(b.value)} tweets`;
          return;
        }
        const p = steps[i - n];
        readout.textContent = `${formatTime(p.timestamp, answer.interval)}: forecast ${formatCount(Math.round(p.value))} tweets, ` +
          `80% ${formatCount(Math.round(p.lo80))}–${formatCount(Math.round(p.hi80))}, 95% ${formatCount(Math.round(p.lo95))}–${formatCount(Math.round(p.hi95))}`;
      }],
    },
  };
  const plot = new uPlot(opts, data, box);
  followWidth(plot, box, height);
  return h('figure', { class: 'chart-wrap' }, box, readout,
    h('figcaption', { class: 'chart-note' }, h('span', { class: 'swatch swatch-history', 'aria-hidden': 'true' }), 'tweets'),
    h('figcaption', { class: 'chart-note' }, h('span', { class: 'swatch swatch-forecast', 'aria-hidden': 'true' }), 'forecast'),
    h('figcaption', { class: 'chart-note' }, h('span', { class: 'swatch swatch-band80', 'aria-hidden': 'true' }), '80% interval'),
    h('figcaption', { class: 'chart-note' }, h('span', { class: 'swatch swatch-band95', 'aria-hidden': 'true' }), '95% interval'),
    answer.history.redacted
      ? h('figcaption', { class: 'chart-note' }, `${answer.history.redacted} redacted ${answer.history.redacted === 1 ? 'bucket' : 'buckets'} left as gaps`)
      : null);
}
