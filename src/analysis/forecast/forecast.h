// Forecasts with honest uncertainty: the call `roost forecast` and the HTTP
// API make. A series in, a plain struct out (docs/FORECAST.md).
//
// Every candidate model (model.h) forecasts from rolling origins over the
// series itself; at each origin the model with the lowest error over the
// origins before it is chosen (or the mean of the best few, when that did
// better), and its 80% / 95% intervals are the quantiles of its own past
// errors at those origins. The backtest scores exactly that procedure on
// origins whose outcomes it never saw, against seasonal naive.
#ifndef ROOST_ANALYSIS_FORECAST_FORECAST_H_
#define ROOST_ANALYSIS_FORECAST_FORECAST_H_

#include <optional>
#include <string>
#include <vector>

#include "analysis/forecast/regular_series.h"
#include "roost/status.h"

namespace roost::forecast {

struct ForecastOptions {
  int horizon = 24;  // steps to forecast
  // Rolling-origin backtest: an origin every `origin_every` steps (0: every
  // `horizon` steps), aligned on `first_scored`; origins before
  // `first_scored` only train the choice of model. Unset: scoring starts as
  // soon as `min_selection_origins` origins are complete.
  int origin_every = 0;
  std::optional<TimestampMs> first_scored;
  int max_scored_origins = 120;  // the most recent ones are kept
  int selection_window = 28;     // completed origins that rank models and calibrate intervals
  int min_selection_origins = 3;
  int combine = 3;  // the best N models averaged into one more candidate; < 2: none
};

// One step ahead of the series. Counts never go negative: for a series with
// no negative value, value and bounds are at least 0.
struct ForecastPoint {
  TimestampMs time = 0;  // start of the bucket
  double value = 0;      // point forecast (the model's, or the combination's)
  double lo80 = 0, hi80 = 0, lo95 = 0, hi95 = 0;
};

// A model's (or the selection's) errors over the scored origins.
struct ModelScore {
  std::string model;
  size_t origins = 0;  // scored origins where it forecast
  size_t points = 0;   // forecast steps scored
  double mae = 0;
  double mae_ratio = 0;  // mae / seasonal naive's mae on the same points
  double mase = 0;       // mean |error| / in-sample MAE of seasonal naive at each origin
  double smape = 0;      // percent, 0..200
  double coverage80 = 0, coverage95 = 0;  // share of outcomes inside the intervals
};

struct Backtest {
  int horizon = 0;
  int origin_every = 0;  // steps
  size_t origins = 0;    // scored origins
  TimestampMs first_origin = 0, last_origin = 0;
  std::string baseline;            // seasonal naive of the shortest season
  ModelScore selected;             // the procedure: model chosen at each origin from earlier ones
  ModelScore seasonal_naive;       // the baseline row, also in `models`
  std::vector<ModelScore> models;  // every candidate, baselines first
};

struct ForecastResult {
  std::string model;                  // chosen for the forecast: a model name or "combination"
  std::vector<std::string> combined;  // the models averaged, when model == "combination"
  int64_t step_ms = 0;
  std::vector<ForecastPoint> forecast;
  Backtest backtest;
  // Plain sentences for the user: too little history to backtest, the
  // forecast not beating seasonal naive, intervals that missed.
  std::vector<std::string> warnings;
};

// Forecasts `options.horizon` steps after `series`. InvalidArgument for a
// horizon below 1, a non-finite value, or a series shorter than two steps.
Result<ForecastResult> Forecast(const RegularSeries& series, const ForecastOptions& options = {});

}  // namespace roost::forecast

#endif  // ROOST_ANALYSIS_FORECAST_FORECAST_H_
