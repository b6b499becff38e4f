// The per-group metrics every analysis reports (docs/ANALYSES.md): tweets,
// unique authors, retweets/replies/quotes, potential reach, engagement and
// sentiment. MetricColumns loads, per segment, only the columns the chosen
// metrics need; MetricsAccumulator gathers rows of one group (a bucket, an
// item) and Finish() turns them into exact TweetMetrics.
#ifndef ROOST_ANALYSIS_AGGREGATE_METRICS_H_
#define ROOST_ANALYSIS_AGGREGATE_METRICS_H_

#include <algorithm>
#include <bit>
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
  return compound >= kPositiveAt   ? SentimentClass::kPositive
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

  double sentiment_mean() const {
    return scored ? sentiment_sum / static_cast<double>(scored) : 0.0;
  }
  // (pos - neg) / (pos + neg); 0 when neither.
  double net_sentiment() const {
    const uint64_t d = positive + negative;
    return d ? (static_cast<double>(positive) - static_cast<double>(negative)) /
                   static_cast<double>(d)
             : 0.0;
  }
};

// Columns of one segment, from the cache; shared by all groups.
class MetricColumns {
 public:
  static Result<MetricColumns> Load(const storage::SegmentReader& reader, const MetricSet& set,
                                    ColumnCache* cache);

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

// Inline: called once per row, in the innermost loops.
inline void MetricsAccumulator::Add(const MetricColumns& c, uint32_t row) {
  ++m_.tweets;
  if (c.set_.authors) {
    authors_.emplace_back(c.Author(row), c.Followers(row));
    deduped_ = false;
  }
  if (c.set_.kinds) {
    m_.retweets += (*c.retweet_of_)[row] != 0;
    m_.replies += (*c.reply_to_)[row] != 0;
    m_.quotes += (*c.quote_of_)[row] != 0;
  }
  if (c.set_.engagement) {
    // Counts are never negative in valid data; clamp so a bad value cannot wrap.
    auto pos = [](int64_t v) { return static_cast<uint64_t>(std::max<int64_t>(v, 0)); };
    m_.engagement += pos((*c.retweet_count_)[row]) + pos((*c.favorite_count_)[row]) +
                     pos((*c.reply_count_)[row]) + pos((*c.quote_count_)[row]);
  }
  if (c.set_.sentiment) {
    const float s = std::bit_cast<float>(static_cast<uint32_t>((*c.sentiment_bits_)[row]));
    switch (ClassifySentiment((*c.scored_)[row] != 0, s)) {
      case SentimentClass::kPositive:
        ++m_.positive;
        break;
      case SentimentClass::kNeutral:
        ++m_.neutral;
        break;
      case SentimentClass::kNegative:
        ++m_.negative;
        break;
      case SentimentClass::kUnscored:
        return;
    }
    ++m_.scored;
    m_.sentiment_sum += s;
  }
}

}  // namespace roost::aggregate

#endif  // ROOST_ANALYSIS_AGGREGATE_METRICS_H_
