#include "analysis/aggregate/metrics.h"

#include <algorithm>
#include <bit>

namespace roost::aggregate {

const char* SentimentClassName(SentimentClass c) {
  switch (c) {
    case SentimentClass::kPositive:
      return "positive";
    case SentimentClass::kNeutral:
      return "neutral";
    case SentimentClass::kNegative:
      return "negative";
    case SentimentClass::kUnscored:
      return "unscored";
  }
  return "?";
}

Result<MetricColumns> MetricColumns::Load(const storage::SegmentReader& r, const MetricSet& set,
                                          ColumnCache* cache) {
  MetricColumns c;
  c.set_ = set;
  if (set.authors) {
    ROOST_ASSIGN_OR_RETURN(c.authors_, cache->AuthorIds(r));
    ROOST_ASSIGN_OR_RETURN(c.followers_, cache->IntColumn(r, "followers"));
  }
  if (set.kinds) {
    ROOST_ASSIGN_OR_RETURN(c.retweet_of_, cache->IntColumn(r, "retweet_of"));
    ROOST_ASSIGN_OR_RETURN(c.reply_to_, cache->IntColumn(r, "reply_to"));
    ROOST_ASSIGN_OR_RETURN(c.quote_of_, cache->IntColumn(r, "quote_of"));
  }
  if (set.engagement) {
    ROOST_ASSIGN_OR_RETURN(c.retweet_count_, cache->IntColumn(r, "retweet_count"));
    ROOST_ASSIGN_OR_RETURN(c.favorite_count_, cache->IntColumn(r, "favorite_count"));
    ROOST_ASSIGN_OR_RETURN(c.reply_count_, cache->IntColumn(r, "reply_count"));
    ROOST_ASSIGN_OR_RETURN(c.quote_count_, cache->IntColumn(r, "quote_count"));
  }
  if (set.sentiment) {
    ROOST_ASSIGN_OR_RETURN(c.scored_, cache->IntColumn(r, "sentiment_scored"));
    ROOST_ASSIGN_OR_RETURN(c.sentiment_bits_, cache->IntColumn(r, "sentiment"));
  }
  return c;
}

void MetricsAccumulator::Merge(MetricsAccumulator&& o) {
  m_.tweets += o.m_.tweets;
  m_.retweets += o.m_.retweets;
  m_.replies += o.m_.replies;
  m_.quotes += o.m_.quotes;
  m_.engagement += o.m_.engagement;
  m_.scored += o.m_.scored;
  m_.sentiment_sum += o.m_.sentiment_sum;
  m_.positive += o.m_.positive;
  m_.neutral += o.m_.neutral;
  m_.negative += o.m_.negative;
  if (!o.authors_.empty()) {
    if (authors_.empty()) {
      authors_ = std::move(o.authors_);
    } else {
      authors_.insert(authors_.end(), o.authors_.begin(), o.authors_.end());
    }
    deduped_ = false;
  }
}

TweetMetrics MetricsAccumulator::Finish() {
  if (!deduped_) {
    // Sort by author, largest follower count first, keep one entry per author.
    std::sort(authors_.begin(), authors_.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first < b.first : a.second > b.second;
    });
    authors_.erase(std::unique(authors_.begin(), authors_.end(),
                               [](const auto& a, const auto& b) { return a.first == b.first; }),
                   authors_.end());
    deduped_ = true;
  }
  m_.unique_authors = authors_.size();
  m_.reach = 0;
  for (const auto& [author, followers] : authors_)
    m_.reach += static_cast<uint64_t>(std::max<int64_t>(followers, 0));
  return m_;
}

}  // namespace roost::aggregate
