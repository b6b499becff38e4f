#include "answer/analyses.h"

#include <limits>

#include "analysis/aggregate/selection.h"
#include "analysis/aggregate/series.h"
#include "answer/answers.h"

namespace roost::answer {

TopItem GateItem(const privacy::PrivacyPolicy& policy, const aggregate::BreakdownItem& item) {
  TopItem out;
  const bool redacted = !privacy::GroupAllowed(policy, item.metrics.unique_authors);
  out.metrics = GateMetrics(policy, item.metrics, redacted);
  if (redacted) return out;  // a rare value can name a person: hidden too
  out.value = item.value;
  for (const auto& c : item.children) out.children.push_back(GateItem(policy, c));
  return out;
}

aggregate::MetricSet ToMetricSet(const MetricChoice& c) { return {c.authors, c.kinds, c.engagement, c.sentiment}; }

Metrics GateMetrics(const privacy::PrivacyPolicy& policy, const aggregate::TweetMetrics& exact, bool redacted) {
  Metrics m;
  if (redacted) {
    m.redacted = true;
    return m;
  }
  const aggregate::TweetMetrics q = privacy::Quantize(policy, exact);
  m.tweets = q.tweets, m.unique_authors = q.unique_authors, m.reach = q.reach;
  m.retweets = q.retweets, m.replies = q.replies, m.quotes = q.quotes, m.engagement = q.engagement;
  m.scored = q.scored, m.positive = q.positive, m.neutral = q.neutral, m.negative = q.negative;
  m.sentiment_mean = exact.sentiment_mean();
  m.net_sentiment = exact.net_sentiment();
  return m;
}

Result<SeriesAnswer> GatedSeries(const storage::Archive& archive, const query::Query& query,
                                 const query::ExecOptions& exec, const SeriesRun& run,
                                 const privacy::PrivacyPolicy& policy) {
  aggregate::MetricSet metrics = run.metrics;
  if (policy.enabled) metrics.authors = true;  // the gate counts authors
  query::ExecOptions e = exec;
  aggregate::DefaultSeriesRange(archive, &e.from, &e.to);
  if (e.from == std::numeric_limits<TimestampMs>::min() || e.to == std::numeric_limits<TimestampMs>::max())
    return Status::InvalidArgument("the archive holds no tweets in that range; give --from and --to");
  ROOST_ASSIGN_OR_RETURN(aggregate::TimeGrid grid, aggregate::TimeGrid::Make(run.interval, run.zone, e.from, e.to));
  ROOST_ASSIGN_OR_RETURN(const query::QueryResult selected, aggregate::SelectRows(archive, query, e));
  aggregate::ColumnCache local;
  ROOST_ASSIGN_OR_RETURN(const aggregate::SeriesResult s,
                         aggregate::ComputeSeries(archive, selected, grid, metrics, run.threads,
                                                  run.cache ? run.cache : &local));
  SeriesAnswer a;
  a.interval = aggregate::IntervalName(run.interval);
  a.tz = run.zone->name();
  if (s.total.tweets == 0) a.empty_because = WhyEmpty(archive, query, exec);
  if (!privacy::AnswerAllowed(policy, s.total.unique_authors)) {
    a.redacted = true;
    a.reason = privacy::WithheldReason(policy);
    return a;
  }
  for (size_t i = 0; i < s.buckets.size(); ++i) {
    // Empty buckets show zeros: they reveal no one.
    const bool redacted = !privacy::GroupAllowed(policy, s.buckets[i].unique_authors) && s.buckets[i].tweets > 0;
    a.buckets.push_back({s.grid.Label(i), GateMetrics(policy, s.buckets[i], redacted)});
  }
  a.totals = GateMetrics(policy, s.total, false);
  return a;
}

Result<TopAnswer> GatedTop(const storage::Archive& archive, const query::Query& query,
                           const query::ExecOptions& exec, TopRun run, const privacy::PrivacyPolicy& policy) {
  if (policy.enabled) {
    for (const auto& d : run.spec.levels)
      if (d.personal && !policy.show_handles)
        return Status::InvalidArgument("target '" + d.name + "' shows handles, which the privacy settings (" +
                                       policy.origin + ") do not allow");
    run.spec.metrics.authors = true;
    run.spec.total_authors = true;
  }
  ROOST_ASSIGN_OR_RETURN(const query::QueryResult selected, aggregate::SelectRows(archive, query, exec));
  std::vector<query::TagMatches> tags;
  if (run.tags != nullptr) {
    ROOST_ASSIGN_OR_RETURN(tags, query::EvaluateTags(archive, *run.tags, exec, query.root ? &query : nullptr));
    run.spec.tags = &tags;
  }
  aggregate::ColumnCache local;
  ROOST_ASSIGN_OR_RETURN(const aggregate::BreakdownResult r,
                         aggregate::ComputeBreakdown(archive, selected, run.spec, run.cache ? run.cache : &local));
  TopAnswer a;
  if (r.total.tweets == 0) a.empty_because = WhyEmpty(archive, query, exec);
  if (!privacy::AnswerAllowed(policy, r.total.unique_authors)) {
    a.redacted = true;
    a.reason = privacy::WithheldReason(policy);
    return a;
  }
  for (const auto& item : r.items) a.items.push_back(GateItem(policy, item));
  a.distinct = privacy::RoundDown(policy, r.distinct);
  a.tweets = privacy::RoundDown(policy, r.total.tweets);
  return a;
}

}  // namespace roost::answer
