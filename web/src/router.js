// The URL carries the question: #/PAGE?filter=...&from=...&to=...&interval=...
// so a view can be shared as a link and a reload restores it. The key is
// never part of it.
import { queryString } from './api.js';

export const kPages = [
  { id: 'overview', title: 'Overview' },
  { id: 'explorer', title: 'Explorer' },
  { id: 'trends', title: 'Trends' },
  { id: 'spikes', title: 'Spikes' },
  { id: 'forecast', title: 'Forecast' },
  { id: 'brands', title: 'Brands' },
];

export function readRoute() {
  const hash = window.location.hash.replace(/^#\/?/, '');
  const q = hash.indexOf('?');
  const page = q < 0 ? hash : hash.slice(0, q);
  const params = Object.fromEntries(new URLSearchParams(q < 0 ? '' : hash.slice(q + 1)));
  return { page: kPages.some((p) => p.id === page) ? page : 'overview', params };
}

export function routeHref(page, params = {}) {
  return `#/${page}${queryString(params)}`;
}

// Records the question of the page on show without drawing it again.
export function replaceParams(page, params) {
  const href = routeHref(page, params);
  if (href !== window.location.hash) window.history.replaceState(null, '', href);
}

// Goes to a page (drawn by the hashchange listener).
export function navigate(page, params = {}) {
  window.location.hash = routeHref(page, params);
}
