// An outside outcome (sales, box office, polls) regressed on tweet features
// of earlier buckets, judged out of sample: `roost predict`.
//
// Rows are the outcome's timestamps; the columns are each feature at lags
// 0..L buckets before them. Time-series cross-validation refits on all rows
// before each block of later rows and predicts the block, so every error is
// out of sample; the baseline predicts each outcome by the one before it.
#ifndef ROOST_ANALYSIS_FORECAST_PREDICT_H_
#define ROOST_ANALYSIS_FORECAST_PREDICT_H_

#include <string>
#include <vector>

#include "analysis/detect/series.h"
#include "roost/status.h"

namespace roost::forecast {

// One feature per bucket of a regular grid (tweets, unique authors, net
// sentiment...).
struct FeatureSeries {
  std::string name;
  std::vector<double> values;
};

struct PredictOptions {
  int min_lag = 0, max_lag = 7;  // in buckets
  int folds = 5;                 // blocks of the cross-validation
};

struct Coefficient {
  std::string name;  // "intercept" or "volume[lag 2]"
  double estimate = 0, std_error = 0, lo95 = 0, hi95 = 0;
};

struct PredictResult {
  size_t rows = 0;                        // outcomes with every feature known
  size_t parameters = 0;                  // coefficients, intercept included
  std::vector<Coefficient> coefficients;  // fitted on every row
  double r2_in_sample = 0;
  // Out of sample, over the cross-validation's test rows:
  size_t test_rows = 0;
  double r2_out_of_sample = 0;  // 1 - SSE / SSE of each fold's training mean
  double mae = 0;
  double baseline_mae = 0;  // the previous outcome as the prediction
  double mae_ratio = 0;     // mae / baseline_mae (below 1: the tweets help)
  std::string baseline = "previous outcome";
  std::vector<std::string> warnings;  // too small a sample, no gain over the baseline
};

// `features` share one grid: bucket i starts at start + i * step_ms. An
// outcome at time t belongs to the bucket holding t and is explained by the
// buckets `lag` steps before it. InvalidArgument when no feature is given,
// lags are out of order, or fewer than three outcomes fall on the grid.
Result<PredictResult> Predict(const std::vector<FeatureSeries>& features, TimestampMs start,
                              int64_t step_ms, const detect::Series& outcome,
                              const PredictOptions& options = {});

}  // namespace roost::forecast

#endif  // ROOST_ANALYSIS_FORECAST_PREDICT_H_
