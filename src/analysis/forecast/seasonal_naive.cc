#include "analysis/forecast/seasonal_naive.h"

namespace roost::forecast {

std::vector<double> SeasonalNaiveForecast(std::span<const double> history, int period,
                                          int horizon) {
  std::vector<double> out(static_cast<size_t>(horizon), 0.0);
  const size_t n = history.size();
  if (n == 0) return out;
  const size_t p = static_cast<size_t>(period);
  for (size_t h = 0; h < out.size(); ++h) {
    // Step h (0-based) lands on n + h; go back whole seasons into the history.
    // A history shorter than a season repeats its last value.
    const size_t back = p * (h / p + 1);
    out[h] = back <= n + h ? history[n + h - back] : history[n - 1];
  }
  return out;
}

std::vector<double> SeasonalNaive::Forecast(const History& history, int horizon,
                                            ModelState*) const {
  return SeasonalNaiveForecast(history.values(), period_, horizon);
}

}  // namespace roost::forecast
