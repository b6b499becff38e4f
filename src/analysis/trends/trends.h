// Trends: bursting values of a window (bursts.h) grouped so that values
// that travel together (a hashtag, its invented words, the news keywords)
// form one trend. Grouping is single-link over the overlap coefficient
// |A and B| / min(|A|, |B|) of the values' tweet sets inside the window (a
// word used by half the tweets of a hashtag joins it). Each trend gets a label, an hourly
// volume curve around the window (tweets holding any of its values), its
// start/peak/end read off that curve, and its most representative tweets.
// A value takes part only when several distinct source tweets carry it (one
// tweet's retweet cascade is not a trend), and a group whose values are all
// emoji or emoticons (a mood riding on an event) is no trend of its own.
#ifndef ROOST_ANALYSIS_TRENDS_TRENDS_H_
#define ROOST_ANALYSIS_TRENDS_TRENDS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "analysis/trends/bursts.h"

namespace roost::trends {

struct TrendOptions {
  BurstOptions bursts;
  size_t max_candidates = 60;  // strongest bursts that take part in grouping
  double min_overlap = 0.5;    // two values join one trend above this
  size_t max_trends = 10;
  size_t max_terms = 10;       // values listed per trend (all of them count for its curve)
  size_t top_tweets = 3;
  int64_t curve_margin_ms = 12 * kHourMs;  // curve spans the window +- this
  bool count_authors = false;              // the privacy gate needs Trend::authors
  // A value carried by fewer distinct source tweets than this (one tweet and
  // its retweets is one source) takes no part in trends.
  uint64_t min_sources = 1;
  // A trend's label is its strongest topical value (not emoji or emoticons
  // only) with at least this many unique authors; a trend with no such value
  // gets an empty label (the CLI shows it as redacted).
  uint64_t label_min_authors = 0;
};

struct ShownTweet {
  int64_t id = 0;
  TimestampMs time = 0;
  std::string handle, text;
  int64_t retweet_count = 0;
};

struct Trend {
  std::string label;
  std::vector<Burst> terms;  // by z descending
  double score = 0;          // z of the strongest value
  uint64_t tweets = 0;       // tweets of the window holding any value
  uint64_t authors = 0;      // their unique authors (when TrendOptions::count_authors)
  TimestampMs curve_from = 0;
  std::vector<uint64_t> curve;  // hourly, from curve_from
  std::vector<uint64_t> curve_authors;  // unique authors per curve hour (when count_authors)
  TimestampMs start = 0, peak = 0, end = 0;
  uint64_t peak_count = 0;
  std::vector<ShownTweet> top_tweets;  // originals holding the most of its values
};

struct TrendResult {
  BurstResult bursts;
  std::vector<Trend> trends;  // by score descending
};

Result<TrendResult> FindTrends(const storage::Archive& archive, const query::QueryResult& selected,
                               const Dimensions& dims, Window window, const TrendOptions& options,
                               aggregate::ColumnCache* cache);

// Start, peak and end of a burst on an hourly curve: the peak hour (the
// largest among hours [peak_from, peak_to)), and the contiguous hours around
// it above level + 0.25 (peak - level), where level is the curve's median hour.
void ReadCurve(const std::vector<uint64_t>& curve, TimestampMs curve_from, TimestampMs* start, TimestampMs* peak,
               TimestampMs* end, uint64_t* peak_count, size_t peak_from = 0, size_t peak_to = SIZE_MAX);

// Whether a value names a topic: it holds a word, number, hashtag or
// cashtag, not only emoji, emoticons or punctuation ("😢", ":(").
bool IsTopical(std::string_view value);

// A display form: "#tag" for hashtags, "@x" for authors, the value otherwise.
std::string DisplayTerm(const Dimensions& dims, const TermRef& t);

}  // namespace roost::trends

#endif  // ROOST_ANALYSIS_TRENDS_TRENDS_H_
