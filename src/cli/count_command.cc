// roost count: how many visible tweets match a filter (docs/QUERY.md).
#include <chrono>

#include <fmt/format.h>

#include "cli/command.h"
#include "cli/output.h"
#include "cli/query_options.h"

namespace roost::cli {

void AddCountCommand(CLI::App& app, int* exit_code) {
  auto* cmd = app.add_subcommand("count", "count the tweets that match a filter");
  auto o = std::make_shared<QueryOptions>();
  AddQueryOptions(cmd, o.get());
  cmd->callback([o, exit_code] {
    const auto start = std::chrono::steady_clock::now();
    auto p = PrepareQuery(*o);
    if (!p.ok()) {
      *exit_code = ReportError("count", p.status());
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
