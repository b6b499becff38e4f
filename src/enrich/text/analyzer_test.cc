#include "enrich/text/analyzer.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "enrich/text/stemmer.h"

namespace roost::text {
namespace {

using Terms = TermList;

bool Has(const Terms& terms, std::string_view t) {
  return std::find(terms.begin(), terms.end(), t) != terms.end();
}

std::shared_ptr<const StopwordSet> SmallStopwords() {
  return std::make_shared<StopwordSet>(StopwordSet::FromLists(
      {{"en", {"the", "a", "of", "in", "is", "i", "you"}}, {"fr", {"le", "la", "à", "est", "il"}}}));
}

Terms Analyze(std::string_view text, std::string_view lang, AnalyzerOptions options = {}) {
  TextAnalyzer analyzer(options, SmallStopwords());
  Terms terms;
  analyzer.Analyze(text, lang, &terms);
  return terms;
}

TEST(AnalyzerTest, TermShapes) {
  Terms t = Analyze("Café #Paris @LeMonde $AAPL 2012 http://t.co/x 👍🏽 :-) &lt;3 :p", "fr");
  EXPECT_EQ(t, (Terms{"cafe", "#paris", "@lemonde", "$aapl", "2012", "👍", ":)", "<3", ":P"}));
}

TEST(AnalyzerTest, FoldingMakesCafeFindCafe) {
  TextAnalyzer analyzer({}, nullptr);
  Terms a, b, c;
  analyzer.Analyze("un café", "fr", &a);
  analyzer.Analyze("CAFÉ!", "fr", &b);
  analyzer.Analyze("cafe", "en", &c);
  std::string q = analyzer.MatchForm("cafe", "fr");
  EXPECT_TRUE(Has(a, q));
  EXPECT_TRUE(Has(b, q));
  EXPECT_TRUE(Has(c, q));
  EXPECT_EQ(analyzer.MatchForm("Café", "fr"), q);
}

TEST(AnalyzerTest, DeduplicatesInFirstAppearanceOrder) {
  AnalyzerOptions o;
  o.bigrams = false;
  EXPECT_EQ(Analyze("Go go GO team 😂😂😂", "en", o), (Terms{"go", "team", "😂"}));
}

TEST(AnalyzerTest, BigramsSkipStopwordsAndPunctuation) {
  Terms t = Analyze("The Hunger Games trailer is out. Amazing day", "en");
  EXPECT_TRUE(Has(t, "hunger games"));
  EXPECT_TRUE(Has(t, "games trailer"));
  EXPECT_FALSE(Has(t, "the hunger"));    // stopword
  EXPECT_FALSE(Has(t, "trailer is"));    // stopword
  EXPECT_FALSE(Has(t, "out amazing"));   // sentence break
  EXPECT_TRUE(Has(t, "amazing day"));
  // Bigrams come after every unigram.
  const std::vector<std::string> v = t.ToVector();
  size_t first_bigram = 0;
  while (first_bigram < v.size() && v[first_bigram].find(' ') == std::string::npos) ++first_bigram;
  for (size_t k = first_bigram; k < v.size(); ++k) EXPECT_NE(v[k].find(' '), std::string::npos);
}

TEST(AnalyzerTest, JapanesePhrasesOnlyFromDictionaryWords) {
  auto has_phrase = [](const Terms& t) {
    return std::any_of(t.begin(), t.end(),
                       [](std::string_view s) { return s.rfind("東京 ", 0) == 0; });
  };
  // Default script runs: the segments are not words, so no phrases from them.
  Terms runs = Analyze("東京スカイツリーに行きました", "ja");
  EXPECT_TRUE(Has(runs, "東京"));
  EXPECT_TRUE(Has(runs, "スカイツリー"));
  EXPECT_FALSE(has_phrase(runs));
  // Dictionary segmentation: adjacent words form phrases.
  AnalyzerOptions dict;
  dict.tokenizer.cjk = CjkSegmentation::kDictionary;
  Terms words = Analyze("東京スカイツリーに行きました", "ja", dict);
  EXPECT_TRUE(Has(words, "東京"));
  EXPECT_TRUE(has_phrase(words));
}

TEST(AnalyzerTest, StopwordsKeptByDefaultDroppedOnRequest) {
  EXPECT_TRUE(Has(Analyze("the film", "en"), "the"));
  AnalyzerOptions drop;
  drop.drop_stopwords = true;
  Terms t = Analyze("the film", "en", drop);
  EXPECT_FALSE(Has(t, "the"));
  EXPECT_TRUE(Has(t, "film"));
  // Stopwords are per language: "le" is French, not English.
  EXPECT_TRUE(Has(Analyze("le film", "en", drop), "le"));
  EXPECT_FALSE(Has(Analyze("le film", "fr", drop), "le"));
  // French elision leaves the article out entirely.
  EXPECT_EQ(Analyze("l'amour", "fr", drop), (Terms{"amour"}));
}

TEST(AnalyzerTest, Stemming) {
  EXPECT_TRUE(HasStemmer("en"));
  EXPECT_TRUE(HasStemmer("fr"));
  EXPECT_FALSE(HasStemmer("ja"));
  EXPECT_EQ(Stem("en", "running"), "run");
  EXPECT_EQ(Stem("en", "connections"), Stem("en", "connected"));
  EXPECT_EQ(Stem("fr", "chanteuses"), Stem("fr", "chanteuse"));
  EXPECT_EQ(Stem("ja", "東京"), "東京");

  AnalyzerOptions o;
  o.stem = true;
  o.bigrams = false;
  Terms t = Analyze("Running connections", "en", o);
  EXPECT_EQ(t, (Terms{"run", "connect"}));
  TextAnalyzer analyzer(o, nullptr);
  EXPECT_EQ(analyzer.MatchForm("RUNS", "en"), "run");
}

TEST(AnalyzerTest, ArabicAndMixedScriptTerms) {
  AnalyzerOptions o;
  o.bigrams = false;
  Terms t = Analyze("أحمد يحب القهوة ☕ with friends", "ar", o);
  EXPECT_EQ(t, (Terms{"احمد", "يحب", "القهوة", "☕", "with", "friends"}));
}

TEST(AnalyzerTest, EmojiOnlyTweetHasEmojiTerms) {
  EXPECT_EQ(Analyze("😍😍🔥", "und"), (Terms{"😍", "🔥"}));
}

}  // namespace
}  // namespace roost::text
