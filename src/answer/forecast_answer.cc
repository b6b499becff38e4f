#include "answer/forecast_answer.h"

#include <fmt/format.h>

#include <cmath>
#include <limits>

#include "analysis/aggregate/selection.h"
#include "analysis/aggregate/series.h"
#include "answer/answers.h"
#include "answer/gate.h"
#include "answer/shown_values.h"

namespace roost::answer {
namespace {

int64_t StepMs(aggregate::Interval interval) {
  return interval == aggregate::Interval::kDay ? 86'400'000 : 3'600'000;
}

// Under the gate a forecast is shown to the quantum: the value to the
// nearest multiple, the intervals widened outwards to one.
ForecastStep ShowStep(const forecast::ForecastPoint& p, const aggregate::ZoneRules& zone,
                      const privacy::PrivacyPolicy& policy) {
  ForecastStep s{TimeLabel(p.time, zone), p.value, p.lo80, p.hi80, p.lo95, p.hi95};
  if (!policy.enabled) return s;
  const double q = static_cast<double>(policy.count_quantum == 0 ? 1 : policy.count_quantum);
  s.value = std::round(p.value / q) * q;
  s.lo80 = std::floor(p.lo80 / q) * q, s.lo95 = std::floor(p.lo95 / q) * q;
  s.hi80 = std::ceil(p.hi80 / q) * q, s.hi95 = std::ceil(p.hi95 / q) * q;
  return s;
}

ForecastScore ShowScore(const forecast::ModelScore& m) {
  return {m.model, m.origins, m.points, m.mae, m.mae_ratio, m.mase, m.smape, m.coverage80, m.coverage95};
}

// Redacted buckets take the straight line between their nearest shown
// neighbours (the nearest one at either end): a function of what is shown.
void FillRedacted(const std::vector<HistoryBucket>& history, std::vector<double>* values) {
  const size_t n = history.size();
  size_t prev = n;  // last shown bucket before i
  for (size_t i = 0; i < n; ++i) {
    if (!history[i].redacted) {
      prev = i;
      continue;
    }
    size_t next = i + 1;
    while (next < n && history[next].redacted) ++next;
    if (prev == n && next == n) {
      (*values)[i] = 0;
    } else if (prev == n) {
      (*values)[i] = history[next].value;
    } else if (next == n) {
      (*values)[i] = history[prev].value;
    } else {
      const double w = static_cast<double>(i - prev) / static_cast<double>(next - prev);
      (*values)[i] = (1 - w) * history[prev].value + w * history[next].value;
    }
  }
}

}  // namespace

Result<ForecastRun> MakeForecastRun(const ForecastRequest& r) {
  ForecastRun run;
  ROOST_ASSIGN_OR_RETURN(run.interval, aggregate::ParseInterval(r.interval));
  if (run.interval != aggregate::Interval::kHour && run.interval != aggregate::Interval::kDay)
    return Status::InvalidArgument("forecasts are made per hour or day");
  ROOST_ASSIGN_OR_RETURN(run.zone, aggregate::ZoneRules::Load(r.tz));
  if (r.horizon < 1 || r.horizon > 10000) return Status::InvalidArgument("horizon must be from 1 to 10000");
  if (r.backtest_every < 0 || r.backtest_every > 100000)
    return Status::InvalidArgument("backtest_every must be from 0 to 100000");
  if (r.combine < 0 || r.combine > 20) return Status::InvalidArgument("combine must be from 0 to 20");
  if (r.backtest_after_days && !(*r.backtest_after_days >= 0 && *r.backtest_after_days < 1e6))
    return Status::InvalidArgument("backtest_after must be a number of days from 0");
  run.options.horizon = r.horizon;
  run.options.origin_every = r.backtest_every;
  run.options.combine = r.combine;
  run.backtest_after_days = r.backtest_after_days;
  return run;
}

Result<ForecastAnswer> ForecastSeries(const forecast::RegularSeries& series, const ForecastRun& run,
                                      const aggregate::ZoneRules& zone,
                                      const privacy::PrivacyPolicy& policy,
                                      std::vector<HistoryBucket>* history) {
  forecast::ForecastOptions o = run.options;
  if (run.backtest_after_days)
    o.first_scored = series.start + static_cast<int64_t>(std::llround(*run.backtest_after_days * 86'400'000));
  ROOST_ASSIGN_OR_RETURN(const forecast::ForecastResult r, forecast::Forecast(series, o));
  ForecastAnswer a;
  a.interval = aggregate::IntervalName(run.interval);
  a.tz = zone.name();
  a.gate = ToSettings(policy);
  a.model = r.model;
  a.combined = r.combined;
  a.horizon = o.horizon;
  if (history != nullptr) {
    a.history = std::move(*history);
  } else {
    for (size_t i = 0; i < series.values.size(); ++i)
      a.history.push_back({TimeLabel(series.time(i), zone), series.values[i], false});
  }
  for (const HistoryBucket& b : a.history) a.redacted_buckets += b.redacted;
  for (const auto& p : r.forecast) a.forecast.push_back(ShowStep(p, zone, policy));
  const forecast::Backtest& b = r.backtest;
  a.backtest.horizon = b.horizon;
  a.backtest.origin_every = b.origin_every;
  a.backtest.origins = b.origins;
  if (b.origins) {
    a.backtest.first_origin = TimeLabel(b.first_origin, zone);
    a.backtest.last_origin = TimeLabel(b.last_origin, zone);
  }
  a.backtest.baseline = b.baseline;
  a.backtest.selected = ShowScore(b.selected);
  a.backtest.seasonal_naive = ShowScore(b.seasonal_naive);
  for (const auto& m : b.models) a.backtest.models.push_back(ShowScore(m));
  a.warnings = r.warnings;
  if (a.redacted_buckets)
    a.warnings.push_back(fmt::format("{} of {} buckets had too few unique authors to show; the models saw "
                                     "them filled from their neighbours",
                                     a.redacted_buckets, a.history.size()));
  return a;
}

Result<ForecastAnswer> GatedForecast(const storage::Archive& archive, const query::Query& query,
                                     const query::ExecOptions& exec, const ForecastRun& run,
                                     const privacy::PrivacyPolicy& policy) {
  query::ExecOptions e = exec;
  aggregate::DefaultSeriesRange(archive, &e.from, &e.to);
  if (e.from == std::numeric_limits<TimestampMs>::min() || e.to == std::numeric_limits<TimestampMs>::max())
    return Status::InvalidArgument("the archive holds no tweets in that range; give --from and --to");
  ROOST_ASSIGN_OR_RETURN(aggregate::TimeGrid grid, aggregate::TimeGrid::Make(run.interval, run.zone, e.from, e.to));
  ROOST_ASSIGN_OR_RETURN(const query::QueryResult selected, aggregate::SelectRows(archive, query, e));
  aggregate::MetricSet metrics = aggregate::MetricSet::TweetsOnly();
  metrics.authors = policy.enabled;  // the gate counts authors
  aggregate::ColumnCache local;
  ROOST_ASSIGN_OR_RETURN(const aggregate::SeriesResult s,
                         aggregate::ComputeSeries(archive, selected, std::move(grid), metrics, run.threads,
                                                  run.cache ? run.cache : &local));
  ForecastAnswer withheld;
  withheld.interval = aggregate::IntervalName(run.interval);
  withheld.tz = run.zone->name();
  withheld.gate = ToSettings(policy);
  withheld.horizon = run.options.horizon;
  if (s.total.tweets == 0) withheld.empty_because = WhyEmpty(archive, query, exec);
  if (!privacy::AnswerAllowed(policy, s.total.unique_authors)) {
    withheld.redacted = true;
    withheld.reason = privacy::WithheldReason(policy);
    return withheld;
  }
  forecast::RegularSeries series;
  series.step_ms = StepMs(run.interval);
  series.start = s.grid.start(0);
  std::vector<HistoryBucket> history;
  size_t redacted = 0;
  for (size_t i = 0; i < s.buckets.size(); ++i) {
    const aggregate::TweetMetrics& m = s.buckets[i];
    // Empty buckets show zeros: they reveal no one.
    const bool hidden = m.tweets > 0 && !privacy::GroupAllowed(policy, m.unique_authors);
    redacted += hidden;
    const double shown = hidden ? 0 : static_cast<double>(privacy::RoundDown(policy, m.tweets));
    history.push_back({TimeLabel(s.grid.start(i), *run.zone), shown, hidden});
    series.values.push_back(shown);
  }
  if (static_cast<double>(redacted) > kMaxRedactedShare * static_cast<double>(history.size())) {
    withheld.redacted = true;
    withheld.reason = fmt::format(
        "{} of {} buckets have fewer than {} unique authors, more than a tenth of the history; forecast a "
        "broader filter or per day",
        redacted, history.size(), policy.min_group_authors);
    return withheld;
  }
  FillRedacted(history, &series.values);
  ROOST_ASSIGN_OR_RETURN(ForecastAnswer a, ForecastSeries(series, run, *run.zone, policy, &history));
  a.empty_because = std::move(withheld.empty_because);
  return a;
}

}  // namespace roost::answer
