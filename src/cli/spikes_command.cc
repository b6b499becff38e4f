// roost spikes: spikes of a filtered volume series against a seasonal
// baseline, each explained by the values over-represented inside it compared
// with the same hours of other days, a few representative tweets and
// matching news, as the answer layer computes and gates them
// (answer/spikes_answer.h).
#include <chrono>

#include <fmt/format.h>

#include "analysis/detect/detector.h"
#include "analysis/trends/news.h"
#include "answer/analysis_json.h"
#include "answer/spikes_answer.h"
#include "cli/command.h"
#include "cli/metrics_output.h"
#include "cli/output.h"
#include "cli/privacy_options.h"
#include "cli/query_options.h"
#include "cli/shown_tweet_line.h"
#include "cli/table.h"

namespace roost::cli {
namespace {

struct SpikesOptions {
  QueryOptions query;
  PrivacyOptions privacy;
  std::string interval = "hour";
  std::string news;
  double threshold = detect::kDefaultThreshold;
  double min_spike_z = 6;  // the detector's residual z of a bucket (not the trends' burst z)
  size_t limit = 5;        // explanation values per dimension
  size_t tweets = 3;
  bool csv = false;
};

Status RunSpikes(const SpikesOptions& o) {
  const auto start = std::chrono::steady_clock::now();
  answer::SpikesRun run;
  ROOST_ASSIGN_OR_RETURN(run.interval, aggregate::ParseInterval(o.interval));
  ROOST_ASSIGN_OR_RETURN(run.zone, aggregate::ZoneRules::Load(o.query.tz));
  ROOST_ASSIGN_OR_RETURN(PreparedQuery p, PrepareQuery(o.query));
  ROOST_ASSIGN_OR_RETURN(const privacy::PrivacyPolicy policy, ResolvePrivacy(o.privacy, o.query.archive));
  if (!o.news.empty()) {
    ROOST_ASSIGN_OR_RETURN(run.news, trends::ReadNewsCsv(o.news));
  }
  run.threshold = o.threshold;
  run.min_spike_z = o.min_spike_z;
  run.limit = o.limit;
  run.tweets = o.tweets;
  run.progress = AnalysisProgress("spikes");  // each spike's explanation reads its baseline days
  ROOST_ASSIGN_OR_RETURN(SpikesAnswer a, answer::GatedSpikes(*p.archive, p.query, p.exec, run, policy));
  EndProgress();
  a.filter = o.query.filter;
  if (a.redacted) {
    PrintWithheldAnswer(policy, o.query.json);
    return Status::Ok();
  }
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  if (o.query.json) {
    fmt::print("{}\n", answer::SpikesJson(a, ms));
    return Status::Ok();
  }
  // The explanation's values of one dimension, as the text lists them.
  auto values = [](const ExplainingValues& d, bool with_counts) {
    std::vector<std::string> v;
    for (const BurstingValue& b : d.values) {
      if (b.redacted) v.push_back(kRedacted);
      else if (with_counts) v.push_back(fmt::format("{} ({} vs {:.0f})", b.display, b.tweets, b.expected_tweets));
      else v.push_back(b.display);
    }
    return v;
  };
  if (o.csv) {
    // One row per spike; a dimension's values in one cell, "; " between them.
    std::vector<std::string> header{"start", "peak", "end", "peak_tweets", "expected_tweets", "magnitude",
                                    "excess_tweets", "score", "baseline"};
    for (const auto& d : a.dimensions) header.push_back(d);
    Table t(header);
    for (const SpikeItem& sp : a.spikes) {
      std::vector<std::string> row{sp.start, sp.peak, sp.end, std::to_string(sp.peak_tweets),
                                   fmt::format("{:.1f}", sp.expected_tweets), fmt::format("{:.2f}", sp.magnitude),
                                   std::to_string(sp.excess_tweets), fmt::format("{:.3f}", sp.score), sp.baseline};
      for (const ExplainingValues& d : sp.explanation) row.push_back(fmt::format("{}", fmt::join(values(d, false), "; ")));
      t.AddRow(std::move(row));
    }
    fmt::print("{}", t.Csv());
    SayWhyEmpty("spikes", a.empty_because);
    return Status::Ok();
  }
  fmt::print("{} spike(s) in {} {} buckets\n", a.spikes.size(), a.buckets, a.interval);
  SayWhyEmpty("spikes", a.empty_because);
  for (const SpikeItem& sp : a.spikes) {
    fmt::print("\nspike {} .. {}  peak {}  {} tweets vs {:.0f} expected (x{:.1f}), score {:.3f}\n", sp.start, sp.end,
               sp.peak, sp.peak_tweets, sp.expected_tweets, sp.magnitude, sp.score);
    for (const ExplainingValues& d : sp.explanation) {
      const std::vector<std::string> v = values(d, true);
      if (!v.empty()) fmt::print("  {:<9} {}\n", d.dimension, fmt::join(v, ", "));
    }
    for (const ShownTweet& t : sp.top_tweets) PrintTweetLine("tweet     ", t, a.text_shown, a.handles_shown);
    for (const NewsMatch& n : sp.news) fmt::print("  news      {} {} [{}]\n", n.time, n.headline, fmt::join(n.matched, ", "));
  }
  return Status::Ok();
}

}  // namespace

void AddSpikesCommand(CLI::App& app, int* exit_code) {
  auto* cmd = app.add_subcommand("spikes", "volume spikes of the tweets a filter matches, each explained");
  auto o = std::make_shared<SpikesOptions>();
  AddQueryOptions(cmd, &o->query, /*filter_required=*/false);
  AddPrivacyOptions(cmd, &o->privacy);
  cmd->add_option("--interval", o->interval, "minute, hour or day")
      ->capture_default_str()
      ->check(CLI::IsMember({"minute", "hour", "day"}));
  cmd->add_option("--news", o->news, "news timeline CSV (time,headline,url,keywords) to match against spikes");
  cmd->add_option("--threshold", o->threshold, "anomaly score threshold")->capture_default_str()->check(CLI::Range(0.0, 1.0));
  // Not the --min-burst-z of trends: this z is the seasonal detector's
  // standardised residual of a whole bucket's volume.
  cmd->add_option("--min-spike-z", o->min_spike_z,
                  "a bucket whose residual z (against its seasonal baseline) reaches this is a spike too (0: score only)")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--min-z", o->min_spike_z, "former name of --min-spike-z")->check(CLI::NonNegativeNumber)->group("");
  cmd->add_option("--limit", o->limit, "explanation values per dimension")->capture_default_str()->check(CLI::Range(1, 1000));
  cmd->add_option("--top", o->limit, "former name of --limit")->check(CLI::Range(1, 1000))->group("");
  cmd->add_option("--tweets", o->tweets, "representative tweets per spike")->capture_default_str()->check(CLI::Range(0, 100));
  cmd->add_flag("--csv", o->csv, "CSV output: one row per spike")->excludes("--json");
  cmd->callback([o, exit_code] {
    const Status s = RunSpikes(*o);
    *exit_code = s.ok() ? kExitOk : ReportError("spikes", s);
  });
}

}  // namespace roost::cli
