// roost count: how many visible tweets match a filter, or with --tags, how
// many carry each tag of a tag file (docs/QUERY.md).
#include <algorithm>
#include <chrono>

#include <fmt/format.h>

#include "cli/command.h"
#include "cli/output.h"
#include "cli/query_options.h"

namespace roost::cli {
namespace {

Status PrintTagCounts(const PreparedQuery& p, bool json, std::chrono::steady_clock::time_point start) {
  query::TagTotals totals;
  ROOST_ASSIGN_OR_RETURN(auto groups, query::EvaluateTags(*p.archive, *p.tags, p.exec,
                                                           p.query.root ? &p.query : nullptr, &totals));
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  if (json) {
    std::string items;
    for (const auto& g : groups) {
      if (!items.empty()) items += ", ";
      items += fmt::format("{{\"tag\": {}, \"namespace\": {}, \"name\": {}, \"count\": {}}}",
                           JsonString(g.tag->full_name()), JsonString(g.tag->ns), JsonString(g.tag->name), g.count);
    }
    fmt::print("{{\"count\": {}, \"tagged\": {}, \"tags\": [{}], \"segments_scanned\": {}, \"segments_total\": {}, "
               "\"elapsed_ms\": {:.3f}}}\n",
               totals.matching, totals.tagged, items, p.archive->SegmentsOverlapping(p.exec.from, p.exec.to).size(),
               p.archive->segment_count(), ms);
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
  auto* cmd = app.add_subcommand("count", "count the tweets that match a filter, or per tag with --tags");
  auto o = std::make_shared<QueryOptions>();
  AddQueryOptions(cmd, o.get(), /*filter_required=*/false);
  AddTagsOption(cmd, o.get());
  cmd->callback([o, exit_code] {
    const auto start = std::chrono::steady_clock::now();
    if (o->filter.empty() && o->tags.empty()) {
      *exit_code = ReportError("count", Status::InvalidArgument("--filter or --tags is required"));
      return;
    }
    auto p = PrepareQuery(*o);
    if (!p.ok()) {
      *exit_code = ReportError("count", p.status());
      return;
    }
    if (p->tags) {
      const Status s = PrintTagCounts(*p, o->json, start);
      *exit_code = s.ok() ? kExitOk : ReportError("count", s);
      return;
    }
    auto r = query::Execute(*p->archive, p->query, p->exec);
    if (!r.ok()) {
      *exit_code = ReportError("count", r.status());
      return;
    }
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    if (o->json) {
      fmt::print("{{\"count\": {}, \"segments_scanned\": {}, \"segments_total\": {}, \"elapsed_ms\": {:.3f}}}\n", r->count,
                 r->segments_in_range, r->segments_total, ms);
    } else {
      fmt::print("{}\n", r->count);
    }
    *exit_code = kExitOk;
  });
}

}  // namespace roost::cli
