// Prediction intervals from a model's own past errors: the empirical
// quantiles of its backtest residuals at nearby horizon steps, so an 80%
// interval holds about 80% of the time if the future errs like the past.
#ifndef ROOST_ANALYSIS_FORECAST_INTERVALS_H_
#define ROOST_ANALYSIS_FORECAST_INTERVALS_H_

#include <span>
#include <vector>

namespace roost::forecast {

// Errors of counts grow with the count, so a series without negative values
// measures them as log ratios (which also keeps the bounds of a count at or
// above zero); any other series as differences.
struct ErrorScale {
  bool log_ratio = true;
  double Residual(double outcome, double forecast) const;
  double Apply(double forecast, double residual) const;
};

struct Bands {
  std::vector<double> lo80, hi80, lo95, hi95;
};

// Bands around `point` (one value per step) from `past`: one row of
// residuals per earlier origin, one per step (NaN where unknown). When the
// rows hold too few residuals, `fallback` (residuals pooled over all steps)
// is used instead.
Bands IntervalsFromResiduals(std::span<const std::vector<double>* const> past,
                             std::span<const double> point, std::span<const double> fallback,
                             const ErrorScale& scale);

// The residuals of seasonal naive inside `history` (a period of 1 is the
// plain naive forecast): the fallback when there is no backtest yet.
std::vector<double> InSampleNaiveResiduals(std::span<const double> history, int period,
                                           const ErrorScale& scale);

}  // namespace roost::forecast

#endif  // ROOST_ANALYSIS_FORECAST_INTERVALS_H_
