#include "analysis/trends/trends.h"

#include <gtest/gtest.h>

namespace roost::trends {
namespace {

TEST(IsTopicalTest, WordsNumbersAndTagsNameTopicsEmojiAndEmoticonsDoNot) {
  EXPECT_TRUE(IsTopical("earthquake"));
  EXPECT_TRUE(IsTopical("東京"));
  EXPECT_TRUE(IsTopical("penalty shootout"));
  EXPECT_TRUE(IsTopical("2012"));
  EXPECT_TRUE(IsTopical("😢 earthquake"));
  EXPECT_FALSE(IsTopical("😢"));
  EXPECT_FALSE(IsTopical(":("));
  EXPECT_FALSE(IsTopical("😢 :("));
  EXPECT_FALSE(IsTopical("!!!"));
  EXPECT_FALSE(IsTopical(""));
}

TEST(ReadCurveTest, PeakAndTheHoursAboveAQuarterOfTheRise) {
  // level (median) 2, peak 42 at hour 4: bar 12.
  std::vector<uint64_t> curve{2, 2, 1, 20, 42, 13, 12, 3, 2};
  TimestampMs start, peak, end;
  uint64_t count;
  ReadCurve(curve, 0, &start, &peak, &end, &count);
  EXPECT_EQ(start, 3 * kHourMs);
  EXPECT_EQ(peak, 4 * kHourMs);
  EXPECT_EQ(end, 6 * kHourMs);
  EXPECT_EQ(count, 42u);
}

}  // namespace
}  // namespace roost::trends
