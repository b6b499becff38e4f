// TweetSentimentScorer: the sentiment a tweet gets wherever it is stored or
// shown (ingest, roost rescore, roost sentiment). Per language, the better
// scorer that covers it: the learned model of the tweet's language when one
// is shipped (better than the rule scorer on every language both cover,
// docs/ENRICHMENT.md), else the rule scorer when it knows the language, else
// none: the tweet is unscored, never a neutral guess. Handles, URLs and the
// ignored words (brand names) carry no sentiment in either scorer.
//
//   ROOST_ASSIGN_OR_RETURN(auto scorer, TweetSentimentScorer::Load());
//   SentimentModel model;
//   SentimentResult r = scorer.Score("@united lost my bag again", "en", &model);
//   // r.label = -1, model = SentimentModel::kLearned
#ifndef ROOST_ENRICH_SENTIMENT_TWEET_SENTIMENT_H_
#define ROOST_ENRICH_SENTIMENT_TWEET_SENTIMENT_H_

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "enrich/sentiment/ignored_words.h"
#include "enrich/sentiment/learned_model.h"
#include "enrich/sentiment/sentiment_scorer.h"
#include "roost/status.h"
#include "roost/tweet.h"

namespace roost {

struct TweetSentimentOptions {
  // kLearned: learned models first, the rule scorer for languages they lack.
  // kLexicon: the rule scorer alone (as archives were scored before).
  SentimentModel model = SentimentModel::kLearned;
  std::filesystem::path lexicon_dir;  // empty: FindLexiconDir()
  std::filesystem::path model_dir;    // empty: sentiment::FindSentimentModelDir()
  // Words that never carry sentiment (brand names, aliases, handles).
  std::vector<std::string> ignore_words;
};

class TweetSentimentScorer {
 public:
  // Loads the lexicons and, for kLearned, the models. Fails as
  // SentimentScorer::Load and LearnedSentimentScorer::Load do (NotFound,
  // ParseError naming the file); InvalidArgument for a model of kNone.
  static Result<TweetSentimentScorer> Load(const TweetSentimentOptions& options = {});

  // Scores `text` in language `lang` ("en", "pt-BR", "und"). Sets *model to
  // the scorer used (kNone with scored=false when none covers `lang`).
  // Thread-safe.
  SentimentResult Score(std::string_view text, std::string_view lang, SentimentModel* model) const;

  // The scorer Score() uses for `lang`.
  SentimentModel ModelFor(std::string_view lang) const;
  // Every language scored, with the scorer of each ("en learned", ...).
  std::vector<std::string> languages() const;
  SentimentModel preference() const { return preference_; }
  const sentiment::IgnoredWords& ignored() const { return *ignore_; }

 private:
  SentimentModel preference_ = SentimentModel::kLearned;
  std::shared_ptr<const SentimentScorer> lexicon_;
  std::shared_ptr<const sentiment::LearnedSentimentScorer> learned_;  // null for kLexicon
  std::shared_ptr<const sentiment::IgnoredWords> ignore_;
};

// "lexicon", "learned", or "none".
const char* SentimentModelName(SentimentModel model);

}  // namespace roost

#endif  // ROOST_ENRICH_SENTIMENT_TWEET_SENTIMENT_H_
