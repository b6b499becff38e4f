#include "cli/display_width.h"

#include <gtest/gtest.h>

#include "cli/table.h"

namespace roost::cli {
namespace {

TEST(DisplayWidthTest, CountsColumnsNotBytesOrCodePoints) {
  EXPECT_EQ(DisplayWidth(""), 0u);
  EXPECT_EQ(DisplayWidth("abc"), 3u);
  EXPECT_EQ(DisplayWidth("caf\xC3\xA9"), 4u);               // café, precomposed
  EXPECT_EQ(DisplayWidth("cafe\xCC\x81"), 4u);              // café, e + combining acute
  EXPECT_EQ(DisplayWidth("\xE6\x97\xA5\xE6\x9C\xAC"), 4u);  // 日本: two wide characters
  EXPECT_EQ(DisplayWidth("\xEF\xBC\xA1"), 2u);              // Ａ fullwidth
  EXPECT_EQ(DisplayWidth("\xF0\x9F\x98\x80"), 2u);          // 😀
}

TEST(DisplayWidthTest, ClustersAreDrawnOnce) {
  EXPECT_EQ(DisplayWidth("\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD"), 2u);  // 👍 + skin tone
  // 👩‍💻: woman, zero-width joiner, laptop: one glyph.
  EXPECT_EQ(DisplayWidth("\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB"), 2u);
  EXPECT_EQ(DisplayWidth("\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7"), 2u);  // 🇫🇷: two regional indicators
  EXPECT_EQ(DisplayWidth("\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7\xF0\x9F\x87\xAB"),
            3u);                                            // a flag and a lone indicator
  EXPECT_EQ(DisplayWidth("\xE2\x9D\xA4\xEF\xB8\x8F"), 2u);  // ❤️: heart + emoji presentation
}

TEST(DisplayWidthTest, InvalidBytesCountOneEach) {
  EXPECT_EQ(DisplayWidth("a\xFF\xFE"
                         "b"),
            4u);
}

TEST(TableTest, WideCellsKeepColumnsAligned) {
  Table t({"lang", "word", "count"});
  t.AddRow({"ja", "\xE6\x97\xA5\xE6\x9C\xAC", "12"});  // 日本: 4 columns
  t.AddRow({"en", "cafe\xCC\x81", "3"});               // café: 4 columns, 6 bytes
  t.AddRow({"xx", "\xF0\x9F\x98\x80", "100"});         // 😀: 2 columns
  // By hand: "word" is 4 wide, so is each word but the emoji (2 + 2 spaces);
  // counts are right aligned under "count" (5 wide).
  const std::string expected =
      "lang  word  count\n"
      "ja    \xE6\x97\xA5\xE6\x9C\xAC     12\n"
      "en    cafe\xCC\x81      3\n"
      "xx    \xF0\x9F\x98\x80      100\n";
  EXPECT_EQ(t.Aligned(), expected);
}

}  // namespace
}  // namespace roost::cli
