#include "storage/segment_format.h"

#include <gtest/gtest.h>

namespace roost::storage {
namespace {

TEST(FoldDimValueTest, AsciiIsLowerCased) {
  EXPECT_EQ(FoldDimValue("RWC2023"), "rwc2023");
  EXPECT_EQ(FoldDimValue("DailyLedger_1"), "dailyledger_1");
  EXPECT_EQ(FoldDimValue("RWC2023"), AsciiLower("RWC2023"));
}

TEST(FoldDimValueTest, UnicodeCaseVariantsMeet) {
  // Precomposed and decomposed É, upper and lower case: one value.
  EXPECT_EQ(FoldDimValue("\u00C9lys\u00E9e2012"), "\u00E9lys\u00E9e2012");
  EXPECT_EQ(FoldDimValue("\u00C9LYS\u00C9E2012"), "\u00E9lys\u00E9e2012");
  EXPECT_EQ(FoldDimValue("E\u0301lyse\u0301e2012"), "\u00E9lys\u00E9e2012");
  EXPECT_EQ(FoldDimValue("ESPA\u00D1A"), "espa\u00F1a");
  // Accents are kept: a hashtag is a name, not a word.
  EXPECT_NE(FoldDimValue("espa\u00F1a"), FoldDimValue("espana"));
  // Compatibility forms: fullwidth letters, German sharp s.
  EXPECT_EQ(FoldDimValue("\uFF21\uFF22\uFF23"), "abc");
  EXPECT_EQ(FoldDimValue("STRASSE"), FoldDimValue("Stra\u00DFe"));
  EXPECT_EQ(FoldDimValue("\u6771\u4EAC"), "\u6771\u4EAC");
}

TEST(FoldDimValueTest, InvalidUtf8IsKeptNotDropped) {
  const std::string bad = "AB\xFF\xFE";
  EXPECT_EQ(FoldDimValue(bad), "ab\xFF\xFE");
}

}  // namespace
}  // namespace roost::storage
