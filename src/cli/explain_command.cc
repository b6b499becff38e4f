// roost explain: the plan of a filter and, having run it, how many segments
// and rows each step removed.
#include <fmt/format.h>

#include "answer/answers.h"
#include "cli/command.h"
#include "cli/output.h"
#include "cli/privacy_options.h"
#include "cli/query_options.h"

namespace roost::cli {
namespace {

std::string Removed(uint64_t in, uint64_t out) { return fmt::format("{} -> {} (-{})", in, out, in - out); }

void PrintStep(const PlanStep& s, int depth, bool json, std::string* out) {
  if (json) {
    *out += fmt::format("{{\"step\": {}, \"how\": \"{}\", \"rows_in\": {}, \"rows_out\": {}, \"children\": [",
                        JsonString(s.step), s.how, s.rows_in, s.rows_out);
    for (size_t i = 0; i < s.children.size(); ++i) {
      if (i) *out += ", ";
      PrintStep(s.children[i], depth + 1, json, out);
    }
    *out += "]}";
    return;
  }
  *out += fmt::format("{:{}}{}  [{}] rows {}\n", "", depth * 2 + 2, s.step, s.how, Removed(s.rows_in, s.rows_out));
  for (const PlanStep& c : s.children) PrintStep(c, depth + 1, json, out);
}

struct ExplainOptions {
  QueryOptions query;
  PrivacyOptions privacy;
};

}  // namespace

void AddExplainCommand(CLI::App& app, int* exit_code) {
  auto* cmd = app.add_subcommand("explain", "show how a filter runs and what each step removed");
  auto o = std::make_shared<ExplainOptions>();
  AddQueryOptions(cmd, &o->query);
  AddPrivacyOptions(cmd, &o->privacy);
  cmd->callback([o, exit_code] {
    auto p = PrepareQuery(o->query);
    if (!p.ok()) {
      *exit_code = ReportError("explain", p.status());
      return;
    }
    auto policy = ResolvePrivacy(o->privacy, o->query.archive);
    if (!policy.ok()) {
      *exit_code = ReportError("explain", policy.status());
      return;
    }
    auto a = answer::ExplainQuery(*p->archive, p->query, p->exec, *policy);
    if (!a.ok()) {
      *exit_code = ReportError("explain", a.status());
      return;
    }
    const bool json = o->query.json;
    std::string tree;
    PrintStep(a->plan, 0, json, &tree);
    // Under the gate every count is rounded down to the quantum; a withheld
    // answer shows the plan with no counts.
    if (json) {
      fmt::print(
          "{{\"syntax\": \"{}\", \"canonical\": {}, \"segments_total\": {}, \"segments_scanned\": {}, "
          "\"rows_total\": {}, \"rows_in_segments\": {}, \"rows_visible\": {}, \"rows_in_range\": {}, \"tweets\": {}, "
          "\"plan\": {}{}}}\n",
          a->syntax, JsonString(a->canonical), a->segments_total, a->segments_scanned, a->rows_total,
          a->rows_in_segments, a->rows_visible, a->rows_in_range, a->redacted ? "null" : std::to_string(a->tweets), tree,
          a->redacted ? ", \"redacted\": true, \"reason\": " + JsonString(a->reason) : "");
    } else {
      fmt::print("filter ({}): {}\n", a->syntax == "rule" ? "rule" : "CSDL", a->canonical);
      if (a->redacted) {
        fmt::print("redacted: {}\n", a->reason);
      } else {
        fmt::print("1 prune segments by time   segments {}\n", Removed(a->segments_total, a->segments_scanned));
        fmt::print("                           rows {}\n", Removed(a->rows_total, a->rows_in_segments));
        fmt::print("2 compliance (deleted, hidden users)  rows {}\n", Removed(a->rows_in_segments, a->rows_visible));
        fmt::print("3 exact time range         rows {}\n", Removed(a->rows_visible, a->rows_in_range));
        fmt::print("4 filter (AND runs index lookups first, then scans on the rows left)\n{}", tree);
        fmt::print("matches {}\n", a->tweets);
      }
    }
    *exit_code = kExitOk;
  });
}

}  // namespace roost::cli
