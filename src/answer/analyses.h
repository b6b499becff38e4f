// Series and top answers, gated: the aggregate analyses run on the selected
// rows, then the gate withholds the answer, redacts small buckets and items
// and rounds every count (answers.h does the same for counts and samples).
#ifndef ROOST_ANSWER_ANALYSES_H_
#define ROOST_ANSWER_ANALYSES_H_

#include <memory>

#include "analysis/aggregate/breakdown.h"
#include "analysis/aggregate/column_cache.h"
#include "analysis/aggregate/metrics.h"
#include "analysis/aggregate/time_grid.h"
#include "privacy/privacy_policy.h"
#include "query/ast.h"
#include "query/executor.h"
#include "query/tags.h"
#include "roost/roost.h"
#include "storage/archive.h"

namespace roost::answer {

aggregate::MetricSet ToMetricSet(const MetricChoice& c);

// `exact` as the gate lets it out; `redacted` drops everything.
Metrics GateMetrics(const privacy::PrivacyPolicy& policy, const aggregate::TweetMetrics& exact, bool redacted);

// An item with too few unique authors is redacted, value and all.
TopItem GateItem(const privacy::PrivacyPolicy& policy, const aggregate::BreakdownItem& item);

struct SeriesRun {
  aggregate::Interval interval = aggregate::Interval::kHour;
  std::shared_ptr<const aggregate::ZoneRules> zone;
  aggregate::MetricSet metrics;
  int threads = 0;
  aggregate::ColumnCache* cache = nullptr;  // columns kept between runs; may be null
};

// With no range in `exec`, the archive's own (kInvalidArgument when it
// holds no tweets there). A bucket with tweets but too few authors is
// redacted; empty buckets show zeros.
Result<SeriesAnswer> GatedSeries(const storage::Archive& archive, const query::Query& query,
                                 const query::ExecOptions& exec, const SeriesRun& run,
                                 const privacy::PrivacyPolicy& policy);

struct TopRun {
  aggregate::BreakdownSpec spec;         // levels, limit, rank_by, metrics, threads
  const query::TagSet* tags = nullptr;   // for the "tag" dimension
  aggregate::ColumnCache* cache = nullptr;
};

// Under the gate, a target that shows handles needs show_handles.
Result<TopAnswer> GatedTop(const storage::Archive& archive, const query::Query& query,
                           const query::ExecOptions& exec, TopRun run, const privacy::PrivacyPolicy& policy);

}  // namespace roost::answer

#endif  // ROOST_ANSWER_ANALYSES_H_
