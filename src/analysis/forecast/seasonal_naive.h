// Seasonal naive: each step repeats the value one season earlier (the
// baseline every forecast is measured against).
#ifndef ROOST_ANALYSIS_FORECAST_SEASONAL_NAIVE_H_
#define ROOST_ANALYSIS_FORECAST_SEASONAL_NAIVE_H_

#include "analysis/forecast/model.h"

namespace roost::forecast {

class SeasonalNaive : public Model {
 public:
  // `period` 1 is the plain naive forecast (the last value).
  SeasonalNaive(std::string name, int period)
      : name_(std::move(name)), period_(period < 1 ? 1 : period) {}
  std::string name() const override { return name_; }
  size_t MinHistory() const override { return static_cast<size_t>(period_); }
  std::vector<double> Forecast(const History& history, int horizon,
                               ModelState* state) const override;

 private:
  std::string name_;
  int period_;
};

// The point forecast on its own, for callers without a History.
std::vector<double> SeasonalNaiveForecast(std::span<const double> history, int period, int horizon);

}  // namespace roost::forecast

#endif  // ROOST_ANALYSIS_FORECAST_SEASONAL_NAIVE_H_
