#include "answer/trends_answer.h"

#include <algorithm>
#include <limits>
#include <vector>

#include "analysis/aggregate/selection.h"
#include "analysis/aggregate/series.h"
#include "analysis/trends/trends.h"
#include "answer/answers.h"
#include "answer/gate.h"

namespace roost::answer {
namespace {

// A trend of a period: merged over consecutive windows where it is the same
// topic, i.e. one part's label is among the other's values (sharing any
// value would merge two brand events that both burst on "customer").
struct PeriodTrend {
  trends::Trend trend;
  std::vector<std::string> labels;  // the parts' label values
  std::vector<std::string> values;  // every part's values
};

bool Contains(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

// The raw value behind a trend's label ("#tag" -> "tag").
std::string LabelValue(const trends::Dimensions& dims, const trends::Trend& t) {
  for (const auto& b : t.terms)
    if (trends::DisplayTerm(dims, b.term) == t.label) return b.term.value;
  return t.label;
}

bool SameTopic(const PeriodTrend& f, const trends::Trend& t, const std::string& label) {
  if (Contains(f.values, label)) return true;
  for (const auto& b : t.terms)
    if (Contains(f.labels, b.term.value)) return true;
  return false;
}

// Adds the trends of one window to those of the period.
void MergeWindow(const trends::Dimensions& dims, TimestampMs first, int64_t len,
                 trends::TrendResult r, std::vector<PeriodTrend>* found) {
  for (auto& t : r.trends) {
    // A burst needs a before: a trend under way when the archive starts
    // (its first hour) has no observed onset.
    if (t.start < first + trends::kHourMs) continue;
    const std::string label = LabelValue(dims, t);
    PeriodTrend* same = nullptr;
    for (auto& f : *found)
      if (SameTopic(f, t, label) && t.start <= f.trend.end + len && f.trend.start <= t.end + len)
        same = &f;
    if (same == nullptr) {
      found->push_back({});
      same = &found->back();
      same->labels.push_back(label);
      for (const auto& b : t.terms) same->values.push_back(b.term.value);
      same->trend = std::move(t);
      continue;
    }
    same->labels.push_back(label);
    for (const auto& b : t.terms) same->values.push_back(b.term.value);
    if (t.peak_count > same->trend.peak_count) {
      const TimestampMs s = std::min(same->trend.start, t.start),
                        e = std::max(same->trend.end, t.end);
      same->trend = std::move(t);
      same->trend.start = s;
      same->trend.end = e;
    } else {
      same->trend.start = std::min(same->trend.start, t.start);
      same->trend.end = std::max(same->trend.end, t.end);
    }
  }
}

TrendItem ShowTrend(const privacy::PrivacyPolicy& policy, const trends::Dimensions& dims,
                    const aggregate::ZoneRules& zone, const trends::Trend& t) {
  TrendItem item;
  if (!privacy::GroupAllowed(policy, t.authors) || t.label.empty()) {
    item.redacted = true;
    return item;
  }
  item.label = t.label;
  item.score = t.score;
  item.tweets = privacy::RoundDown(policy, t.tweets);
  item.start = TimeLabel(t.start, zone);
  item.peak = TimeLabel(t.peak, zone);
  item.end = TimeLabel(t.end, zone);
  for (const auto& b : t.terms) item.values.push_back(ShowBurst(policy, dims, b));
  item.curve_start = TimeLabel(t.curve_from, zone);
  for (size_t h = 0; h < t.curve.size(); ++h) {
    // A curve hour is a bucket: hidden when its tweets have too few authors
    // (an empty hour shows its zero: it reveals no one).
    CurveHour c;
    c.redacted =
        policy.enabled && t.curve[h] > 0 && !privacy::GroupAllowed(policy, t.curve_authors[h]);
    if (!c.redacted) c.tweets = privacy::RoundDown(policy, t.curve[h]);
    item.curve.push_back(c);
  }
  for (const auto& tw : t.top_tweets) item.top_tweets.push_back(ShowTweet(policy, zone, tw));
  return item;
}

}  // namespace

std::string WithLanguage(const std::string& filter, const std::string& lang) {
  if (lang.empty()) return filter;
  const std::string l = "lang == \"" + lang + "\"";
  return filter.empty() ? l : "(" + filter + ") and " + l;
}

Result<TrendsAnswer> GatedTrends(const storage::Archive& archive, const query::Query& query,
                                 const query::ExecOptions& exec, const TrendsRun& run,
                                 const privacy::PrivacyPolicy& policy) {
  const aggregate::ZoneRules& zone = *run.zone;
  int64_t len = 0;
  if (run.interval == "day")
    len = trends::kDayMs;
  else if (run.interval == "hour")
    len = trends::kHourMs;
  else
    return Status::InvalidArgument("--interval must be hour or day");
  constexpr TimestampMs kNoStart = std::numeric_limits<TimestampMs>::min();
  constexpr TimestampMs kNoEnd = std::numeric_limits<TimestampMs>::max();
  std::vector<trends::Window> windows;
  if (run.at) {
    // One moment or one period: a range beside `at` would be ignored.
    if (exec.from != kNoStart || exec.to != kNoEnd)
      return Status::InvalidArgument("give --at, or --from and --to, not both");
    windows.push_back({*run.at, *run.at + len});
  } else {
    if (exec.from == kNoStart || exec.to == kNoEnd)
      return Status::InvalidArgument("give --at, or --from and --to");
    if (exec.from >= exec.to) return Status::InvalidArgument("--from must be before --to");
    if ((exec.to - exec.from) / len > 1000)
      return Status::InvalidArgument("more than 1000 windows: use --interval day");
    for (TimestampMs t = exec.from; t < exec.to; t += len)
      windows.push_back({t, std::min(t + len, exec.to)});
  }
  TrendsAnswer a;
  a.interval = run.interval;
  a.tz = zone.name();
  if (run.at) a.at = TimeLabel(windows[0].from, zone);
  a.gate = ToSettings(policy);
  a.text_shown = TextShown(policy);
  a.handles_shown = HandlesShown(policy);
  // Only the days the windows, their baselines and curves need.
  TimestampMs first = kNoStart, last = kNoEnd;
  aggregate::DefaultSeriesRange(archive, &first, &last);
  const int64_t margin = trends::TrendOptions{}.curve_margin_ms;
  query::ExecOptions e = exec;
  e.from = windows.front().from - 7 * trends::kDayMs - margin;
  e.to = windows.back().to + margin;
  // Windows near the archive's start compare with the following days.
  if (windows.front().from - 2 * trends::kDayMs < first) e.to += 7 * trends::kDayMs;
  ROOST_ASSIGN_OR_RETURN(const query::QueryResult selected,
                         aggregate::SelectRows(archive, query, e));
  ROOST_ASSIGN_OR_RETURN(const trends::Dimensions dims,
                         trends::Dimensions::Make({"hashtags", "terms", "phrases"}));
  aggregate::ColumnCache cache;
  trends::TrendOptions topt;
  topt.bursts.baseline_offsets = trends::PreviousDays(7);
  topt.bursts.min_support =
      run.min_support > 0 ? run.min_support : (len == trends::kDayMs ? 20 : 10);
  if (policy.enabled)
    topt.bursts.min_support = std::max<uint64_t>(topt.bursts.min_support, policy.min_group_authors);
  topt.bursts.threads = exec.threads;
  topt.bursts.min_z = run.min_burst_z;
  topt.max_trends = run.limit;
  topt.top_tweets = run.tweets;
  topt.count_authors = policy.enabled;
  topt.min_sources = run.min_sources;
  if (policy.enabled) {
    topt.label_min_authors = policy.min_group_authors;
    // The answer-level gate: unique authors of the selected tweets of the windows.
    auto made = aggregate::TimeGrid::Make(aggregate::Interval::kMinute, run.zone,
                                          windows.front().from, windows.back().to);
    if (!made.ok())
      made = aggregate::TimeGrid::Make(aggregate::Interval::kHour, run.zone, windows.front().from,
                                       windows.back().to);
    ROOST_ASSIGN_OR_RETURN(aggregate::TimeGrid grid, std::move(made));
    aggregate::MetricSet m = aggregate::MetricSet::TweetsOnly();
    m.authors = true;
    aggregate::ColumnCache gate_cache;
    ROOST_ASSIGN_OR_RETURN(
        const aggregate::SeriesResult s,
        aggregate::ComputeSeries(archive, selected, std::move(grid), m, exec.threads, &gate_cache));
    if (!privacy::AnswerAllowed(policy, s.total.unique_authors) || s.total.tweets == 0) {
      a.redacted = true;
      a.reason = privacy::WithheldReason(policy);
      return a;
    }
  }
  std::vector<PeriodTrend> found;
  for (size_t wi = 0; wi < windows.size(); ++wi) {
    const trends::Window& w = windows[wi];
    ROOST_RETURN_IF_ERROR(exec.deadline.Check());
    if (run.progress)
      run.progress("window " + std::to_string(wi + 1) + " of " + std::to_string(windows.size()) +
                   " (" + TimeLabel(w.from, zone) + ")");
    ROOST_ASSIGN_OR_RETURN(trends::TrendResult r,
                           trends::FindTrends(archive, selected, dims, w, topt, &cache));
    if (r.bursts.offsets_used.size() < 2) {
      // The first days of an archive: compare with the following days.
      trends::TrendOptions around = topt;
      around.bursts.baseline_offsets = trends::AroundDays(7);
      ROOST_ASSIGN_OR_RETURN(r, trends::FindTrends(archive, selected, dims, w, around, &cache));
    }
    MergeWindow(dims, first, len, std::move(r), &found);
  }
  if (windows.size() > 1)
    std::sort(found.begin(), found.end(), [](const PeriodTrend& x, const PeriodTrend& y) {
      return x.trend.peak < y.trend.peak;
    });
  for (const auto& f : found) a.trends.push_back(ShowTrend(policy, dims, zone, f.trend));
  // No trend because the windows hold no tweets: say why (the archive's
  // span, or a value the filter needs that no tweet has).
  if (found.empty()) {
    e.from = windows.front().from;
    e.to = windows.back().to;
    a.empty_because = WhyEmpty(archive, query, e);
  }
  return a;
}

}  // namespace roost::answer
