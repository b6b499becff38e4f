// A ranked list with bars: one row per item, a redacted item shown as
// such (its value hidden by the gate), never as a zero.
import { h } from '../dom.js';
import { formatCount } from '../format.js';
import { empty, withheld } from './states.js';

// answer: /api/top's JSON. onPick(value): optional, makes values links.
export function topList(answer, { gate, onPick, display = (v) => v } = {}) {
  if (answer.redacted) return withheld(answer.reason);
  const items = answer.items || [];
  if (!items.length) return empty('No values here.', answer.empty_because || []);
  const max = Math.max(1, ...items.map((i) => (i.redacted ? 0 : i.tweets)));
  const minAuthors = gate?.enabled ? gate.min_group_authors : null;
  return h('ol', { class: 'toplist' }, items.map((item) => {
    if (item.redacted) {
      return h('li', { class: 'toprow toprow-redacted', dataset: { redacted: 'true' } },
        h('span', { class: 'toplabel' }, 'redacted'),
        h('span', { class: 'topbar-track', 'aria-hidden': 'true' }),
        h('span', { class: 'topcount', title: minAuthors ? `fewer than ${minAuthors} unique authors` : 'hidden by the privacy gate' }, 'hidden'));
    }
    const bar = h('span', { class: 'topbar-fill' });
    bar.style.width = `${(100 * item.tweets) / max}%`;
    const label = onPick
      ? h('button', { class: 'toplabel linklike', type: 'button', onclick: () => onPick(item.value), title: 'Explore these tweets' }, display(item.value))
      : h('span', { class: 'toplabel' }, display(item.value));
    return h('li', { class: 'toprow', dataset: { value: item.value, tweets: String(item.tweets) } },
      label, h('span', { class: 'topbar-track', 'aria-hidden': 'true' }, bar), h('span', { class: 'topcount' }, formatCount(item.tweets)));
  }));
}
