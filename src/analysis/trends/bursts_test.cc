#include "analysis/trends/bursts.h"

#include <cmath>

#include <gtest/gtest.h>

#include "analysis/trends/news.h"
#include "analysis/trends/trends.h"

namespace roost::trends {
namespace {

TEST(BurstZ, PoissonAgainstFlatBaseline) {
  // Seven baseline days of 10 in 1000 tweets; 50 in 1000 today.
  std::vector<uint64_t> ck(7, 10), nk(7, 1000);
  double e = 0;
  const double z = BurstZ(50, 1000, ck, nk, 0.5, &e);
  // median 10 + prior 0.5 * 1000 / 1000; MAD 0 -> dispersion 1.
  EXPECT_DOUBLE_EQ(e, 10.5);
  EXPECT_NEAR(z, 2 * (std::sqrt(50.375) - std::sqrt(10.875)), 1e-12);
}

TEST(BurstZ, ScalesBaselineToWindowVolume) {
  // Twice the volume today: 20 expected, 20 seen -> no burst.
  std::vector<uint64_t> ck(5, 10), nk(5, 1000);
  double e = 0;
  EXPECT_LT(BurstZ(21, 2000, ck, nk, 0.5, &e), 0.2);
  EXPECT_DOUBLE_EQ(e, 21.0);
}

TEST(BurstZ, OnePastBurstDoesNotHideANewOne) {
  // The word burst once last week (news keywords recur); the median ignores it.
  std::vector<uint64_t> ck{0, 0, 700, 0, 0, 0, 0}, nk(7, 50000);
  double e = 0;
  EXPECT_GT(BurstZ(600, 50000, ck, nk, 0.5, &e), 40);
  EXPECT_LT(e, 1.0);
}

TEST(BurstZ, VolatileWordIsDamped) {
  std::vector<uint64_t> ck{10, 90, 15, 80, 12, 95, 11}, nk(7, 1000);
  double e = 0;
  const double z = BurstZ(100, 1000, ck, nk, 0.5, &e);
  EXPECT_DOUBLE_EQ(e, 15.5);
  // MAD = 5 (|10-15|, ...): sd 7.413, D = 54.95/15.5 > 1.
  const double d = std::pow(1.4826 * 5, 2) / 15.5;
  EXPECT_NEAR(z, 2 * (std::sqrt(100.375) - std::sqrt(15.875)) / std::sqrt(d), 1e-9);
}

TEST(ReadCurve, PeakAndContiguousSpan) {
  std::vector<uint64_t> c{1, 1, 2, 1, 10, 40, 30, 9, 1, 1, 1};
  TimestampMs s, p, e;
  uint64_t pc;
  ReadCurve(c, 0, &s, &p, &e, &pc);
  // level 1, bar 1 + 0.25 * 39 = 10.75: hours 5 and 6.
  EXPECT_EQ(p, 5 * kHourMs);
  EXPECT_EQ(s, 5 * kHourMs);
  EXPECT_EQ(e, 7 * kHourMs);
  EXPECT_EQ(pc, 40u);
}

TEST(News, ParsesAndMatches) {
  auto items = ParseNewsCsv(
      "time,headline,url,keywords\n"
      "2012-03-02T07:26:00Z,\"Fizzora, chief \"\"quits\"\"\",https://x.example/a,resigns;Accounting;probe\n",
      "news.csv");
  ASSERT_TRUE(items.ok()) << items.status().message();
  ASSERT_EQ(items->size(), 1u);
  EXPECT_EQ((*items)[0].headline, "Fizzora, chief \"quits\"");
  EXPECT_EQ((*items)[0].time, 1330673160000);
  EXPECT_EQ(MatchedKeywords((*items)[0], {"Accounting", "weather"}), std::vector<std::string>{"accounting"});
  EXPECT_FALSE(ParseNewsCsv("x,y\n", "n.csv").ok());
}

}  // namespace
}  // namespace roost::trends
