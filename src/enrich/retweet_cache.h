// RetweetCache: language, terms and sentiment of retweet texts, shared by
// the threads of one Enricher. Retweets of one tweet share their text
// ("RT @author: ..."), and those results depend only on the text and the
// platform's language tag, so a hit gives exactly what the steps would
// compute. Shared rather than per thread: each worker sees only its own
// batches, so per-thread caches missed the retweets the other one had seen
// (hits 31-34% of retweets per thread against 51% shared, simulated).
#ifndef ROOST_ENRICH_RETWEET_CACHE_H_
#define ROOST_ENRICH_RETWEET_CACHE_H_

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "roost/tweet.h"

namespace roost {

class RetweetCache {
 public:
  static bool Applies(const Tweet& t) { return t.text.size() > 4 && t.text.compare(0, 4, "RT @") == 0; }

  // Copies the cached results into *t when its text and tag were seen.
  bool Fill(Tweet* t);
  // Remembers t's results (computed by the steps) for its text and tag.
  void Store(const Tweet& t);

 private:
  // Direct-mapped slots in shards, each behind its own lock, so the
  // workers rarely wait for one another.
  static constexpr size_t kShards = 64;
  static constexpr size_t kSlotsPerShard = 128;
  struct Entry {
    std::string lang, text;  // the key
    std::string detected_lang;
    float lang_confidence = 0;
    TermList terms;
    bool sentiment_scored = false;
    SentimentModel sentiment_model = SentimentModel::kNone;
    float sentiment = 0;
  };
  struct Shard {
    std::mutex mu;
    std::vector<Entry> slots{kSlotsPerShard};
  };
  // The shard and the slot within it for a tweet's text.
  std::pair<Shard*, Entry*> SlotFor(const Tweet& t);

  std::unique_ptr<Shard[]> shards_ = std::make_unique<Shard[]>(kShards);
};

}  // namespace roost

#endif  // ROOST_ENRICH_RETWEET_CACHE_H_
