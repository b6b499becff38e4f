#include "enrich/sentiment/tweet_sentiment.h"

namespace roost {

const char* SentimentModelName(SentimentModel model) {
  switch (model) {
    case SentimentModel::kLexicon: return "lexicon";
    case SentimentModel::kLearned: return "learned";
    case SentimentModel::kNone: break;
  }
  return "none";
}

Result<TweetSentimentScorer> TweetSentimentScorer::Load(const TweetSentimentOptions& options) {
  if (options.model == SentimentModel::kNone) {
    return Status::InvalidArgument("a sentiment scorer needs a model (lexicon or learned)");
  }
  TweetSentimentScorer s;
  s.preference_ = options.model;
  s.ignore_ = std::make_shared<const sentiment::IgnoredWords>(options.ignore_words);
  SentimentOptions lexicon_options;
  lexicon_options.lexicon_dir = options.lexicon_dir;
  if (options.model == SentimentModel::kLearned) {
    sentiment::LearnedSentimentOptions learned_options;
    learned_options.model_dir = options.model_dir;
    learned_options.lexicon = lexicon_options;
    ROOST_ASSIGN_OR_RETURN(sentiment::LearnedSentimentScorer learned,
                           sentiment::LearnedSentimentScorer::Load(learned_options));
    s.learned_ = std::make_shared<const sentiment::LearnedSentimentScorer>(std::move(learned));
    // The learned scorer's rule scorer serves the fallback too: one copy.
    s.lexicon_ = std::shared_ptr<const SentimentScorer>(s.learned_, &s.learned_->lexicon());
  } else {
    ROOST_ASSIGN_OR_RETURN(SentimentScorer lexicon, SentimentScorer::Load(lexicon_options));
    s.lexicon_ = std::make_shared<const SentimentScorer>(std::move(lexicon));
  }
  return s;
}

SentimentModel TweetSentimentScorer::ModelFor(std::string_view lang) const {
  if (learned_ && learned_->Supports(lang)) return SentimentModel::kLearned;
  if (lexicon_->Supports(lang)) return SentimentModel::kLexicon;
  return SentimentModel::kNone;
}

SentimentResult TweetSentimentScorer::Score(std::string_view text, std::string_view lang,
                                            SentimentModel* model) const {
  const sentiment::IgnoredWords* ignore = ignore_->empty() ? nullptr : ignore_.get();
  *model = ModelFor(lang);
  switch (*model) {
    case SentimentModel::kLearned:
      return learned_->Score(text, lang, ignore);
    case SentimentModel::kLexicon: {
      thread_local std::string clean;
      sentiment::StripHandlesAndUrls(text, &clean, ignore);
      return lexicon_->Score(clean, lang);
    }
    case SentimentModel::kNone:
      break;
  }
  SentimentResult r;
  r.neu = 1.0f;
  return r;
}

std::vector<std::string> TweetSentimentScorer::languages() const {
  std::vector<std::string> out;
  if (learned_) {
    for (const std::string& lang : learned_->languages()) out.push_back(lang + " learned");
  }
  for (const char* lang : {"en", "fr"}) {
    if (ModelFor(lang) == SentimentModel::kLexicon) out.push_back(std::string(lang) + " lexicon");
  }
  return out;
}

}  // namespace roost
