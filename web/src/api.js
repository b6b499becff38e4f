// The JSON API client: every call carries the Bearer key, and every
// failure becomes an ApiError with the server's code and message.
import { loadKey } from './key_store.js';

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

// Drops empty parameters so the server applies its defaults.
export function queryString(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

// GET /api/<endpoint>: the parsed JSON, or throws ApiError. A 401 also
// tells `onUnauthorized` listeners, so the app can ask for a key again.
export async function apiGet(endpoint, params = {}, { signal, key } = {}) {
  let res;
  try {
    res = await fetch(`/api/${endpoint}${queryString(params)}`, {
      headers: { Authorization: `Bearer ${key ?? loadKey()}` },
      signal,
    });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, 'unavailable', 'the server cannot be reached');
  }
  let body = null;
  try {
    body = await res.json();
  } catch {
    throw new ApiError(res.status, 'internal', `the server answered ${res.status} without JSON`);
  }
  if (!res.ok) {
    const err = body && body.error ? body.error : { code: 'internal', message: `HTTP ${res.status}` };
    if (res.status === 401) unauthorizedListeners.forEach((f) => f());
    throw new ApiError(res.status, err.code, err.message);
  }
  return body;
}

const unauthorizedListeners = [];
export function onUnauthorized(f) {
  unauthorizedListeners.push(f);
}
