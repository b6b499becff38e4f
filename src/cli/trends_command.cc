// roost trends: what was trending at a past moment (--at) or over a period
// (--from/--to): bursting terms, hashtags and phrases grouped into trends
// (analysis/trends), each with its hourly curve and top tweets under the
// privacy rules.
#include <algorithm>
#include <chrono>
#include <limits>

#include <fmt/format.h>

#include "analysis/aggregate/selection.h"
#include "analysis/aggregate/series.h"
#include "analysis/aggregate/time_grid.h"
#include "analysis/trends/trends.h"
#include "cli/command.h"
#include "cli/metrics_output.h"
#include "cli/output.h"
#include "cli/privacy_options.h"
#include "cli/query_options.h"
#include "cli/table.h"
#include "cli/time_label.h"
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

Status RunTrends(const TrendsOptions& o) {
  const auto started = std::chrono::steady_clock::now();
  QueryOptions qo = o.query;
  if (!o.lang.empty()) {
    const std::string l = "lang == \"" + o.lang + "\"";
    qo.filter = qo.filter.empty() ? l : "(" + qo.filter + ") and " + l;
  }
  qo.from.clear();
  qo.to.clear();
  ROOST_ASSIGN_OR_RETURN(PreparedQuery p, PrepareQuery(qo));
  ROOST_ASSIGN_OR_RETURN(const privacy::PrivacyPolicy policy, ResolvePrivacy(o.privacy, o.query.archive));
  ROOST_ASSIGN_OR_RETURN(auto zone, aggregate::ZoneRules::Load(o.query.tz));
  int64_t len = 0;
  if (o.interval == "day") len = trends::kDayMs;
  else if (o.interval == "hour") len = trends::kHourMs;
  else return Status::InvalidArgument("--interval must be hour or day");
  std::vector<trends::Window> windows;
  if (!o.at.empty()) {
    // One moment or one period: a range beside --at would be ignored.
    if (!o.query.from.empty() || !o.query.to.empty())
      return Status::InvalidArgument("give --at, or --from and --to, not both");
    ROOST_ASSIGN_OR_RETURN(const TimestampMs at, query::ParseTimeInZone(o.at, o.query.tz));
    windows.push_back({at, at + len});
  } else {
    if (o.query.from.empty() || o.query.to.empty()) return Status::InvalidArgument("give --at, or --from and --to");
    ROOST_ASSIGN_OR_RETURN(const TimestampMs from, query::ParseTimeInZone(o.query.from, o.query.tz));
    ROOST_ASSIGN_OR_RETURN(const TimestampMs to, query::ParseTimeInZone(o.query.to, o.query.tz));
    if (from >= to) return Status::InvalidArgument("--from must be before --to");
    if ((to - from) / len > 1000) return Status::InvalidArgument("more than 1000 windows: use --interval day");
    for (TimestampMs t = from; t < to; t += len) windows.push_back({t, std::min(t + len, to)});
  }
  // Only the days the windows, their baselines and curves need.
  TimestampMs first = std::numeric_limits<TimestampMs>::min(), last = std::numeric_limits<TimestampMs>::max();
  aggregate::DefaultSeriesRange(*p.archive, &first, &last);
  const int64_t margin = trends::TrendOptions{}.curve_margin_ms;
  p.exec.from = windows.front().from - 7 * trends::kDayMs - margin;
  p.exec.to = windows.back().to + margin;
  // Windows near the archive's start compare with the following days.
  if (windows.front().from - 2 * trends::kDayMs < first) p.exec.to += 7 * trends::kDayMs;
  ROOST_ASSIGN_OR_RETURN(const query::QueryResult selected, aggregate::SelectRows(*p.archive, p.query, p.exec));
  ROOST_ASSIGN_OR_RETURN(const trends::Dimensions dims, trends::Dimensions::Make({"hashtags", "terms", "phrases"}));
  aggregate::ColumnCache cache;
  trends::TrendOptions topt;
  topt.bursts.baseline_offsets = trends::PreviousDays(7);
  topt.bursts.min_support = o.min_support > 0 ? o.min_support : (len == trends::kDayMs ? 20 : 10);
  if (policy.enabled) topt.bursts.min_support = std::max<uint64_t>(topt.bursts.min_support, policy.min_group_authors);
  topt.bursts.threads = o.query.threads;
  topt.bursts.min_z = o.min_burst_z;
  topt.max_trends = o.limit;
  topt.top_tweets = o.tweets;
  topt.count_authors = policy.enabled;
  topt.min_sources = o.min_sources;
  if (policy.enabled) topt.label_min_authors = policy.min_group_authors;
  if (policy.enabled) {
    // The answer-level gate: unique authors of the selected tweets of the windows.
    auto made = aggregate::TimeGrid::Make(aggregate::Interval::kMinute, zone, windows.front().from, windows.back().to);
    if (!made.ok()) made = aggregate::TimeGrid::Make(aggregate::Interval::kHour, zone, windows.front().from, windows.back().to);
    ROOST_ASSIGN_OR_RETURN(aggregate::TimeGrid grid, std::move(made));
    aggregate::MetricSet m = aggregate::MetricSet::TweetsOnly();
    m.authors = true;
    aggregate::ColumnCache gate_cache;
    ROOST_ASSIGN_OR_RETURN(const aggregate::SeriesResult s,
                           aggregate::ComputeSeries(*p.archive, selected, std::move(grid), m, o.query.threads, &gate_cache));
    if (!privacy::AnswerAllowed(policy, s.total.unique_authors) || s.total.tweets == 0) {
      PrintWithheldAnswer(policy, o.query.json);
      return Status::Ok();
    }
  }
  std::vector<PeriodTrend> found;
  DelayedProgress progress;  // a period of many windows can take a while
  for (size_t wi = 0; wi < windows.size(); ++wi) {
    const trends::Window& w = windows[wi];
    progress.Show(fmt::format("trends: window {} of {} ({})", wi + 1, windows.size(), FormatInZone(w.from, *zone)));
    ROOST_ASSIGN_OR_RETURN(trends::TrendResult r, trends::FindTrends(*p.archive, selected, dims, w, topt, &cache));
    if (r.bursts.offsets_used.size() < 2) {
      // The first days of an archive: compare with the following days.
      topt.bursts.baseline_offsets = trends::AroundDays(7);
      ROOST_ASSIGN_OR_RETURN(r, trends::FindTrends(*p.archive, selected, dims, w, topt, &cache));
      topt.bursts.baseline_offsets = trends::PreviousDays(7);
    }
    for (auto& t : r.trends) {
      // A burst needs a before: a trend under way when the archive starts
      // (its first hour) has no observed onset.
      if (t.start < first + trends::kHourMs) continue;
      const std::string label = LabelValue(dims, t);
      PeriodTrend* same = nullptr;
      for (auto& f : found)
        if (SameTopic(f, t, label) && t.start <= f.trend.end + len && f.trend.start <= t.end + len) same = &f;
      if (same == nullptr) {
        found.push_back({});
        same = &found.back();
        same->labels.push_back(label);
        for (const auto& b : t.terms) same->values.push_back(b.term.value);
        same->trend = std::move(t);
        continue;
      }
      same->labels.push_back(label);
      for (const auto& b : t.terms) same->values.push_back(b.term.value);
      if (t.peak_count > same->trend.peak_count) {
        TimestampMs s = std::min(same->trend.start, t.start), e = std::max(same->trend.end, t.end);
        same->trend = std::move(t);
        same->trend.start = s;
        same->trend.end = e;
      } else {
        same->trend.start = std::min(same->trend.start, t.start);
        same->trend.end = std::max(same->trend.end, t.end);
      }
    }
  }
  EndProgress();
  // No trend because the windows hold no tweets: say why (the archive's
  // span, or a value the filter needs that no tweet has).
  std::vector<std::string> why;
  if (found.empty()) {
    p.exec.from = windows.front().from;
    p.exec.to = windows.back().to;
    why = WhyEmpty(p);
  }
  if (windows.size() > 1)
    std::sort(found.begin(), found.end(), [](const PeriodTrend& a, const PeriodTrend& b) {
      return a.trend.peak < b.trend.peak;
    });
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  const bool text_ok = !policy.enabled || policy.show_text, handles_ok = !policy.enabled || policy.show_handles;
  auto label = [&](TimestampMs t) { return FormatInZone(t, *zone); };
  auto count = [&](uint64_t c) { return privacy::RoundDown(policy, c); };
  // A curve hour is a bucket: hidden when its tweets have too few authors
  // (an empty hour shows its zero: it reveals no one).
  auto hour_hidden = [&](const trends::Trend& t, size_t h) {
    return policy.enabled && t.curve[h] > 0 && !privacy::GroupAllowed(policy, t.curve_authors[h]);
  };
  if (o.query.json) {
    JsonWriter j;
    j.BeginObject().Key("interval").String(o.interval).Key("tz").String(zone->name());
    if (!o.at.empty()) j.Key("at").String(label(windows[0].from));
    j.Key("filter").String(qo.filter);
    WritePrivacyJson(&j, policy);
    j.Key("trends").BeginArray();
    for (const auto& f : found) {
      const auto& t = f.trend;
      if (!privacy::GroupAllowed(policy, t.authors) || t.label.empty()) {
        j.BeginObject().Key(kRedacted).Bool(true).EndObject();
        continue;
      }
      j.BeginObject().Key("label").String(t.label).Key("score").Double(t.score).Key("tweets").Uint(count(t.tweets));
      j.Key("start").String(label(t.start)).Key("peak").String(label(t.peak)).Key("end").String(label(t.end));
      j.Key("terms").BeginArray();
      for (const auto& b : t.terms) {
        if (!privacy::GroupAllowed(policy, b.authors)) {
          j.BeginObject().Key(kRedacted).Bool(true).EndObject();
          continue;
        }
        j.BeginObject().Key("dimension").String(dims.specs[b.term.dim].name).Key("value").String(b.term.value)
            .Key("tweets").Uint(count(b.count)).Key("expected_tweets").Double(b.expected).Key("z").Double(b.z);
        if (policy.enabled) j.Key("unique_authors").Uint(count(b.authors));
        j.EndObject();
      }
      j.EndArray().Key("curve_start").String(label(t.curve_from)).Key("curve").BeginArray();
      for (size_t h = 0; h < t.curve.size(); ++h) {
        if (hour_hidden(t, h)) j.BeginObject().Key(kRedacted).Bool(true).EndObject();
        else j.Uint(count(t.curve[h]));
      }
      j.EndArray().Key("top_tweets").BeginArray();
      for (const auto& tw : t.top_tweets) {
        j.BeginObject().Key("created_at").String(label(tw.time));
        if (text_ok) j.Key("id").String(std::to_string(tw.id)).Key("text").String(tw.text);
        if (handles_ok) j.Key("handle").String(tw.handle);
        j.Key("retweet_count").Int(tw.retweet_count).EndObject();
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
  if (o.csv) {
    // One row per trend; its values in one cell, "; " between them.
    Table t({"label", "score", "tweets", "start", "peak", "end", "values"});
    for (const auto& f : found) {
      const auto& tr = f.trend;
      if (!privacy::GroupAllowed(policy, tr.authors) || tr.label.empty()) {
        t.AddRow({kRedacted, "", "", "", "", "", ""});
        continue;
      }
      std::vector<std::string> values;
      for (const auto& b : tr.terms)
        values.push_back(privacy::GroupAllowed(policy, b.authors) ? trends::DisplayTerm(dims, b.term) : kRedacted);
      t.AddRow({tr.label, fmt::format("{:.1f}", tr.score), std::to_string(count(tr.tweets)), label(tr.start),
                label(tr.peak), label(tr.end), fmt::format("{}", fmt::join(values, "; "))});
    }
    fmt::print("{}", t.Csv());
    SayWhyEmpty("trends", why);
    return Status::Ok();
  }
  fmt::print("{} trend(s)\n", found.size());
  SayWhyEmpty("trends", why);
  for (const auto& f : found) {
    const auto& t = f.trend;
    if (!privacy::GroupAllowed(policy, t.authors) || t.label.empty()) {
      fmt::print("\n{}: fewer than {} authors\n", kRedacted, policy.min_group_authors);
      continue;
    }
    std::vector<std::string> terms;
    for (const auto& b : t.terms)
      terms.push_back(privacy::GroupAllowed(policy, b.authors) ? trends::DisplayTerm(dims, b.term) : kRedacted);
    fmt::print("\n{}  z={:.1f}  {} tweets  start {} peak {} end {}\n  terms: {}\n", t.label, t.score, count(t.tweets),
               label(t.start), label(t.peak), label(t.end), fmt::join(terms, ", "));
    std::vector<std::string> curve;
    for (size_t h = 0; h < t.curve.size(); ++h)
      curve.push_back(hour_hidden(t, h) ? std::string(kRedacted) : std::to_string(count(t.curve[h])));
    fmt::print("  hourly from {}: {}\n", label(t.curve_from), fmt::join(curve, " "));
    for (const auto& tw : t.top_tweets) {
      std::string text = text_ok ? tw.text : "[text hidden]";
      for (char& c : text)
        if (c == '\n' || c == '\t') c = ' ';
      fmt::print("  tweet {} {}{}\n", label(tw.time), handles_ok ? "@" + tw.handle + " " : "", text);
    }
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
