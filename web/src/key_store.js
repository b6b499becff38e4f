// The API key lives in sessionStorage: it survives a reload of the tab but
// not the closing of the browser, and it is never put in a URL.
const kName = 'roost.api_key';

export function loadKey() {
  try {
    return sessionStorage.getItem(kName) || '';
  } catch {
    return '';
  }
}

export function saveKey(key) {
  sessionStorage.setItem(kName, key);
}

export function forgetKey() {
  sessionStorage.removeItem(kName);
}
