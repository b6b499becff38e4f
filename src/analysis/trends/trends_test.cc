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

// A window's trend peaks inside the window: a bigger burst of the same words
// in the curve's margin (the next day's event) moves neither its peak nor its span.
TEST(ReadCurveTest, PeakIsSearchedInTheGivenHoursOnly) {
  std::vector<uint64_t> curve{1, 30, 12, 4, 1, 1, 90, 60, 2};
  TimestampMs start, peak, end;
  uint64_t count;
  ReadCurve(curve, 0, &start, &peak, &end, &count, 0, 5);
  EXPECT_EQ(peak, 1 * kHourMs);
  EXPECT_EQ(count, 30u);
  EXPECT_EQ(start, 1 * kHourMs);
  EXPECT_EQ(end, 3 * kHourMs);  // level 2, bar 9: hours 1-2
  ReadCurve(curve, 0, &start, &peak, &end, &count);
  EXPECT_EQ(peak, 6 * kHourMs);
}

}  // namespace
}  // namespace roost::trends
