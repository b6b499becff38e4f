// Forecast answers, gated: the filter's volume per bucket as the gate shows
// it (small buckets redacted, counts rounded) is all the models see, so a
// forecast can reveal nothing its history does not; the forecast's own
// values are rounded to the quantum too.
#ifndef ROOST_ANSWER_FORECAST_ANSWER_H_
#define ROOST_ANSWER_FORECAST_ANSWER_H_

#include <memory>
#include <optional>

#include "analysis/aggregate/column_cache.h"
#include "analysis/aggregate/time_grid.h"
#include "analysis/forecast/forecast.h"
#include "privacy/privacy_policy.h"
#include "query/ast.h"
#include "query/executor.h"
#include "roost/roost.h"
#include "storage/archive.h"

namespace roost::answer {

// More redacted buckets than this share of the history withhold the answer:
// filling that many would forecast the filling, not the tweets.
inline constexpr double kMaxRedactedShare = 0.1;

struct ForecastRun {
  aggregate::Interval interval = aggregate::Interval::kHour;  // hour or day
  std::shared_ptr<const aggregate::ZoneRules> zone;
  forecast::ForecastOptions options;          // first_scored is set from backtest_after_days
  std::optional<double> backtest_after_days;  // from the history's start
  int threads = 0;
  aggregate::ColumnCache* cache = nullptr;  // may be null
};

// Checks a request and turns it into a run (kInvalidArgument on a bad one).
Result<ForecastRun> MakeForecastRun(const ForecastRequest& r);

// With no range in `exec`, the archive's own (kInvalidArgument when it
// holds no tweets there).
Result<ForecastAnswer> GatedForecast(const storage::Archive& archive, const query::Query& query,
                                     const query::ExecOptions& exec, const ForecastRun& run,
                                     const privacy::PrivacyPolicy& policy);

// The forecast of `series` (a CSV's, or a gated history's) as an answer:
// times labelled in `zone`, values rounded when `policy` is enabled. The
// history is `series` itself unless `history` is given.
Result<ForecastAnswer> ForecastSeries(const forecast::RegularSeries& series, const ForecastRun& run,
                                      const aggregate::ZoneRules& zone,
                                      const privacy::PrivacyPolicy& policy,
                                      std::vector<HistoryBucket>* history = nullptr);

}  // namespace roost::answer

#endif  // ROOST_ANSWER_FORECAST_ANSWER_H_
