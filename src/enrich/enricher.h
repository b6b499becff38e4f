// Enricher: completes a parsed Tweet before it is stored. Start here for
// enrichment. One call fills Tweet's enrichment fields:
//   domains          normalised hosts of the tweet's URLs (entities/)
//   detected_lang,   CLD2 on the entity-stripped text + the platform tag
//   lang_confidence  (language/)
//   terms            folded tokens, emoji, hashtags, bigrams (text/)
//   sentiment_scored, sentiment,  the learned model of the detected language,
//   sentiment_model               else the rule scorer, else unscored
//                                 (sentiment/tweet_sentiment.h)
// brand_tags is left empty (filled by the brands step).
//
//   ROOST_ASSIGN_OR_RETURN(auto enricher, Enricher::Create());
//   enricher.Enrich(&tweet);
//
// Thread-safety: Create once and share. Enrich and the step methods are
// const and may run on many threads at once (per-thread scratch lives in
// thread_local storage inside the steps; the retweet cache has locks).
#ifndef ROOST_ENRICH_ENRICHER_H_
#define ROOST_ENRICH_ENRICHER_H_

#include <filesystem>
#include <memory>

#include "enrich/entities/entity_extractor.h"
#include "enrich/retweet_cache.h"
#include "enrich/sentiment/tweet_sentiment.h"
#include "enrich/text/analyzer.h"
#include "roost/status.h"
#include "roost/tweet.h"

namespace roost {

struct EnricherOptions {
  text::AnalyzerOptions text;  // stemming, bigrams, CJK segmentation, stopwords in terms
  // Score sentiment (needs the npm lexicons, and models/sentiment/ for the
  // learned models). Off: sentiment_scored stays false.
  bool sentiment = true;
  // kLearned (learned models, the rule scorer where none) or kLexicon; the
  // model directory and words to ignore (brand names).
  SentimentModel sentiment_model = SentimentModel::kLearned;
  std::filesystem::path model_dir;
  std::vector<std::string> sentiment_ignore_words;
  // Where the npm packages are (a node_modules directory). Empty: found by
  // common/asset_path.h and sentiment's FindLexiconDir().
  std::filesystem::path lexicon_dir;
};

class Enricher {
 public:
  // Loads stopwords (npm stopwords-iso) and, when enabled, the sentiment
  // lexicons. NotFound when a package is missing (run scripts/setup or set
  // ROOST_LEXICON_DIR), ParseError when a file is malformed.
  static Result<Enricher> Create(const EnricherOptions& options = {});

  // All steps in order. Never fails: text that cannot be understood yields
  // "und", no terms, and an unscored sentiment. Clears the enrichment
  // fields first, so enriching twice gives the same tweet.
  void Enrich(Tweet* tweet) const;

  // The steps one by one, in the order Enrich runs them (the benchmark times
  // each). Later steps read what earlier ones wrote (detected_lang).
  //
  // Entities: domains from tweet->urls (expanded URL, else the t.co link);
  // when the parser gave no entity lists at all (text-only input), fills
  // hashtags, mentions, urls and cashtags from the text (twitter-text rules).
  void EnrichEntities(Tweet* tweet) const;
  void EnrichLanguage(Tweet* tweet) const;
  void EnrichTerms(Tweet* tweet) const;
  void EnrichSentiment(Tweet* tweet) const;

  const text::TextAnalyzer& analyzer() const { return *analyzer_; }

 private:
  Enricher() = default;

  std::shared_ptr<const enrich::EntityExtractor> entities_;
  std::shared_ptr<const text::TextAnalyzer> analyzer_;
  std::shared_ptr<const TweetSentimentScorer> sentiment_;  // null when disabled
  // Results for retweet texts; copies share it, as they share the steps.
  std::shared_ptr<RetweetCache> retweets_;
};

}  // namespace roost

#endif  // ROOST_ENRICH_ENRICHER_H_
