// roost series: per time bucket metrics of the selected tweets.
#ifndef ROOST_ANALYSIS_AGGREGATE_SERIES_H_
#define ROOST_ANALYSIS_AGGREGATE_SERIES_H_

#include <vector>

#include "analysis/aggregate/metrics.h"
#include "analysis/aggregate/time_grid.h"
#include "query/executor.h"
#include "storage/archive.h"

namespace roost::aggregate {

struct SeriesResult {
  TimeGrid grid;
  std::vector<TweetMetrics> buckets;  // one per grid bucket, empty ones included
  TweetMetrics total;                 // over the whole answer (authors counted once)
};

// `selected` comes from SelectRows; its rows outside the grid are ignored.
Result<SeriesResult> ComputeSeries(const storage::Archive& archive, const query::QueryResult& selected, TimeGrid grid,
                                   const MetricSet& metrics, int threads, ColumnCache* cache);

// The time range a series covers when the user gives none: the span of the
// archive's segments inside [from, to).
void DefaultSeriesRange(const storage::Archive& archive, TimestampMs* from, TimestampMs* to);

}  // namespace roost::aggregate

#endif  // ROOST_ANALYSIS_AGGREGATE_SERIES_H_
