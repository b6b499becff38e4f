#include "enrich/language/language_id.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace roost::language {
namespace {

// Stripped text with runs of spaces collapsed (the exact spacing is not a contract).
std::string Strip(std::string_view s) {
  std::string raw, out;
  StripEntities(s, &raw);
  for (char c : raw) {
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out.push_back(c);
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

TEST(StripEntitiesTest, RemovesUrlsMentionsHashtagsCashtags) {
  EXPECT_EQ(Strip("RT @user: Bonjour http://t.co/x #France $AAPL &amp; merci"),
            ": Bonjour merci");
  EXPECT_EQ(Strip("mail me@x.org"), "mail me@x.org");  // not a mention
  EXPECT_EQ(Strip("#東京 今日は"), "今日は");
  EXPECT_EQ(Strip(""), "");
}

struct Labelled {
  const char* text;
  const char* lang;
};

TEST(DetectLanguageTest, ClearSentences) {
  const Labelled cases[] = {
      {"The weather is really nice today, we are going to the beach with friends", "en"},
      {"Je suis très content de te voir aujourd'hui, on va au cinéma ce soir", "fr"},
      {"El partido de fútbol fue increíble anoche, ganamos tres a uno", "es"},
      {"Ich habe heute leider keine Zeit, vielleicht können wir uns morgen treffen", "de"},
      {"今日はとても暑いですね。明日は雨が降るらしいです", "ja"},
      {"مرحبا بكم في بيتنا الجميل، نتمنى لكم يوما سعيدا", "ar"},
  };
  for (const auto& c : cases) {
    LanguageGuess g = DetectLanguage(c.text);
    EXPECT_EQ(g.lang, c.lang) << c.text;
    EXPECT_TRUE(g.reliable) << c.text;
    EXPECT_GT(g.confidence, 0.8f) << c.text;
    EXPECT_LE(g.confidence, 1.0f) << c.text;
    EXPECT_EQ(g.source, LanguageGuess::Source::kDetector);
  }
}

TEST(DetectLanguageTest, UnsureGivesUnd) {
  for (const char* text : {"", "lol", "😂😂😂", "12345 678", "ok"}) {
    LanguageGuess g = DetectLanguage(text);
    EXPECT_EQ(g.lang, "und") << text;
    EXPECT_EQ(g.confidence, 0.0f) << text;
  }
}

TEST(DetectLanguageTest, ShortTextsGetLowerConfidence) {
  LanguageGuess shorter = DetectLanguage("Buenos días amigos");
  LanguageGuess longer =
      DetectLanguage("Buenos días amigos, hoy vamos a la playa porque hace muy buen tiempo");
  ASSERT_EQ(longer.lang, "es");
  if (shorter.lang == "es") {
    EXPECT_LT(shorter.confidence, longer.confidence);
  }
}

TEST(DetectLanguageTest, InvalidUtf8DoesNotCrash) {
  LanguageGuess g = DetectLanguage("The weather is really nice today \xFF\xFE going out");
  EXPECT_TRUE(g.lang == "en" || g.lang == "und");
}

TEST(PlatformTagTest, Normalisation) {
  EXPECT_EQ(NormalizePlatformTag("en"), "en");
  EXPECT_EQ(NormalizePlatformTag("en-GB"), "en");
  EXPECT_EQ(NormalizePlatformTag("zh-cn"), "zh");
  EXPECT_EQ(NormalizePlatformTag("pt_BR"), "pt");
  EXPECT_EQ(NormalizePlatformTag("in"), "id");
  EXPECT_EQ(NormalizePlatformTag("iw"), "he");
  EXPECT_EQ(NormalizePlatformTag("und"), "");
  EXPECT_EQ(NormalizePlatformTag("qme"), "");
  EXPECT_EQ(NormalizePlatformTag("zxx"), "");
  EXPECT_EQ(NormalizePlatformTag(""), "");
  EXPECT_EQ(NormalizePlatformTag("EN_us"), "en");
  EXPECT_EQ(NormalizePlatformTag("FIL"), "tl");
  EXPECT_EQ(NormalizePlatformTag("nn"), "no");
  EXPECT_EQ(NormalizePlatformTag("ji"), "yi");
  EXPECT_EQ(NormalizePlatformTag("QHT"), "");
  EXPECT_EQ(NormalizePlatformTag("-x"), "");
  EXPECT_EQ(NormalizePlatformTag("Tlh"), "tlh");  // a three-letter code not in the list passes through
  EXPECT_EQ(NormalizePlatformTag("VeryLongTagName-x"), "verylongtagname");
}

LanguageGuess Detected(const char* lang, float confidence, bool reliable, int bytes) {
  LanguageGuess g;
  g.lang = lang;
  g.confidence = confidence;
  g.reliable = reliable;
  g.text_bytes = bytes;
  g.source = lang == std::string("und") ? LanguageGuess::Source::kNone
                                        : LanguageGuess::Source::kDetector;
  return g;
}

TEST(CombineTest, NoTagKeepsDetector) {
  LanguageGuess d = Detected("fr", 0.9f, true, 50);
  LanguageGuess g = CombineWithPlatformTag(d, "");
  EXPECT_EQ(g.lang, "fr");
  EXPECT_FLOAT_EQ(g.confidence, 0.9f);
  EXPECT_EQ(CombineWithPlatformTag(d, "und").lang, "fr");
  EXPECT_EQ(CombineWithPlatformTag(Detected("und", 0, false, 3), "").lang, "und");
}

TEST(CombineTest, AgreementRaisesConfidence) {
  LanguageGuess g = CombineWithPlatformTag(Detected("es", 0.7f, true, 20), "es");
  EXPECT_EQ(g.lang, "es");
  EXPECT_GT(g.confidence, 0.7f);
  EXPECT_LE(g.confidence, 1.0f);
  EXPECT_EQ(g.source, LanguageGuess::Source::kBoth);
  // Close languages count as agreement; the platform's finer tag is kept.
  LanguageGuess close = CombineWithPlatformTag(Detected("ms", 0.9f, true, 40), "in");
  EXPECT_EQ(close.lang, "id");
  EXPECT_EQ(close.source, LanguageGuess::Source::kBoth);
}

TEST(CombineTest, TagAloneWhenDetectorUnsure) {
  LanguageGuess g = CombineWithPlatformTag(Detected("und", 0, false, 4), "ja");
  EXPECT_EQ(g.lang, "ja");
  EXPECT_FLOAT_EQ(g.confidence, kPlatformOnlyConfidence);
  EXPECT_EQ(g.source, LanguageGuess::Source::kPlatform);
}

TEST(CombineTest, DisagreementTrustsTagUnlessDetectorIsStrong) {
  // Weak or short: the tag wins, with lower confidence than the tag alone.
  LanguageGuess weak = CombineWithPlatformTag(Detected("en", 0.8f, true, 60), "es");
  EXPECT_EQ(weak.lang, "es");
  EXPECT_LT(weak.confidence, kPlatformOnlyConfidence);
  LanguageGuess short_text = CombineWithPlatformTag(Detected("en", 0.95f, true, 20), "es");
  EXPECT_EQ(short_text.lang, "es");
  // Strong, long and reliable: the detector overrides a wrong tag.
  LanguageGuess strong = CombineWithPlatformTag(Detected("fr", 0.97f, true, 80), "en");
  EXPECT_EQ(strong.lang, "fr");
  EXPECT_LT(strong.confidence, 0.97f);
  EXPECT_EQ(strong.source, LanguageGuess::Source::kDetector);
}

TEST(IdentifyLanguageTest, EntitiesDoNotDecide) {
  // English hashtags and handles around a French sentence.
  LanguageGuess g = IdentifyLanguage(
      "@TheDailyShow @BreakingNews #WorldCup #Football Nous avons gagné le match ce soir, "
      "quelle soirée incroyable http://t.co/abcdef",
      "");
  EXPECT_EQ(g.lang, "fr");
  // A mislabelled long French tweet is corrected.
  LanguageGuess fixed = IdentifyLanguage(
      "Je suis très content de te voir aujourd'hui, on va au cinéma ce soir avec les amis", "en");
  EXPECT_EQ(fixed.lang, "fr");
  // A short ambiguous one keeps its tag.
  EXPECT_EQ(IdentifyLanguage("ok merci", "fr").lang, "fr");
}

TEST(IdentifyLanguageTest, ShortTaggedTextTakesTheTagWithoutTheDetector) {
  // 27 bytes once the URL and the handle are gone: the tag, as when CLD2 is
  // unsure, even where CLD2 would read another language with certainty.
  const std::string text = "@ami Je suis vraiment content! http://t.co/x";
  LanguageGuess g = IdentifyLanguage(text, "en");
  EXPECT_EQ(g.lang, "en");
  EXPECT_EQ(g.source, LanguageGuess::Source::kPlatform);
  EXPECT_FLOAT_EQ(g.confidence, kPlatformOnlyConfidence);
  // Without a tag the detector still reads it.
  EXPECT_EQ(IdentifyLanguage(text, "").lang, "fr");
  // At 30 bytes and more the detector is asked again and its agreement counts.
  LanguageGuess longer = IdentifyLanguage("Je suis vraiment très content de te voir", "fr");
  EXPECT_EQ(longer.source, LanguageGuess::Source::kBoth);
  EXPECT_GT(longer.confidence, kPlatformOnlyConfidence);
}

}  // namespace
}  // namespace roost::language

namespace roost::language {
namespace {

TEST(LanguageRobustnessTest, RandomBytesNeverCrash) {
  std::mt19937 rng(42);
  std::uniform_int_distribution<int> byte(0, 255), length(0, 200);
  const char* tags[] = {"", "en", "und", "qme", "zh-cn", "xx"};
  for (int iter = 0; iter < 2000; ++iter) {
    std::string text;
    int n = length(rng);
    for (int k = 0; k < n; ++k) text.push_back(static_cast<char>(byte(rng)));
    LanguageGuess g = IdentifyLanguage(text, tags[iter % 6]);
    EXPECT_GE(g.confidence, 0.0f);
    EXPECT_LE(g.confidence, 1.0f);
    EXPECT_FALSE(g.lang.empty());
  }
}

}  // namespace
}  // namespace roost::language

namespace roost::language {
namespace {

TEST(LanguageCodeForTest, CodesNamesAndRegions) {
  EXPECT_EQ(LanguageCodeFor("en"), "en");
  EXPECT_EQ(LanguageCodeFor("EN"), "en");
  EXPECT_EQ(LanguageCodeFor("en-GB"), "en");
  EXPECT_EQ(LanguageCodeFor("english"), "en");
  EXPECT_EQ(LanguageCodeFor("French"), "fr");
  EXPECT_EQ(LanguageCodeFor("ja"), "ja");
  EXPECT_EQ(LanguageCodeFor("iw"), "he");
  EXPECT_EQ(LanguageCodeFor("in"), "id");
  EXPECT_EQ(LanguageCodeFor("und"), "und");
  EXPECT_EQ(LanguageCodeFor("klingonese"), "");
  EXPECT_EQ(LanguageCodeFor("xx"), "");
  EXPECT_EQ(LanguageCodeFor(""), "");
}

}  // namespace
}  // namespace roost::language
