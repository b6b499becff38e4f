// roost sentiment: scores one text per line of stdin (for evaluation against
// labelled sets). Prints the compound score per line, or with --json one
// object per line. --model picks the rule scorer (lexicon, the default) or
// the learned per-language model; --lang auto detects each line's language
// as ingest does.
#include <cstdio>
#include <iostream>
#include <optional>
#include <string>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "analysis/aggregate/metrics.h"
#include "cli/command.h"
#include "common/json_writer.h"
#include "enrich/language/language_id.h"
#include "enrich/sentiment/learned_model.h"
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
  std::string model = "lexicon";
  bool json = false;
};

int RunSentiment(const SentimentArgs& args) {
  const bool learned = args.model == "learned";
  const bool auto_lang = args.lang == "auto";
  std::optional<SentimentScorer> lexicon;
  std::optional<sentiment::LearnedSentimentScorer> model;
  if (learned) {
    auto loaded = sentiment::LearnedSentimentScorer::Load();
    if (!loaded.ok()) {
      fmt::print(stderr, "roost sentiment: {}\n", loaded.status().ToString());
      return kExitFailure;
    }
    model.emplace(std::move(loaded).value());
  } else {
    auto loaded = SentimentScorer::Load();
    if (!loaded.ok()) {
      fmt::print(stderr, "roost sentiment: {}\n", loaded.status().ToString());
      return kExitFailure;
    }
    lexicon.emplace(std::move(loaded).value());
  }
  auto supports = [&](std::string_view lang) {
    return learned ? model->Supports(lang) : lexicon->Supports(lang);
  };
  if (!auto_lang && !supports(args.lang)) {
    // Still answer every line (scored=false), so scripts keep line order.
    fmt::print(stderr, "roost sentiment: language '{}' is not scored by the {} model ({})\n",
               args.lang, args.model,
               learned ? fmt::format("{}", fmt::join(model->languages(), ", ")) : "en, fr");
  }
  std::ios::sync_with_stdio(false);
  std::string line;
  std::string out;
  std::string lang = args.lang;
  while (std::getline(std::cin, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (auto_lang) lang = language::IdentifyLanguage(line, "").lang;
    SentimentResult r = learned ? model->Score(line, lang) : lexicon->Score(line, lang);
    out.clear();
    if (args.json) {
      fmt::format_to(std::back_inserter(out),
                     "{{\"compound\": {:.4f}, \"pos\": {:.3f}, \"neu\": {:.3f}, \"neg\": {:.3f}, "
                     "\"label\": {}, \"sentiment_class\": \"{}\", \"scored\": {}, "
                     "\"model\": {}, \"lang\": ",
                     r.compound, r.pos, r.neu, r.neg, r.label, ClassName(r), r.scored ? "true" : "false",
                     r.scored ? fmt::format("\"{}\"", args.model) : std::string("null"));
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
                  "language of the text, or auto to detect each line's (lexicon: en, fr; learned: "
                  "en, fr, de, it, pt, es, ar; others are not scored)")
      ->capture_default_str();
  cmd->add_option("--model", args->model,
                  "lexicon (VADER-style rules) or learned (logistic regression per language, "
                  "models/sentiment/)")
      ->check(CLI::IsMember({"lexicon", "learned"}))
      ->capture_default_str();
  cmd->add_flag("--json", args->json,
                "print {\"compound\", \"pos\", \"neu\", \"neg\", \"label\", \"sentiment_class\", "
                "\"scored\", \"model\", \"lang\"} per line (learned: pos/neu/neg are the class "
                "probabilities, compound = pos - neg)");
  cmd->callback([args, exit_code] { *exit_code = RunSentiment(*args); });
}

}  // namespace roost::cli
