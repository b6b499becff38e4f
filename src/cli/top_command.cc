// roost top: the most frequent hashtags, terms, authors, ... among the tweets
// a filter matches, optionally broken down by up to two more dimensions
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

struct TopOptions {
  QueryOptions query;
  PrivacyOptions privacy;
  std::string target;
  std::vector<std::string> then;
  size_t limit = 10;
  std::string rank_by = "tweets";
  std::string metrics = "authors";
  bool csv = false;
  bool totals = false;  // CSV: a last "total" row
  int repeat = 1;
};

struct Printer {
  const aggregate::MetricSet& metrics;
  size_t levels;

  void Json(JsonWriter* w, const std::vector<TopItem>& items, size_t depth = 0) const {
    w->BeginArray();
    for (const TopItem& item : items) {
      w->BeginObject();
      if (item.metrics.redacted) {
        w->Key(kRedacted).Bool(true);
      } else {
        w->Key("value").String(item.value);
        WriteMetricsJson(w, item.metrics, metrics);
        if (depth + 1 < levels) {
          w->Key("children");
          Json(w, item.children, depth + 1);
        }
      }
      w->EndObject();
    }
    w->EndArray();
  }
  // The table shows every item, its children below it; the CSV is long
  // format (`leaves_only`): one row per leaf of the shown tree, its parents'
  // values in the columns before it, so a chart or SQL tool reads every row
  // alike (a redacted item or one without children is a leaf too).
  void Rows(Table* t, const std::vector<TopItem>& items, std::vector<std::string> path, bool leaves_only) const {
    for (const TopItem& item : items) {
      const bool redacted = item.metrics.redacted;
      const bool descend = !redacted && path.size() + 1 < levels;
      if (!leaves_only || !descend || item.children.empty()) {
        std::vector<std::string> row = path;
        row.push_back(redacted ? kRedacted : item.value);
        row.resize(levels);
        for (auto& c : MetricCells(item.metrics, metrics)) row.push_back(c);
        t->AddRow(std::move(row));
      }
      if (descend) {
        std::vector<std::string> child = path;
        child.push_back(item.value);
        Rows(t, item.children, child, leaves_only);
      }
    }
  }
};

Status RunTop(const TopOptions& o) {
  const auto start = std::chrono::steady_clock::now();
  answer::TopRun run;
  aggregate::BreakdownSpec& spec = run.spec;
  std::vector<std::string> names{o.target};
  names.insert(names.end(), o.then.begin(), o.then.end());
  if (names.size() > aggregate::kMaxLevels) return Status::InvalidArgument("at most two --then levels");
  for (const auto& n : names) {
    ROOST_ASSIGN_OR_RETURN(auto d, aggregate::FindDimension(n));
    spec.levels.push_back(d);
  }
  ROOST_ASSIGN_OR_RETURN(spec.rank_by, aggregate::ParseRankBy(o.rank_by));
  ROOST_ASSIGN_OR_RETURN(spec.metrics, ParseMetricSet(o.metrics));
  spec.limit = o.limit;
  spec.threads = o.query.threads;
  ROOST_ASSIGN_OR_RETURN(PreparedQuery p, PrepareQuery(o.query));
  ROOST_ASSIGN_OR_RETURN(const privacy::PrivacyPolicy policy, ResolvePrivacy(o.privacy, o.query.archive));
  if (p.tags) run.tags = &*p.tags;
  // --repeat: the same analysis again in this process (see series).
  aggregate::ColumnCache cache;
  run.cache = &cache;
  std::vector<double> runs_ms;
  TopAnswer a;
  auto run_start = start;
  for (int i = 0; i < o.repeat; ++i) {
    ROOST_ASSIGN_OR_RETURN(a, answer::GatedTop(*p.archive, p.query, p.exec, run, policy));
    runs_ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - run_start).count());
    run_start = std::chrono::steady_clock::now();
  }
  SayWhyEmpty("top", a.empty_because);
  aggregate::MetricSet metrics = spec.metrics;
  if (policy.enabled) metrics.authors = true;  // the gate counts authors, and shows them
  const Printer printer{metrics, spec.levels.size()};

  if (o.query.json) {
    JsonWriter w;
    w.BeginObject().Key("target").String(spec.levels[0].name);
    if (spec.levels.size() > 1) {
      w.Key("then").BeginArray();
      for (size_t l = 1; l < spec.levels.size(); ++l) w.String(spec.levels[l].name);
      w.EndArray();
    }
    w.Key("filter").String(o.query.filter).Key("rank_by").String(aggregate::RankByName(spec.rank_by));
    WritePrivacyJson(&w, policy);
    if (a.redacted) {
      w.Key("redacted").Bool(true).Key("reason").String(a.reason);
    } else {
      w.Key("items");
      printer.Json(&w, a.items);
      w.Key("distinct").Uint(a.distinct);
      w.Key("totals").BeginObject().Key("tweets").Uint(a.tweets).EndObject();
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
  std::vector<std::string> header;
  for (const auto& d : spec.levels) header.push_back(d.name);
  const std::vector<std::string> metric_headers = MetricHeaders(metrics);
  header.insert(header.end(), metric_headers.begin(), metric_headers.end());
  Table t(header);
  printer.Rows(&t, a.items, {}, /*leaves_only=*/o.csv);
  if (!o.csv) {
    fmt::print("{}", t.Aligned());
    return Status::Ok();
  }
  if (o.totals) {
    // Only the tweet count is known for the whole answer.
    std::vector<std::string> total(header.size());
    total[0] = "total";
    total[spec.levels.size()] = std::to_string(a.tweets);
    t.AddRow(std::move(total));
  }
  fmt::print("{}", t.Csv());
  return Status::Ok();
}

}  // namespace

void AddTopCommand(CLI::App& app, int* exit_code) {
  auto* cmd = app.add_subcommand("top", "most frequent values among the tweets a filter matches, nested up to three levels");
  auto o = std::make_shared<TopOptions>();
  AddQueryOptions(cmd, &o->query, /*filter_required=*/false);
  AddTagsOption(cmd, &o->query);
  AddPrivacyOptions(cmd, &o->privacy);
  std::string names;
  for (const auto& n : aggregate::DimensionNames()) names += (names.empty() ? "" : ", ") + n;
  cmd->add_option("--target,--by", o->target, "what to rank: " + names)->required();
  cmd->add_option("--then", o->then, "break each item down by another dimension (up to twice)");
  cmd->add_option("--limit", o->limit, "items per level")->capture_default_str()->check(CLI::Range(1, 100000));
  cmd->add_option("--rank-by", o->rank_by, "tweets, authors, reach or engagement")
      ->capture_default_str()
      ->check(CLI::IsMember({"tweets", "authors", "reach", "engagement"}));
  cmd->add_option("--metrics", o->metrics, "tweets,authors,kinds,engagement,sentiment or all")->capture_default_str();
  auto* csv =
      cmd->add_flag("--csv", o->csv, "CSV output, one row per leaf of the breakdown (long format)")->excludes("--json");
  cmd->add_flag("--totals", o->totals, "with --csv: a last row with the answer's tweets")->needs(csv);
  // A benchmark knob, not a user's: hidden from --help.
  cmd->add_option("--repeat", o->repeat, "run the analysis N times in this process (benchmarks: --json lists runs_ms)")
      ->check(CLI::Range(1, 1000))
      ->group("");
  cmd->callback([o, exit_code] {
    const Status s = RunTop(*o);
    *exit_code = s.ok() ? kExitOk : ReportError("top", s);
  });
}

}  // namespace roost::cli
