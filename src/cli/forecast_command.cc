// roost forecast: the next steps of a filter's volume series (or of a
// timestamp,value CSV) with 80% / 95% intervals, the model chosen by a
// rolling-origin backtest on the series itself, and that backtest against
// seasonal naive (analysis/forecast, docs/FORECAST.md); an archive's series
// is forecast by the answer layer, gated (answer/forecast_answer.h).
#include <fmt/format.h>

#include <cmath>
#include <memory>
#include <string>

#include "analysis/detect/series.h"
#include "analysis/forecast/regular_series.h"
#include "answer/forecast_answer.h"
#include "answer/forecast_json.h"
#include "cli/command.h"
#include "cli/output.h"
#include "cli/privacy_options.h"
#include "cli/query_options.h"
#include "brands/brand_query.h"
#include "brands/brand_set.h"

namespace roost::cli {
namespace {

struct ForecastArgs {
  QueryOptions query;
  PrivacyOptions privacy;
  std::string csv;
  std::string brand, brands;  // --brand NAME --brands FILE: the brand's rule as the filter
  std::string interval = "hour";
  int horizon = 24;
  int backtest_every = 0;
  double backtest_after_days = -1;
  int combine = 3;
  bool csv_output = false;
};

int64_t StepMs(const std::string& interval) { return interval == "day" ? 86'400'000 : 3'600'000; }

std::string BacktestLine(const ForecastBacktest& b) {
  if (b.origins == 0) return "backtest: none (too little history)";
  const auto& s = b.selected;
  return fmt::format(
      "backtest: {} origins every {} steps, {} steps ahead: MAE {:.3f} x seasonal naive, MASE "
      "{:.3f}, sMAPE {:.1f}%, "
      "80% interval held {:.0f}%, 95% held {:.0f}%",
      b.origins, b.origin_every, b.horizon, s.mae_ratio, s.mase, s.smape, 100 * s.coverage80,
      100 * s.coverage95);
}

// The CSV's series, forecast as it is (no archive, so no gate).
Result<ForecastAnswer> ForecastCsv(const ForecastArgs& a, const answer::ForecastRun& run) {
  ROOST_ASSIGN_OR_RETURN(const detect::Series raw, detect::ReadSeriesCsv(a.csv));
  auto regular = forecast::ToRegular(raw, StepMs(a.interval));
  if (!regular.ok())
    return Status(regular.status().code(), a.csv + ": " + regular.status().message());
  ROOST_ASSIGN_OR_RETURN(const auto utc, aggregate::ZoneRules::Load("UTC"));
  return answer::ForecastSeries(*regular, run, *utc, privacy::PrivacyPolicy{});
}

// The archive's series through the answer layer, gated as Db::Forecast gates it.
Result<ForecastAnswer> ForecastArchive(const ForecastArgs& a, answer::ForecastRun run) {
  QueryOptions query = a.query;
  if (!a.brand.empty()) {
    auto set = brands::LoadBrandSet(a.brands);
    if (!set.ok()) return Status::InvalidArgument("--brands: " + set.status().message());
    const size_t found = set->Find(a.brand);
    if (found == std::string::npos) {
      std::string known;
      for (const auto& b : set->brands) known += (known.empty() ? "" : ", ") + b.name;
      return Status::InvalidArgument("--brand: no brand '" + a.brand + "' in " + a.brands + " (known: " + known + ")");
    }
    const std::string rule = brands::BrandQuery(set->brands[found]);
    query.filter = query.filter.empty() ? rule : "(" + rule + ") AND (" + query.filter + ")";
  }
  ROOST_ASSIGN_OR_RETURN(PreparedQuery p, PrepareQuery(query));
  ROOST_ASSIGN_OR_RETURN(const privacy::PrivacyPolicy policy, ResolvePrivacy(a.privacy, a.query.archive));
  run.threads = a.query.threads;
  return answer::GatedForecast(*p.archive, p.query, p.exec, run, policy);
}

Status RunForecast(const ForecastArgs& a) {
  ForecastRequest request;
  request.interval = a.interval;
  request.tz = a.query.tz;
  request.horizon = a.horizon;
  request.backtest_every = a.backtest_every;
  request.combine = a.combine;
  if (a.backtest_after_days >= 0) request.backtest_after_days = a.backtest_after_days;
  ROOST_ASSIGN_OR_RETURN(const answer::ForecastRun run, answer::MakeForecastRun(request));
  ROOST_ASSIGN_OR_RETURN(const ForecastAnswer r, a.csv.empty() ? ForecastArchive(a, run) : ForecastCsv(a, run));
  if (r.redacted && !a.query.json) {
    fmt::print("redacted: {}\n", r.reason);
    return Status::Ok();
  }
  if (a.query.json) {
    fmt::print("{}\n", answer::ForecastJson(r));
    return Status::Ok();
  }
  if (a.csv_output) {
    std::string out = "timestamp,value,lo80,hi80,lo95,hi95\n";
    for (const auto& p : r.forecast)
      out += fmt::format("{},{:.3f},{:.3f},{:.3f},{:.3f},{:.3f}\n", p.timestamp, p.value, p.lo80,
                         p.hi80, p.lo95, p.hi95);
    fmt::print("{}", out);
    for (const auto& w : r.warnings) fmt::print(stderr, "roost forecast: warning: {}\n", w);
    return Status::Ok();
  }
  std::string model = r.model;
  if (!r.combined.empty()) model += fmt::format(" (mean of {})", fmt::join(r.combined, ", "));
  std::string out = fmt::format("model: {}\n{}\n", model, BacktestLine(r.backtest));
  out += fmt::format("{:<22} {:>12} {:>25} {:>25}\n", "timestamp", "forecast", "80% interval",
                     "95% interval");
  for (const auto& p : r.forecast)
    out += fmt::format("{:<22} {:>12.1f} {:>25} {:>25}\n", p.timestamp, p.value,
                       fmt::format("{:.1f} - {:.1f}", p.lo80, p.hi80),
                       fmt::format("{:.1f} - {:.1f}", p.lo95, p.hi95));
  fmt::print("{}", out);
  for (const auto& w : r.warnings) fmt::print(stderr, "roost forecast: warning: {}\n", w);
  return Status::Ok();
}

}  // namespace

void AddForecastCommand(CLI::App& app, int* exit_code) {
  auto* cmd = app.add_subcommand("forecast",
                                 "forecast a filter's volume (or a timestamp,value CSV) with "
                                 "80%/95% intervals and its backtest");
  auto a = std::make_shared<ForecastArgs>();
  AddQueryOptions(cmd, &a->query, /*filter_required=*/false);
  AddPrivacyOptions(cmd, &a->privacy);
  auto* archive = cmd->get_option("--archive");
  archive->required(false);
  auto* csv = cmd->add_option(
      "--csv", a->csv,
      "input CSV of timestamp,value rows (as roost detect reads) instead of an archive");
  csv->excludes(archive);
  auto* brand = cmd->add_option("--brand", a->brand,
                                "forecast this brand of --brands (its rule, docs/BRANDS.md; "
                                "with --filter, both must match)");
  cmd->add_option("--brands", a->brands, "brand definitions (brands.toml, docs/BRANDS.md)");
  brand->needs("--brands");
  brand->excludes(csv);
  cmd->add_option("--interval", a->interval, "hour or day (CSV rows are summed per bucket)")
      ->capture_default_str()
      ->check(CLI::IsMember({"hour", "day"}));
  cmd->add_option("--horizon", a->horizon, "buckets to forecast")
      ->capture_default_str()
      ->check(CLI::Range(1, 10000));
  cmd->add_option("--backtest-every", a->backtest_every,
                  "buckets between backtest origins (0: the horizon)")
      ->capture_default_str()
      ->check(CLI::Range(0, 100000));
  cmd->add_option("--backtest-after", a->backtest_after_days,
                  "days from the start of the series to the first scored backtest origin (default: "
                  "as soon as models "
                  "can be ranked)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--combine", a->combine,
                  "the best N models averaged into one more candidate (0 or 1: none)")
      ->capture_default_str()
      ->check(CLI::Range(0, 20));
  cmd->add_flag("--output-csv", a->csv_output, "CSV output: timestamp,value,lo80,hi80,lo95,hi95")
      ->excludes("--json");
  cmd->callback([a, exit_code, cmd] {
    if (a->csv.empty() && a->query.archive.empty()) {
      fmt::print(stderr, "roost forecast: give --archive (with --filter) or --csv FILE\n");
      *exit_code = kExitUsage;
      return;
    }
    const Status s = RunForecast(*a);
    *exit_code = s.ok() ? kExitOk : ReportError("forecast", s);
  });
}

}  // namespace roost::cli
