// roost sentiment: scores one text per line of stdin (for evaluation against
// labelled sets). Prints the compound score per line, or with --json one
// object per line. Scores as ingest does (enrich/sentiment/tweet_sentiment.h):
// the learned model of the language by default, --model lexicon for the rule
// scorer alone; --lang auto detects each line's language as ingest does.
#include <cstdio>
#include <iostream>
#include <string>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "analysis/aggregate/metrics.h"
#include "cli/command.h"
#include "cli/output.h"
#include "cli/sentiment_options.h"
#include "common/json_writer.h"
#include "enrich/language/language_id.h"
#include "enrich/sentiment/tweet_sentiment.h"

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
  SentimentFlags sentiment;
  bool json = false;
};

int RunSentiment(const SentimentArgs& args) {
  const bool auto_lang = args.lang == "auto";
  auto options = ResolveSentimentFlags(args.sentiment);
  if (!options.ok()) return ReportError("sentiment", options.status());
  auto loaded = TweetSentimentScorer::Load(*options);
  if (!loaded.ok()) {
    fmt::print(stderr, "roost sentiment: {}\n", loaded.status().ToString());
    return kExitFailure;
  }
  const TweetSentimentScorer& scorer = *loaded;
  if (!auto_lang && scorer.ModelFor(args.lang) == SentimentModel::kNone) {
    // Still answer every line (scored=false), so scripts keep line order.
    fmt::print(stderr, "roost sentiment: language '{}' is not scored by the {} model (scored: {})\n",
               args.lang, args.sentiment.model, fmt::join(scorer.languages(), ", "));
  }
  std::ios::sync_with_stdio(false);
  std::string line;
  std::string out;
  std::string lang = args.lang;
  while (std::getline(std::cin, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (auto_lang) lang = language::IdentifyLanguage(line, "").lang;
    SentimentModel model = SentimentModel::kNone;
    SentimentResult r = scorer.Score(line, lang, &model);
    out.clear();
    if (args.json) {
      fmt::format_to(std::back_inserter(out),
                     "{{\"compound\": {:.4f}, \"pos\": {:.3f}, \"neu\": {:.3f}, \"neg\": {:.3f}, "
                     "\"label\": {}, \"sentiment_class\": \"{}\", \"scored\": {}, "
                     "\"model\": {}, \"lang\": ",
                     r.compound, r.pos, r.neu, r.neg, r.label, ClassName(r), r.scored ? "true" : "false",
                     r.scored ? fmt::format("\"{}\"", SentimentModelName(model)) : std::string("null"));
      AppendJsonString(&out, lang);
      out += "}\n";
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
  cmd->add_option("--lang", args->lang,
                  "language of the text, or auto to detect each line's (learned: en, fr, de, it, "
                  "pt, es, ar; lexicon: en, fr; others are not scored)")
      ->capture_default_str();
  AddSentimentFlags(cmd, &args->sentiment, "--model");
  cmd->add_flag("--json", args->json,
                "print {\"compound\", \"pos\", \"neu\", \"neg\", \"label\", \"sentiment_class\", "
                "\"scored\", \"model\", \"lang\"} per line (model: the scorer used, null when "
                "unscored; learned: pos/neu/neg are the class probabilities, compound is pos - neg "
                "moved to agree with label under the ±0.05 cut)");
  cmd->callback([args, exit_code] { *exit_code = RunSentiment(*args); });
}

}  // namespace roost::cli
