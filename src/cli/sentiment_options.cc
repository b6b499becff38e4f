#include "cli/sentiment_options.h"

#include "brands/brand_query.h"
#include "brands/brand_set.h"

namespace roost::cli {

void AddSentimentFlags(CLI::App* cmd, SentimentFlags* flags, const std::string& model_flag) {
  cmd->add_option(model_flag, flags->model,
                  "learned (the model of each tweet's language; the lexicon scorer for a language "
                  "without one) or lexicon (VADER-style rules, en and fr only)")
      ->check(CLI::IsMember({"learned", "lexicon"}))
      ->capture_default_str();
  cmd->add_option("--brands", flags->brands,
                  "brand definitions (brands.toml, docs/BRANDS.md): the brands' names, aliases, "
                  "products, handles and hashtags carry no sentiment");
}

Result<TweetSentimentOptions> ResolveSentimentFlags(const SentimentFlags& flags) {
  TweetSentimentOptions options;
  options.model = flags.model == "lexicon" ? SentimentModel::kLexicon : SentimentModel::kLearned;
  if (!flags.brands.empty()) {
    auto set = brands::LoadBrandSet(flags.brands);
    if (!set.ok()) {
      return Status::InvalidArgument("--brands: " + set.status().message());
    }
    for (const brands::BrandDefinition& b : set->brands) {
      for (std::string& word : brands::BrandNamingWords(b)) options.ignore_words.push_back(std::move(word));
    }
  }
  return options;
}

}  // namespace roost::cli
