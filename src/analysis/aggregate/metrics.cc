#include "analysis/aggregate/metrics.h"

#include <algorithm>
#include <bit>
#include <charconv>

namespace roost::aggregate {

const char* SentimentClassName(SentimentClass c) {
  switch (c) {
    case SentimentClass::kPositive: return "positive";
    case SentimentClass::kNeutral: return "neutral";
    case SentimentClass::kNegative: return "negative";
    case SentimentClass::kUnscored: return "unscored";
  }
  return "?";
}

Result<MetricColumns> MetricColumns::Load(const storage::SegmentReader& r, const MetricSet& set) {
  MetricColumns c;
  c.set_ = set;
  if (set.authors) {
    ROOST_ASSIGN_OR_RETURN(c.user_ids_, r.ReadDimIds("user"));
    ROOST_ASSIGN_OR_RETURN(c.users_, r.Dictionary("user"));
    c.author_of_id_.assign(c.users_.size(), 0);
    ROOST_ASSIGN_OR_RETURN(c.followers_, r.ReadInts("followers"));
  }
  if (set.kinds) {
    ROOST_ASSIGN_OR_RETURN(c.retweet_of_, r.ReadInts("retweet_of"));
    ROOST_ASSIGN_OR_RETURN(c.reply_to_, r.ReadInts("reply_to"));
    ROOST_ASSIGN_OR_RETURN(c.quote_of_, r.ReadInts("quote_of"));
  }
  if (set.engagement) {
    ROOST_ASSIGN_OR_RETURN(c.retweet_count_, r.ReadInts("retweet_count"));
    ROOST_ASSIGN_OR_RETURN(c.favorite_count_, r.ReadInts("favorite_count"));
    ROOST_ASSIGN_OR_RETURN(c.reply_count_, r.ReadInts("reply_count"));
    ROOST_ASSIGN_OR_RETURN(c.quote_count_, r.ReadInts("quote_count"));
  }
  if (set.sentiment) {
    ROOST_ASSIGN_OR_RETURN(c.scored_, r.ReadInts("sentiment_scored"));
    ROOST_ASSIGN_OR_RETURN(c.sentiment_bits_, r.ReadInts("sentiment"));
  }
  return c;
}

uint64_t MetricColumns::Author(uint32_t row) {
  const uint32_t id = user_ids_[row];
  uint64_t& a = author_of_id_[id];
  if (a == 0) {
    const std::string_view s = users_.value(id);
    std::from_chars(s.data(), s.data() + s.size(), a);
    if (a == 0) a = ~uint64_t{0};  // unparsable: still one distinct author
  }
  return a;
}

void MetricsAccumulator::Add(MetricColumns& c, uint32_t row) {
  ++m_.tweets;
  if (c.set_.authors) {
    authors_.emplace_back(c.Author(row), c.followers_[row]);
    deduped_ = false;
  }
  if (c.set_.kinds) {
    m_.retweets += c.retweet_of_[row] != 0;
    m_.replies += c.reply_to_[row] != 0;
    m_.quotes += c.quote_of_[row] != 0;
  }
  if (c.set_.engagement) {
    // Counts are never negative in valid data; clamp so a bad value cannot wrap.
    auto pos = [](int64_t v) { return static_cast<uint64_t>(std::max<int64_t>(v, 0)); };
    m_.engagement += pos(c.retweet_count_[row]) + pos(c.favorite_count_[row]) + pos(c.reply_count_[row]) +
                     pos(c.quote_count_[row]);
  }
  if (c.set_.sentiment) {
    const float s = std::bit_cast<float>(static_cast<uint32_t>(c.sentiment_bits_[row]));
    switch (ClassifySentiment(c.scored_[row] != 0, s)) {
      case SentimentClass::kPositive: ++m_.positive; break;
      case SentimentClass::kNeutral: ++m_.neutral; break;
      case SentimentClass::kNegative: ++m_.negative; break;
      case SentimentClass::kUnscored: return;
    }
    ++m_.scored;
    m_.sentiment_sum += s;
  }
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
  for (const auto& [author, followers] : authors_) m_.reach += static_cast<uint64_t>(std::max<int64_t>(followers, 0));
  return m_;
}

}  // namespace roost::aggregate
