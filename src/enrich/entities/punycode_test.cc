#include "enrich/entities/punycode.h"

#include <gtest/gtest.h>

#include "enrich/entities/tlds.h"

namespace roost::enrich {
namespace {

std::string Encode(std::u32string_view s) {
  std::string out;
  EXPECT_TRUE(PunycodeEncode(s, &out));
  return out;
}

TEST(PunycodeTest, Rfc3492Examples) {
  EXPECT_EQ(Encode(U"münchen"), "mnchen-3ya");
  EXPECT_EQ(Encode(U"bücher"), "bcher-kva");
  EXPECT_EQ(Encode(U"例え"), "r8jz45g");
  EXPECT_EQ(Encode(U"abc"), "abc-");
}

TEST(PunycodeTest, LabelLengthCountsPrefixAndIdnDots) {
  EXPECT_EQ(AsciiLabelLength(U"example"), 7);
  EXPECT_EQ(AsciiLabelLength(U"münchen"), 14);  // xn--mnchen-3ya
  EXPECT_EQ(AsciiLabelLength(U"a。b"), 3);      // U+3002 is a dot for IDNA
}

TEST(TldSetTest, HoldsGenericCountryAndIdnTlds) {
  const TldSet& tlds = TldSet::Get();
  EXPECT_GT(tlds.size(), 1000);
  EXPECT_TRUE(tlds.ContainsAscii("com"));
  EXPECT_TRUE(tlds.ContainsAscii("jp"));
  EXPECT_TRUE(tlds.ContainsAscii("photography"));
  EXPECT_FALSE(tlds.ContainsAscii("baz"));
  const std::u32string text = U"みんな/";
  EXPECT_EQ(tlds.MatchAt(text.data(), 0, static_cast<int>(text.size())), 3);
  const std::u32string blocked = U"com-";
  EXPECT_EQ(tlds.MatchAt(blocked.data(), 0, static_cast<int>(blocked.size())), 0);
}

}  // namespace
}  // namespace roost::enrich
