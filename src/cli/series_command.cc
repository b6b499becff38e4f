// roost series: per time bucket metrics of the tweets a filter matches
// (docs/ANALYSES.md), with the privacy gate of the archive.
#include <chrono>

#include <fmt/format.h>

#include "analysis/aggregate/selection.h"
#include "analysis/aggregate/series.h"
#include "cli/command.h"
#include "cli/metrics_output.h"
#include "cli/output.h"
#include "cli/privacy_options.h"
#include "cli/query_options.h"
#include "cli/table.h"

namespace roost::cli {
namespace {

struct SeriesOptions {
  QueryOptions query;
  PrivacyOptions privacy;
  std::string interval = "hour";
  std::string metrics = "all";
  bool csv = false;
  bool totals = false;  // CSV: the last "total" row
  int repeat = 1;
};

Status RunSeries(const SeriesOptions& o) {
  const auto start = std::chrono::steady_clock::now();
  ROOST_ASSIGN_OR_RETURN(const aggregate::Interval interval, aggregate::ParseInterval(o.interval));
  ROOST_ASSIGN_OR_RETURN(aggregate::MetricSet metrics, ParseMetricSet(o.metrics));
  ROOST_ASSIGN_OR_RETURN(auto zone, aggregate::ZoneRules::Load(o.query.tz));
  ROOST_ASSIGN_OR_RETURN(PreparedQuery p, PrepareQuery(o.query));
  ROOST_ASSIGN_OR_RETURN(const privacy::PrivacyPolicy policy, ResolvePrivacy(o.privacy, o.query.archive));
  if (policy.enabled) metrics.authors = true;  // the gate counts authors
  TimestampMs from = p.exec.from, to = p.exec.to;
  aggregate::DefaultSeriesRange(*p.archive, &from, &to);
  if (from == std::numeric_limits<TimestampMs>::min() || to == std::numeric_limits<TimestampMs>::max())
    return Status::InvalidArgument("the archive holds no tweets in that range; give --from and --to");
  ROOST_ASSIGN_OR_RETURN(aggregate::TimeGrid grid, aggregate::TimeGrid::Make(interval, zone, from, to));
  p.exec.from = from;
  p.exec.to = to;
  // --repeat: the same analysis again in this process (the archive stays
  // open, decoded columns stay cached), as a server would run it.
  aggregate::ColumnCache cache;
  std::vector<double> runs_ms;
  aggregate::SeriesResult s;
  auto run_start = start;
  for (int run = 0; run < o.repeat; ++run) {
    ROOST_ASSIGN_OR_RETURN(const query::QueryResult selected, aggregate::SelectRows(*p.archive, p.query, p.exec));
    ROOST_ASSIGN_OR_RETURN(s, aggregate::ComputeSeries(*p.archive, selected, grid, metrics, o.query.threads, &cache));
    runs_ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - run_start).count());
    run_start = std::chrono::steady_clock::now();
  }
  const bool withheld = !privacy::AnswerAllowed(policy, s.total.unique_authors);
  if (s.total.tweets == 0) SayWhyEmpty("series", WhyEmpty(p));

  if (o.query.json) {
    JsonWriter w;
    w.BeginObject().Key("interval").String(aggregate::IntervalName(interval)).Key("tz").String(zone->name());
    w.Key("filter").String(o.query.filter);
    WritePrivacyJson(&w, policy);
    if (withheld) {
      w.Key("redacted").Bool(true).Key("reason").String(WithheldReason(policy));
    } else {
      w.Key("buckets").BeginArray();
      for (size_t i = 0; i < s.buckets.size(); ++i) {
        w.BeginObject().Key("start").String(s.grid.Label(i));
        if (privacy::GroupAllowed(policy, s.buckets[i].unique_authors) || s.buckets[i].tweets == 0) {
          WriteMetricsJson(&w, s.buckets[i], metrics, policy);
        } else {
          w.Key(kRedacted).Bool(true);
        }
        w.EndObject();
      }
      w.EndArray().Key("totals").BeginObject();
      WriteMetricsJson(&w, s.total, metrics, policy);
      w.EndObject();
    }
    WriteTimingJson(&w, runs_ms);
    w.EndObject();
    fmt::print("{}\n", w.str());
    return Status::Ok();
  }
  if (withheld) {
    fmt::print("redacted: {}\n", WithheldReason(policy));
    return Status::Ok();
  }
  std::vector<std::string> header{"start"};
  for (auto& h : MetricHeaders(metrics)) header.push_back(h);
  Table t(header);
  for (size_t i = 0; i < s.buckets.size(); ++i) {
    const bool redacted = !privacy::GroupAllowed(policy, s.buckets[i].unique_authors) && s.buckets[i].tweets > 0;
    std::vector<std::string> row{s.grid.Label(i)};
    for (auto& c : MetricCells(s.buckets[i], metrics, policy, redacted)) row.push_back(c);
    t.AddRow(std::move(row));
  }
  // A total row in CSV would read as one more bucket to a chart or to
  // `roost detect --csv`: there it comes only when asked for.
  if (!o.csv || o.totals) {
    std::vector<std::string> total{"total"};
    for (auto& c : MetricCells(s.total, metrics, policy, false)) total.push_back(c);
    t.AddRow(std::move(total));
  }
  fmt::print("{}", o.csv ? t.Csv() : t.Aligned());
  return Status::Ok();
}

}  // namespace

void AddSeriesCommand(CLI::App& app, int* exit_code) {
  auto* cmd = app.add_subcommand("series", "per time bucket metrics of the tweets a filter matches");
  auto o = std::make_shared<SeriesOptions>();
  AddQueryOptions(cmd, &o->query, /*filter_required=*/false);
  AddPrivacyOptions(cmd, &o->privacy);
  cmd->add_option("--interval", o->interval, "minute, hour, day, week (ISO, from Monday) or month")
      ->capture_default_str()
      ->check(CLI::IsMember({"minute", "hour", "day", "week", "month"}));
  cmd->add_option("--metrics", o->metrics, "tweets,authors,kinds,engagement,sentiment or all")->capture_default_str();
  auto* csv = cmd->add_flag("--csv", o->csv, "CSV output (one row per bucket)")->excludes("--json");
  cmd->add_flag("--totals", o->totals, "with --csv: a last row with the totals")->needs(csv);
  // A benchmark knob, not a user's: hidden from --help.
  cmd->add_option("--repeat", o->repeat, "run the analysis N times in this process (benchmarks: --json lists runs_ms)")
      ->check(CLI::Range(1, 1000))
      ->group("");
  cmd->callback([o, exit_code] {
    const Status s = RunSeries(*o);
    *exit_code = s.ok() ? kExitOk : ReportError("series", s);
  });
}

}  // namespace roost::cli
