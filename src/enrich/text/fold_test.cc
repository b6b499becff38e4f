#include "enrich/text/fold.h"

#include <gtest/gtest.h>

namespace roost::text {
namespace {

TEST(FoldTest, AsciiIsLowerCased) {
  EXPECT_EQ(Fold("Hello WORLD 2012"), "hello world 2012");
  EXPECT_TRUE(IsAscii("plain"));
  EXPECT_FALSE(IsAscii("café"));
}

TEST(FoldTest, AccentsAndCaseFoldTogether) {
  EXPECT_EQ(Fold("café"), "cafe");
  EXPECT_EQ(Fold("CAFÉ"), "cafe");
  EXPECT_EQ(Fold("cafe\xCC\x81"), "cafe");  // decomposed e + U+0301
  EXPECT_EQ(Fold("Ñandú"), "nandu");
  EXPECT_EQ(Fold("Straße"), "strasse");
  EXPECT_EQ(Fold("ÇA"), "ca");
  EXPECT_EQ(Fold("Ελλάδα"), "ελλαδα");
  EXPECT_EQ(Fold("ΣΟΦΟΣ"), Fold("σοφος"));  // final sigma folds with sigma
  EXPECT_EQ(Fold("Ёлка"), "елка");
  EXPECT_EQ(Fold("Москва"), "москва");
}

TEST(FoldTest, RussianShortIStaysDistinct) {
  EXPECT_EQ(Fold("Й"), "й");
  EXPECT_NE(Fold("й"), Fold("и"));
}

TEST(FoldTest, ArabicDiacriticsAndHamzaForms) {
  // كَتَبَ (with harakat) matches كتب; أ folds to ا; tatweel disappears.
  EXPECT_EQ(Fold("كَتَبَ"), "كتب");
  EXPECT_EQ(Fold("أحمد"), "احمد");
  EXPECT_EQ(Fold("كـتـب"), "كتب");
}

TEST(FoldTest, CompatibilityForms) {
  EXPECT_EQ(Fold("ＡＢＣ１"), "abc1");  // fullwidth
  EXPECT_EQ(Fold("ﬁne"), "fine");       // ligature
  EXPECT_EQ(Fold("it’s"), "it's");      // typographic apostrophe
}

TEST(FoldTest, MeaningfulMarksAreKept) {
  // Japanese voiced kana and Devanagari vowel signs are letters, not accents.
  EXPECT_EQ(Fold("がっこう"), "がっこう");
  EXPECT_NE(Fold("が"), Fold("か"));
  EXPECT_EQ(Fold("हिंदी"), "हिंदी");
  EXPECT_EQ(Fold("東京"), "東京");
}

TEST(FoldTest, InvalidUtf8BecomesReplacementChar) {
  EXPECT_EQ(Fold("a\xFF"
                 "b"),
            "a\xEF\xBF\xBD"
            "b");
}

}  // namespace
}  // namespace roost::text
