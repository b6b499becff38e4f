// The per-group metrics every analysis reports (docs/ANALYSES.md): tweets,
// unique authors, retweets/replies/quotes, potential reach, engagement and
// sentiment. MetricColumns loads, per segment, only the columns the chosen
// metrics need; MetricsAccumulator gathers rows of one group (a bucket, an
// item) and Finish() turns them into exact TweetMetrics.
#ifndef ROOST_ANALYSIS_AGGREGATE_METRICS_H_
#define ROOST_ANALYSIS_AGGREGATE_METRICS_H_

#include <cstdint>
#include <utility>
#include <vector>

#include "analysis/aggregate/column_cache.h"
#include "roost/status.h"
#include "storage/segment_reader.h"

namespace roost::aggregate {

// Which metric families to compute; tweets are always counted.
struct MetricSet {
  bool authors = true;     // unique authors and reach
  bool kinds = true;       // retweets, replies, quotes
  bool engagement = true;  // retweet + favorite + reply + quote counts
  bool sentiment = true;   // mean, positive/neutral/negative, net
  static MetricSet TweetsOnly() { return {false, false, false, false}; }
};

// VADER's usual cut-offs on the compound score.
inline constexpr float kPositiveAt = 0.05f, kNegativeAt = -0.05f;
enum class SentimentClass : uint8_t { kPositive, kNeutral, kNegative, kUnscored };
inline SentimentClass ClassifySentiment(bool scored, float compound) {
  if (!scored) return SentimentClass::kUnscored;
  return compound >= kPositiveAt ? SentimentClass::kPositive
         : compound <= kNegativeAt ? SentimentClass::kNegative
                                   : SentimentClass::kNeutral;
}
const char* SentimentClassName(SentimentClass c);  // "positive" ... "unscored"

struct TweetMetrics {
  uint64_t tweets = 0;
  uint64_t unique_authors = 0;
  uint64_t retweets = 0, replies = 0, quotes = 0;
  uint64_t reach = 0;       // sum over unique authors of their largest follower count seen
  uint64_t engagement = 0;  // sum of retweet, favorite, reply and quote counts
  uint64_t scored = 0;      // tweets with a sentiment score (language with a lexicon)
  double sentiment_sum = 0;
  uint64_t positive = 0, neutral = 0, negative = 0;

  double sentiment_mean() const { return scored ? sentiment_sum / static_cast<double>(scored) : 0.0; }
  // (pos - neg) / (pos + neg); 0 when neither.
  double net_sentiment() const {
    const uint64_t d = positive + negative;
    return d ? (static_cast<double>(positive) - static_cast<double>(negative)) / static_cast<double>(d) : 0.0;
  }
};

// Columns of one segment, from the cache; shared by all groups.
class MetricColumns {
 public:
  static Result<MetricColumns> Load(const storage::SegmentReader& reader, const MetricSet& set, ColumnCache* cache);

  uint64_t Author(uint32_t row) const { return (*authors_)[row]; }
  int64_t Followers(uint32_t row) const { return (*followers_)[row]; }

 private:
  friend class MetricsAccumulator;
  MetricSet set_;
  ColumnCache::Authors authors_;
  ColumnCache::Ints followers_, retweet_of_, reply_to_, quote_of_;
  ColumnCache::Ints retweet_count_, favorite_count_, reply_count_, quote_count_;
  ColumnCache::Ints scored_, sentiment_bits_;
};

class MetricsAccumulator {
 public:
  void Add(const MetricColumns& cols, uint32_t row);
  // Adds another accumulator's rows (same MetricSet).
  void Merge(MetricsAccumulator&& other);
  // Exact metrics; sorts the author list, so call once at the end.
  TweetMetrics Finish();
  uint64_t tweets() const { return m_.tweets; }

 private:
  TweetMetrics m_;
  std::vector<std::pair<uint64_t, int64_t>> authors_;  // (author id, followers) per row
  bool deduped_ = true;
};

}  // namespace roost::aggregate

#endif  // ROOST_ANALYSIS_AGGREGATE_METRICS_H_
