// roost sentiment: scores one text per line of stdin (for evaluation against
// labelled sets). Prints the compound score per line, or with --json one
// object per line.
#include <cstdio>
#include <iostream>
#include <string>

#include <fmt/format.h>

#include "analysis/aggregate/metrics.h"
#include "cli/command.h"
#include "enrich/sentiment/sentiment_scorer.h"

namespace roost::cli {
namespace {

// The class of the label, under the names `roost top --by sentiment_class`
// prints (the scorer's label and the archive's class share the ±0.05 cut).
const char* ClassName(const SentimentResult& r) {
  using aggregate::SentimentClass;
  const SentimentClass c = !r.scored      ? SentimentClass::kUnscored
                           : r.label > 0 ? SentimentClass::kPositive
                           : r.label < 0 ? SentimentClass::kNegative
                                         : SentimentClass::kNeutral;
  return aggregate::SentimentClassName(c);
}

struct SentimentArgs {
  std::string lang = "en";
  bool json = false;
};

int RunSentiment(const SentimentArgs& args) {
  auto scorer = SentimentScorer::Load();
  if (!scorer.ok()) {
    fmt::print(stderr, "roost sentiment: {}\n", scorer.status().ToString());
    return kExitFailure;
  }
  if (!scorer->Supports(args.lang)) {
    // Still answer every line (scored=false), so scripts keep line order.
    fmt::print(stderr, "roost sentiment: language '{}' is not scored (en and fr are)\n",
               args.lang);
  }
  std::ios::sync_with_stdio(false);
  std::string line;
  std::string out;
  while (std::getline(std::cin, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    SentimentResult r = scorer->Score(line, args.lang);
    out.clear();
    if (args.json) {
      fmt::format_to(std::back_inserter(out),
                     "{{\"compound\": {:.4f}, \"pos\": {:.3f}, \"neu\": {:.3f}, \"neg\": {:.3f}, "
                     "\"label\": {}, \"sentiment_class\": \"{}\", \"scored\": {}}}\n",
                     r.compound, r.pos, r.neu, r.neg, r.label, ClassName(r), r.scored ? "true" : "false");
    } else {
      fmt::format_to(std::back_inserter(out), "{:.4f}\n", r.compound);
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
  }
  if (std::ferror(stdout)) {
    fmt::print(stderr, "roost sentiment: write error on stdout\n");
    return kExitFailure;
  }
  return kExitOk;
}

}  // namespace

void AddSentimentCommand(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<SentimentArgs>();
  auto* cmd = app.add_subcommand(
      "sentiment",
      "score text from stdin, one text per line: prints the compound score in [-1, 1]");
  cmd->add_option("--lang", args->lang, "language of the text (en, fr; others are not scored)")
      ->capture_default_str();
  cmd->add_flag("--json", args->json,
                "print {\"compound\", \"pos\", \"neu\", \"neg\", \"label\", \"sentiment_class\", \"scored\"} per line");
  cmd->callback([args, exit_code] { *exit_code = RunSentiment(*args); });
}

}  // namespace roost::cli
