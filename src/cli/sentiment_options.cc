#include "cli/sentiment_options.h"

#include "synth/brands.h"

namespace roost::cli {

void AddSentimentFlags(CLI::App* cmd, SentimentFlags* flags, const std::string& model_flag) {
  cmd->add_option(model_flag, flags->model,
                  "learned (the model of each tweet's language; the lexicon scorer for a language "
                  "without one) or lexicon (VADER-style rules, en and fr only)")
      ->check(CLI::IsMember({"learned", "lexicon"}))
      ->capture_default_str();
  cmd->add_option("--brands", flags->brands,
                  "brands.toml (as roost synth writes it): the brands' names, handles and aliases "
                  "carry no sentiment");
}

Result<TweetSentimentOptions> ResolveSentimentFlags(const SentimentFlags& flags) {
  TweetSentimentOptions options;
  options.model = flags.model == "lexicon" ? SentimentModel::kLexicon : SentimentModel::kLearned;
  if (!flags.brands.empty()) {
    auto brands = synth::LoadBrandsToml(flags.brands);
    if (!brands.ok()) {
      return Status::InvalidArgument("--brands: " + brands.status().message());
    }
    for (const synth::Brand& b : *brands) {
      for (std::string& term : synth::BrandMatchTerms(b)) options.ignore_words.push_back(std::move(term));
    }
  }
  return options;
}

}  // namespace roost::cli
