// roost explain: the plan of a filter and, having run it, how many segments
// and rows each step removed.
#include <fmt/format.h>

#include <functional>

#include "cli/command.h"
#include "cli/output.h"
#include "cli/query_options.h"
#include "query/regex_literals.h"

namespace roost::cli {
namespace {

std::string Removed(uint64_t in, uint64_t out) { return fmt::format("{} -> {} (-{})", in, out, in - out); }

void PrintTree(const query::Node& n, const query::QueryResult& r, int depth, bool json, std::string* out) {
  const query::NodeStats& s = r.nodes[static_cast<size_t>(n.id)];
  std::string how = n.kind != query::Node::kPred ? "combine" : s.indexed ? "index" : "scan";
  if (n.kind == query::Node::kPred &&
      (n.pred.op == query::Op::kRegexPartial || n.pred.op == query::Op::kRegexExact)) {
    // The literals the scan searches granules for before running RE2.
    std::string lits;
    for (const std::string& l : query::RequiredLiterals(n.pred.value))
      if (l.size() >= 2) {
        const std::string escaped = JsonString(l);  // safe in both outputs
        lits += (lits.empty() ? "'" : ", '") + escaped.substr(1, escaped.size() - 2) + "'";
      }
    if (!lits.empty()) how += ", literals: " + lits;
  }
  if (json) {
    *out += fmt::format("{{\"step\": {}, \"how\": \"{}\", \"rows_in\": {}, \"rows_out\": {}, \"children\": [",
                        JsonString(query::NodeLabel(n)), how, s.rows_in, s.rows_out);
    for (size_t i = 0; i < n.children.size(); ++i) {
      if (i) *out += ", ";
      PrintTree(*n.children[i], r, depth + 1, json, out);
    }
    *out += "]}";
    return;
  }
  *out += fmt::format("{:{}}{}  [{}] rows {}\n", "", depth * 2 + 2, query::NodeLabel(n), how, Removed(s.rows_in, s.rows_out));
  for (const auto& c : n.children) PrintTree(*c, r, depth + 1, json, out);
}

}  // namespace

void AddExplainCommand(CLI::App& app, int* exit_code) {
  auto* cmd = app.add_subcommand("explain", "show how a filter runs and what each step removed");
  auto o = std::make_shared<QueryOptions>();
  AddQueryOptions(cmd, o.get());
  cmd->callback([o, exit_code] {
    auto p = PrepareQuery(*o);
    if (!p.ok()) {
      *exit_code = ReportError("explain", p.status());
      return;
    }
    auto r = query::Execute(*p->archive, p->query, p->exec);
    if (!r.ok()) {
      *exit_code = ReportError("explain", r.status());
      return;
    }
    std::string tree;
    PrintTree(*p->query.root, *r, 0, o->json, &tree);
    if (o->json) {
      fmt::print(
          "{{\"syntax\": \"{}\", \"canonical\": {}, \"segments_total\": {}, \"segments_scanned\": {}, "
          "\"rows_total\": {}, \"rows_in_segments\": {}, \"rows_visible\": {}, \"rows_in_range\": {}, \"tweets\": {}, "
          "\"plan\": {}}}\n",
          p->query.shorthand ? "rule" : "csdl", JsonString(p->query.ToString()), r->segments_total, r->segments_in_range,
          r->rows_total, r->rows_in_segments, r->rows_visible, r->rows_in_range, r->count, tree);
    } else {
      fmt::print("filter ({}): {}\n", p->query.shorthand ? "rule" : "CSDL", p->query.ToString());
      fmt::print("1 prune segments by time   segments {}\n", Removed(r->segments_total, r->segments_in_range));
      fmt::print("                           rows {}\n", Removed(r->rows_total, r->rows_in_segments));
      fmt::print("2 compliance (deleted, hidden users)  rows {}\n", Removed(r->rows_in_segments, r->rows_visible));
      fmt::print("3 exact time range         rows {}\n", Removed(r->rows_visible, r->rows_in_range));
      fmt::print("4 filter (AND runs index lookups first, then scans on the rows left)\n{}", tree);
      fmt::print("matches {}\n", r->count);
    }
    *exit_code = kExitOk;
  });
}

}  // namespace roost::cli
