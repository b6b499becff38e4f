#include "enrich/sentiment/text_fold.h"

#include <gtest/gtest.h>

namespace roost::sentiment {
namespace {

std::string Fold(std::string_view s) {
  std::string out;
  FoldWord(s, &out);
  return out;
}

TEST(FoldWordTest, LowerCasesAndRemovesFrenchAccents) {
  EXPECT_EQ(Fold("GÉNIAL"), "genial");
  EXPECT_EQ(Fold("Déçu"), "decu");
  EXPECT_EQ(Fold("cœur"), "coeur");
  EXPECT_EQ(Fold("ÇA"), "ca");
  EXPECT_EQ(Fold("straße"), "strasse");
}

TEST(FoldWordTest, TypographicApostropheBecomesAscii) {
  EXPECT_EQ(Fold("aujourd\xE2\x80\x99hui"), "aujourd'hui");
  EXPECT_EQ(Fold("don\xE2\x80\x99t"), "don't");
}

TEST(FoldWordTest, OtherScriptsAreCopied) {
  EXPECT_EQ(Fold("日本語"), "日本語");
  EXPECT_EQ(Fold("Привет"), "Привет");  // not Latin: left as is
}

TEST(IsUpperWordTest, FollowsPythonIsupper) {
  EXPECT_TRUE(IsUpperWord("GREAT"));
  EXPECT_TRUE(IsUpperWord("GREAT!!"));
  EXPECT_TRUE(IsUpperWord("ÉTÉ"));
  EXPECT_FALSE(IsUpperWord("Great"));
  EXPECT_FALSE(IsUpperWord(":)"));  // no cased letter
  EXPECT_FALSE(IsUpperWord("été"));
  EXPECT_FALSE(IsUpperWord(""));
}

TEST(DecodeUtf8Test, DecodesAndSurvivesMalformedBytes) {
  int len = 0;
  std::string s = "\xF0\x9F\x98\x82";  // 😂
  EXPECT_EQ(DecodeUtf8(s.data(), s.data() + s.size(), &len), 0x1F602u);
  EXPECT_EQ(len, 4);
  std::string bad = "\xF0\x9F";  // truncated
  EXPECT_EQ(DecodeUtf8(bad.data(), bad.data() + bad.size(), &len), 0xFFFDu);
  EXPECT_EQ(len, 1);
  std::string round;
  AppendUtf8(0x1F602, &round);
  EXPECT_EQ(round, s);
}

}  // namespace
}  // namespace roost::sentiment
