// Several series over the same bucket starts on uPlot, one colour each and a
// legend: brands' volume or net sentiment side by side. Redacted buckets are
// gaps (never zeros).
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { formatCompact, formatTime } from '../format.js';
import { h } from '../dom.js';
import { followWidth } from './follow_width.js';

const kStep = { hour: 3600, day: 86400, week: 7 * 86400, month: 31 * 86400 };
const kColours = ['#1d4ed8', '#d97706', '#059669', '#dc2626', '#7c3aed', '#0891b2', '#be185d', '#4d7c0f', '#92400e', '#475569'];

// lines: [{label, points: [{start, value|null}]}], all on the same starts.
// options: {interval, height, format(value) for the axis and readout, yRange: [min, max] or null}
export function linesChart(lines, { interval = 'day', height = 260, format = formatCompact, yRange = null, label = 'value' } = {}) {
  const starts = lines.length ? lines[0].points.map((p) => p.start) : [];
  const times = starts.map((s) => Date.parse(s) / 1000);
  const data = [times, ...lines.map((l) => l.points.map((p) => p.value))];
  const box = h('div', {
    class: 'chart chart-lines',
    role: 'img',
    'aria-label': `${label} per ${interval} of ${lines.length} series`,
    dataset: { series: String(lines.length), points: String(times.length) },
  });
  const readout = h('span', { class: 'chart-readout' }, 'Point at the chart to read a bucket.');
  const opts = {
    width: 600,
    height,
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1e3), 'Etc/UTC'),
    legend: { show: true, live: false },
    cursor: { points: { size: 6 } },
    // One bucket alone is drawn a bucket wide, not over uPlot's default years.
    scales: {
      x: { time: true, range: (u, min, max) => (min === max ? [min - kStep[interval] / 2, max + kStep[interval] / 2] : [min, max]) },
      y: yRange ? { range: () => yRange } : {},
    },
    axes: [
      { stroke: '#52606d', grid: { stroke: '#e4e7eb', width: 1 }, ticks: { stroke: '#e4e7eb' } },
      { stroke: '#52606d', grid: { stroke: '#e4e7eb', width: 1 }, ticks: { show: false }, size: 56, values: (u, splits) => splits.map((v) => format(v)) },
    ],
    series: [{}, ...lines.map((l, i) => ({
      label: l.label,
      stroke: kColours[i % kColours.length],
      width: 2,
      points: { show: times.length <= 40, size: 4 },
      spanGaps: false,
    }))],
    hooks: {
      setCursor: [(u) => {
        const i = u.cursor.idx;
        if (i === null || i === undefined) return;
        const parts = lines.map((l) => `${l.label} ${l.points[i].value === null ? 'redacted' : format(l.points[i].value)}`);
        readout.textContent = `${formatTime(starts[i], interval)}: ${parts.join(' · ')}`;
      }],
    },
  };
  const plot = new uPlot(opts, data, box);
  followWidth(plot, box, height);
  return h('figure', { class: 'chart-wrap' }, box, readout);
}
