// roost top and nested breakdowns (PYLON's freqDist and nested freqDist):
// the most frequent values of a dimension among the selected tweets, and
// under each of them the most frequent values of a second and third one.
// Counting is exact: pass one counts every value path per segment and merges
// the counts by value; pass two computes the full metrics (unique authors,
// reach, ...) of the value paths that are shown.
#ifndef ROOST_ANALYSIS_AGGREGATE_BREAKDOWN_H_
#define ROOST_ANALYSIS_AGGREGATE_BREAKDOWN_H_

#include <string>
#include <vector>

#include "analysis/aggregate/dimension.h"
#include "analysis/aggregate/metrics.h"
#include "query/executor.h"
#include "query/tags.h"
#include "storage/archive.h"

namespace roost::aggregate {

enum class RankBy { kTweets, kAuthors, kReach, kEngagement };
Result<RankBy> ParseRankBy(std::string_view name);
const char* RankByName(RankBy r);

struct BreakdownSpec {
  std::vector<DimensionSpec> levels;  // 1 to 3
  size_t limit = 10;                  // items per level (per parent below the first)
  RankBy rank_by = RankBy::kTweets;
  MetricSet metrics{true, false, false, false};  // for the items shown
  bool total_authors = false;         // unique authors over the whole answer (the privacy gate needs it)
  // Count the distinct first-level values. Without it, a one-level top list
  // by tweets merges only each segment's leaders (exact all the same).
  bool distinct = true;
  int threads = 0;
  const std::vector<query::TagMatches>* tags = nullptr;  // for the "tag" dimension
};

struct BreakdownItem {
  std::string value;
  TweetMetrics metrics;
  std::vector<BreakdownItem> children;
};

struct BreakdownResult {
  std::vector<BreakdownItem> items;
  uint64_t distinct = 0;  // distinct first-level values among the selected tweets (0 unless spec.distinct)
  TweetMetrics total;     // tweets of the answer; unique_authors when asked for
};

inline constexpr size_t kMaxLevels = 3;

Result<BreakdownResult> ComputeBreakdown(const storage::Archive& archive, const query::QueryResult& selected,
                                         const BreakdownSpec& spec, ColumnCache* cache);

}  // namespace roost::aggregate

#endif  // ROOST_ANALYSIS_AGGREGATE_BREAKDOWN_H_
