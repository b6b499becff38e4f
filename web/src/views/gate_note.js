// What the caller's key may see, in one sentence (from /api/info's gate).
export function gateSummary(info) {
  const g = info.gate || {};
  if (!g.enabled) return info.role === 'admin' ? 'Exact answers, with ids, text and handles.' : 'Exact answers.';
  const parts = [`counts rounded down to ${g.count_quantum}`, `groups with fewer than ${g.min_group_authors} authors redacted`];
  parts.push(g.show_text ? 'tweet text shown' : 'tweet text hidden');
  parts.push(g.show_handles ? 'handles shown' : 'handles hidden');
  return `Gated answers: ${parts.join(', ')}.`;
}

// Filters that select an item of a top list, for the explorer.
export function filterFor(target, value) {
  switch (target) {
    case 'hashtags': return `#${value}`;
    case 'mentions': return `@${value}`;
    case 'lang': return `lang:${value}`;
    case 'country': return `place_country:${value}`;
    case 'terms': return /\s/.test(value) ? `"${value}"` : value;
    case 'phrases': return `"${value}"`;
    default: return `${target} == "${String(value).replace(/"/g, '\\"')}"`;
  }
}

// How an item reads in a list.
export function displayValue(target, value) {
  if (target === 'hashtags') return `#${value}`;
  if (target === 'mentions' || target === 'authors') return `@${value}`;
  return value;
}
