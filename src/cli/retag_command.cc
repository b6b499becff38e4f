// roost retag: recomputes every segment's brand tags from its stored tweets
// with the definitions of a brands file, and publishes the new segments in
// one commit (docs/BRANDS.md). Running it twice gives the same tags.
#include <algorithm>
#include <chrono>
#include <string>

#include <fmt/format.h>

#include "brands/brand_query.h"
#include "brands/brand_retag.h"
#include "brands/brand_set.h"
#include "cli/command.h"
#include "cli/output.h"
#include "common/json_writer.h"

namespace roost::cli {
namespace {

struct RetagArgs {
  std::string archive, brands;
  int threads = 0;
  bool json = false;
};

int RunRetag(const RetagArgs& args) {
  auto set = brands::LoadBrandSet(args.brands);
  if (!set.ok()) return ReportError("retag", Status::InvalidArgument("--brands: " + set.status().message()));
  auto tagger = brands::BrandTagger::Create(*set);
  if (!tagger.ok()) return ReportError("retag", tagger.status());
  const auto start = std::chrono::steady_clock::now();
  auto seconds = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); };
  std::function<void(const storage::RewriteProgress&)> progress;
  if (StderrIsTerminal() && !args.json) {
    progress = [&](const storage::RewriteProgress& p) {
      ProgressLine(fmt::format("retag: segment {}/{}, {} of {} tweets, {:.0f} s", p.segments_done, p.segments_total,
                               FormatCount(p.rows_done), FormatCount(p.rows_total), seconds()));
    };
  }
  auto stats = brands::RetagArchive(args.archive, **tagger, args.threads, {}, progress);
  EndProgress();
  if (!stats.ok()) return ReportError("retag", stats.status());
  const double elapsed = seconds();
  const auto& defs = set->brands;
  if (args.json) {
    JsonWriter w;
    w.BeginObject();
    w.Key("segments").Uint(stats->segments).Key("tweets").Uint(stats->tweets);
    w.Key("brands").BeginArray();
    for (size_t b = 0; b < defs.size(); ++b) {
      w.BeginObject();
      w.Key("name").String(defs[b].name).Key("tweets").Uint(stats->tagged[b]);
      w.Key("fingerprint").String(brands::BrandFingerprint(defs[b]));
      w.EndObject();
    }
    w.EndArray();
    w.Key("bytes_before").Uint(stats->bytes_before).Key("bytes_after").Uint(stats->bytes_after);
    w.Key("seconds").Double(elapsed);
    w.EndObject();
    fmt::print("{}\n", w.str());
    return kExitOk;
  }
  fmt::print("retagged {} tweets in {} segments with {} brands ({:.2f} s)\n", FormatCount(stats->tweets),
             FormatCount(stats->segments), defs.size(), elapsed);
  size_t width = 5;
  for (const auto& d : defs) width = std::max(width, d.name.size());
  fmt::print("  {:<{}}  {:>12}\n", "brand", width, "tweets");
  for (size_t b = 0; b < defs.size(); ++b)
    fmt::print("  {:<{}}  {:>12}\n", defs[b].name, width, FormatCount(stats->tagged[b]));
  return kExitOk;
}

}  // namespace

void AddRetagCommand(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<RetagArgs>();
  auto* cmd = app.add_subcommand(
      "retag",
      "recompute every tweet's brand tags from its stored text and entities with the brands of a "
      "brands file (no input files needed); the archive changes in one commit");
  cmd->add_option("--archive", args->archive, "archive directory")->required();
  cmd->add_option("--brands", args->brands, "brand definitions (brands.toml, docs/BRANDS.md)")->required();
  cmd->add_option("--threads", args->threads, "matching threads (default: one per core)")->check(CLI::Range(0, 1024));
  cmd->add_flag("--json", args->json,
                "print {\"segments\", \"tweets\", \"brands\": [{\"name\", \"tweets\", \"fingerprint\"}], "
                "\"bytes_before\", \"bytes_after\", \"seconds\"}");
  cmd->callback([args, exit_code] { *exit_code = RunRetag(*args); });
}

}  // namespace roost::cli
