// Exponential smoothing (ETS) with a damped trend and up to two seasons
// (daily and weekly, Taylor's double-seasonal Holt-Winters), additive or
// multiplicative, in error-correction form. Its smoothing parameters are
// fitted by NLopt's BOBYQA on the one-step errors of the history (squared
// errors for additive, the ETS likelihood of relative errors for
// multiplicative models).
#ifndef ROOST_ANALYSIS_FORECAST_EXPONENTIAL_SMOOTHING_H_
#define ROOST_ANALYSIS_FORECAST_EXPONENTIAL_SMOOTHING_H_

#include "analysis/forecast/model.h"

namespace roost::forecast {

struct EtsSpec {
  bool multiplicative = false;
  int day = 0;          // daily season in steps, 0 = none
  int week = 0;         // weekly season in steps, 0 = none
  bool robust = false;  // fit on the spike-cleaned history
};

class ExponentialSmoothing : public Model {
 public:
  explicit ExponentialSmoothing(const EtsSpec& spec) : spec_(spec) {}
  std::string name() const override;
  size_t MinHistory() const override;
  bool NeedsNonNegative() const override { return spec_.multiplicative; }
  std::vector<double> Forecast(const History& history, int horizon,
                               ModelState* state) const override;

 private:
  EtsSpec spec_;
};

// Fits `spec` to `y` and forecasts `horizon` steps. `params` (may be null)
// holds a starting point on entry when it has the right size, and the fitted
// parameters on return: alpha, beta, phi, then the seasons' gammas. With
// `refit` false, parameters of the right size are used as they are.
std::vector<double> EtsFitAndForecast(std::span<const double> y, const EtsSpec& spec, int horizon,
                                      std::vector<double>* params, bool refit = true);

}  // namespace roost::forecast

#endif  // ROOST_ANALYSIS_FORECAST_EXPONENTIAL_SMOOTHING_H_
