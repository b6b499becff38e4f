// roost forecast: the next steps of a filter's volume series (or of a
// timestamp,value CSV) with 80% / 95% intervals, the model chosen by a
// rolling-origin backtest on the series itself, and that backtest against
// seasonal naive (analysis/forecast, docs/FORECAST.md).
#include <fmt/format.h>

#include <cmath>
#include <memory>
#include <string>

#include "analysis/detect/series.h"
#include "analysis/forecast/forecast.h"
#include "cli/archive_series.h"
#include "cli/command.h"
#include "cli/metrics_output.h"
#include "cli/output.h"
#include "cli/time_label.h"
#include "common/json_writer.h"
#include "common/time_parse.h"

namespace roost::cli {
namespace {

struct ForecastArgs {
  QueryOptions query;
  PrivacyOptions privacy;
  std::string csv;
  std::string interval = "hour";
  int horizon = 24;
  int backtest_every = 0;
  double backtest_after_days = -1;
  int combine = 3;
  bool csv_output = false;
};

int64_t StepMs(const std::string& interval) { return interval == "day" ? 86'400'000 : 3'600'000; }

void WriteScore(JsonWriter* j, const forecast::ModelScore& m) {
  j->BeginObject().Key("model").String(m.model).Key("origins").Uint(m.origins).Key("points").Uint(
      m.points);
  j->Key("mae").Double(m.mae).Key("mae_ratio").Double(m.mae_ratio).Key("mase").Double(m.mase);
  j->Key("smape")
      .Double(m.smape)
      .Key("coverage80")
      .Double(m.coverage80)
      .Key("coverage95")
      .Double(m.coverage95);
  j->EndObject();
}

std::string BacktestLine(const forecast::Backtest& b) {
  if (b.origins == 0) return "backtest: none (too little history)";
  const auto& s = b.selected;
  return fmt::format(
      "backtest: {} origins every {} steps, {} steps ahead: MAE {:.3f} x seasonal naive, MASE "
      "{:.3f}, sMAPE {:.1f}%, "
      "80% interval held {:.0f}%, 95% held {:.0f}%",
      b.origins, b.origin_every, b.horizon, s.mae_ratio, s.mase, s.smape, 100 * s.coverage80,
      100 * s.coverage95);
}

Status RunForecast(const ForecastArgs& a) {
  forecast::RegularSeries series;
  std::function<std::string(TimestampMs)> label = [](TimestampMs t) { return FormatIsoTime(t); };
  std::shared_ptr<const aggregate::ZoneRules> zone;
  if (!a.csv.empty()) {
    ROOST_ASSIGN_OR_RETURN(const detect::Series raw, detect::ReadSeriesCsv(a.csv));
    auto regular = forecast::ToRegular(raw, StepMs(a.interval));
    if (!regular.ok())
      return Status(regular.status().code(), a.csv + ": " + regular.status().message());
    series = std::move(*regular);
  } else {
    ROOST_ASSIGN_OR_RETURN(ArchiveSeries s, LoadArchiveSeries(a.query, a.privacy, a.interval,
                                                              aggregate::MetricSet::TweetsOnly()));
    if (s.withheld) {
      PrintWithheldAnswer(s.policy, a.query.json);
      return Status::Ok();
    }
    zone = s.zone;
    label = [zone](TimestampMs t) { return FormatInZone(t, *zone); };
    series.step_ms = StepMs(a.interval);
    series.start = s.series.grid.start(0);
    for (const auto& b : s.series.buckets) series.values.push_back(static_cast<double>(b.tweets));
  }
  forecast::ForecastOptions o;
  o.horizon = a.horizon;
  o.origin_every = a.backtest_every;
  o.combine = a.combine;
  if (a.backtest_after_days >= 0)
    o.first_scored =
        series.start + static_cast<int64_t>(std::llround(a.backtest_after_days * 86'400'000));
  ROOST_ASSIGN_OR_RETURN(const forecast::ForecastResult r, forecast::Forecast(series, o));
  if (a.csv_output) {
    std::string out = "timestamp,value,lo80,hi80,lo95,hi95\n";
    for (const auto& p : r.forecast)
      out += fmt::format("{},{:.3f},{:.3f},{:.3f},{:.3f},{:.3f}\n", label(p.time), p.value, p.lo80,
                         p.hi80, p.lo95, p.hi95);
    fmt::print("{}", out);
    for (const auto& w : r.warnings) fmt::print(stderr, "roost forecast: warning: {}\n", w);
    return Status::Ok();
  }
  if (a.query.json) {
    JsonWriter j;
    j.BeginObject().Key("model").String(r.model).Key("combined").BeginArray();
    for (const auto& m : r.combined) j.String(m);
    j.EndArray().Key("interval").String(a.interval).Key("horizon").Int(a.horizon);
    j.Key("history").BeginObject().Key("start").String(label(series.start));
    j.Key("steps").Uint(series.values.size()).EndObject();
    j.Key("forecast").BeginArray();
    for (const auto& p : r.forecast)
      j.BeginObject()
          .Key("timestamp")
          .String(label(p.time))
          .Key("value")
          .Double(p.value)
          .Key("lo80")
          .Double(p.lo80)
          .Key("hi80")
          .Double(p.hi80)
          .Key("lo95")
          .Double(p.lo95)
          .Key("hi95")
          .Double(p.hi95)
          .EndObject();
    const auto& b = r.backtest;
    j.EndArray().Key("backtest").BeginObject();
    j.Key("origins")
        .Uint(b.origins)
        .Key("origin_every")
        .Int(b.origin_every)
        .Key("horizon")
        .Int(b.horizon);
    if (b.origins)
      j.Key("first_origin")
          .String(label(b.first_origin))
          .Key("last_origin")
          .String(label(b.last_origin));
    j.Key("baseline").String(b.baseline).Key("selected");
    WriteScore(&j, b.selected);
    j.Key("seasonal_naive");
    WriteScore(&j, b.seasonal_naive);
    j.Key("models").BeginArray();
    for (const auto& m : b.models) WriteScore(&j, m);
    j.EndArray().EndObject().Key("warnings").BeginArray();
    for (const auto& w : r.warnings) j.String(w);
    j.EndArray().EndObject();
    fmt::print("{}\n", j.str());
    return Status::Ok();
  }
  std::string model = r.model;
  if (!r.combined.empty()) model += fmt::format(" (mean of {})", fmt::join(r.combined, ", "));
  std::string out = fmt::format("model: {}\n{}\n", model, BacktestLine(r.backtest));
  out += fmt::format("{:<22} {:>12} {:>25} {:>25}\n", "timestamp", "forecast", "80% interval",
                     "95% interval");
  for (const auto& p : r.forecast)
    out += fmt::format("{:<22} {:>12.1f} {:>25} {:>25}\n", label(p.time), p.value,
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
