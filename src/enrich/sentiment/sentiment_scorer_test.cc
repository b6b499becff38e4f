#include "enrich/sentiment/sentiment_scorer.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "testing/test_util.h"

namespace roost {
namespace {

// The lexicons come from node_modules (scripts/setup installs them). Tests
// that need them skip when they are absent; the scorer loads once.
const SentimentScorer* Scorer() {
  static const SentimentScorer* scorer = [] {
    auto loaded = SentimentScorer::Load();
    return loaded.ok() ? new SentimentScorer(std::move(loaded).value()) : nullptr;
  }();
  return scorer;
}

#define REQUIRE_LEXICONS()                                                         \
  if (Scorer() == nullptr) GTEST_SKIP() << "lexicons not installed (scripts/setup)"

float En(std::string_view text) { return Scorer()->Score(text, "en").compound; }
float Fr(std::string_view text) { return Scorer()->Score(text, "fr").compound; }

// --- Agreement with values computed by hand from the lexicon entries ------
// vader_lexicon.txt: good 1.9, terrible -2.1. Pattern (pattern_fr.json):
// amour 0.55, beau 0.8, scaled x4 onto VADER's -4..4 range.

TEST(SentimentHandComputed, PlainSentence) {
  REQUIRE_LEXICONS();
  // "The food is good": items the, food, is (neutral) and good (1.9).
  // sum = 1.9; compound = 1.9 / sqrt(1.9^2 + 15) = 1.9 / 4.31393 = 0.44043
  // pos = (1.9 + 1) / (2.9 + 3 neutrals) = 0.49153, neu = 3 / 5.9 = 0.50847
  SentimentResult r = Scorer()->Score("The food is good", "en");
  EXPECT_NEAR(r.compound, 0.44043, 1e-4);
  EXPECT_NEAR(r.pos, 0.49153, 1e-4);
  EXPECT_NEAR(r.neu, 0.50847, 1e-4);
  EXPECT_NEAR(r.neg, 0.0, 1e-6);
  EXPECT_EQ(r.label, 1);
}

TEST(SentimentHandComputed, BoosterCapsNegationExclamation) {
  REQUIRE_LEXICONS();
  // "The food is not VERY good!!" (6 items; VERY is the only ALL-CAPS one,
  // so caps emphasis applies):
  //   good = 1.9
  //   + VERY (booster 0.293, + caps 0.733)          = 2.926
  //   "not" two words before negates: x -0.74       = -2.16524
  //   sum - 2 '!' x 0.292 (same sign as the sum)     = -2.74924
  //   compound = -2.74924 / sqrt(2.74924^2 + 15)    = -0.57884
  //   neg = (2.16524 + 1 + 0.584) / (3.74924 + 5 neutrals) = 0.42852
  SentimentResult r = Scorer()->Score("The food is not VERY good!!", "en");
  EXPECT_NEAR(r.compound, -0.57884, 1e-4);
  EXPECT_NEAR(r.neg, 0.42852, 1e-4);
  EXPECT_NEAR(r.neu, 0.57148, 1e-4);
  EXPECT_EQ(r.label, -1);
}

TEST(SentimentHandComputed, ContrastiveBut) {
  REQUIRE_LEXICONS();
  // "It was good but the ending was terrible":
  //   good x 0.5 (before "but") + terrible x 1.5 (after) = 0.95 - 3.15 = -2.2
  //   compound = -2.2 / sqrt(4.84 + 15) = -0.49391
  EXPECT_NEAR(En("It was good but the ending was terrible"), -0.49391, 1e-4);
}

TEST(SentimentHandComputed, FrenchElision) {
  REQUIRE_LEXICONS();
  // "l'amour est beau": items l', amour (0.55 x 4 = 2.2), est, beau (3.2).
  //   compound = 5.4 / sqrt(29.16 + 15) = 0.81260
  //   pos = (3.2 + 4.2) / (7.4 + 2 neutrals) = 0.78723
  SentimentResult r = Scorer()->Score("l'amour est beau", "fr");
  EXPECT_NEAR(r.compound, 0.81260, 1e-4);
  EXPECT_NEAR(r.pos, 0.78723, 1e-4);
}

// --- Rules -----------------------------------------------------------------

TEST(SentimentRules, Negation) {
  REQUIRE_LEXICONS();
  EXPECT_GT(En("This movie is good"), 0.05);
  EXPECT_LT(En("This movie is not good"), -0.05);
  EXPECT_LT(En("This movie isn't good"), -0.05);
  EXPECT_LT(En("This movie is never good"), -0.05);
  EXPECT_GT(En("This movie is not bad"), 0.05);
  // Negation reaches three words back, not four.
  EXPECT_LT(En("not really that good"), 0.0);
}

TEST(SentimentRules, NeverSoAndWithoutDoubtDoNotNegate) {
  REQUIRE_LEXICONS();
  EXPECT_GT(En("never so good"), En("so good"));
  EXPECT_GT(En("it is without doubt good"), 0.05);
  EXPECT_LT(En("it is without good reasons"), 0.0);
}

TEST(SentimentRules, BoostersAndDampeners) {
  REQUIRE_LEXICONS();
  EXPECT_GT(En("The service is extremely good"), En("The service is good"));
  EXPECT_LT(En("The service is slightly good"), En("The service is good"));
  EXPECT_LT(En("The service is extremely bad"), En("The service is bad"));
  EXPECT_GT(En("The service is kind of bad"), En("The service is very bad"));
}

TEST(SentimentRules, AllCapsOnlyInMixedCase) {
  REQUIRE_LEXICONS();
  EXPECT_GT(En("The food is GOOD"), En("The food is good"));
  // All words in caps: nothing stands out.
  EXPECT_NEAR(En("THE FOOD IS GOOD"), En("the food is good"), 1e-6);
}

TEST(SentimentRules, ExclamationUpToFourAndQuestionMarks) {
  REQUIRE_LEXICONS();
  EXPECT_GT(En("good!"), En("good"));
  EXPECT_GT(En("good!!!!"), En("good!!!"));
  EXPECT_NEAR(En("good!!!!!!"), En("good!!!!"), 1e-6);
  EXPECT_GT(En("good??"), En("good?"));
  EXPECT_LT(En("bad!!"), En("bad"));
}

TEST(SentimentRules, ButWeighsTheSecondClause) {
  REQUIRE_LEXICONS();
  EXPECT_LT(En("The food was great but the service was bad"), 0.0);
  EXPECT_GT(En("The food was bad but the service was great"), 0.0);
}

TEST(SentimentRules, LeastAndIdioms) {
  REQUIRE_LEXICONS();
  EXPECT_LT(En("the least happy day"), 0.0);
  EXPECT_GT(En("at least happy"), 0.0);
  EXPECT_GT(En("this party is the bomb"), 0.05);  // "bomb" alone is negative
  EXPECT_LT(En("bomb"), 0.0);
  EXPECT_LT(En("yeah right"), 0.0);
}

TEST(SentimentRules, Emoji) {
  REQUIRE_LEXICONS();
  EXPECT_GT(En("\xF0\x9F\x98\x8D"), 0.05);               // 😍 emoji-only tweet
  EXPECT_LT(En("\xF0\x9F\x98\xA1"), -0.05);              // 😡
  EXPECT_LT(En("\xF0\x9F\x98\xAD\xF0\x9F\x98\xAD"), En("\xF0\x9F\x98\xAD"));  // 😭😭 < 😭
  // Glued to a word, with a skin tone: still found.
  EXPECT_GT(En("dinner\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD"), 0.05);  // dinner👍🏽
  // Emoji are language independent.
  EXPECT_GT(Fr("\xF0\x9F\x98\x8D"), 0.05);
  SentimentResult r = Scorer()->Score("\xF0\x9F\x98\x8D\xF0\x9F\x98\x8D", "en");
  EXPECT_NEAR(r.pos, 1.0, 1e-6);
}

TEST(SentimentRules, Emoticons) {
  REQUIRE_LEXICONS();
  EXPECT_GT(En("see you tomorrow :)"), 0.05);
  EXPECT_LT(En("see you tomorrow :("), -0.05);
  EXPECT_GT(En("<3"), 0.05);
  EXPECT_GT(Fr("à demain :)"), 0.05);
}

TEST(SentimentRules, French) {
  REQUIRE_LEXICONS();
  EXPECT_GT(Fr("J'adore ce film"), 0.05);
  EXPECT_GT(Fr("l'amour"), 0.05);
  EXPECT_GT(Fr("aujourd'hui est une belle journée"), 0.05);
  EXPECT_NEAR(Fr("aujourd'hui"), 0.0, 1e-6);  // one word, not "aujourd'" + "hui"
  EXPECT_GT(Fr("c'est bon"), 0.05);
  EXPECT_LT(Fr("ce n'est pas bon"), -0.05);
  EXPECT_LT(Fr("je n'aime pas ce film"), -0.05);
  EXPECT_LT(Fr("je ne l'aime plus"), -0.05);
  EXPECT_GT(Fr("je l'aime plus que tout"), 0.05);
  EXPECT_GT(Fr("pas mal"), 0.05);
  EXPECT_LT(Fr("Très déçu du service"), Fr("déçu du service"));
  EXPECT_GT(Fr("C'EST GÉNIAL"), 0.05);  // accents in caps
  EXPECT_NEAR(Fr("c\xE2\x80\x99" "est bon"), Fr("c'est bon"), 1e-6);  // ’ as apostrophe
}

TEST(SentimentRules, UnscoredLanguagesAreNeutral) {
  REQUIRE_LEXICONS();
  for (std::string_view lang : {"de", "ja", "ar", "und", ""}) {
    SentimentResult r = Scorer()->Score("I love this wonderful day", lang);
    EXPECT_FALSE(r.scored) << lang;
    EXPECT_EQ(r.compound, 0.0f) << lang;
    EXPECT_EQ(r.label, 0) << lang;
  }
  EXPECT_TRUE(Scorer()->Score("I love it", "en-GB").scored);
  EXPECT_TRUE(Scorer()->Score("j'adore", "FR_ca").scored);
  EXPECT_FALSE(Scorer()->Supports("es"));
}

TEST(SentimentRules, OtherScriptsInsideEnglishAreNeutralWords) {
  REQUIRE_LEXICONS();
  // Japanese and Arabic words inside an English tweet neither break the
  // tokenizer nor carry valence; the English words still decide.
  EXPECT_GT(En("Tokyo trip was amazing \xE6\x9D\xB1\xE4\xBA\xAC\xE3\x82\xBF\xE3\x83\xAF\xE3\x83\xBC "
               "\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7"),
            0.05);  // 東京タワー مرحبا
  EXPECT_NEAR(En("\xE6\x9D\xB1\xE4\xBA\xAC\xE3\x82\xBF\xE3\x83\xAF\xE3\x83\xBC"), 0.0, 1e-6);
  EXPECT_FALSE(Scorer()->Score("\xE6\x9D\xB1\xE4\xBA\xAC", "ja").scored);
}

TEST(SentimentRules, CompoundStaysInRangeAndSharesAddUp) {
  REQUIRE_LEXICONS();
  std::string huge;
  for (int i = 0; i < 200; ++i) huge += "GREAT love AWESOME ";
  huge += "!!!!!!!!";
  for (std::string_view text :
       {std::string_view(huge), std::string_view("hate hate hate HATE!!!! \xF0\x9F\x98\xA1"),
        std::string_view(""), std::string_view("   "), std::string_view("!!!"),
        std::string_view("\xFF\xFE broken utf8 \xF0\x9F")}) {
    SentimentResult r = Scorer()->Score(text, "en");
    EXPECT_TRUE(r.scored);
    EXPECT_GE(r.compound, -1.0f);
    EXPECT_LE(r.compound, 1.0f);
    EXPECT_NEAR(r.pos + r.neu + r.neg, 1.0f, 1e-4);
  }
  EXPECT_GT(En(huge), 0.99);
}

TEST(SentimentRules, SurvivesRandomBytes) {
  REQUIRE_LEXICONS();
  // Pieces that exercise every tokenizer branch, glued at random, plus
  // random bytes (broken UTF-8).
  const std::string_view pieces[] = {
      "good", " ", "NOT", "n'", "l'", "'", "\xE2\x80\x99", "!", "?", ":)", "but", "never",
      "so", "kind", "of", "\xF0\x9F\x98\x82", "\xF0\x9F\x8F\xBD", "\xE2\x80\x8D",
      "\xEF\xB8\x8F", "\xF0\x9F\x87\xAB", "\xF0\x9F", "\xC3", "\xC3\xA9", "ne", "plus",
      "pas", "#", "least", "no", "\t"};
  std::mt19937 rng(42);
  std::string text;
  for (int round = 0; round < 3000; ++round) {
    text.clear();
    const int n = static_cast<int>(rng() % 24);
    for (int k = 0; k < n; ++k) {
      if (rng() % 8 == 0) {
        text.push_back(static_cast<char>(rng() & 0xFF));
      } else {
        text.append(pieces[rng() % std::size(pieces)]);
      }
    }
    for (std::string_view lang : {"en", "fr"}) {
      SentimentResult r = Scorer()->Score(text, lang);
      ASSERT_TRUE(std::isfinite(r.compound)) << text;
      ASSERT_GE(r.compound, -1.0f) << text;
      ASSERT_LE(r.compound, 1.0f) << text;
      ASSERT_NEAR(r.pos + r.neu + r.neg, 1.0f, 1e-4) << text;
    }
  }
}

TEST(SentimentRules, ScoreIsThreadSafe) {
  REQUIRE_LEXICONS();
  const float en = En("The food is not VERY good!! \xF0\x9F\x98\xA1");
  const float fr = Fr("je ne l'aime plus");
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 2000; ++i) {
        if (En("The food is not VERY good!! \xF0\x9F\x98\xA1") != en) ++mismatches[t];
        if (Fr("je ne l'aime plus") != fr) ++mismatches[t];
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int m : mismatches) EXPECT_EQ(m, 0);
}

// --- Loading ---------------------------------------------------------------

TEST(SentimentLoad, MissingLexiconDirIsNotFound) {
  testing::ScratchDir dir;
  auto scorer = SentimentScorer::Load(SentimentOptions{dir.path()});
  ASSERT_FALSE(scorer.ok());
  EXPECT_EQ(scorer.status().code(), StatusCode::kNotFound);
}

TEST(SentimentLoad, WrongEnvironmentVariableIsAnError) {
  testing::ScratchDir dir;
  const char* old = std::getenv("ROOST_LEXICON_DIR");
  std::string saved = old ? old : "";
  setenv("ROOST_LEXICON_DIR", dir.path().c_str(), 1);
  auto found = FindLexiconDir();
  if (old) {
    setenv("ROOST_LEXICON_DIR", saved.c_str(), 1);
  } else {
    unsetenv("ROOST_LEXICON_DIR");
  }
  ASSERT_FALSE(found.ok());
  EXPECT_EQ(found.status().code(), StatusCode::kNotFound);
}

TEST(SentimentLoad, MalformedLexiconIsAParseError) {
  testing::ScratchDir dir;
  std::filesystem::create_directories(dir.path() / "vader-sentiment");
  testing::WriteFileOrDie(dir.path() / "vader-sentiment" / "vader_lexicon.txt",
                          "good\t1.9\t0.9\t[]\nbroken line without tabs\n");
  auto scorer = SentimentScorer::Load(SentimentOptions{dir.path()});
  ASSERT_FALSE(scorer.ok());
  EXPECT_EQ(scorer.status().code(), StatusCode::kParseError);
}

}  // namespace
}  // namespace roost
