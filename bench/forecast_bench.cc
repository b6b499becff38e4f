// Forecasting many brands at once: 1,000 daily tweet-volume series of half a
// year (brands from a few to thousands of tweets a day, weekly rhythm, slow
// trends, bursts, overdispersed counts), each forecast 7 days ahead with its
// model chosen by backtest, as `roost forecast --interval day --horizon 7`
// does. Checks the answers (finite, ordered intervals, better than seasonal
// naive on average) before printing the time.
//
//   forecast_bench [--series 1000] [--days 180] [--threads 1]
#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "analysis/forecast/forecast.h"

namespace {

using roost::forecast::RegularSeries;

RegularSeries BrandDays(size_t days, uint32_t seed) {
  std::mt19937 rng(seed);
  std::lognormal_distribution<double> level_dist(std::log(150.0), 1.5);
  std::normal_distribution<double> unit(0, 1);
  const double level = level_dist(rng);
  const double trend = 0.002 * unit(rng);  // per day, on the log scale
  const double weekend = 0.6 + 0.5 * std::uniform_real_distribution<double>(0, 1)(rng);
  const double shape = 20;  // gamma noise: coefficient of variation ~0.22
  std::gamma_distribution<double> noise(shape, 1 / shape);
  std::bernoulli_distribution burst(0.02);
  RegularSeries s;
  s.start = 1325376000000;  // 2012-01-01
  s.step_ms = 86'400'000;
  double wander = 0;
  for (size_t d = 0; d < days; ++d) {
    wander = 0.9 * wander + 0.05 * unit(rng);
    double mean = level * std::exp(trend * static_cast<double>(d) + wander) *
                  ((d + 6) % 7 >= 5 ? weekend : 1.0);
    if (burst(rng)) mean *= 3 + 5 * std::uniform_real_distribution<double>(0, 1)(rng);
    std::poisson_distribution<long> count(mean * noise(rng));
    s.values.push_back(static_cast<double>(count(rng)));
  }
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  size_t n = 1000, days = 180, threads = 1;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i];
    const size_t v = std::strtoul(argv[i + 1], nullptr, 10);
    if (a == "--series")
      n = v;
    else if (a == "--days")
      days = v;
    else if (a == "--threads")
      threads = std::max<size_t>(v, 1);
  }
  std::vector<RegularSeries> series;
  for (size_t i = 0; i < n; ++i) series.push_back(BrandDays(days, static_cast<uint32_t>(i + 1)));
  roost::forecast::ForecastOptions o;
  o.horizon = 7;
  std::vector<roost::forecast::ForecastResult> results(n);
  std::atomic<size_t> next{0};
  std::atomic<bool> failed{false};
  const auto t0 = std::chrono::steady_clock::now();
  std::vector<std::thread> pool;
  for (size_t t = 0; t < threads; ++t)
    pool.emplace_back([&] {
      for (size_t i = next++; i < n; i = next++) {
        auto r = roost::forecast::Forecast(series[i], o);
        if (!r.ok()) {
          failed = true;
          continue;
        }
        results[i] = std::move(*r);
      }
    });
  for (auto& t : pool) t.join();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (failed) {
    fmt::print(stderr, "forecast_bench: a forecast failed\n");
    return 1;
  }
  double ratio = 0, cover80 = 0;
  for (const auto& r : results) {
    if (r.forecast.size() != static_cast<size_t>(o.horizon))
      return fmt::print(stderr, "forecast_bench: wrong horizon\n"), 1;
    for (const auto& p : r.forecast)
      if (!std::isfinite(p.value) || p.lo95 > p.lo80 || p.lo80 > p.value || p.value > p.hi80 ||
          p.hi80 > p.hi95 || p.lo95 < 0)
        return fmt::print(stderr, "forecast_bench: a forecast has disordered or negative bounds\n"),
               1;
    ratio += r.backtest.selected.mae_ratio / static_cast<double>(n);
    cover80 += r.backtest.selected.coverage80 / static_cast<double>(n);
  }
  if (!(ratio < 1.0))
    return fmt::print(stderr, "forecast_bench: no better than seasonal naive ({:.3f})\n", ratio), 1;
  fmt::print(
      "forecast: {} brand-day series x {} days, horizon 7, {} thread(s): {:.2f} s ({:.1f} ms per "
      "series); "
      "backtest mean MAE ratio {:.3f}, 80% coverage {:.3f}\n",
      n, days, threads, seconds, 1000 * seconds / static_cast<double>(n), ratio, cover80);
  return 0;
}
