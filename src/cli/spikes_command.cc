// roost spikes: spikes of a filtered volume series against a seasonal
// baseline (analysis/detect), each explained by the values over-represented
// inside it compared with the same hours of other days (analysis/trends),
// a few representative tweets under the privacy rules, and matching news.
#include <chrono>
#include <limits>
#include <optional>

#include <fmt/format.h>

#include "analysis/aggregate/selection.h"
#include "analysis/aggregate/series.h"
#include "analysis/detect/detector.h"
#include "analysis/detect/spikes.h"
#include "analysis/trends/news.h"
#include "analysis/trends/trends.h"
#include "cli/command.h"
#include "cli/metrics_output.h"
#include "cli/output.h"
#include "cli/privacy_options.h"
#include "cli/query_options.h"
#include "cli/table.h"
#include "cli/time_label.h"

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

struct Explained {
  detect::Spike spike;
  trends::TrendResult why;
  std::vector<std::pair<const trends::NewsItem*, std::vector<std::string>>> news;
  bool background = false;  // baseline = every tweet, not the filter's
};

Status RunSpikes(const SpikesOptions& o) {
  const auto start = std::chrono::steady_clock::now();
  ROOST_ASSIGN_OR_RETURN(const aggregate::Interval interval, aggregate::ParseInterval(o.interval));
  ROOST_ASSIGN_OR_RETURN(auto zone, aggregate::ZoneRules::Load(o.query.tz));
  ROOST_ASSIGN_OR_RETURN(PreparedQuery p, PrepareQuery(o.query));
  ROOST_ASSIGN_OR_RETURN(const privacy::PrivacyPolicy policy, ResolvePrivacy(o.privacy, o.query.archive));
  std::vector<trends::NewsItem> news;
  if (!o.news.empty()) {
    ROOST_ASSIGN_OR_RETURN(news, trends::ReadNewsCsv(o.news));
  }
  TimestampMs from = p.exec.from, to = p.exec.to;
  aggregate::DefaultSeriesRange(*p.archive, &from, &to);
  if (from == std::numeric_limits<TimestampMs>::min() || to == std::numeric_limits<TimestampMs>::max())
    return Status::InvalidArgument("the archive holds no tweets in that range; give --from and --to");
  ROOST_ASSIGN_OR_RETURN(aggregate::TimeGrid grid, aggregate::TimeGrid::Make(interval, zone, from, to));
  // The explanation's baseline windows may lie outside --from/--to.
  query::ExecOptions all = p.exec;
  all.from = std::numeric_limits<TimestampMs>::min();
  all.to = std::numeric_limits<TimestampMs>::max();
  ROOST_ASSIGN_OR_RETURN(const query::QueryResult selected, aggregate::SelectRows(*p.archive, p.query, all));
  aggregate::ColumnCache cache;
  aggregate::MetricSet metrics = aggregate::MetricSet::TweetsOnly();
  metrics.authors = policy.enabled;
  ROOST_ASSIGN_OR_RETURN(const aggregate::SeriesResult s,
                         aggregate::ComputeSeries(*p.archive, selected, std::move(grid), metrics, o.query.threads, &cache));
  if (!privacy::AnswerAllowed(policy, s.total.unique_authors)) {
    PrintWithheldAnswer(policy, o.query.json);
    return Status::Ok();
  }
  detect::Series series;
  for (size_t i = 0; i < s.buckets.size(); ++i) {
    series.times.push_back(s.grid.start(i));
    series.values.push_back(static_cast<double>(s.buckets[i].tweets));
  }
  std::vector<std::string> names{"terms", "hashtags", "phrases", "domains", "lang"};
  if (!policy.enabled || policy.show_handles) names.push_back("authors");
  ROOST_ASSIGN_OR_RETURN(const trends::Dimensions dims, trends::Dimensions::Make(names));
  std::vector<Explained> out;
  // A series of one bucket has no baseline: no spike, but still an answer.
  if (series.size() >= 2) {
    detect::DetectorOptions dopt;
    dopt.causal = false;
    ROOST_ASSIGN_OR_RETURN(const detect::Detection det, detect::Detect(series, dopt));
    detect::SpikeOptions sopt;
    sopt.threshold = o.threshold;
    sopt.core_z = o.min_spike_z;
    std::optional<query::QueryResult> background;
    DelayedProgress progress;  // each spike's explanation reads its baseline days
    const std::vector<detect::Spike> spikes = detect::FindSpikes(series, det, sopt);
    for (const auto& spike : spikes) {
      progress.Show(fmt::format("spikes: explaining spike {} of {} ({})", out.size() + 1, spikes.size(),
                                FormatInZone(spike.start_time, *zone)));
      Explained e{spike, {}, {}, false};
      const trends::Window w{s.grid.start(spike.start), s.grid.end(spike.end)};
      trends::TrendOptions topt;
      topt.bursts.baseline_offsets = trends::AroundDays(7);
      topt.bursts.min_support = policy.enabled ? std::max<uint64_t>(10, policy.min_group_authors) : 5;
      topt.bursts.threads = o.query.threads;
      topt.bursts.limit_per_dimension = o.limit;
      topt.max_trends = 1;
      topt.top_tweets = o.tweets;
      topt.curve_margin_ms = 0;
      ROOST_ASSIGN_OR_RETURN(e.why, trends::FindTrends(*p.archive, selected, dims, w, topt, &cache));
      uint64_t base_tweets = 0;
      for (uint64_t n : e.why.bursts.baseline_tweets) base_tweets += n;
      if (p.query.root != nullptr && base_tweets < e.why.bursts.window_tweets) {
        // The filter matches too little on other days: compare with every tweet.
        if (!background) {
          ROOST_ASSIGN_OR_RETURN(background, aggregate::SelectRows(*p.archive, query::Query{}, all));
        }
        topt.bursts.baseline_rows = &*background;
        ROOST_ASSIGN_OR_RETURN(e.why, trends::FindTrends(*p.archive, selected, dims, w, topt, &cache));
        e.background = true;
      }
      std::vector<std::string> terms;
      for (const auto& b : e.why.bursts.bursts)
        if (privacy::GroupAllowed(policy, b.authors)) terms.push_back(b.term.value);  // news match no hidden value
      for (const auto& n : news) {
        if (n.time < w.from - (w.to - w.from) || n.time >= w.to) continue;
        auto k = trends::MatchedKeywords(n, terms);
        if (!k.empty()) e.news.push_back({&n, std::move(k)});
      }
      out.push_back(std::move(e));
    }
  }
  EndProgress();
  // A series of zeros: say why when the archive can (its span, or a value
  // the filter needs that no tweet in the range has).
  const std::vector<std::string> why = s.total.tweets == 0 ? WhyEmpty(p) : std::vector<std::string>{};
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  const bool text_ok = !policy.enabled || policy.show_text, handles_ok = !policy.enabled || policy.show_handles;
  auto label = [&](TimestampMs t) { return FormatInZone(t, *zone); };
  auto count = [&](uint64_t c) { return privacy::RoundDown(policy, c); };
  if (o.query.json) {
    JsonWriter j;
    j.BeginObject().Key("interval").String(aggregate::IntervalName(interval)).Key("tz").String(zone->name());
    j.Key("filter").String(o.query.filter);
    WritePrivacyJson(&j, policy);
    j.Key("spikes").BeginArray();
    for (const auto& e : out) {
      const auto& sp = e.spike;
      j.BeginObject().Key("start").String(label(sp.start_time)).Key("peak").String(label(sp.peak_time));
      j.Key("end").String(label(s.grid.end(sp.end))).Key("peak_tweets").Uint(count(static_cast<uint64_t>(sp.peak_value)));
      j.Key("expected_tweets").Double(sp.expected_at_peak).Key("magnitude").Double(sp.magnitude);
      j.Key("excess_tweets").Uint(count(static_cast<uint64_t>(sp.excess))).Key("score").Double(sp.max_score);
      j.Key("baseline").String(e.background ? "all tweets" : "filter");
      j.Key("explanation").BeginObject();
      for (size_t d = 0; d < dims.specs.size(); ++d) {
        j.Key(dims.specs[d].name).BeginArray();
        for (const auto& b : e.why.bursts.bursts) {
          if (b.term.dim != static_cast<int>(d)) continue;
          if (!privacy::GroupAllowed(policy, b.authors)) {
            j.BeginObject().Key(kRedacted).Bool(true).EndObject();
            continue;
          }
          j.BeginObject().Key("value").String(b.term.value).Key("tweets").Uint(count(b.count))
              .Key("expected_tweets").Double(b.expected).Key("lift").Double(b.lift).Key("z").Double(b.z);
          if (policy.enabled) j.Key("unique_authors").Uint(count(b.authors));
          j.EndObject();
        }
        j.EndArray();
      }
      j.EndObject().Key("top_tweets").BeginArray();
      for (const auto& t : e.why.trends.empty() ? std::vector<trends::ShownTweet>{} : e.why.trends[0].top_tweets) {
        j.BeginObject().Key("created_at").String(label(t.time));
        if (text_ok) j.Key("id").String(std::to_string(t.id)).Key("text").String(t.text);
        if (handles_ok) j.Key("handle").String(t.handle);
        j.Key("retweet_count").Int(t.retweet_count).EndObject();
      }
      j.EndArray().Key("news").BeginArray();
      for (const auto& [n, k] : e.news) {
        j.BeginObject().Key("time").String(label(n->time)).Key("headline").String(n->headline);
        j.Key("url").String(n->url).Key("matched").BeginArray();
        for (const auto& x : k) j.String(x);
        j.EndArray().EndObject();
      }
      j.EndArray().EndObject();
    }
    j.EndArray();
    if (!why.empty()) {
      j.Key("empty_because").BeginArray();
      for (const std::string& w : why) j.String(w);
      j.EndArray();
    }
    j.Key("elapsed_ms").Double(ms).EndObject();
    fmt::print("{}\n", j.str());
    return Status::Ok();
  }
  // The explanation's values of one dimension, as the text lists them.
  auto values = [&](const Explained& e, size_t d, bool with_counts) {
    std::vector<std::string> v;
    for (const auto& b : e.why.bursts.bursts) {
      if (b.term.dim != static_cast<int>(d)) continue;
      if (!privacy::GroupAllowed(policy, b.authors)) v.push_back(kRedacted);
      else if (with_counts) v.push_back(fmt::format("{} ({} vs {:.0f})", trends::DisplayTerm(dims, b.term), count(b.count), b.expected));
      else v.push_back(trends::DisplayTerm(dims, b.term));
    }
    return v;
  };
  if (o.csv) {
    // One row per spike; a dimension's values in one cell, "; " between them.
    std::vector<std::string> header{"start", "peak", "end", "peak_tweets", "expected_tweets", "magnitude",
                                    "excess_tweets", "score", "baseline"};
    for (const auto& spec : dims.specs) header.push_back(spec.name);
    Table t(header);
    for (const auto& e : out) {
      const auto& sp = e.spike;
      std::vector<std::string> row{label(sp.start_time), label(sp.peak_time), label(s.grid.end(sp.end)),
                                   std::to_string(count(static_cast<uint64_t>(sp.peak_value))),
                                   fmt::format("{:.1f}", sp.expected_at_peak), fmt::format("{:.2f}", sp.magnitude),
                                   std::to_string(count(static_cast<uint64_t>(sp.excess))),
                                   fmt::format("{:.3f}", sp.max_score), e.background ? "all tweets" : "filter"};
      for (size_t d = 0; d < dims.specs.size(); ++d) row.push_back(fmt::format("{}", fmt::join(values(e, d, false), "; ")));
      t.AddRow(std::move(row));
    }
    fmt::print("{}", t.Csv());
    SayWhyEmpty("spikes", why);
    return Status::Ok();
  }
  fmt::print("{} spike(s) in {} {} buckets\n", out.size(), s.buckets.size(), aggregate::IntervalName(interval));
  SayWhyEmpty("spikes", why);
  for (const auto& e : out) {
    const auto& sp = e.spike;
    fmt::print("\nspike {} .. {}  peak {}  {} tweets vs {:.0f} expected (x{:.1f}), score {:.3f}\n",
               label(sp.start_time), label(s.grid.end(sp.end)), label(sp.peak_time),
               count(static_cast<uint64_t>(sp.peak_value)), sp.expected_at_peak, sp.magnitude, sp.max_score);
    for (size_t d = 0; d < dims.specs.size(); ++d) {
      const std::vector<std::string> v = values(e, d, true);
      if (!v.empty()) fmt::print("  {:<9} {}\n", dims.specs[d].name, fmt::join(v, ", "));
    }
    if (!e.why.trends.empty())
      for (const auto& t : e.why.trends[0].top_tweets) {
        std::string text = text_ok ? t.text : "[text hidden]";
        for (char& c : text)
          if (c == '\n' || c == '\t') c = ' ';
        fmt::print("  tweet     {} {}{}\n", label(t.time), handles_ok ? "@" + t.handle + " " : "", text);
      }
    for (const auto& [n, k] : e.news)
      fmt::print("  news      {} {} [{}]\n", label(n->time), n->headline, fmt::join(k, ", "));
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
