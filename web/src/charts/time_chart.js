// A time series chart on uPlot: one line of counts over bucket starts, with
// redacted buckets drawn as hatched grey bands (never as zeros) and
// optional highlighted ranges (spikes) behind the line.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { formatCompact, formatCount, formatTime } from '../format.js';
import { h } from '../dom.js';
import { followWidth } from './follow_width.js';

const kLine = '#1d4ed8';
const kFill = 'rgba(29, 78, 216, 0.10)';
const kRedacted = 'rgba(82, 96, 109, 0.28)';
const kHighlight = 'rgba(217, 119, 6, 0.16)';

function hatch(ctx) {
  const c = document.createElement('canvas');
  c.width = 8;
  c.height = 8;
  const g = c.getContext('2d');
  g.strokeStyle = kRedacted;
  g.lineWidth = 2;
  g.beginPath();
  g.moveTo(0, 8);
  g.lineTo(8, 0);
  g.stroke();
  return ctx.createPattern(c, 'repeat');
}

// The right edge of bucket i: the next start, or one more step.
function bucketEnd(times, i) {
  if (i + 1 < times.length) return times[i + 1];
  return times[i] + (times.length > 1 ? times[1] - times[0] : 3600);
}

// 24-hour times, and the date where a day starts (UTC).
function axisLabel(ts) {
  const d = new Date(ts * 1000);
  if (d.getUTCHours() === 0 && d.getUTCMinutes() === 0) return formatTime(d.toISOString(), 'day').replace(/ \d{4}$/, '');
  return `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
}

function fillRanges(u, ranges, style) {
  const { ctx, bbox } = u;
  ctx.save();
  ctx.fillStyle = style;
  for (const [from, to] of ranges) {
    const x0 = u.valToPos(from, 'x', true);
    const x1 = u.valToPos(to, 'x', true);
    ctx.fillRect(x0, bbox.top, Math.max(1, x1 - x0), bbox.height);
  }
  ctx.restore();
}

// points: [{start: ISO, tweets: number|null, redacted: bool}]
// options: {label, interval, height, highlights: [[fromSec, toSec]]}
export function timeChart(points, { label = 'Tweets', interval = 'hour', height = 240, highlights = [] } = {}) {
  const times = points.map((p) => Date.parse(p.start) / 1000);
  const values = points.map((p) => (p.redacted ? null : p.tweets));
  const redactedRanges = [];
  points.forEach((p, i) => p.redacted && redactedRanges.push([times[i], bucketEnd(times, i)]));
  const shown = values.filter((v) => v !== null);

  const box = h('div', {
    class: 'chart',
    role: 'img',
    'aria-label': `${label} per ${interval}: ${shown.length} buckets shown, ${redactedRanges.length} redacted`,
    dataset: {
      points: String(shown.length),
      redacted: String(redactedRanges.length),
      total: String(shown.reduce((a, b) => a + b, 0)),
      highlights: String(highlights.length),
    },
  });
  const kHint = 'Point at the chart to read a bucket.';
  const readout = h('span', { class: 'chart-readout' }, kHint);
  let pattern = null;
  const opts = {
    width: 600,
    height,
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1e3), 'Etc/UTC'),
    legend: { show: false },
    cursor: { points: { size: 7 } },
    scales: { x: { time: true }, y: { range: (u, min, max) => [0, Math.max(1, max) * 1.08] } },
    axes: [
      { stroke: '#52606d', grid: { stroke: '#e4e7eb', width: 1 }, ticks: { stroke: '#e4e7eb' }, values: (u, splits) => splits.map(axisLabel) },
      {
        stroke: '#52606d',
        grid: { stroke: '#e4e7eb', width: 1 },
        ticks: { show: false },
        size: 56,
        values: (u, splits) => splits.map((v) => formatCompact(v)),
      },
    ],
    series: [
      {},
      {
        label,
        stroke: kLine,
        width: 2,
        fill: kFill,
        points: { show: points.length <= 60, size: 4 },
        spanGaps: false,
      },
    ],
    hooks: {
      setCursor: [(u) => {
        const i = u.cursor.idx;
        if (i === null || i === undefined) {
          readout.textContent = kHint;
          return;
        }
        const when = formatTime(points[i].start, interval);
        readout.textContent = points[i].redacted ? `${when}: redacted (too few authors)` : `${when}: ${formatCount(values[i])} tweets`;
      }],
      drawAxes: [(u) => fillRanges(u, highlights, kHighlight)],
      draw: [
        (u) => {
          if (!redactedRanges.length) return;
          pattern = pattern || hatch(u.ctx);
          fillRanges(u, redactedRanges, pattern);
        },
      ],
    },
  };
  const plot = new uPlot(opts, [times, values], box);
  followWidth(plot, box, height);
  const wrap = h('figure', { class: 'chart-wrap' }, box, readout);
  if (redactedRanges.length) {
    wrap.appendChild(
      h('figcaption', { class: 'chart-note' },
        h('span', { class: 'swatch swatch-redacted', 'aria-hidden': 'true' }),
        `${redactedRanges.length} ${redactedRanges.length === 1 ? 'bucket' : 'buckets'} redacted: too few authors to show`),
    );
  }
  if (highlights.length) {
    wrap.appendChild(
      h('figcaption', { class: 'chart-note' }, h('span', { class: 'swatch swatch-highlight', 'aria-hidden': 'true' }), 'detected spikes'),
    );
  }
  return wrap;
}
