// The rolling-origin backtest of `roost forecast` on `timestamp,value` CSV
// files: each series summed per step, origins every `--every` steps from
// `--after-days` days on, `--horizon` steps ahead. Prints each model's MAE
// relative to daily seasonal naive and its 80% / 95% interval coverage, per
// series and as the mean over series (docs/FORECAST.md).
//
//   forecast_backtest [--step-hours 1] [--horizon 24] [--every 24] [--after-days 28] FILE.csv...
#include <fmt/format.h>

#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include "analysis/detect/series.h"
#include "analysis/forecast/forecast.h"

int main(int argc, char** argv) {
  double step_hours = 1, after_days = 28;
  int horizon = 24, every = 24;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&] { return i + 1 < argc ? std::string(argv[++i]) : std::string("0"); };
    if (a == "--step-hours")
      step_hours = std::atof(next().c_str());
    else if (a == "--horizon")
      horizon = std::atoi(next().c_str());
    else if (a == "--every")
      every = std::atoi(next().c_str());
    else if (a == "--after-days")
      after_days = std::atof(next().c_str());
    else
      files.push_back(a);
  }
  if (files.empty()) {
    fmt::print(stderr,
               "usage: forecast_backtest [--step-hours H] [--horizon N] [--every N] [--after-days "
               "D] FILE.csv...\n");
    return 2;
  }
  std::vector<std::string> order;
  std::map<std::string, std::vector<const roost::forecast::ModelScore*>> rows;
  std::vector<roost::forecast::ForecastResult> results;
  results.reserve(files.size());
  for (const auto& f : files) {
    auto raw = roost::detect::ReadSeriesCsv(f);
    if (!raw.ok()) {
      fmt::print(stderr, "{}\n", raw.status().message());
      return 1;
    }
    auto series = roost::forecast::ToRegular(*raw, static_cast<int64_t>(step_hours * 3'600'000));
    if (!series.ok()) {
      fmt::print(stderr, "{}: {}\n", f, series.status().message());
      return 1;
    }
    roost::forecast::ForecastOptions o;
    o.horizon = horizon;
    o.origin_every = every;
    o.first_scored = series->start + static_cast<int64_t>(after_days * 86'400'000);
    auto r = roost::forecast::Forecast(*series, o);
    if (!r.ok()) {
      fmt::print(stderr, "{}: {}\n", f, r.status().message());
      return 1;
    }
    results.push_back(std::move(*r));
    const auto& b = results.back().backtest;
    fmt::print("{}: {} origins, forecast model now {}\n", f, b.origins, results.back().model);
    std::vector<const roost::forecast::ModelScore*> all{&b.selected};
    for (const auto& m : b.models) all.push_back(&m);
    for (const auto* m : all) {
      if (!rows.count(m->model)) order.push_back(m->model);
      rows[m->model].push_back(m);
      fmt::print(
          "  {:<28} MAE ratio {:.3f}  MASE {:.3f}  sMAPE {:5.1f}  cover80 {:.3f}  cover95 {:.3f}\n",
          m->model, m->mae_ratio, m->mase, m->smape, m->coverage80, m->coverage95);
    }
  }
  fmt::print("\nmean over {} series:\n{:<28} {:>9} {:>8} {:>8} {:>8}\n", files.size(), "model",
             "MAE ratio", "MASE", "cover80", "cover95");
  for (const auto& name : order) {
    const auto& v = rows[name];
    if (v.size() != files.size()) continue;
    double r = 0, mase = 0, c80 = 0, c95 = 0;
    for (const auto* m : v)
      r += m->mae_ratio, mase += m->mase, c80 += m->coverage80, c95 += m->coverage95;
    const double n = static_cast<double>(v.size());
    fmt::print("{:<28} {:>9.3f} {:>8.3f} {:>8.3f} {:>8.3f}\n", name, r / n, mase / n, c80 / n,
               c95 / n);
  }
  return 0;
}
