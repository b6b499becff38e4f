#include "query/time_range.h"

#include <gtest/gtest.h>

namespace roost::query {
namespace {

TEST(TimeRange, ZonesAndOffsets) {
  // 2012-03-01T00:00:00Z = 1330560000 s.
  EXPECT_EQ(ParseTimeInZone("2012-03-01", "").value(), 1330560000000);
  EXPECT_EQ(ParseTimeInZone("2012-03-01", "UTC").value(), 1330560000000);
  // Paris is UTC+1 in winter, UTC+2 in summer (2012-07-01T00:00Z = 1341100800 s).
  EXPECT_EQ(ParseTimeInZone("2012-03-01", "Europe/Paris").value(), 1330560000000 - 3600000);
  EXPECT_EQ(ParseTimeInZone("2012-07-01T00:00", "Europe/Paris").value(), 1341100800000 - 7200000);
  // An explicit offset wins over the zone.
  EXPECT_EQ(ParseTimeInZone("2012-03-01T00:00:00Z", "Europe/Paris").value(), 1330560000000);
  EXPECT_EQ(ParseTimeInZone("2012-03-01", "Mars/Olympus").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(ParseTimeInZone("yesterday", "").status().code(), StatusCode::kInvalidArgument);
}

TEST(TimeRange, MonthsNameTheirFirstInstant) {
  // 2012-03-01T00:00:00Z = 1330560000 s; 2012-02-01T00:00:00Z = 1328054400 s
  // (1330560000 - 29 days of February 2012 * 86400).
  EXPECT_EQ(ParseTimeInZone("2012-03", "").value(), 1330560000000);
  EXPECT_EQ(ParseTimeInZone("2012-02", "UTC").value(), 1328054400000);
  // In Paris (UTC+1 in March) the month starts an hour earlier in UTC.
  EXPECT_EQ(ParseTimeInZone("2012-03", "Europe/Paris").value(), 1330560000000 - 3600000);
  EXPECT_EQ(ParseTimeInZone("2012-13", "").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(ParseTimeInZone("2012-3", "").status().code(), StatusCode::kInvalidArgument);
}

TEST(TimeRange, EpochSecondsAreInstants) {
  EXPECT_EQ(ParseTimeInZone("1330560000", "").value(), 1330560000000);
  // An instant: the zone does not move it.
  EXPECT_EQ(ParseTimeInZone("1330560000", "Europe/Paris").value(), 1330560000000);
  EXPECT_EQ(ParseTimeInZone("0", "").value(), 0);
  EXPECT_EQ(ParseTimeInZone("13305600x0", "").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(ParseTimeInZone("1234567890123", "").status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace roost::query
