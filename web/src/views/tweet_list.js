// Tweets as the gate lets the caller see them: ids, handles and text only
// when the answer holds them; otherwise the card says they are hidden.
import { h } from '../dom.js';
import { formatTime } from '../format.js';
import { empty, withheld } from './states.js';

export function tweetCard(t) {
  return h('article', { class: 'tweet', dataset: t.id ? { id: t.id } : {} },
    h('header', { class: 'tweet-head' },
      t.handle ? h('span', { class: 'handle' }, `@${t.handle}`) : h('span', { class: 'handle muted' }, 'author hidden'),
      h('time', { datetime: t.created_at }, formatTime(t.created_at, 'minute')),
      t.retweet_count ? h('span', { class: 'muted small' }, `${t.retweet_count} retweets`) : null),
    t.text !== undefined
      ? h('p', { class: 'tweet-text' }, t.text)
      : h('p', { class: 'tweet-text tweet-hidden' }, 'Text hidden: your key may see counts only.'),
    t.id ? h('p', { class: 'tweet-id muted small' }, `id ${t.id}`) : null);
}

// answer: /api/sample's JSON (or any {tweets: [...]}).
export function tweetList(answer) {
  if (answer.redacted) return withheld(answer.reason);
  const tweets = answer.tweets || [];
  if (!tweets.length) return empty('No tweets to show.', answer.empty_because || []);
  // Nothing but times to show: one note instead of a card per tweet.
  if (tweets.every((t) => t.text === undefined && !t.handle && !t.id)) {
    return h('div', { class: 'state state-withheld tweets-hidden' },
      h('p', {}, h('strong', {}, 'Text hidden. '), `Your key may see counts only: the text, authors and ids of ${tweets.length === 1 ? 'this tweet are' : `these ${tweets.length} tweets are`} withheld.`),
      h('p', { class: 'small' }, 'Posted ', tweets.map((t) => formatTime(t.created_at, 'minute')).join(' · ')));
  }
  return h('div', { class: 'tweets' }, tweets.map(tweetCard));
}
