// roost count: how many visible tweets match a filter, or with --tags, how
// many carry each tag of a tag file (docs/QUERY.md).
#include <algorithm>
#include <chrono>

#include <fmt/format.h>

#include "analysis/aggregate/selection.h"
#include "cli/command.h"
#include "cli/output.h"
#include "cli/query_options.h"
#include "common/csv.h"

namespace roost::cli {
namespace {

struct CountOptions {
  QueryOptions query;
  bool csv = false;
  bool totals = false;  // CSV: the (any tag) and (matching) rows
};

Status PrintTagCounts(const PreparedQuery& p, const CountOptions& o, std::chrono::steady_clock::time_point start) {
  const bool json = o.query.json;
  query::TagTotals totals;
  ROOST_ASSIGN_OR_RETURN(auto groups, query::EvaluateTags(*p.archive, *p.tags, p.exec,
                                                           p.query.root ? &p.query : nullptr, &totals));
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  if (json) {
    std::string items;
    for (const auto& g : groups) {
      if (!items.empty()) items += ", ";
      items += fmt::format("{{\"tag\": {}, \"namespace\": {}, \"name\": {}, \"tweets\": {}}}",
                           JsonString(g.tag->full_name()), JsonString(g.tag->ns), JsonString(g.tag->name), g.count);
    }
    // "count" is the stable key of `roost count --json`; "tweets" says the same
    // in the vocabulary of every other answer.
    fmt::print("{{\"count\": {}, \"tweets\": {}, \"tagged_tweets\": {}, \"tags\": [{}], \"segments_scanned\": {}, "
               "\"segments_total\": {}, \"elapsed_ms\": {:.3f}}}\n",
               totals.matching, totals.matching, totals.tagged, items, p.archive->SegmentsOverlapping(p.exec.from, p.exec.to).size(),
               p.archive->segment_count(), ms);
    return Status::Ok();
  }
  if (o.csv) {
    std::string out = CsvLine({"tag", "namespace", "name", "tweets"});
    for (const auto& g : groups) out += CsvLine({g.tag->full_name(), g.tag->ns, g.tag->name, std::to_string(g.count)});
    if (o.totals) {
      out += CsvLine({"(any tag)", "", "", std::to_string(totals.tagged)});
      out += CsvLine({"(matching)", "", "", std::to_string(totals.matching)});
    }
    fmt::print("{}", out);
    return Status::Ok();
  }
  size_t width = 9;  // "(any tag)"
  for (const auto& g : groups) width = std::max(width, g.tag->full_name().size());
  fmt::print("{:<{}}  {:>10}\n", "tag", width, "tweets");
  for (const auto& g : groups) fmt::print("{:<{}}  {:>10}\n", g.tag->full_name(), width, g.count);
  fmt::print("{:<{}}  {:>10}\n", "(any tag)", width, totals.tagged);
  fmt::print("{:<{}}  {:>10}\n", "(matching)", width, totals.matching);
  return Status::Ok();
}

}  // namespace

void AddCountCommand(CLI::App& app, int* exit_code) {
  auto* cmd = app.add_subcommand("count", "count the tweets that match a filter (default: every tweet), or per tag with --tags");
  auto o = std::make_shared<CountOptions>();
  AddQueryOptions(cmd, &o->query, /*filter_required=*/false);
  AddTagsOption(cmd, &o->query);
  auto* csv =
      cmd->add_flag("--csv", o->csv, "CSV output (a tweets column; with --tags one row per tag)")->excludes("--json");
  cmd->add_flag("--totals", o->totals, "with --tags --csv: add the (any tag) and (matching) rows")->needs(csv);
  cmd->callback([o, exit_code] {
    const auto start = std::chrono::steady_clock::now();
    auto p = PrepareQuery(o->query);
    if (!p.ok()) {
      *exit_code = ReportError("count", p.status());
      return;
    }
    if (p->tags) {
      const Status s = PrintTagCounts(*p, *o, start);
      *exit_code = s.ok() ? kExitOk : ReportError("count", s);
      return;
    }
    // No filter: every visible tweet in the range, as the analyses count.
    auto r = p->query.root ? query::Execute(*p->archive, p->query, p->exec)
                           : aggregate::SelectRows(*p->archive, p->query, p->exec);
    if (!r.ok()) {
      *exit_code = ReportError("count", r.status());
      return;
    }
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    const std::vector<std::string> why = r->count == 0 ? WhyEmpty(*p) : std::vector<std::string>{};
    if (o->query.json) {
      fmt::print(
          "{{\"count\": {}, \"tweets\": {}, \"segments_scanned\": {}, \"segments_total\": {}, \"elapsed_ms\": {:.3f}{}}}\n",
          r->count, r->count, r->segments_in_range, r->segments_total, ms, WhyEmptyJsonField(why));
    } else if (o->csv) {
      fmt::print("tweets\n{}\n", r->count);
    } else {
      fmt::print("{}\n", r->count);
    }
    if (!o->query.json) SayWhyEmpty("count", why);
    *exit_code = kExitOk;
  });
}

}  // namespace roost::cli
