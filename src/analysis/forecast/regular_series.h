// A series on a regular grid of steps: what the forecasting models read.
#ifndef ROOST_ANALYSIS_FORECAST_REGULAR_SERIES_H_
#define ROOST_ANALYSIS_FORECAST_REGULAR_SERIES_H_

#include <cstdint>
#include <vector>

#include "analysis/detect/series.h"
#include "roost/status.h"

namespace roost::forecast {

struct RegularSeries {
  TimestampMs start = 0;  // start of the first bucket
  int64_t step_ms = 0;
  std::vector<double> values;
  TimestampMs time(size_t i) const { return start + static_cast<int64_t>(i) * step_ms; }
};

// Sums the values of `series` into UTC-aligned buckets of `step_ms` (5-minute
// counts into hours, say); a bucket with no row holds 0 (no tweets). A first
// or last bucket with fewer rows than the typical bucket is dropped, since a
// partial count would read as a drop. A series already on the grid comes
// back unchanged. Fails on an empty series or a step that is not positive.
Result<RegularSeries> ToRegular(const detect::Series& series, int64_t step_ms);

}  // namespace roost::forecast

#endif  // ROOST_ANALYSIS_FORECAST_REGULAR_SERIES_H_
