// The loading, empty, withheld and error states every panel shows.
import { h } from '../dom.js';

export function loading(what = 'Loading') {
  return h('div', { class: 'state state-loading', role: 'status', 'aria-live': 'polite' },
    h('span', { class: 'spinner', 'aria-hidden': 'true' }), `${what}…`);
}

// Nothing matched; `reasons` are the API's empty_because lines.
export function empty(message, reasons = []) {
  return h('div', { class: 'state state-empty' }, h('p', {}, message),
    reasons.length ? h('ul', { class: 'reasons' }, reasons.map((r) => h('li', {}, r))) : null);
}

// A whole answer the privacy gate held back.
export function withheld(reason) {
  return h('div', { class: 'state state-withheld' },
    h('p', {}, h('strong', {}, 'Redacted. '), reason || 'too few authors to show this answer'));
}

export function errorState(err) {
  const code = err && err.code ? err.code : 'error';
  return h('div', { class: 'state state-error', role: 'alert' },
    h('p', {}, h('strong', {}, code === 'unauthorized' ? 'Not allowed. ' : 'Could not load. '), err?.message || String(err)),
    h('p', { class: 'muted small' }, `code: ${code}`));
}

// A state for an endpoint this server does not answer yet.
export function unavailable(endpoint) {
  return h('div', { class: 'state state-empty' },
    h('p', {}, `This server does not answer ${endpoint}. It needs a newer roost serve.`));
}

// Runs `load` and puts its result, or the matching state, into `panel`.
// Answers that arrive after `signal` aborted are dropped.
export async function fill(panel, load, signal, what) {
  panel.replaceChildren(loading(what));
  panel.setAttribute('aria-busy', 'true');
  try {
    const content = await load();
    if (signal?.aborted) return;
    panel.replaceChildren(content);
  } catch (e) {
    if (e.name === 'AbortError' || signal?.aborted) return;
    panel.replaceChildren(errorState(e));
  } finally {
    panel.removeAttribute('aria-busy');
  }
}
