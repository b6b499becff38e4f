#include "answer/period_change.h"

#include <gtest/gtest.h>

namespace roost::answer {
namespace {

constexpr int64_t kDay = 86'400'000;

TEST(PeriodChange, PoissonCountsTellNoiseFromChange) {
  // 100 -> 110 tweets over equal days is noise; 100 -> 160 is not.
  EXPECT_FALSE(CountChange(100, 110, kDay, kDay).significant);
  EXPECT_TRUE(CountChange(100, 160, kDay, kDay).significant);
  // The same counts over a twice longer later period are a drop in rate.
  EXPECT_TRUE(CountChange(100, 110, kDay, 2 * kDay).significant);
  const PeriodChange c = CountChange(100, 150, kDay, kDay);
  EXPECT_DOUBLE_EQ(c.change, 50);
  EXPECT_DOUBLE_EQ(c.relative, 0.5);
  EXPECT_EQ(c.test, "poisson");
  // Exact binomial tail for n = 250, p = 1/2, k >= 150 doubled is about 0.0018.
  EXPECT_NEAR(c.p_value, 0.0018, 0.001);
  EXPECT_FALSE(CountChange(0, 0, kDay, kDay).has_relative);
}

TEST(PeriodChange, TwoProportionZ) {
  // 30% of 1000 vs 33% of 1000: z = 1.45, p = 0.147.
  const PeriodChange c = ShareChange(300, 1000, 330, 1000);
  EXPECT_NEAR(c.p_value, 0.147, 0.005);
  EXPECT_FALSE(c.significant);
  EXPECT_NEAR(c.change, 0.03, 1e-12);
  EXPECT_TRUE(ShareChange(3000, 10000, 3300, 10000).significant);
}

TEST(PeriodChange, NetSentimentZ) {
  const PeriodChange same = NetSentimentChange(400, 200, 1000, 410, 195, 1000);
  EXPECT_FALSE(same.significant);
  EXPECT_NEAR(same.before, 0.2, 1e-12);
  const PeriodChange worse = NetSentimentChange(400, 200, 1000, 250, 350, 1000);
  EXPECT_TRUE(worse.significant);
  EXPECT_NEAR(worse.change, -0.3, 1e-12);
}

TEST(PeriodChange, UntestedFiguresSayNone) {
  const PeriodChange c = UntestedChange(10, 5);
  EXPECT_EQ(c.test, "none");
  EXPECT_FALSE(c.significant);
  EXPECT_DOUBLE_EQ(c.relative, -0.5);
}

}  // namespace
}  // namespace roost::answer
