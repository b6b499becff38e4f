// The forecasting models' common shape: a history of equally spaced values
// in, the point forecast of the next steps out.
#ifndef ROOST_ANALYSIS_FORECAST_MODEL_H_
#define ROOST_ANALYSIS_FORECAST_MODEL_H_

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "roost/tweet.h"

namespace roost::forecast {

// Seasonal periods in steps; 0 when the step is too coarse for the season
// (a daily series has no daily season).
struct Periods {
  int day = 0;
  int week = 0;
};
Periods PeriodsForStep(int64_t step_ms);

// The values known at a forecast origin. Robust models read `Cleaned()`:
// the same values with the spikes Roost's detector finds replaced by its
// baseline, computed once per origin for every model that asks.
class History {
 public:
  History(std::span<const double> values, TimestampMs start, int64_t step_ms)
      : values_(values), start_(start), step_ms_(step_ms) {}
  std::span<const double> values() const { return values_; }
  size_t size() const { return values_.size(); }
  TimestampMs start() const { return start_; }
  int64_t step_ms() const { return step_ms_; }
  const std::vector<double>& Cleaned() const;

 private:
  std::span<const double> values_;
  TimestampMs start_;
  int64_t step_ms_;
  mutable std::optional<std::vector<double>> cleaned_;
};

// What a model keeps from one origin to the next: its fitted parameters and
// the history length they were fitted on. Rolling origins refit only once
// the history has grown by a tenth (the parameters barely move in between,
// and the states are always rerun on the whole history).
struct ModelState {
  std::vector<double> params;
  size_t fitted_on = 0;
  bool NeedsRefit(size_t history) const { return params.empty() || 10 * history >= 11 * fitted_on; }
};

class Model {
 public:
  virtual ~Model() = default;
  virtual std::string name() const = 0;
  // Steps of history needed before the model can forecast.
  virtual size_t MinHistory() const = 0;
  // Whether the model reads values as positive amounts (multiplicative).
  virtual bool NeedsNonNegative() const { return false; }
  // The next `horizon` values after `history` (finite; may be negative for
  // additive models, the caller clips counts).
  virtual std::vector<double> Forecast(const History& history, int horizon,
                                       ModelState* state) const = 0;
};

// The candidates for a series with these periods: seasonal naive (daily and
// weekly), exponential smoothing with additive and multiplicative seasons and
// a damped trend, and the same fitted on the spike-cleaned history.
std::vector<std::unique_ptr<Model>> CandidateModels(const Periods& periods);

}  // namespace roost::forecast

#endif  // ROOST_ANALYSIS_FORECAST_MODEL_H_
