#include "analysis/aggregate/time_grid.h"

#include <gtest/gtest.h>

#include "common/time_parse.h"

namespace roost::aggregate {
namespace {

TimestampMs T(const char* iso) { return *ParseIsoTime(iso); }

TimeGrid Make(Interval i, const char* tz, const char* from, const char* to) {
  auto zone = ZoneRules::Load(tz);
  EXPECT_TRUE(zone.ok());
  auto g = TimeGrid::Make(i, *zone, T(from), T(to));
  EXPECT_TRUE(g.ok()) << g.status().message();
  return std::move(g).value();
}

TEST(TimeGridTest, UtcHoursAreFixedAndIndexed) {
  TimeGrid g = Make(Interval::kHour, "UTC", "2012-03-01T00:30:00Z", "2012-03-01T03:00:00Z");
  ASSERT_EQ(g.size(), 3u);
  EXPECT_EQ(g.Label(0), "2012-03-01T00:00:00Z");
  EXPECT_EQ(g.IndexOf(T("2012-03-01T00:59:59Z")), 0u);
  EXPECT_EQ(g.IndexOf(T("2012-03-01T01:00:00Z")), 1u);
  EXPECT_EQ(g.IndexOf(T("2012-03-01T03:00:00Z")), TimeGrid::npos);
  EXPECT_EQ(g.IndexOf(T("2012-02-29T23:59:59Z")), TimeGrid::npos);
}

TEST(TimeGridTest, ParisSpringDayHas23HoursAndAutumnDay25) {
  TimeGrid spring = Make(Interval::kHour, "Europe/Paris", "2012-03-24T23:00:00Z", "2012-03-25T22:00:00Z");
  EXPECT_EQ(spring.size(), 23u);
  EXPECT_EQ(spring.Label(0), "2012-03-25T00:00:00+01:00");
  EXPECT_EQ(spring.Label(1), "2012-03-25T01:00:00+01:00");
  EXPECT_EQ(spring.Label(2), "2012-03-25T03:00:00+02:00");
  TimeGrid autumn = Make(Interval::kHour, "Europe/Paris", "2012-10-27T22:00:00Z", "2012-10-28T23:00:00Z");
  EXPECT_EQ(autumn.size(), 25u);
  // 02:00 happens twice, as two buckets with different offsets.
  EXPECT_EQ(autumn.Label(2), "2012-10-28T02:00:00+02:00");
  EXPECT_EQ(autumn.Label(3), "2012-10-28T02:00:00+01:00");
  TimeGrid days = Make(Interval::kDay, "Europe/Paris", "2012-03-24T12:00:00Z", "2012-03-26T12:00:00Z");
  ASSERT_EQ(days.size(), 3u);
  EXPECT_EQ(days.end(1) - days.start(1), 23 * 3'600'000);
  EXPECT_EQ(days.start(0), T("2012-03-23T23:00:00Z"));
}

TEST(TimeGridTest, WeeksStartOnMondayAndMonthsOnTheFirst) {
  TimeGrid w = Make(Interval::kWeek, "UTC", "2012-03-01T00:00:00Z", "2012-03-13T00:00:00Z");  // a Thursday
  EXPECT_EQ(w.Label(0), "2012-02-27T00:00:00Z");
  EXPECT_EQ(w.Label(1), "2012-03-05T00:00:00Z");
  TimeGrid m = Make(Interval::kMonth, "America/New_York", "2012-01-15T00:00:00Z", "2012-04-02T00:00:00Z");
  ASSERT_EQ(m.size(), 4u);
  EXPECT_EQ(m.Label(0), "2012-01-01T00:00:00-05:00");
  EXPECT_EQ(m.Label(2), "2012-03-01T00:00:00-05:00");
  EXPECT_EQ(m.Label(3), "2012-04-01T00:00:00-04:00");
}

TEST(TimeGridTest, RejectsUnknownZonesIntervalsAndHugeGrids) {
  EXPECT_FALSE(ZoneRules::Load("Mars/Olympus").ok());
  EXPECT_FALSE(ParseInterval("fortnight").ok());
  auto zone = ZoneRules::Load("UTC");
  EXPECT_FALSE(TimeGrid::Make(Interval::kMinute, *zone, T("2000-01-01"), T("2012-01-01")).ok());
  EXPECT_FALSE(TimeGrid::Make(Interval::kHour, *zone, T("2012-01-01"), T("2012-01-01")).ok());
}

}  // namespace
}  // namespace roost::aggregate
