#include "answer/spikes_answer.h"

#include <algorithm>
#include <limits>
#include <optional>

#include "analysis/aggregate/selection.h"
#include "analysis/aggregate/series.h"
#include "analysis/detect/detector.h"
#include "analysis/detect/spikes.h"
#include "analysis/trends/trends.h"
#include "answer/answers.h"
#include "answer/gate.h"

namespace roost::answer {

// GCC checks it; clang cannot build libstdc++ 12's std::string members at
// compile time (the fuzz build is clang's).
#if !defined(__clang__)
static_assert(SpikesRequest{}.threshold == detect::kDefaultThreshold, "one default threshold");
#endif

namespace {

ExplainingValues ShowDimension(const privacy::PrivacyPolicy& policy, const trends::Dimensions& dims,
                               size_t d, const trends::BurstResult& bursts) {
  ExplainingValues out;
  out.dimension = dims.specs[d].name;
  for (const auto& b : bursts.bursts)
    if (b.term.dim == static_cast<int>(d)) out.values.push_back(ShowBurst(policy, dims, b));
  return out;
}

}  // namespace

Result<SpikesAnswer> GatedSpikes(const storage::Archive& archive, const query::Query& query,
                                 const query::ExecOptions& exec, const SpikesRun& run,
                                 const privacy::PrivacyPolicy& policy) {
  const aggregate::ZoneRules& zone = *run.zone;
  TimestampMs from = exec.from, to = exec.to;
  aggregate::DefaultSeriesRange(archive, &from, &to);
  if (from == std::numeric_limits<TimestampMs>::min() ||
      to == std::numeric_limits<TimestampMs>::max())
    return Status::InvalidArgument(
        "the archive holds no tweets in that range; give --from and --to");
  ROOST_ASSIGN_OR_RETURN(aggregate::TimeGrid grid,
                         aggregate::TimeGrid::Make(run.interval, run.zone, from, to));
  // The explanation's baseline windows may lie outside the range.
  query::ExecOptions all = exec;
  all.from = std::numeric_limits<TimestampMs>::min();
  all.to = std::numeric_limits<TimestampMs>::max();
  ROOST_ASSIGN_OR_RETURN(const query::QueryResult selected,
                         aggregate::SelectRows(archive, query, all));
  aggregate::ColumnCache cache;
  aggregate::MetricSet metrics = aggregate::MetricSet::TweetsOnly();
  metrics.authors = policy.enabled;
  ROOST_ASSIGN_OR_RETURN(
      const aggregate::SeriesResult s,
      aggregate::ComputeSeries(archive, selected, std::move(grid), metrics, exec.threads, &cache));
  SpikesAnswer a;
  a.interval = aggregate::IntervalName(run.interval);
  a.tz = zone.name();
  a.gate = ToSettings(policy);
  a.text_shown = TextShown(policy);
  a.handles_shown = HandlesShown(policy);
  if (!privacy::AnswerAllowed(policy, s.total.unique_authors)) {
    a.redacted = true;
    a.reason = privacy::WithheldReason(policy);
    return a;
  }
  a.buckets = s.buckets.size();
  detect::Series series;
  for (size_t i = 0; i < s.buckets.size(); ++i) {
    series.times.push_back(s.grid.start(i));
    series.values.push_back(static_cast<double>(s.buckets[i].tweets));
  }
  std::vector<std::string> names{"terms", "hashtags", "phrases", "domains", "lang"};
  if (a.handles_shown) names.push_back("authors");
  a.dimensions = names;
  ROOST_ASSIGN_OR_RETURN(const trends::Dimensions dims, trends::Dimensions::Make(names));
  // A series of one bucket has no baseline: no spike, but still an answer.
  if (series.size() >= 2) {
    detect::DetectorOptions dopt;
    dopt.causal = false;
    ROOST_ASSIGN_OR_RETURN(const detect::Detection det, detect::Detect(series, dopt));
    detect::SpikeOptions sopt;
    sopt.threshold = run.threshold;
    sopt.core_z = run.min_spike_z;
    std::optional<query::QueryResult> background;
    const std::vector<detect::Spike> spikes = detect::FindSpikes(series, det, sopt);
    for (const auto& spike : spikes) {
      ROOST_RETURN_IF_ERROR(exec.deadline.Check());
      if (run.progress)
        run.progress("explaining spike " + std::to_string(a.spikes.size() + 1) + " of " +
                     std::to_string(spikes.size()) + " (" + TimeLabel(spike.start_time, zone) +
                     ")");
      const trends::Window w{s.grid.start(spike.start), s.grid.end(spike.end)};
      trends::TrendOptions topt;
      topt.bursts.baseline_offsets = trends::AroundDays(7);
      topt.bursts.min_support =
          policy.enabled ? std::max<uint64_t>(10, policy.min_group_authors) : 5;
      topt.bursts.threads = exec.threads;
      topt.bursts.limit_per_dimension = run.limit;
      topt.max_trends = 1;
      topt.top_tweets = run.tweets;
      topt.curve_margin_ms = 0;
      ROOST_ASSIGN_OR_RETURN(trends::TrendResult why,
                             trends::FindTrends(archive, selected, dims, w, topt, &cache));
      bool on_background = false;
      uint64_t base_tweets = 0;
      for (uint64_t n : why.bursts.baseline_tweets) base_tweets += n;
      if (query.root != nullptr && base_tweets < why.bursts.window_tweets) {
        // The filter matches too little on other days: compare with every tweet.
        if (!background) {
          ROOST_ASSIGN_OR_RETURN(background, aggregate::SelectRows(archive, query::Query{}, all));
        }
        topt.bursts.baseline_rows = &*background;
        ROOST_ASSIGN_OR_RETURN(why, trends::FindTrends(archive, selected, dims, w, topt, &cache));
        on_background = true;
      }
      SpikeItem item;
      item.start = TimeLabel(spike.start_time, zone);
      item.peak = TimeLabel(spike.peak_time, zone);
      item.end = TimeLabel(s.grid.end(spike.end), zone);
      item.peak_tweets = privacy::RoundDown(policy, static_cast<uint64_t>(spike.peak_value));
      item.expected_tweets = spike.expected_at_peak;
      item.magnitude = spike.magnitude;
      item.excess_tweets = privacy::RoundDown(policy, static_cast<uint64_t>(spike.excess));
      item.score = spike.max_score;
      item.baseline = on_background ? "all tweets" : "filter";
      for (size_t d = 0; d < dims.specs.size(); ++d)
        item.explanation.push_back(ShowDimension(policy, dims, d, why.bursts));
      if (!why.trends.empty())
        for (const auto& t : why.trends[0].top_tweets)
          item.top_tweets.push_back(ShowTweet(policy, zone, t));
      std::vector<std::string> terms;
      for (const auto& b : why.bursts.bursts)
        if (privacy::GroupAllowed(policy, b.authors))
          terms.push_back(b.term.value);  // news match no hidden value
      for (const auto& n : run.news) {
        if (n.time < w.from - (w.to - w.from) || n.time >= w.to) continue;
        auto k = trends::MatchedKeywords(n, terms);
        if (!k.empty())
          item.news.push_back({TimeLabel(n.time, zone), n.headline, n.url, std::move(k)});
      }
      a.spikes.push_back(std::move(item));
    }
  }
  // A series of zeros: say why when the archive can (its span, or a value
  // the filter needs that no tweet in the range has).
  if (s.total.tweets == 0) a.empty_because = WhyEmpty(archive, query, exec);
  return a;
}

}  // namespace roost::answer
