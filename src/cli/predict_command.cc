// roost predict: an outside outcome (a timestamp,value CSV: sales, box
// office, polls) regressed on tweet features of the same filter at several
// lags, with time-series cross-validation against a naive baseline
// (analysis/forecast/predict.h, docs/FORECAST.md).
#include <fmt/format.h>

#include <charconv>
#include <memory>
#include <string>

#include "analysis/detect/series.h"
#include "analysis/forecast/predict.h"
#include "cli/archive_series.h"
#include "cli/command.h"
#include "cli/metrics_output.h"
#include "cli/output.h"
#include "common/json_writer.h"

namespace roost::cli {
namespace {

struct PredictArgs {
  QueryOptions query;
  PrivacyOptions privacy;
  std::string target;
  std::string features = "volume,unique_authors,net_sentiment";
  std::string lags = "0..7";
  std::string interval = "day";
  int folds = 5;
};

// The features a bucket offers, by name.
const char* const kFeatureNames[] = {
    "volume",   "unique_authors", "net_sentiment", "sentiment_mean", "positive",
    "negative", "retweets",       "replies",       "reach",          "engagement"};

Result<double> FeatureValue(const std::string& name, const aggregate::TweetMetrics& m) {
  if (name == "volume" || name == "tweets") return static_cast<double>(m.tweets);
  if (name == "unique_authors") return static_cast<double>(m.unique_authors);
  if (name == "net_sentiment") return m.net_sentiment();
  if (name == "sentiment_mean") return m.sentiment_mean();
  if (name == "positive") return static_cast<double>(m.positive);
  if (name == "negative") return static_cast<double>(m.negative);
  if (name == "retweets") return static_cast<double>(m.retweets);
  if (name == "replies") return static_cast<double>(m.replies);
  if (name == "reach") return static_cast<double>(m.reach);
  if (name == "engagement") return static_cast<double>(m.engagement);
  return Status::InvalidArgument(
      fmt::format("unknown feature '{}' (known: {})", name, fmt::join(kFeatureNames, ", ")));
}

Result<std::pair<int, int>> ParseLags(const std::string& text) {
  auto number = [](std::string_view s, int* out) {
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
    return ec == std::errc() && p == s.data() + s.size() && *out >= 0 && *out <= 1000;
  };
  const size_t dots = text.find("..");
  int from = 0, to = 0;
  const std::string_view t(text);
  const bool ok = dots == std::string::npos
                      ? number(t, &from) && number(t, &to)
                      : number(t.substr(0, dots), &from) && number(t.substr(dots + 2), &to);
  if (!ok || to < from)
    return Status::InvalidArgument(
        fmt::format("--lags '{}': expected N or FROM..TO, as 0..7", text));
  return std::pair<int, int>{from, to};
}

Status RunPredict(const PredictArgs& a) {
  ROOST_ASSIGN_OR_RETURN(const auto lags, ParseLags(a.lags));
  std::vector<std::string> names;
  for (size_t pos = 0; pos <= a.features.size();) {
    const size_t comma = std::min(a.features.find(',', pos), a.features.size());
    if (comma > pos) names.push_back(a.features.substr(pos, comma - pos));
    pos = comma + 1;
  }
  aggregate::TweetMetrics probe;
  for (const auto& n : names) ROOST_RETURN_IF_ERROR(FeatureValue(n, probe).status());
  if (names.empty()) return Status::InvalidArgument("--features lists no feature");
  ROOST_ASSIGN_OR_RETURN(const detect::Series outcome, detect::ReadSeriesCsv(a.target));
  aggregate::MetricSet metrics = aggregate::MetricSet::TweetsOnly();
  metrics.authors = true;
  metrics.sentiment = true;
  metrics.kinds = true;
  metrics.engagement = true;
  ROOST_ASSIGN_OR_RETURN(ArchiveSeries s,
                         LoadArchiveSeries(a.query, a.privacy, a.interval, metrics));
  if (s.withheld) {
    PrintWithheldAnswer(s.policy, a.query.json);
    return Status::Ok();
  }
  std::vector<forecast::FeatureSeries> features;
  for (const auto& n : names) {
    forecast::FeatureSeries f{n, {}};
    for (const auto& b : s.series.buckets) {
      auto v = FeatureValue(n, b);
      f.values.push_back(*v);
    }
    features.push_back(std::move(f));
  }
  forecast::PredictOptions o;
  o.min_lag = lags.first;
  o.max_lag = lags.second;
  o.folds = a.folds;
  const int64_t step = a.interval == "hour" ? 3'600'000 : 86'400'000;
  auto r = forecast::Predict(features, s.series.grid.start(0), step, outcome, o);
  if (!r.ok()) return Status(r.status().code(), a.target + ": " + r.status().message());
  if (a.query.json) {
    JsonWriter j;
    j.BeginObject().Key("rows").Uint(r->rows).Key("parameters").Uint(r->parameters);
    j.Key("r2_in_sample").Double(r->r2_in_sample).Key("cross_validation").BeginObject();
    j.Key("folds")
        .Int(a.folds)
        .Key("test_rows")
        .Uint(r->test_rows)
        .Key("r2_out_of_sample")
        .Double(r->r2_out_of_sample);
    j.Key("mae")
        .Double(r->mae)
        .Key("baseline")
        .String(r->baseline)
        .Key("baseline_mae")
        .Double(r->baseline_mae);
    j.Key("mae_ratio").Double(r->mae_ratio).EndObject().Key("coefficients").BeginArray();
    for (const auto& c : r->coefficients)
      j.BeginObject()
          .Key("name")
          .String(c.name)
          .Key("estimate")
          .Double(c.estimate)
          .Key("std_error")
          .Double(c.std_error)
          .Key("lo95")
          .Double(c.lo95)
          .Key("hi95")
          .Double(c.hi95)
          .EndObject();
    j.EndArray().Key("warnings").BeginArray();
    for (const auto& w : r->warnings) j.String(w);
    j.EndArray().EndObject();
    fmt::print("{}\n", j.str());
    return Status::Ok();
  }
  std::string out = fmt::format("{} outcomes, {} coefficients, in-sample R^2 {:.3f}\n", r->rows,
                                r->parameters, r->r2_in_sample);
  out += fmt::format(
      "out of sample ({} folds, {} outcomes): R^2 {:.3f}, MAE {:.4g} vs {:.4g} for the {} (ratio "
      "{:.3f})\n",
      a.folds, r->test_rows, r->r2_out_of_sample, r->mae, r->baseline_mae, r->baseline,
      r->mae_ratio);
  out += fmt::format("{:<28} {:>12} {:>12} {:>27}\n", "coefficient", "estimate", "std error",
                     "95% interval");
  for (const auto& c : r->coefficients)
    out += fmt::format("{:<28} {:>12.4g} {:>12.4g} {:>27}\n", c.name, c.estimate, c.std_error,
                       fmt::format("{:.4g} .. {:.4g}", c.lo95, c.hi95));
  fmt::print("{}", out);
  for (const auto& w : r->warnings) fmt::print(stderr, "roost predict: warning: {}\n", w);
  return Status::Ok();
}

}  // namespace

void AddPredictCommand(CLI::App& app, int* exit_code) {
  auto* cmd = app.add_subcommand("predict",
                                 "regress an outside outcome (timestamp,value CSV) on a filter's "
                                 "tweet features, cross-validated");
  auto a = std::make_shared<PredictArgs>();
  AddQueryOptions(cmd, &a->query, /*filter_required=*/false);
  AddPrivacyOptions(cmd, &a->privacy);
  cmd->add_option("--target", a->target,
                  "outcome CSV of timestamp,value rows (sales, box office, polls)")
      ->required();
  cmd->add_option("--features", a->features,
                  "comma-separated: volume, unique_authors, net_sentiment, sentiment_mean, "
                  "positive, negative, "
                  "retweets, replies, reach, engagement")
      ->capture_default_str();
  cmd->add_option("--lags", a->lags, "buckets before each outcome, N or FROM..TO")
      ->capture_default_str();
  cmd->add_option("--interval", a->interval, "hour or day")
      ->capture_default_str()
      ->check(CLI::IsMember({"hour", "day"}));
  cmd->add_option("--folds", a->folds, "blocks of the time-series cross-validation")
      ->capture_default_str()
      ->check(CLI::Range(1, 100));
  cmd->callback([a, exit_code] {
    const Status s = RunPredict(*a);
    *exit_code = s.ok() ? kExitOk : ReportError("predict", s);
  });
}

}  // namespace roost::cli
