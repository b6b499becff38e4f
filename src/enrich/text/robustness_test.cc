// Random texts assembled from the fragments that steer the scanner (sigils,
// URL prefixes, entities, emoji parts, CJK/Thai, marks, broken UTF-8): the
// tokenizer must stay in bounds and in text order, and nothing may crash. Run
// under -DROOST_SANITIZE=ON for memory errors.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "enrich/text/analyzer.h"
#include "enrich/text/fold.h"
#include "enrich/text/tokenizer.h"

namespace roost::text {
namespace {

std::string RandomText(std::mt19937& rng) {
  static const char* kFragments[] = {
      "a", "Z", "9", " ", "\n", "#", "@", "$", ":", ";", "-", "'", "’", ".", ",", "_", "&",
      "&amp;", "&lt;", "&#39;", "http://", "https://t.co/x", "www.", ".com", "/", "(", ")",
      ":)", ":-(", "<3", "^_^", "XD", "D:", "l'", "qu'", "é", "e\xCC\x81", "ß", "Ω", "й",
      "東", "京", "ス", "ー", "に", "\xE3\x82\x99", "ก", "\xE0\xB8\xB1", "ا", "\xD9\x8E",
      "ـ", "😂", "👍", "\xF0\x9F\x8F\xBD", "\xE2\x80\x8D", "\xEF\xB8\x8F", "🇫", "🇷",
      "\xE2\x83\xA3", "\xF3\xA0\x80\xA1", "\xFF", "\xC3", "\xE6\x9D", "\xF0\x9F\x98", "\x80",
      "\xED\xA0\x80", "\xEF\xBC\x83", "\xE2\x80\x8C", "\xEF\xBB\xBF", "１", "٣", "\t"};
  constexpr size_t kCount = sizeof(kFragments) / sizeof(kFragments[0]);
  std::uniform_int_distribution<size_t> pick(0, kCount - 1);
  std::uniform_int_distribution<int> length(0, 60);
  std::string s;
  int n = length(rng);
  for (int k = 0; k < n; ++k) s += kFragments[pick(rng)];
  return s;
}

TEST(RobustnessTest, RandomTextsStayInBoundsAndOrdered) {
  std::mt19937 rng(20121225);
  TokenizerOptions modes[3];
  modes[1].cjk = CjkSegmentation::kBigrams;
  modes[2].cjk = CjkSegmentation::kDictionary;
  AnalyzerOptions stemmed;
  stemmed.stem = true;
  TextAnalyzer analyzer(stemmed, nullptr);
  std::vector<Token> tokens;
  for (int iter = 0; iter < 3000; ++iter) {
    std::string text = RandomText(rng);
    for (const auto& mode : modes) {
      tokens.clear();
      Tokenizer(mode).Tokenize(text, &tokens);
      uint32_t last_begin = 0;
      std::string dump;
      for (const auto& t : tokens) {
        dump += std::string(TokenKindName(t.kind)) + "[" + std::to_string(t.begin) + "," +
                std::to_string(t.end) + ") ";
      }
      SCOPED_TRACE(dump);
      for (const auto& t : tokens) {
        ASSERT_LT(t.begin, t.end) << text;
        ASSERT_LE(t.end, text.size()) << text;
        // Text order; CJK bigrams overlap by design, so only starts are ordered.
        ASSERT_GE(t.begin, last_begin) << ::testing::PrintToString(text) << " mode "
                                     << static_cast<int>(mode.cjk) << " token "
                                     << TokenKindName(t.kind) << " "
                                     << ::testing::PrintToString(std::string(t.In(text)));
        last_begin = t.begin;
      }
    }
    std::string folded = Fold(text);
    EXPECT_LE(folded.size(), text.size() * 6 + 16);
    TermList terms;
    analyzer.Analyze(text, iter % 2 ? "fr" : "en", &terms);
    for (std::string_view term : terms) EXPECT_FALSE(term.empty());
  }
}

}  // namespace
}  // namespace roost::text
