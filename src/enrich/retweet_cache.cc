#include "enrich/retweet_cache.h"

#include <functional>
#include <string_view>

namespace roost {

namespace {

// The results the cache keeps, copied between a Tweet and an entry either
// way: one list of the fields for both directions.
template <typename From, typename To>
void CopyResults(const From& from, To* to) {
  to->detected_lang = from.detected_lang;
  to->lang_confidence = from.lang_confidence;
  to->terms = from.terms;
  to->sentiment_scored = from.sentiment_scored;
  to->sentiment_model = from.sentiment_model;
  to->sentiment = from.sentiment;
}

}  // namespace

std::pair<RetweetCache::Shard*, RetweetCache::Entry*> RetweetCache::SlotFor(const Tweet& t) {
  const size_t h = std::hash<std::string_view>()(t.text);
  Shard* shard = &shards_[h % kShards];
  return {shard, &shard->slots[(h / kShards) % kSlotsPerShard]};
}

bool RetweetCache::Fill(Tweet* t) {
  auto [shard, e] = SlotFor(*t);
  std::lock_guard<std::mutex> lock(shard->mu);
  if (e->text != t->text || e->lang != t->lang) return false;
  CopyResults(*e, t);
  return true;
}

void RetweetCache::Store(const Tweet& t) {
  auto [shard, e] = SlotFor(t);
  std::lock_guard<std::mutex> lock(shard->mu);
  e->lang = t.lang;
  e->text = t.text;
  CopyResults(t, e);
}

}  // namespace roost
