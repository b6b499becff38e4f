// roost ingest: load tweet files into an archive (or only validate them
// with --dry-run) and account for every record read.
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <memory>
#include <optional>
#include <string>

#include "brands/brand_retag.h"
#include "brands/brand_set.h"
#include "brands/brand_tagger.h"
#include "cli/command.h"
#include "cli/output.h"
#include "cli/sentiment_options.h"
#include "common/json_writer.h"
#include "enrich/enricher.h"
#include "ingest/counting_sink.h"
#include "ingest/ingest_pipeline.h"
#include "storage/archive_ingest_sink.h"
#include "storage/manifest.h"

namespace roost::cli {
namespace {

struct IngestArgs {
  std::string archive;
  std::vector<std::string> inputs;
  int threads = 0;
  bool json = false;
  bool quiet = false;
  bool stats = false;
  bool dry_run = false;
  std::string rejects;
  size_t max_record_bytes = 16u << 20;
  std::string partition;
  std::string memory_limit = "2G";
  bool no_enrich = false;
  SentimentFlags sentiment;
  bool no_resume = false;
  double commit_interval = storage::ArchiveIngestOptions::kDefaultCommitIntervalSeconds;
};

// "512M", "4G", "1.5GiB", "1000000" -> bytes.
Result<uint64_t> ParseByteSize(const std::string& text) {
  char* end = nullptr;
  double v = std::strtod(text.c_str(), &end);
  if (end == text.c_str() || v <= 0) return Status::InvalidArgument("bad size \"" + text + "\"");
  std::string unit(end);
  for (char& c : unit) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (unit.ends_with("IB")) unit.resize(unit.size() - 2);
  else if (unit.ends_with("B")) unit.resize(unit.size() - 1);
  double scale = unit.empty() ? 1 : unit == "K" ? 1024.0 : unit == "M" ? 1024.0 * 1024
               : unit == "G" ? 1024.0 * 1024 * 1024 : unit == "T" ? 1024.0 * 1024 * 1024 * 1024 : -1;
  if (scale < 0) return Status::InvalidArgument("bad size unit in \"" + text + "\" (use K, M, G or T)");
  return static_cast<uint64_t>(v * scale);
}

std::string DefaultRejectsPath(const std::string& archive) {
  std::time_t now = std::time(nullptr);
  char stamp[32];
  std::strftime(stamp, sizeof(stamp), "%Y%m%dT%H%M%SZ", std::gmtime(&now));
  return archive + "/rejects/ingest-" + stamp + ".rejects";
}

bool IsWall(const StageCost& s) { return s.name.find("(wall)") != std::string::npos; }

double CpuTotal(const IngestReport& r) {
  double cpu = 0;
  for (const StageCost& s : r.stages)
    if (!IsWall(s)) cpu += s.seconds;
  return cpu;
}

void PrintStages(const IngestReport& r) {
  const IngestCounts& c = r.counts;
  const double cpu = CpuTotal(r);
  std::printf("CPU by stage (%.2f s in all, %s records per CPU-second):\n", cpu,
              FormatCount(static_cast<uint64_t>(cpu > 0 ? c.read / cpu : 0)).c_str());
  for (const StageCost& s : r.stages) {
    if (IsWall(s)) std::printf("  %-18s%8.2f s wall\n", s.name.c_str(), s.seconds);
    else std::printf("  %-18s%8.2f s %5.1f%%\n", s.name.c_str(), s.seconds, cpu > 0 ? 100 * s.seconds / cpu : 0.0);
  }
}

void PrintReport(const IngestReport& r, const IngestArgs& args) {
  const IngestCounts& c = r.counts;
  if (args.quiet) {
    // Input errors are errors, so they still reach stderr.
    for (const auto& e : r.input_errors) std::fprintf(stderr, "roost ingest: input error: %s\n", e.c_str());
    return;
  }
  if (args.json) {
    JsonWriter w;
    w.BeginObject();
    w.Key("read").Uint(c.read).Key("accepted").Uint(c.accepted).Key("duplicates").Uint(c.duplicates);
    w.Key("non_public").Uint(c.non_public).Key("compliance").Uint(c.compliance);
    w.Key("rejected").Uint(c.rejected).Key("rejected_by_reason").BeginObject();
    for (size_t i = 0; i < c.rejected_by_reason.size(); ++i) {
      if (c.rejected_by_reason[i] == 0) continue;
      w.Key(RejectReasonName(static_cast<RejectReason>(i))).Uint(c.rejected_by_reason[i]);
    }
    w.EndObject();
    w.Key("files").Uint(r.files).Key("skipped_files").Uint(r.skipped_files);
    w.Key("skipped_bytes").Uint(r.skipped_bytes).Key("input_bytes").Uint(r.input_bytes);
    w.Key("json_bytes").Uint(r.decompressed_bytes).Key("seconds").Double(r.seconds);
    w.Key("records_per_second").Double(r.seconds > 0 ? c.read / r.seconds : 0);
    // CPU seconds by stage (fsync: wall seconds), and their CPU total.
    w.Key("stages").BeginObject();
    for (const StageCost& s : r.stages) w.Key(s.name).Double(s.seconds);
    w.EndObject();
    w.Key("cpu_seconds").Double(CpuTotal(r));
    w.Key("input_errors").BeginArray();
    for (const auto& e : r.input_errors) w.String(e);
    w.EndArray();
    w.Key("rejects_file");
    if (r.rejects_file.empty()) w.Null(); else w.String(r.rejects_file);
    w.Key("first_reject");
    if (r.first_reject.empty()) w.Null(); else w.String(r.first_reject);
    w.Key("kept_with_notes").Uint(r.kept_with_notes);
    w.Key("first_note");
    if (r.first_note.empty()) w.Null(); else w.String(r.first_note);
    w.EndObject();
    std::printf("%s\n", w.str().c_str());
    return;
  }
  std::printf("read        %15s\n", FormatCount(c.read).c_str());
  std::printf("accepted    %15s\n", FormatCount(c.accepted).c_str());
  std::printf("duplicates  %15s\n", FormatCount(c.duplicates).c_str());
  std::printf("non-public  %15s\n", FormatCount(c.non_public).c_str());
  std::printf("compliance  %15s\n", FormatCount(c.compliance).c_str());
  std::printf("rejected    %15s\n", FormatCount(c.rejected).c_str());
  for (size_t i = 0; i < c.rejected_by_reason.size(); ++i) {
    if (c.rejected_by_reason[i] == 0) continue;
    std::printf("  %-18s%11s\n", RejectReasonName(static_cast<RejectReason>(i)),
                FormatCount(c.rejected_by_reason[i]).c_str());
  }
  if (!r.rejects_file.empty()) std::printf("rejected records kept in %s\n", r.rejects_file.c_str());
  if (r.kept_with_notes > 0)
    std::printf("%s accepted tweets lack part of themselves (first: %s)\n", FormatCount(r.kept_with_notes).c_str(),
                r.first_note.c_str());
  for (const auto& e : r.input_errors) std::printf("input error: %s\n", e.c_str());
  if (r.skipped_files > 0)
    std::printf("skipped %s files (%s) an earlier run committed (--no-resume reads them again)\n",
                FormatCount(r.skipped_files).c_str(), FormatBytes(r.skipped_bytes).c_str());
  if (args.stats) PrintStages(r);
  double mb = r.decompressed_bytes / 1e6;
  std::printf("%s files, %s of JSON in %.2f s (%s records/s, %.0f MB/s)\n",
              FormatCount(r.files).c_str(), FormatBytes(r.decompressed_bytes).c_str(), r.seconds,
              FormatCount(static_cast<uint64_t>(r.seconds > 0 ? c.read / r.seconds : 0)).c_str(),
              r.seconds > 0 ? mb / r.seconds : 0.0);
}

// Why a run that was given input kept nothing, or "" when it kept something
// (or only met records it rightly set aside: duplicates, protected authors,
// compliance messages). An empty input file is not a failure: scheduled
// ingests of quiet hours produce them.
std::string NothingAccepted(const IngestReport& r) {
  const IngestCounts& c = r.counts;
  if (c.read == 0 || c.rejected < c.read) return "";
  return "nothing accepted: " + FormatCount(c.rejected) + " of " + FormatCount(c.read) + " records rejected (first: " +
         r.first_reject + ")";
}

// The brands with a filter, over the segments this ingest wrote (those not
// in `before`): one more commit, after which they carry every fingerprint.
Status TagNewSegments(const IngestArgs& args, const brands::BrandTagger& tagger, const std::vector<std::string>& before) {
  ROOST_ASSIGN_OR_RETURN(storage::Manifest after, storage::Manifest::Load(args.archive));
  std::vector<std::string> added;
  for (const auto& e : after.segments)
    if (std::find(before.begin(), before.end(), e.file) == before.end()) added.push_back(e.file);
  if (added.empty()) return Status::Ok();
  return brands::RetagArchive(args.archive, tagger, args.threads, added).status();
}

int RunIngestCommand(const IngestArgs& args) {
  if (args.archive.empty() && !args.dry_run) {
    return ReportError("ingest", Status::InvalidArgument("--archive DIR is required (or --dry-run)"));
  }
  // Before the archive is touched: a bad --brands file leaves it as it was.
  auto sentiment = ResolveSentimentFlags(args.sentiment);
  if (!sentiment.ok()) return ReportError("ingest", sentiment.status());
  // --brands also tags: brands without a filter per tweet as it is enriched,
  // those with one over the new segments once they are committed.
  std::unique_ptr<brands::BrandTagger> tagger;
  if (!args.sentiment.brands.empty()) {
    if (args.no_enrich)
      return ReportError("ingest", Status::InvalidArgument(
                                       "--brands tags tweets from their enrichment: it cannot go with --no-enrich"));
    auto set = brands::LoadBrandSet(args.sentiment.brands);
    if (!set.ok()) return ReportError("ingest", Status::InvalidArgument("--brands: " + set.status().message()));
    auto created = brands::BrandTagger::Create(*set);
    if (!created.ok()) return ReportError("ingest", created.status());
    tagger = std::move(*created);
  }
  IngestOptions options;
  options.inputs = args.inputs;
  options.threads = args.threads;
  options.max_record_bytes = args.max_record_bytes;
  options.resume = !args.no_resume;
  options.rejects_path = !args.rejects.empty()    ? args.rejects
                         : !args.archive.empty() ? DefaultRejectsPath(args.archive)
                                                 : "";
  if (StderrIsTerminal() && !args.quiet) {
    options.progress = [](const IngestProgress& p) {
      char line[160];
      std::snprintf(line, sizeof(line), "ingest: file %llu/%llu, %s records, %s read, %.0f s",
                    static_cast<unsigned long long>(p.files_done),
                    static_cast<unsigned long long>(p.files_total), FormatCount(p.records).c_str(),
                    FormatBytes(p.input_bytes).c_str(), p.seconds);
      ProgressLine(line);
    };
  }
  std::unique_ptr<IngestSink> sink;
  std::vector<std::string> segments_before;  // for tagging the new ones
  if (args.dry_run) {
    sink = std::make_unique<CountingSink>();
  } else {
    auto limit = ParseByteSize(args.memory_limit);
    if (!limit.ok()) return ReportError("ingest", limit.status());
    storage::ArchiveIngestOptions archive_options;
    archive_options.partition = args.partition;
    archive_options.memory_limit_bytes = *limit;
    archive_options.commit_interval_seconds = args.commit_interval;
    if (tagger) archive_options.brand_fingerprints = tagger->PerTweetFingerprints();
    if (tagger && tagger->NeedsSegments()) {
      auto before = storage::Manifest::Load(args.archive);
      if (before.ok())
        for (const auto& e : before->segments) segments_before.push_back(e.file);
    }
    auto opened = storage::OpenArchiveForIngest(args.archive, archive_options);
    if (!opened.ok()) return ReportError("ingest", opened.status());
    sink = std::move(*opened);
  }
  std::optional<Enricher> enricher;
  if (!args.no_enrich) {
    EnricherOptions enricher_options;
    enricher_options.sentiment_model = sentiment->model;
    enricher_options.sentiment_ignore_words = std::move(sentiment->ignore_words);
    auto created = Enricher::Create(enricher_options);
    if (!created.ok()) return ReportError("ingest", created.status());
    enricher.emplace(std::move(*created));
    options.enrich = [&enricher, &tagger](Tweet* t) {
      enricher->Enrich(t);
      if (tagger) tagger->TagTweet(t);
    };
  }
  auto report = RunIngest(options, sink.get());
  EndProgress();
  if (!report.ok()) return ReportError("ingest", report.status());
  sink.reset();  // releases the writer lock
  if (tagger && tagger->NeedsSegments() && !args.dry_run) {
    if (Status s = TagNewSegments(args, *tagger, segments_before); !s.ok()) return ReportError("ingest", s);
  }
  PrintReport(*report, args);
  if (const std::string why = NothingAccepted(*report); !why.empty()) {
    std::fprintf(stderr, "roost ingest: %s\n", why.c_str());
    return kExitFailure;
  }
  return report->input_errors.empty() ? kExitOk : kExitFailure;
}

}  // namespace

void AddIngestCommand(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<IngestArgs>();
  CLI::App* cmd = app.add_subcommand(
      "ingest",
      "Load tweet files (JSON lines or API responses, v1.1 or v2, plain/gzip/zstd/bzip2) into an "
      "archive. Every record is counted as accepted, duplicate, non-public, compliance or rejected.");
  cmd->add_option("inputs", args->inputs, "files, directories (recursive) or - for stdin")->required();
  cmd->add_option(
      "--archive", args->archive,
      "archive directory (created if missing or empty; a folder of other files is refused)");
  cmd->add_flag("--dry-run", args->dry_run, "read and validate only; store nothing");
  cmd->add_option("--threads", args->threads, "worker threads (default: one per core)")
      ->check(CLI::Range(0, 1024));
  cmd->add_option("--rejects", args->rejects,
                  "file for rejected records (default: ARCHIVE/rejects/ingest-TIME.rejects)");
  cmd->add_option("--max-record-bytes", args->max_record_bytes,
                  "records larger than this are rejected as too_large")
      ->check(CLI::Range(size_t{64}, size_t{1} << 31));
  cmd->add_option("--partition", args->partition, "segment time partition of a new archive")
      ->check(CLI::IsMember({"hour", "day", "week"}));
  cmd->add_option("--memory-limit", args->memory_limit,
                  "memory for buffered tweets before segments are written (default 2G)");
  cmd->add_flag(
      "--no-resume", args->no_resume,
      "read every input, also those an earlier run committed completely (skipped by default)");
  cmd->add_option(
         "--commit-interval", args->commit_interval,
         "least seconds between commits of completed segments during the run (default 5; 0: every "
         "segment)")
      ->check(CLI::Range(0.0, 86400.0));
  cmd->add_flag("--no-enrich", args->no_enrich,
                "skip entities/language/terms/sentiment (faster; analyses that need them see nothing)");
  AddSentimentFlags(cmd, &args->sentiment, "--sentiment-model");
  auto* json = cmd->add_flag("--json", args->json, "print the summary as JSON (CPU by stage included)");
  auto* stats = cmd->add_flag("--stats", args->stats, "also print the CPU time of each pipeline stage");
  cmd->add_flag("--quiet,-q", args->quiet, "print nothing but errors")->excludes(json)->excludes(stats);
  cmd->callback([args, exit_code] { *exit_code = RunIngestCommand(*args); });
}

}  // namespace roost::cli
