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
#include "common/time_parse.h"

namespace roost::cli {
namespace {

struct SpikesOptions {
  QueryOptions query;
  PrivacyOptions privacy;
  std::string interval = "hour";
  std::string news;
  double threshold = detect::kDefaultThreshold;
  double min_z = 6;
  size_t top = 5;
  size_t tweets = 3;
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
  std::vector<Explained> out;
  if (series.size() >= 2) {
    detect::DetectorOptions dopt;
    dopt.causal = false;
    ROOST_ASSIGN_OR_RETURN(const detect::Detection det, detect::Detect(series, dopt));
    detect::SpikeOptions sopt;
    sopt.threshold = o.threshold;
    sopt.core_z = o.min_z;
    std::vector<std::string> names{"terms", "hashtags", "phrases", "domains", "lang"};
    if (!policy.enabled || policy.show_handles) names.push_back("authors");
    ROOST_ASSIGN_OR_RETURN(const trends::Dimensions dims, trends::Dimensions::Make(names));
    std::optional<query::QueryResult> background;
    for (const auto& spike : detect::FindSpikes(series, det, sopt)) {
      Explained e{spike, {}, {}, false};
      const trends::Window w{s.grid.start(spike.start), s.grid.end(spike.end)};
      trends::TrendOptions topt;
      topt.bursts.baseline_offsets = trends::AroundDays(7);
      topt.bursts.min_support = policy.enabled ? std::max<uint64_t>(10, policy.min_group_authors) : 5;
      topt.bursts.threads = o.query.threads;
      topt.bursts.limit_per_dimension = o.top;
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
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    const bool text_ok = !policy.enabled || policy.show_text, handles_ok = !policy.enabled || policy.show_handles;
    auto label = [&](TimestampMs t) { return aggregate::FormatWithOffset(t, zone->OffsetAt(t)); };
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
        j.Key("end").String(label(s.grid.end(sp.end))).Key("peak_count").Uint(count(static_cast<uint64_t>(sp.peak_value)));
        j.Key("expected").Double(sp.expected_at_peak).Key("magnitude").Double(sp.magnitude);
        j.Key("excess").Uint(count(static_cast<uint64_t>(sp.excess))).Key("score").Double(sp.max_score);
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
            j.BeginObject().Key("value").String(b.term.value).Key("count").Uint(count(b.count))
                .Key("expected").Double(b.expected).Key("lift").Double(b.lift).Key("z").Double(b.z);
            if (policy.enabled) j.Key("authors").Uint(count(b.authors));
            j.EndObject();
          }
          j.EndArray();
        }
        j.EndObject().Key("tweets").BeginArray();
        for (const auto& t : e.why.trends.empty() ? std::vector<trends::ShownTweet>{} : e.why.trends[0].top_tweets) {
          j.BeginObject().Key("created_at").String(FormatIsoTime(t.time));
          if (text_ok) j.Key("id").String(std::to_string(t.id)).Key("text").String(t.text);
          if (handles_ok) j.Key("handle").String(t.handle);
          j.Key("retweet_count").Int(t.retweet_count).EndObject();
        }
        j.EndArray().Key("news").BeginArray();
        for (const auto& [n, k] : e.news) {
          j.BeginObject().Key("time").String(FormatIsoTime(n->time)).Key("headline").String(n->headline);
          j.Key("url").String(n->url).Key("matched").BeginArray();
          for (const auto& x : k) j.String(x);
          j.EndArray().EndObject();
        }
        j.EndArray().EndObject();
      }
      j.EndArray().Key("elapsed_ms").Double(ms).EndObject();
      fmt::print("{}\n", j.str());
      return Status::Ok();
    }
    fmt::print("{} spike(s) in {} {} buckets\n", out.size(), s.buckets.size(), aggregate::IntervalName(interval));
    for (const auto& e : out) {
      const auto& sp = e.spike;
      fmt::print("\nspike {} .. {}  peak {}  {} tweets vs {:.0f} expected (x{:.1f}), score {:.3f}\n",
                 label(sp.start_time), label(s.grid.end(sp.end)), label(sp.peak_time),
                 count(static_cast<uint64_t>(sp.peak_value)), sp.expected_at_peak, sp.magnitude, sp.max_score);
      for (size_t d = 0; d < dims.specs.size(); ++d) {
        std::string line;
        for (const auto& b : e.why.bursts.bursts) {
          if (b.term.dim != static_cast<int>(d)) continue;
          if (!line.empty()) line += ", ";
          line += privacy::GroupAllowed(policy, b.authors)
                      ? fmt::format("{} ({} vs {:.0f})", trends::DisplayTerm(dims, b.term), count(b.count), b.expected)
                      : std::string(kRedacted);
        }
        if (!line.empty()) fmt::print("  {:<9} {}\n", dims.specs[d].name, line);
      }
      if (!e.why.trends.empty())
        for (const auto& t : e.why.trends[0].top_tweets) {
          std::string text = text_ok ? t.text : "[text hidden]";
          for (char& c : text)
            if (c == '\n' || c == '\t') c = ' ';
          fmt::print("  tweet     {} {}{}\n", FormatIsoTime(t.time), handles_ok ? "@" + t.handle + " " : "", text);
        }
      for (const auto& [n, k] : e.news)
        fmt::print("  news      {} {} [{}]\n", FormatIsoTime(n->time), n->headline, fmt::join(k, ", "));
    }
  }
  return Status::Ok();
}

}  // namespace

void AddSpikesCommand(CLI::App& app, int* exit_code) {
  auto* cmd = app.add_subcommand("spikes", "volume spikes of the tweets a filter matches, each explained");
  auto o = std::make_shared<SpikesOptions>();
  AddQueryOptions(cmd, &o->query, /*filter_required=*/false);
  AddPrivacyOptions(cmd, &o->privacy);
  cmd->add_option("--interval", o->interval, "minute, hour or day")->capture_default_str();
  cmd->add_option("--news", o->news, "news timeline CSV (time,headline,url,keywords) to match against spikes");
  cmd->add_option("--threshold", o->threshold, "anomaly score threshold")->capture_default_str()->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--min-z", o->min_z, "a bucket whose residual z reaches this is a spike too (0: score only)")
      ->capture_default_str();
  cmd->add_option("--top", o->top, "explanation values per dimension")->capture_default_str()->check(CLI::Range(1, 1000));
  cmd->add_option("--tweets", o->tweets, "representative tweets per spike")->capture_default_str()->check(CLI::Range(0, 100));
  cmd->callback([o, exit_code] {
    const Status s = RunSpikes(*o);
    *exit_code = s.ok() ? kExitOk : ReportError("spikes", s);
  });
}

}  // namespace roost::cli
