// A titled card that holds one answer.
import { h } from '../dom.js';

export function panel(title, { id, wide = false, tools = null, note = null } = {}) {
  const body = h('div', { class: 'panel-body' });
  const el = h('section', { class: wide ? 'panel panel-wide' : 'panel', id, 'aria-label': title },
    h('header', { class: 'panel-head' }, h('h2', {}, title), tools),
    note ? h('p', { class: 'panel-note muted small' }, note) : null,
    body);
  return { el, body };
}

// A figure with its label: a headline number of a page.
export function stat(label, value, { id, hint } = {}) {
  return h('div', { class: 'stat', id }, h('div', { class: 'stat-label' }, label),
    h('div', { class: 'stat-value' }, value), hint ? h('div', { class: 'stat-hint muted small' }, hint) : null);
}
