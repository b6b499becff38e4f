// roost comply: applies files of compliance messages (JSON lines: v1.1
// stream shapes or the v2 compliance stream) to an archive, atomically.
// Lines that are not compliance messages are counted and ignored.
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "cli/command.h"
#include "parse/document_parser.h"
#include "storage/maintenance.h"

namespace roost::cli {
namespace {

int RunComply(const std::string& dir, const std::vector<std::string>& files, bool json) {
  DocumentParser parser;
  std::vector<ComplianceEvent> events;
  std::map<std::string, uint64_t> by_kind;
  uint64_t lines = 0, ignored = 0;
  for (const std::string& file : files) {
    std::ifstream in;
    std::istream* is = &std::cin;
    if (file != "-") {
      in.open(file);
      if (!in) {
        fmt::print(stderr, "roost comply: cannot open {}\n", file);
        return kExitFailure;
      }
      is = &in;
    }
    std::string line;
    while (std::getline(*is, line)) {
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      ++lines;
      for (auto& rec : parser.ParseString(line)) {
        if (rec.kind != ParsedRecord::Kind::kCompliance) {
          ++ignored;
          continue;
        }
        ++by_kind[ComplianceKindName(rec.compliance.kind)];
        events.push_back(std::move(rec.compliance));
      }
    }
  }
  Status st = storage::ApplyCompliance(dir, events);
  if (!st.ok()) {
    fmt::print(stderr, "roost comply: {}\n", st.message());
    return kExitFailure;
  }
  if (json) {
    std::string kinds;
    for (const auto& [k, n] : by_kind) kinds += fmt::format("{}\"{}\": {}", kinds.empty() ? "" : ", ", k, n);
    fmt::print("{{\"read\": {}, \"applied\": {}, \"ignored\": {}, \"by_kind\": {{{}}}}}\n", lines, events.size(),
               ignored, kinds);
  } else {
    fmt::print("applied {} compliance messages ({} other records ignored)\n", events.size(), ignored);
    for (const auto& [k, n] : by_kind) fmt::print("  {:<16} {}\n", k, n);
  }
  return kExitOk;
}

}  // namespace

void AddComplyCommand(CLI::App& app, int* exit_code) {
  auto dir = std::make_shared<std::string>();
  auto files = std::make_shared<std::vector<std::string>>();
  auto json = std::make_shared<bool>(false);
  auto* cmd = app.add_subcommand("comply", "apply compliance messages (deletes, scrub_geo, user and withheld events)");
  cmd->add_option("--archive", *dir, "archive directory")->required();
  cmd->add_option("files", *files, "JSON-lines files of compliance messages ('-' for stdin)")->required();
  cmd->add_flag("--json", *json, "print one JSON object");
  cmd->callback([=] { *exit_code = RunComply(*dir, *files, *json); });
}

}  // namespace roost::cli
