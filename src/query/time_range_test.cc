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

}  // namespace
}  // namespace roost::query
