// roost compact: rewrites segments so deleted tweets and scrubbed geo are
// physically gone, merging each partition's segments.
#include <string>

#include <fmt/format.h>

#include "cli/command.h"
#include "storage/maintenance.h"

namespace roost::cli {
namespace {

int RunCompact(const std::string& dir, uint64_t max_rows, bool json) {
  auto stats = storage::CompactArchive(dir, max_rows);
  if (!stats.ok()) {
    fmt::print(stderr, "roost compact: {}\n", stats.status().message());
    return stats.status().code() == StatusCode::kInvalidArgument ? kExitUsage : kExitFailure;
  }
  const auto& s = *stats;
  if (json) {
    fmt::print(
        "{{\"segments_before\": {}, \"segments_after\": {}, \"rows_before\": {}, \"rows_after\": {}, "
        "\"bytes_before\": {}, \"bytes_after\": {}}}\n",
        s.segments_before, s.segments_after, s.rows_before, s.rows_after, s.bytes_before, s.bytes_after);
  } else {
    fmt::print("segments {} -> {}, rows {} -> {}, bytes {} -> {}\n", s.segments_before, s.segments_after,
               s.rows_before, s.rows_after, s.bytes_before, s.bytes_after);
  }
  return kExitOk;
}

}  // namespace

void AddCompactCommand(CLI::App& app, int* exit_code) {
  auto dir = std::make_shared<std::string>();
  auto json = std::make_shared<bool>(false);
  auto max_rows = std::make_shared<uint64_t>(8u << 20);
  auto* cmd = app.add_subcommand("compact", "rewrite segments so removed content is physically gone");
  cmd->add_option("--archive", *dir, "archive directory")->required();
  cmd->add_option("--max-segment-rows", *max_rows, "merge a partition's segments up to this many rows")
      ->check(CLI::Range(uint64_t{1}, uint64_t{0xffffffffu}));
  cmd->add_flag("--json", *json, "print one JSON object");
  cmd->callback([=] { *exit_code = RunCompact(*dir, *max_rows, *json); });
}

}  // namespace roost::cli
