// Overview: the whole archive at a glance: volume over time and the top
// languages, countries, hashtags and mentions.
import { apiGet } from '../api.js';
import { h, mount } from '../dom.js';
import { formatCount, formatTime } from '../format.js';
import { timeChart } from '../charts/time_chart.js';
import { displayValue, filterFor, gateSummary } from '../views/gate_note.js';
import { panel, stat } from '../views/panel.js';
import { empty, fill, withheld } from '../views/states.js';
import { topList } from '../views/top_list.js';
import { navigate } from '../router.js';

const kLists = [
  { target: 'lang', title: 'Languages' },
  { target: 'country', title: 'Countries' },
  { target: 'hashtags', title: 'Top hashtags' },
  { target: 'mentions', title: 'Top mentions' },
];

// Hourly buckets for up to a month, daily beyond.
export async function volumeSeries(params, signal) {
  const days = await apiGet('series', { ...params, interval: 'day' }, { signal });
  if (days.redacted || (days.buckets || []).length > 31) return days;
  return apiGet('series', { ...params, interval: 'hour' }, { signal });
}

export function render(root, params, { info, signal }) {
  const stats = h('div', { class: 'stats' });
  const volume = panel('Volume over time', { id: 'volume', wide: true, note: 'Tweets per bucket, UTC.' });
  const lists = kLists.map((l) => ({ ...l, ...panel(l.title, { id: `top-${l.target}` }) }));
  mount(root,
    h('div', { class: 'page-head' }, h('h1', {}, 'Overview'), h('p', { class: 'muted' }, 'Every tweet in the archive. ', gateSummary(info))),
    stats, volume.el, h('div', { class: 'grid' }, lists.map((l) => l.el)));

  mount(stats, stat('Tweets', formatCount(info.tweets), { id: 'stat-tweets' }));
  fill(volume.body, async () => {
    const s = await volumeSeries({}, signal);
    if (s.redacted) return withheld(s.reason);
    const buckets = s.buckets || [];
    if (!buckets.length) return empty('The archive holds no tweets yet.', s.empty_because || []);
    const shown = buckets.filter((b) => !b.redacted);
    const peak = shown.reduce((a, b) => (b.tweets > (a?.tweets ?? -1) ? b : a), null);
    stats.append(
      stat('From', formatTime(buckets[0].start, 'day'), { id: 'stat-from' }),
      stat('To', formatTime(buckets[buckets.length - 1].start, 'day'), { id: 'stat-to' }),
      stat(`Busiest ${s.interval}`, peak ? formatCount(peak.tweets) : '—', { hint: peak ? formatTime(peak.start, s.interval) : '', id: 'stat-peak' }));
    return timeChart(buckets, { interval: s.interval, height: 260 });
  }, signal, 'Loading volume');
  const handlesHidden = info.gate?.enabled && !info.gate.show_handles;
  for (const l of lists) {
    if (l.target === 'mentions' && handlesHidden) {
      mount(l.body, withheld('mentions name people, and your key may not see handles.'));
      continue;
    }
    fill(l.body, async () => {
      const top = await apiGet('top', { target: l.target, limit: 10 }, { signal });
      return topList(top, {
        gate: info.gate,
        display: (v) => displayValue(l.target, v),
        onPick: (v) => navigate('explorer', { filter: filterFor(l.target, v) }),
      });
    }, signal, `Loading ${l.title.toLowerCase()}`);
  }
}
