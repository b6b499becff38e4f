// roost series: per time bucket metrics of the tweets a filter matches
// (docs/ANALYSES.md), as the answer layer computes and gates them.
#include <chrono>

#include <fmt/format.h>

#include "answer/analyses.h"
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
  answer::SeriesRun run;
  ROOST_ASSIGN_OR_RETURN(run.interval, aggregate::ParseInterval(o.interval));
  ROOST_ASSIGN_OR_RETURN(run.metrics, ParseMetricSet(o.metrics));
  ROOST_ASSIGN_OR_RETURN(run.zone, aggregate::ZoneRules::Load(o.query.tz));
  ROOST_ASSIGN_OR_RETURN(PreparedQuery p, PrepareQuery(o.query));
  ROOST_ASSIGN_OR_RETURN(const privacy::PrivacyPolicy policy, ResolvePrivacy(o.privacy, o.query.archive));
  run.threads = o.query.threads;
  // --repeat: the same analysis again in this process (the archive stays
  // open, decoded columns stay cached), as a server would run it.
  aggregate::ColumnCache cache;
  run.cache = &cache;
  std::vector<double> runs_ms;
  SeriesAnswer a;
  auto run_start = start;
  for (int i = 0; i < o.repeat; ++i) {
    ROOST_ASSIGN_OR_RETURN(a, answer::GatedSeries(*p.archive, p.query, p.exec, run, policy));
    runs_ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - run_start).count());
    run_start = std::chrono::steady_clock::now();
  }
  SayWhyEmpty("series", a.empty_because);
  aggregate::MetricSet metrics = run.metrics;
  if (policy.enabled) metrics.authors = true;  // the gate counts authors, and shows them

  if (o.query.json) {
    JsonWriter w;
    w.BeginObject().Key("interval").String(a.interval).Key("tz").String(a.tz);
    w.Key("filter").String(o.query.filter);
    WritePrivacyJson(&w, policy);
    if (a.redacted) {
      w.Key("redacted").Bool(true).Key("reason").String(a.reason);
    } else {
      w.Key("buckets").BeginArray();
      for (const SeriesBucket& b : a.buckets) {
        w.BeginObject().Key("start").String(b.start);
        if (b.metrics.redacted) {
          w.Key(kRedacted).Bool(true);
        } else {
          WriteMetricsJson(&w, b.metrics, metrics);
        }
        w.EndObject();
      }
      w.EndArray().Key("totals").BeginObject();
      WriteMetricsJson(&w, a.totals, metrics);
      w.EndObject();
    }
    WriteTimingJson(&w, runs_ms);
    w.EndObject();
    fmt::print("{}\n", w.str());
    return Status::Ok();
  }
  if (a.redacted) {
    fmt::print("redacted: {}\n", a.reason);
    return Status::Ok();
  }
  std::vector<std::string> header{"start"};
  for (auto& h : MetricHeaders(metrics)) header.push_back(h);
  Table t(header);
  for (const SeriesBucket& b : a.buckets) {
    std::vector<std::string> row{b.start};
    for (auto& c : MetricCells(b.metrics, metrics)) row.push_back(c);
    t.AddRow(std::move(row));
  }
  // A total row in CSV would read as one more bucket to a chart or to
  // `roost detect --csv`: there it comes only when asked for.
  if (!o.csv || o.totals) {
    std::vector<std::string> total{"total"};
    for (auto& c : MetricCells(a.totals, metrics)) total.push_back(c);
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
