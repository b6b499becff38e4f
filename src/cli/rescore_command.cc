// roost rescore: recomputes the sentiment columns of every segment from the
// stored text and detected language, with the scorer ingest uses now (or the
// one --model names), and publishes the new segments in one commit.
#include <time.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>

#include "cli/command.h"
#include "cli/output.h"
#include "cli/sentiment_options.h"
#include "common/json_writer.h"
#include "enrich/sentiment/tweet_sentiment.h"
#include "storage/rewrite.h"

namespace roost::cli {
namespace {

struct RescoreArgs {
  std::string archive;
  SentimentFlags sentiment;
  int threads = 0;
  bool json = false;
};

struct RescoreCounts {
  std::atomic<uint64_t> learned{0}, lexicon{0}, unscored{0}, changed{0};
  std::atomic<uint64_t> scoring_cpu_ns{0};  // CPU time of the scoring threads alone
};

uint64_t ThreadCpuNanos() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<uint64_t>(ts.tv_sec) * 1000000000u + static_cast<uint64_t>(ts.tv_nsec);
}

// Scores tweets [begin, end) and counts what it did.
void ScoreRange(const TweetSentimentScorer& scorer, std::vector<Tweet>* tweets, size_t begin, size_t end,
                RescoreCounts* counts) {
  uint64_t learned = 0, lexicon = 0, unscored = 0, changed = 0;
  const uint64_t cpu_start = ThreadCpuNanos();
  for (size_t i = begin; i < end; ++i) {
    Tweet& t = (*tweets)[i];
    SentimentModel model = SentimentModel::kNone;
    const SentimentResult r = scorer.Score(t.text, t.detected_lang, &model);
    if (!r.scored) model = SentimentModel::kNone;
    const float score = r.scored ? r.compound : 0.0f;
    changed += t.sentiment_scored != r.scored || t.sentiment != score || t.sentiment_model != model;
    t.sentiment_scored = r.scored;
    t.sentiment = score;
    t.sentiment_model = model;
    learned += model == SentimentModel::kLearned;
    lexicon += model == SentimentModel::kLexicon;
    unscored += model == SentimentModel::kNone;
  }
  counts->learned += learned;
  counts->lexicon += lexicon;
  counts->unscored += unscored;
  counts->changed += changed;
  counts->scoring_cpu_ns += ThreadCpuNanos() - cpu_start;
}

int RunRescore(const RescoreArgs& args) {
  auto options = ResolveSentimentFlags(args.sentiment);
  if (!options.ok()) return ReportError("rescore", options.status());
  auto scorer = TweetSentimentScorer::Load(*options);
  if (!scorer.ok()) return ReportError("rescore", scorer.status());
  const unsigned threads = args.threads > 0 ? static_cast<unsigned>(args.threads)
                                            : std::max(1u, std::thread::hardware_concurrency());
  RescoreCounts counts;
  auto edit = [&](std::vector<Tweet>* tweets) {
    const size_t n = tweets->size();
    const size_t parts = std::min<size_t>(threads, std::max<size_t>(1, n / 4096));
    std::vector<std::thread> pool;
    for (size_t k = 1; k < parts; ++k) {
      pool.emplace_back(ScoreRange, std::cref(*scorer), tweets, n * k / parts, n * (k + 1) / parts, &counts);
    }
    ScoreRange(*scorer, tweets, 0, n / parts, &counts);
    for (auto& th : pool) th.join();
  };
  const auto start = std::chrono::steady_clock::now();
  auto seconds = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); };
  std::function<void(const storage::RewriteProgress&)> progress;
  if (StderrIsTerminal() && !args.json) {
    progress = [&](const storage::RewriteProgress& p) {
      ProgressLine(fmt::format("rescore: segment {}/{}, {} of {} tweets, {:.0f} s", p.segments_done,
                               p.segments_total, FormatCount(p.rows_done), FormatCount(p.rows_total),
                               seconds()));
    };
  }
  auto stats = storage::RewriteSegments(args.archive, edit, progress);
  EndProgress();
  if (!stats.ok()) return ReportError("rescore", stats.status());
  const double elapsed = seconds();
  if (args.json) {
    JsonWriter w;
    w.BeginObject();
    w.Key("segments").Uint(stats->segments).Key("tweets").Uint(stats->rows);
    w.Key("learned").Uint(counts.learned).Key("lexicon").Uint(counts.lexicon);
    w.Key("unscored").Uint(counts.unscored).Key("changed").Uint(counts.changed);
    w.Key("bytes_before").Uint(stats->bytes_before).Key("bytes_after").Uint(stats->bytes_after);
    w.Key("seconds").Double(elapsed);
    w.Key("scoring_cpu_seconds").Double(static_cast<double>(counts.scoring_cpu_ns) / 1e9);
    w.EndObject();
    fmt::print("{}\n", w.str());
    return kExitOk;
  }
  const double scoring = static_cast<double>(counts.scoring_cpu_ns) / 1e9;
  fmt::print("rescored {} tweets in {} segments ({:.2f} s; scoring {} tweets per CPU-second): {} changed\n",
             FormatCount(stats->rows), FormatCount(stats->segments), elapsed,
             FormatCount(static_cast<uint64_t>(scoring > 0 ? stats->rows / scoring : 0)),
             FormatCount(counts.changed));
  fmt::print("  learned   {:>15}\n  lexicon   {:>15}\n  unscored  {:>15}\n", FormatCount(counts.learned),
             FormatCount(counts.lexicon), FormatCount(counts.unscored));
  return kExitOk;
}

}  // namespace

void AddRescoreCommand(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<RescoreArgs>();
  auto* cmd = app.add_subcommand(
      "rescore",
      "recompute every tweet's sentiment from its stored text and language (no input files "
      "needed); the archive changes in one commit");
  cmd->add_option("--archive", args->archive, "archive directory")->required();
  AddSentimentFlags(cmd, &args->sentiment, "--model");
  cmd->add_option("--threads", args->threads, "scoring threads (default: one per core)")
      ->check(CLI::Range(0, 1024));
  cmd->add_flag("--json", args->json,
                "print {\"segments\", \"tweets\", \"learned\", \"lexicon\", \"unscored\", \"changed\", "
                "\"bytes_before\", \"bytes_after\", \"seconds\", \"scoring_cpu_seconds\"}");
  cmd->callback([args, exit_code] { *exit_code = RunRescore(*args); });
}

}  // namespace roost::cli
