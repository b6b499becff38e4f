// roost trends: what was trending at a past moment (--at) or over a period
// (--from/--to): bursting terms, hashtags and phrases grouped into trends,
// each with its hourly curve and top tweets, as the answer layer computes
// and gates them (answer/trends_answer.h).
#include <chrono>

#include <fmt/format.h>

#include "analysis/aggregate/time_grid.h"
#include "answer/analysis_json.h"
#include "answer/trends_answer.h"
#include "cli/command.h"
#include "cli/metrics_output.h"
#include "cli/output.h"
#include "cli/privacy_options.h"
#include "cli/query_options.h"
#include "cli/shown_tweet_line.h"
#include "cli/table.h"
#include "query/time_range.h"

namespace roost::cli {
namespace {

struct TrendsOptions {
  QueryOptions query;
  PrivacyOptions privacy;
  std::string at, interval = "day", lang;
  size_t limit = 10;
  size_t tweets = 3;
  uint64_t min_support = 0;  // 0: per window size
  uint64_t min_sources = 5;
  double min_burst_z = 8;  // a value's burst score (not the spikes' residual z)
  bool csv = false;
};

Status RunTrends(const TrendsOptions& o) {
  const auto started = std::chrono::steady_clock::now();
  QueryOptions qo = o.query;
  qo.filter = answer::WithLanguage(qo.filter, o.lang);
  qo.from.clear();
  qo.to.clear();
  ROOST_ASSIGN_OR_RETURN(PreparedQuery p, PrepareQuery(qo));
  ROOST_ASSIGN_OR_RETURN(const privacy::PrivacyPolicy policy, ResolvePrivacy(o.privacy, o.query.archive));
  answer::TrendsRun run;
  ROOST_ASSIGN_OR_RETURN(run.zone, aggregate::ZoneRules::Load(o.query.tz));
  run.interval = o.interval;
  if (!o.at.empty()) {
    ROOST_ASSIGN_OR_RETURN(run.at, query::ParseTimeInZone(o.at, o.query.tz));
  }
  if (!o.query.from.empty()) {
    ROOST_ASSIGN_OR_RETURN(p.exec.from, query::ParseTimeInZone(o.query.from, o.query.tz));
  }
  if (!o.query.to.empty()) {
    ROOST_ASSIGN_OR_RETURN(p.exec.to, query::ParseTimeInZone(o.query.to, o.query.tz));
  }
  run.limit = o.limit;
  run.tweets = o.tweets;
  run.min_support = o.min_support;
  run.min_sources = o.min_sources;
  run.min_burst_z = o.min_burst_z;
  run.progress = AnalysisProgress("trends");  // a period of many windows can take a while
  ROOST_ASSIGN_OR_RETURN(TrendsAnswer a, answer::GatedTrends(*p.archive, p.query, p.exec, run, policy));
  EndProgress();
  a.filter = qo.filter;
  if (a.redacted) {
    PrintWithheldAnswer(policy, o.query.json);
    return Status::Ok();
  }
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  if (o.query.json) {
    fmt::print("{}\n", answer::TrendsJson(a, ms));
    return Status::Ok();
  }
  auto shown = [](const BurstingValue& v) { return v.redacted ? std::string(kRedacted) : v.display; };
  if (o.csv) {
    // One row per trend; its values in one cell, "; " between them.
    Table t({"label", "score", "tweets", "start", "peak", "end", "values"});
    for (const TrendItem& tr : a.trends) {
      if (tr.redacted) {
        t.AddRow({kRedacted, "", "", "", "", "", ""});
        continue;
      }
      std::vector<std::string> values;
      for (const BurstingValue& v : tr.values) values.push_back(shown(v));
      t.AddRow({tr.label, fmt::format("{:.1f}", tr.score), std::to_string(tr.tweets), tr.start, tr.peak, tr.end,
                fmt::format("{}", fmt::join(values, "; "))});
    }
    fmt::print("{}", t.Csv());
    SayWhyEmpty("trends", a.empty_because);
    return Status::Ok();
  }
  fmt::print("{} trend(s)\n", a.trends.size());
  SayWhyEmpty("trends", a.empty_because);
  for (const TrendItem& t : a.trends) {
    if (t.redacted) {
      fmt::print("\n{}: fewer than {} authors\n", kRedacted, policy.min_group_authors);
      continue;
    }
    std::vector<std::string> terms;
    for (const BurstingValue& v : t.values) terms.push_back(shown(v));
    fmt::print("\n{}  z={:.1f}  {} tweets  start {} peak {} end {}\n  terms: {}\n", t.label, t.score, t.tweets, t.start,
               t.peak, t.end, fmt::join(terms, ", "));
    std::vector<std::string> curve;
    for (const CurveHour& h : t.curve) curve.push_back(h.redacted ? std::string(kRedacted) : std::to_string(h.tweets));
    fmt::print("  hourly from {}: {}\n", t.curve_start, fmt::join(curve, " "));
    for (const ShownTweet& tw : t.top_tweets) PrintTweetLine("tweet ", tw, a.text_shown, a.handles_shown);
  }
  return Status::Ok();
}

}  // namespace

void AddTrendsCommand(CLI::App& app, int* exit_code) {
  auto* cmd = app.add_subcommand("trends", "what was trending at a moment (--at) or over a period (--from/--to)");
  auto o = std::make_shared<TrendsOptions>();
  AddQueryOptions(cmd, &o->query, /*filter_required=*/false);
  AddPrivacyOptions(cmd, &o->privacy);
  cmd->add_option("--at", o->at, "start of the window (ISO 8601, e.g. 2012-03-01 or 2012-03-01T14:00)")
      ->excludes("--from")
      ->excludes("--to");
  cmd->add_option("--interval", o->interval, "length of a window: hour or day")
      ->capture_default_str()
      ->check(CLI::IsMember({"hour", "day"}));
  cmd->add_option("--window", o->interval, "former name of --interval")->check(CLI::IsMember({"hour", "day"}))->group("");
  cmd->add_option("--lang", o->lang, "only tweets in this language (detected)");
  cmd->add_option("--limit", o->limit, "trends per window")->capture_default_str()->check(CLI::Range(1, 64));
  cmd->add_option("--tweets", o->tweets, "top tweets per trend")->capture_default_str()->check(CLI::Range(0, 100));
  cmd->add_option("--min-support", o->min_support, "minimum count of a value in the window (default 20 a day, 10 an hour)");
  // Not the --min-spike-z of spikes: this z is a value's burst score
  // against the same window on other days (docs/DETECTION.md).
  cmd->add_option("--min-burst-z", o->min_burst_z, "minimum burst score z of a trend's values")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--min-z", o->min_burst_z, "former name of --min-burst-z")->check(CLI::NonNegativeNumber)->group("");
  cmd->add_flag("--csv", o->csv, "CSV output: one row per trend")->excludes("--json");
  cmd->add_option("--min-sources", o->min_sources,
                  "minimum distinct source tweets of a trend's values (a tweet and its retweets are one)")
      ->capture_default_str();
  cmd->callback([o, exit_code] {
    const Status s = RunTrends(*o);
    *exit_code = s.ok() ? kExitOk : ReportError("trends", s);
  });
}

}  // namespace roost::cli
