#include "analysis/forecast/intervals.h"

#include <algorithm>
#include <cmath>

namespace roost::forecast {
namespace {

// Enough residuals for a 95% interval to mean something.
constexpr size_t kMinResiduals = 20;

// Quantile p of sorted `v` (linear between order statistics).
double Quantile(const std::vector<double>& v, double p) {
  if (v.empty()) return 0.0;
  const double pos = p * static_cast<double>(v.size() - 1);
  const size_t i = static_cast<size_t>(std::floor(pos));
  const size_t j = std::min(i + 1, v.size() - 1);
  return v[i] + (pos - static_cast<double>(i)) * (v[j] - v[i]);
}

void Fill(std::vector<double> sample, double point, const ErrorScale& scale, Bands* b) {
  std::sort(sample.begin(), sample.end());
  // A finite sample's extreme quantiles understate the tails: widen the
  // levels by (m + 1) / m, as a split-conformal interval does.
  const double m = static_cast<double>(sample.size());
  auto level = [&](double tail) { return std::clamp(tail * (m + 1) / m, 0.0, 1.0); };
  b->lo80.push_back(scale.Apply(point, Quantile(sample, 1 - level(0.9))));
  b->hi80.push_back(scale.Apply(point, Quantile(sample, level(0.9))));
  b->lo95.push_back(scale.Apply(point, Quantile(sample, 1 - level(0.975))));
  b->hi95.push_back(scale.Apply(point, Quantile(sample, level(0.975))));
}

}  // namespace

double ErrorScale::Residual(double outcome, double forecast) const {
  if (!log_ratio) return outcome - forecast;
  return std::log((std::max(outcome, 0.0) + 1) / (std::max(forecast, 0.0) + 1));
}

double ErrorScale::Apply(double forecast, double residual) const {
  if (!log_ratio) return forecast + residual;
  return std::max(0.0, (std::max(forecast, 0.0) + 1) * std::exp(residual) - 1);
}

Bands IntervalsFromResiduals(std::span<const std::vector<double>* const> past,
                             std::span<const double> point, std::span<const double> fallback,
                             const ErrorScale& scale) {
  Bands b;
  const size_t horizon = point.size();
  // Errors change slowly with the step: pool a few steps on either side.
  const size_t reach = std::max<size_t>(1, horizon / 8);
  std::vector<double> sample;
  for (size_t h = 0; h < horizon; ++h) {
    sample.clear();
    const size_t lo = h >= reach ? h - reach : 0, hi = std::min(horizon, h + reach + 1);
    for (const auto* row : past)
      for (size_t s = lo; s < hi && s < row->size(); ++s)
        if (std::isfinite((*row)[s])) sample.push_back((*row)[s]);
    if (sample.size() < kMinResiduals) {
      sample.clear();
      for (const auto* row : past)
        for (double r : *row)
          if (std::isfinite(r)) sample.push_back(r);
    }
    if (sample.size() < kMinResiduals) sample.assign(fallback.begin(), fallback.end());
    if (sample.empty()) sample.push_back(0.0);
    Fill(sample, point[h], scale, &b);
  }
  return b;
}

std::vector<double> InSampleNaiveResiduals(std::span<const double> history, int period,
                                           const ErrorScale& scale) {
  std::vector<double> out;
  const size_t p = static_cast<size_t>(std::max(period, 1));
  for (size_t t = p; t < history.size(); ++t)
    out.push_back(scale.Residual(history[t], history[t - p]));
  return out;
}

}  // namespace roost::forecast
