// The dashboard: asks for a key, then draws the page the URL names and
// draws it again whenever the URL's page or question changes.
import '../styles/app.css';
import { apiGet, onUnauthorized } from './api.js';
import { h, mount } from './dom.js';
import { forgetKey, loadKey } from './key_store.js';
import { askForKey } from './key_prompt.js';
import { kPages, readRoute, routeHref } from './router.js';
import * as overview from './pages/overview.js';
import * as explorer from './pages/explorer.js';
import * as trends from './pages/trends.js';
import * as spikes from './pages/spikes.js';
import * as forecast from './pages/forecast.js';
import * as brands from './pages/brands.js';

const kRenderers = { overview, explorer, trends, spikes, forecast, brands };
const main = document.getElementById('main');
const nav = document.getElementById('nav');
const who = document.getElementById('who');
let info = null;
let current = null;  // AbortController of the page on show
let views = 0;  // pages drawn, so a test can tell a new view from the last

function drawChrome() {
  const { page } = readRoute();
  // The pages are offered once a key works.
  mount(nav, !info ? [] : kPages.map((p) => h('a', { href: routeHref(p.id), 'aria-current': p.id === page ? 'page' : false, dataset: { page: p.id } }, p.title)));
  mount(who, info ? [h('span', { class: 'role', dataset: { role: info.role } }, `${info.role} · ${info.key_id}`),
    h('button', { type: 'button', class: 'quiet', onclick: signOut }, 'Sign out')] : []);
}

function drawPage() {
  current?.abort();
  current = new AbortController();
  const { page, params } = readRoute();
  drawChrome();
  document.title = `${kPages.find((p) => p.id === page).title} · Roost`;
  main.dataset.page = page;
  main.dataset.view = String(++views);
  kRenderers[page].render(main, params, { info, signal: current.signal });
}

async function signIn(reason = '') {
  current?.abort();
  info = null;
  drawChrome();
  info = await askForKey(main, reason);
  drawPage();
}

function signOut() {
  forgetKey();
  signIn();
}

async function start() {
  window.addEventListener('hashchange', () => info && drawPage());
  onUnauthorized(() => {
    if (!info) return;
    forgetKey();
    signIn('The server no longer accepts that key.');
  });
  if (!loadKey()) return signIn();
  try {
    info = await apiGet('info');
  } catch (e) {
    return signIn(e.status === 401 ? '' : e.message);
  }
  drawPage();
}

start();
