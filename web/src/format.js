// How numbers and times read on every page (UTC, like the API's answers).
const kCount = new Intl.NumberFormat('en-US');
const kCompact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
const kMonths = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function formatCount(n) {
  return n === null || n === undefined ? '—' : kCount.format(n);
}

export function formatCompact(n) {
  return n === null || n === undefined ? '—' : kCompact.format(n);
}

export function formatDecimal(x, digits = 1) {
  return x === null || x === undefined || Number.isNaN(x) ? '—' : x.toFixed(digits);
}

// "2012-03-01T14:00:00Z" (or "+01:00") to seconds since the epoch.
export function isoToSeconds(iso) {
  return Date.parse(iso) / 1000;
}

const pad = (n) => String(n).padStart(2, '0');

// "Mar 1 2012, 14:00" in UTC; the day alone for day and coarser buckets.
export function formatTime(iso, interval = 'hour') {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const day = `${kMonths[d.getUTCMonth()]} ${d.getUTCDate()} ${d.getUTCFullYear()}`;
  if (interval === 'day' || interval === 'week' || interval === 'month') return day;
  return `${day}, ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

// "2012-03-01" of an ISO time, in UTC.
export function isoDay(iso) {
  const d = new Date(iso);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export function plural(n, one, many = `${one}s`) {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}
