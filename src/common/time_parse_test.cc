#include "common/time_parse.h"

#include <gtest/gtest.h>

namespace roost {
namespace {

TEST(TimeParseTest, TwitterV1Form) {
  // 2008-08-27T13:08:45Z: 14118 days after the epoch (checked with `date -u -d`).
  auto t = ParseTwitterTime("Wed Aug 27 13:08:45 +0000 2008");
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(*t, (14118LL * 86400 + 13 * 3600 + 8 * 60 + 45) * 1000);
  EXPECT_EQ(FormatIsoTime(*t), "2008-08-27T13:08:45Z");
}

TEST(TimeParseTest, TwitterV1FormWithOffset) {
  auto utc = ParseTwitterTime("Sun Aug 31 00:29:15 +0000 2014");
  auto plus2 = ParseTwitterTime("Sun Aug 31 02:29:15 +0200 2014");
  ASSERT_TRUE(utc && plus2);
  EXPECT_EQ(*utc, *plus2);
}

TEST(TimeParseTest, RejectsMalformedV1) {
  EXPECT_FALSE(ParseTwitterTime("Wed Aug 27 13:08:45 +0000 08"));
  EXPECT_FALSE(ParseTwitterTime("Wed Foo 27 13:08:45 +0000 2008"));
  EXPECT_FALSE(ParseTwitterTime("Wed Feb 30 13:08:45 +0000 2008"));
  EXPECT_FALSE(ParseTwitterTime("Wed Aug 27 25:08:45 +0000 2008"));
  EXPECT_FALSE(ParseTwitterTime(""));
}

TEST(TimeParseTest, IsoForms) {
  auto base = ParseIsoTime("2022-03-01T12:34:56Z");
  ASSERT_TRUE(base);
  EXPECT_EQ(FormatIsoTime(*base), "2022-03-01T12:34:56Z");
  EXPECT_EQ(*ParseIsoTime("2022-03-01T12:34:56.250Z"), *base + 250);
  EXPECT_EQ(*ParseIsoTime("2022-03-01T13:34:56+01:00"), *base);
  EXPECT_EQ(*ParseIsoTime("2022-03-01T07:34:56-0500"), *base);
  EXPECT_EQ(*ParseIsoTime("2022-03-01"), *base - (12 * 3600 + 34 * 60 + 56) * 1000);
  EXPECT_EQ(*ParseIsoTime("2022-03-01 12:34"), *base - 56000);
  EXPECT_FALSE(ParseIsoTime("2022-13-01"));
  EXPECT_FALSE(ParseIsoTime("2022-03-01T12:34:56Zjunk"));
  EXPECT_FALSE(ParseIsoTime("2021-02-29"));
  EXPECT_TRUE(ParseIsoTime("2020-02-29"));
}

TEST(TimeParseTest, CivilRoundTrip) {
  for (int64_t day = -1000; day < 40000; day += 7) {
    int64_t y;
    unsigned m, d;
    CivilFromDays(day, &y, &m, &d);
    EXPECT_EQ(DaysFromCivil(y, m, d), day);
  }
}

}  // namespace
}  // namespace roost
