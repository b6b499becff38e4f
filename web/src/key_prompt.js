// Asks for an API key, checks it against /api/info and keeps it for the tab.
import { apiGet } from './api.js';
import { h, mount } from './dom.js';
import { saveKey } from './key_store.js';

// Shows the form in `root`; resolves with /api/info once a key works.
export function askForKey(root, reason = '') {
  return new Promise((resolve) => {
    const input = h('input', { id: 'api-key', name: 'api-key', type: 'password', autocomplete: 'off', required: true, 'aria-describedby': 'key-error' });
    const error = h('p', { id: 'key-error', class: 'field-error', role: 'alert', hidden: !reason }, reason);
    const form = h('form', { class: 'key-form', id: 'key-form' },
      h('h1', {}, 'Sign in to Roost'),
      h('p', { class: 'muted' }, 'Every answer needs an API key (made with roost serve --new-key). It stays in this tab only, until you close it.'),
      h('label', { class: 'field', for: 'api-key' }, h('span', { class: 'field-label' }, 'API key'), input, error),
      h('button', { type: 'submit', class: 'primary' }, 'Open the dashboard'));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const key = input.value.trim();
      try {
        const info = await apiGet('info', {}, { key });
        saveKey(key);
        resolve(info);
      } catch (err) {
        error.textContent = err.status === 401 ? 'That key is not valid for this server.' : err.message;
        error.hidden = false;
        input.select();
      }
    });
    mount(root, h('div', { class: 'key-page' }, form));
    input.focus();
  });
}
