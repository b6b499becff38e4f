// roost info: what an archive holds (time range, segments, tweets, size on
// disk, bytes per tweet, per-column sizes, compliance tombstones).
#include <ctime>
#include <string>

#include <fmt/format.h>

#include "cli/command.h"
#include "storage/maintenance.h"

namespace roost::cli {
namespace {

std::string IsoTime(int64_t ms) {
  std::time_t s = static_cast<std::time_t>(ms / 1000 - (ms % 1000 < 0));
  std::tm tm{};
  gmtime_r(&s, &tm);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
                     tm.tm_min, tm.tm_sec);
}

std::string Bytes(uint64_t n) {
  if (n < 1024) return fmt::format("{} B", n);
  if (n < (1u << 20)) return fmt::format("{:.1f} KiB", n / 1024.0);
  if (n < (1u << 30)) return fmt::format("{:.1f} MiB", n / 1048576.0);
  return fmt::format("{:.2f} GiB", n / 1073741824.0);
}

int RunInfo(const std::string& dir, bool json) {
  auto info = storage::GetArchiveInfo(dir);
  if (!info.ok()) {
    fmt::print(stderr, "roost info: {}\n", info.status().message());
    return kExitFailure;
  }
  const storage::ArchiveInfo& i = *info;
  if (json) {
    std::string cols;
    for (const auto& [name, bytes] : i.column_bytes) cols += fmt::format("{}\"{}\": {}", cols.empty() ? "" : ", ", name, bytes);
    fmt::print(
        "{{\"manifest_version\": {}, \"partition\": \"{}\", \"segments\": {}, \"tweets\": {}, \"visible_tweets\": {}, "
        "\"from\": \"{}\", \"to\": \"{}\", \"bytes\": {}, \"bytes_per_tweet\": {:.2f}, \"columns\": {{{}}}, "
        "\"compliance\": {{\"deleted_ids\": {}, \"hidden_users\": {}, \"scrub_geo_users\": {}, "
        "\"withheld_statuses\": {}, \"withheld_users\": {}}}}}\n",
        i.manifest_version, i.partition, i.segments, i.tweets, i.visible_tweets, IsoTime(i.min_time), IsoTime(i.max_time),
        i.bytes_on_disk, i.bytes_per_tweet(), cols, i.deleted_ids, i.hidden_users, i.scrub_geo_users,
        i.withheld_statuses, i.withheld_users);
    return kExitOk;
  }
  fmt::print("archive      {} (manifest version {}, partition {})\n", dir, i.manifest_version, i.partition);
  if (i.segments) fmt::print("time range   {} .. {}\n", IsoTime(i.min_time), IsoTime(i.max_time));
  fmt::print("segments     {}\n", i.segments);
  fmt::print("tweets       {} stored, {} visible\n", i.tweets, i.visible_tweets);
  fmt::print("size         {} ({:.1f} bytes/tweet)\n", Bytes(i.bytes_on_disk), i.bytes_per_tweet());
  fmt::print("compliance   {} deleted ids, {} hidden users, {} scrub_geo users, {} withheld tweets, {} withheld users\n",
             i.deleted_ids, i.hidden_users, i.scrub_geo_users, i.withheld_statuses, i.withheld_users);
  fmt::print("columns\n");
  for (const auto& [name, bytes] : i.column_bytes)
    fmt::print("  {:<22} {:>12}  {:6.1f} B/tweet\n", name, Bytes(bytes),
               i.tweets ? static_cast<double>(bytes) / i.tweets : 0.0);
  return kExitOk;
}

}  // namespace

void AddInfoCommand(CLI::App& app, int* exit_code) {
  auto dir = std::make_shared<std::string>();
  auto json = std::make_shared<bool>(false);
  auto* cmd = app.add_subcommand("info", "show what an archive holds: time range, segments, tweets, sizes");
  cmd->add_option("--archive", *dir, "archive directory")->required();
  cmd->add_flag("--json", *json, "print one JSON object");
  cmd->callback([=] { *exit_code = RunInfo(*dir, *json); });
}

}  // namespace roost::cli
