// Forecast: the next buckets of a filter's volume with 80% and 95%
// intervals (/api/forecast), drawn after the history they were fitted on,
// and how the chosen model did in its backtest against seasonal naive.
import { ApiError, apiGet } from '../api.js';
import { h, mount } from '../dom.js';
import { formatCount, formatTime } from '../format.js';
import { forecastChart } from '../charts/forecast_chart.js';
import { gateSummary } from '../views/gate_note.js';
import { panel } from '../views/panel.js';
import { empty, fill, unavailable, withheld } from '../views/states.js';
import { navigate } from '../router.js';

const kIntervals = ['hour', 'day'];
const kDefaultHorizon = { hour: 24, day: 7 };

// "beats seasonal naive: MAE 0.77 of it; 80% intervals held 78% of the time"
export function backtestSentence(b) {
  if (!b || !b.origins) return 'No backtest: too little history to score a forecast.';
  const s = b.selected;
  const pct = (x) => `${Math.round(100 * x)}%`;
  const held = `80% intervals held ${pct(s.coverage80)} of the time, 95% intervals ${pct(s.coverage95)}`;
  if (s.mae_ratio === null || s.mae_ratio === undefined) return `matches seasonal naive exactly (no error to compare); ${held}`;
  const verdict = s.mae_ratio < 1 ? 'beats seasonal naive' : 'does not beat seasonal naive';
  return `${verdict}: MAE ${s.mae_ratio.toFixed(2)} of it; ${held}`;
}

function question(params) {
  const interval = kIntervals.includes(params.interval) ? params.interval : 'hour';
  const horizon = Number.parseInt(params.horizon, 10);
  return {
    filter: params.filter || '',
    from: params.from || '',
    to: params.to || '',
    interval,
    horizon: horizon >= 1 && horizon <= 10000 ? horizon : kDefaultHorizon[interval],
  };
}

function summary(a) {
  const model = a.model === 'combination' ? `mean of ${a.combined.join(', ')}` : a.model;
  const first = a.forecast[0];
  const lastStep = a.forecast[a.forecast.length - 1];
  return h('div', { class: 'forecast-summary' },
    h('p', { class: 'backtest', id: 'forecast-backtest' }, h('strong', {}, 'Backtest: '), backtestSentence(a.backtest)),
    h('p', { class: 'muted small' },
      `Model ${model}. ${formatCount(a.history.steps)} ${a.interval}s of history; ${a.forecast.length} forecast from ` +
      `${formatTime(first.timestamp, a.interval)} to ${formatTime(lastStep.timestamp, a.interval)}` +
      (a.backtest.origins ? `; scored at ${a.backtest.origins} origins, ${a.backtest.horizon} ${a.interval}s ahead.` : '.')),
    a.warnings.length ? h('ul', { class: 'reasons' }, a.warnings.map((w) => h('li', {}, w))) : null);
}

export function render(root, params, { info, signal }) {
  const q = question(params);
  const filterBox = h('input', { id: 'forecast-filter', type: 'search', value: q.filter, placeholder: 'optional: only the tweets this filter matches', autocomplete: 'off', spellcheck: 'false' });
  const intervalSelect = h('select', { id: 'forecast-interval' }, kIntervals.map((v) => h('option', { value: v, selected: v === q.interval }, v)));
  const horizonBox = h('input', { id: 'forecast-horizon', type: 'number', min: '1', max: '10000', value: String(q.horizon), class: 'narrow' });
  const form = h('form', { class: 'query', role: 'search' },
    h('label', { class: 'field field-filter', for: 'forecast-filter' }, h('span', { class: 'field-label' }, 'Filter'), filterBox),
    h('label', { class: 'field', for: 'forecast-interval' }, h('span', { class: 'field-label' }, 'Interval'), intervalSelect),
    h('label', { class: 'field', for: 'forecast-horizon' }, h('span', { class: 'field-label' }, 'Buckets ahead'), horizonBox),
    h('button', { type: 'submit', class: 'primary' }, 'Forecast'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    navigate('forecast', { ...q, filter: filterBox.value.trim(), interval: intervalSelect.value, horizon: horizonBox.value });
  });
  const chart = panel('History and forecast', { id: 'forecast-chart', wide: true });
  mount(root,
    h('div', { class: 'page-head' }, h('h1', {}, 'Forecast'),
      h('p', { class: 'muted' }, 'The next buckets of the volume, with the intervals its own backtest calibrated. ', gateSummary(info))),
    form, chart.el);

  fill(chart.body, async () => {
    let a;
    try {
      a = await apiGet('forecast', q, { signal });
    } catch (e) {
      if (e instanceof ApiError && e.status === 404 && e.message.startsWith('no endpoint')) return unavailable('/api/forecast');
      throw e;
    }
    if (a.redacted) return withheld(a.reason);
    if (a.empty_because?.length) return empty('No tweets match.', a.empty_because);
    return h('div', {}, summary(a), forecastChart(a));
  }, signal, 'Fitting the forecast');
}
