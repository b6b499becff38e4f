// roost verify: checks every checksum of every segment; names the damaged
// segments and exits 1 when there are any (the others stay usable). Files
// the manifest does not list are warnings (exit 0).
#include <string>

#include <fmt/format.h>

#include "cli/command.h"
#include "storage/maintenance.h"

namespace roost::cli {
namespace {

std::string JsonQuote(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (static_cast<unsigned char>(c) < 0x20) {
      out += fmt::format("\\u{:04x}", c);
      continue;
    }
    out += c;
  }
  return out + "\"";
}

int RunVerify(const std::string& dir, bool json) {
  auto report = storage::VerifyArchive(dir);
  if (!report.ok()) {
    fmt::print(stderr, "roost verify: {}\n", report.status().message());
    return kExitFailure;
  }
  const auto& r = *report;
  if (json) {
    std::string errors;
    for (const auto& s : r.segments)
      if (!s.status.ok())
        errors += fmt::format("{}{{\"segment\": {}, \"code\": \"{}\", \"error\": {}}}", errors.empty() ? "" : ", ",
                              JsonQuote(s.file), StatusCodeName(s.status.code()), JsonQuote(s.status.message()));
    std::string unlisted;
    for (const auto& f : r.unlisted) unlisted += (unlisted.empty() ? "" : ", ") + JsonQuote(f);
    fmt::print(
        "{{\"ok\": {}, \"segments\": {}, \"damaged\": {}, \"manifest_ok\": {}, \"errors\": [{}], "
        "\"unlisted\": [{}]}}\n",
        r.ok() ? "true" : "false", r.segments.size(), r.damaged(),
        r.manifest.ok() ? "true" : "false", errors, unlisted);
  } else {
    // Not damage: files a writer is writing now, or left when it was
    // interrupted (the next writer removes them); no answer reads them.
    for (const auto& f : r.unlisted)
      fmt::print(
          "warning: {} is not in the manifest (being written, or left by an interrupted writer; "
          "the next writer removes it)\n",
          f);
    if (!r.manifest.ok()) fmt::print("compliance snapshot: {}\n", r.manifest.ToString());
    for (const auto& s : r.segments)
      if (!s.status.ok()) fmt::print("DAMAGED {}: {}\n", s.file, s.status.ToString());
    fmt::print("{} segments checked, {} damaged\n", r.segments.size(), r.damaged());
  }
  return r.ok() ? kExitOk : kExitFailure;
}

}  // namespace

void AddVerifyCommand(CLI::App& app, int* exit_code) {
  auto dir = std::make_shared<std::string>();
  auto json = std::make_shared<bool>(false);
  auto* cmd = app.add_subcommand("verify", "check every checksum of an archive; exit 1 naming damaged segments");
  cmd->add_option("--archive", *dir, "archive directory")->required();
  cmd->add_flag("--json", *json, "print one JSON object");
  cmd->callback([=] { *exit_code = RunVerify(*dir, *json); });
}

}  // namespace roost::cli
