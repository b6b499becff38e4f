// From text to the term list stored with a tweet (Tweet::terms): tokens
// (tokenizer.h), folded for matching (fold.h), optionally stemmed
// (stemmer.h), deduplicated, plus bigram phrases for trends.
//
// Term shapes, so readers can tell kinds apart without a side table:
//   word "cafe", number "2012", hashtag "#jo2012", mention "@nasa",
//   cashtag "$aapl", emoji "👍" (skin tone and variation selector dropped),
//   emoticon ":)" (nose dropped: ":-)" -> ":)"), bigram "cafe creme" (one
//   space between two word terms). URLs are not terms (their domains are).
#ifndef ROOST_ENRICH_TEXT_ANALYZER_H_
#define ROOST_ENRICH_TEXT_ANALYZER_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "enrich/text/stopwords.h"
#include "roost/term_list.h"
#include "enrich/text/tokenizer.h"

namespace roost::text {

struct AnalyzerOptions {
  TokenizerOptions tokenizer;
  // Store Snowball stems instead of folded words (queries must then be
  // stemmed the same way: use MatchForm).
  bool stem = false;
  // Add "a b" phrases of adjacent words, neither a stopword of the language,
  // not separated by punctuation.
  bool bigrams = true;
  // Leave stopwords out of the term list. Off by default: every word stays
  // searchable, and analyses filter with StopwordSet at query time.
  bool drop_stopwords = false;
};

// Thread-safe (all methods const; per-thread scratch inside).
class TextAnalyzer {
 public:
  // `stopwords` may be null: then no word counts as a stopword.
  TextAnalyzer(AnalyzerOptions options, std::shared_ptr<const StopwordSet> stopwords);

  // Appends the terms of `text` (tokens as produced by tokenizer()) for a
  // text in language `lang` (ISO 639-1 or "und") to *terms, each once, in
  // order of first appearance, unigrams first, then bigrams.
  void AppendTerms(std::string_view text, const std::vector<Token>& tokens, std::string_view lang,
                   TermList* terms) const;

  // Tokenizes and appends terms in one call.
  void Analyze(std::string_view text, std::string_view lang, TermList* terms) const;

  // The stored form of one query word, so a query matches what AppendTerms
  // stored: MatchForm("Café", "fr") == "cafe".
  std::string MatchForm(std::string_view word, std::string_view lang) const;

  bool IsStopword(std::string_view lang, std::string_view folded_term) const {
    return stopwords_ != nullptr && stopwords_->Contains(lang, folded_term);
  }

  const Tokenizer& tokenizer() const { return tokenizer_; }
  const AnalyzerOptions& options() const { return options_; }
  const StopwordSet* stopwords() const { return stopwords_.get(); }

 private:
  AnalyzerOptions options_;
  Tokenizer tokenizer_;
  std::shared_ptr<const StopwordSet> stopwords_;
};

// Term form of an emoji sequence: skin tones and variation selectors removed.
void AppendEmojiTerm(std::string_view emoji, std::string* out);
// Term form of an emoticon: ":-)" -> ":)", "&lt;3" -> "<3", ":p" -> ":P".
void AppendEmoticonTerm(std::string_view emoticon, std::string* out);

}  // namespace roost::text

#endif  // ROOST_ENRICH_TEXT_ANALYZER_H_
