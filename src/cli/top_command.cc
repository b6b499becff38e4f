// roost top: the most frequent hashtags, terms, authors, ... among the tweets
// a filter matches, optionally broken down by up to two more dimensions
// (docs/ANALYSES.md), with the privacy gate of the archive.
#include <chrono>

#include <fmt/format.h>

#include "analysis/aggregate/breakdown.h"
#include "analysis/aggregate/selection.h"
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
  const privacy::PrivacyPolicy& policy;
  size_t levels;

  bool Redacted(const aggregate::BreakdownItem& item) const {
    return !privacy::GroupAllowed(policy, item.metrics.unique_authors);
  }
  void Json(JsonWriter* w, const std::vector<aggregate::BreakdownItem>& items, size_t depth = 0) const {
    w->BeginArray();
    for (const auto& item : items) {
      w->BeginObject();
      if (Redacted(item)) {
        w->Key(kRedacted).Bool(true);
      } else {
        w->Key("value").String(item.value);
        WriteMetricsJson(w, item.metrics, metrics, policy);
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
  void Rows(Table* t, const std::vector<aggregate::BreakdownItem>& items, std::vector<std::string> path,
            bool leaves_only) const {
    for (const auto& item : items) {
      const bool redacted = Redacted(item);
      const bool descend = !redacted && path.size() + 1 < levels;
      if (!leaves_only || !descend || item.children.empty()) {
        std::vector<std::string> row = path;
        row.push_back(redacted ? kRedacted : item.value);
        row.resize(levels);
        for (auto& c : MetricCells(item.metrics, metrics, policy, redacted)) row.push_back(c);
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
  aggregate::BreakdownSpec spec;
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
  if (policy.enabled) {
    for (const auto& d : spec.levels)
      if (d.personal && !policy.show_handles)
        return Status::InvalidArgument("target '" + d.name + "' shows handles, which the privacy settings (" +
                                       policy.origin + ") do not allow");
    spec.metrics.authors = true;
    spec.total_authors = true;
  }
  // --repeat: the same analysis again in this process (see series).
  aggregate::ColumnCache cache;
  std::vector<double> runs_ms;
  aggregate::BreakdownResult r;
  std::vector<query::TagMatches> tags;
  auto run_start = start;
  for (int run = 0; run < o.repeat; ++run) {
    ROOST_ASSIGN_OR_RETURN(const query::QueryResult selected, aggregate::SelectRows(*p.archive, p.query, p.exec));
    if (p.tags) {
      ROOST_ASSIGN_OR_RETURN(tags, query::EvaluateTags(*p.archive, *p.tags, p.exec, p.query.root ? &p.query : nullptr));
      spec.tags = &tags;
    }
    ROOST_ASSIGN_OR_RETURN(r, aggregate::ComputeBreakdown(*p.archive, selected, spec, &cache));
    runs_ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - run_start).count());
    run_start = std::chrono::steady_clock::now();
  }
  const bool withheld = !privacy::AnswerAllowed(policy, r.total.unique_authors);
  if (r.total.tweets == 0) SayWhyEmpty("top", WhyEmpty(p));
  const Printer printer{spec.metrics, policy, spec.levels.size()};

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
    if (withheld) {
      w.Key("redacted").Bool(true).Key("reason").String(WithheldReason(policy));
    } else {
      w.Key("items");
      printer.Json(&w, r.items);
      w.Key("distinct").Uint(privacy::RoundDown(policy, r.distinct));
      w.Key("totals").BeginObject().Key("tweets").Uint(privacy::RoundDown(policy, r.total.tweets)).EndObject();
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
  std::vector<std::string> header;
  for (const auto& d : spec.levels) header.push_back(d.name);
  const std::vector<std::string> metric_headers = MetricHeaders(spec.metrics);
  header.insert(header.end(), metric_headers.begin(), metric_headers.end());
  Table t(header);
  printer.Rows(&t, r.items, {}, /*leaves_only=*/o.csv);
  if (!o.csv) {
    fmt::print("{}", t.Aligned());
    return Status::Ok();
  }
  if (o.totals) {
    // Only the tweet count is known for the whole answer.
    std::vector<std::string> total(header.size());
    total[0] = "total";
    total[spec.levels.size()] = std::to_string(privacy::RoundDown(policy, r.total.tweets));
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
