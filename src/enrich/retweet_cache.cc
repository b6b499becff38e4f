#include "enrich/retweet_cache.h"

#include <functional>
#include <string_view>

namespace roost {

std::pair<RetweetCache::Shard*, RetweetCache::Entry*> RetweetCache::SlotFor(const Tweet& t) {
  const size_t h = std::hash<std::string_view>()(t.text);
  Shard* shard = &shards_[h % kShards];
  return {shard, &shard->slots[(h / kShards) % kSlotsPerShard]};
}

bool RetweetCache::Fill(Tweet* t) {
  auto [shard, e] = SlotFor(*t);
  std::lock_guard<std::mutex> lock(shard->mu);
  if (e->text != t->text || e->lang != t->lang) return false;
  t->detected_lang = e->detected_lang;
  t->lang_confidence = e->lang_confidence;
  t->terms = e->terms;
  t->sentiment_scored = e->sentiment_scored;
  t->sentiment = e->sentiment;
  return true;
}

void RetweetCache::Store(const Tweet& t) {
  auto [shard, e] = SlotFor(t);
  std::lock_guard<std::mutex> lock(shard->mu);
  e->lang = t.lang;
  e->text = t.text;
  e->detected_lang = t.detected_lang;
  e->lang_confidence = t.lang_confidence;
  e->terms = t.terms;
  e->sentiment_scored = t.sentiment_scored;
  e->sentiment = t.sentiment;
}

}  // namespace roost
