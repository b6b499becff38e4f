#include "analysis/forecast/forecast.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "analysis/detect/series.h"
#include "analysis/forecast/seasonal_naive.h"
#include "testing/test_util.h"

namespace roost::forecast {
namespace {

constexpr int64_t kHourMs = 3'600'000;
constexpr TimestampMs kMonday = 1330905600000;  // 2012-03-05T00:00:00Z

// Expected tweets per hour: a level, a daily cycle (busy evenings, quiet
// nights) and quieter weekends.
double Expected(size_t hour, double level) {
  const double day = 1 + 0.6 * std::sin(2 * M_PI * (static_cast<double>(hour % 24) - 9) / 24);
  const double week = (hour / 24) % 7 >= 5 ? 0.7 : 1.0;
  return level * day * week;
}

RegularSeries Simulate(size_t hours, double level, std::mt19937* rng, double overdispersion = 0.1) {
  RegularSeries s;
  s.start = kMonday;
  s.step_ms = kHourMs;
  std::gamma_distribution<double> noise(1 / (overdispersion * overdispersion),
                                        overdispersion * overdispersion);
  for (size_t h = 0; h < hours; ++h) {
    std::poisson_distribution<int> count(Expected(h, level) * noise(*rng));
    s.values.push_back(count(*rng));
  }
  return s;
}

TEST(Forecast, RecoversLevelAndSeasonality) {
  std::mt19937 rng(7);
  const RegularSeries s = Simulate(24 * 35, 200, &rng);
  ForecastOptions o;
  o.horizon = 48;
  auto r = Forecast(s, o);
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->forecast.size(), 48u);
  double err = 0, truth_sum = 0, forecast_sum = 0;
  for (size_t h = 0; h < 48; ++h) {
    const double truth = Expected(s.values.size() + h, 200);
    EXPECT_EQ(r->forecast[h].time, s.time(s.values.size() + h));
    err += std::abs(r->forecast[h].value - truth);
    truth_sum += truth;
    forecast_sum += r->forecast[h].value;
  }
  // The level within 5%, the hourly shape within 10% on average.
  EXPECT_NEAR(forecast_sum / truth_sum, 1.0, 0.05);
  EXPECT_LT(err / truth_sum, 0.10);
  // The backtest saw the same: better than repeating yesterday.
  EXPECT_GT(r->backtest.origins, 5u);
  EXPECT_LT(r->backtest.selected.mae_ratio, 1.0);
  EXPECT_EQ(r->backtest.baseline, "seasonal_naive_day");
  EXPECT_NEAR(r->backtest.seasonal_naive.mae_ratio, 1.0, 1e-12);
}

TEST(Forecast, IntervalsCoverAboutTheirShareOfNewOutcomes) {
  std::mt19937 rng(11);
  size_t in80 = 0, in95 = 0, total = 0;
  double backtest80 = 0;
  const int runs = 8;
  for (int i = 0; i < runs; ++i) {
    RegularSeries s = Simulate(24 * 35 + 24, 50 + 40 * i, &rng, 0.15);
    std::vector<double> future(s.values.end() - 24, s.values.end());
    s.values.resize(s.values.size() - 24);
    auto r = Forecast(s, ForecastOptions{});
    ASSERT_TRUE(r.ok());
    backtest80 += r->backtest.selected.coverage80 / runs;
    for (size_t h = 0; h < 24; ++h) {
      const auto& p = r->forecast[h];
      EXPECT_LE(p.lo95, p.lo80);
      EXPECT_LE(p.lo80, p.value);
      EXPECT_LE(p.value, p.hi80);
      EXPECT_LE(p.hi80, p.hi95);
      in80 += future[h] >= p.lo80 && future[h] <= p.hi80;
      in95 += future[h] >= p.lo95 && future[h] <= p.hi95;
      ++total;
    }
  }
  EXPECT_NEAR(static_cast<double>(in80) / total, 0.80, 0.08);
  EXPECT_NEAR(static_cast<double>(in95) / total, 0.95, 0.05);
  EXPECT_NEAR(backtest80, 0.80, 0.06);
}

TEST(Forecast, CountsNeverGoNegative) {
  RegularSeries s;
  s.start = kMonday;
  s.step_ms = kHourMs;
  // A quiet series that falls to nothing: additive models and trends would cross zero.
  for (size_t h = 0; h < 24 * 21; ++h)
    s.values.push_back(h < 24 * 14 ? (h % 24 < 12 ? 6.0 : 0.0) : 0.0);
  auto r = Forecast(s, ForecastOptions{});
  ASSERT_TRUE(r.ok());
  for (const auto& p : r->forecast) {
    EXPECT_GE(p.value, 0.0);
    EXPECT_GE(p.lo95, 0.0);
  }
}

TEST(Forecast, ShortHistoryStillForecastsAndSaysSo) {
  RegularSeries s;
  s.start = kMonday;
  s.step_ms = 86'400'000;
  for (double v : {10.0, 12.0, 9.0, 11.0, 30.0, 31.0}) s.values.push_back(v);
  ForecastOptions o;
  o.horizon = 3;
  auto r = Forecast(s, o);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->forecast.size(), 3u);
  EXPECT_EQ(r->backtest.origins, 0u);
  ASSERT_FALSE(r->warnings.empty());
  EXPECT_NE(r->warnings.front().find("too little history"), std::string::npos);
}

TEST(Forecast, RejectsBadInput) {
  RegularSeries s;
  s.step_ms = kHourMs;
  s.values = {1, 2, 3};
  ForecastOptions o;
  o.horizon = 0;
  EXPECT_EQ(Forecast(s, o).status().code(), StatusCode::kInvalidArgument);
  s.values = {1, NAN, 3};
  EXPECT_EQ(Forecast(s, ForecastOptions{}).status().code(), StatusCode::kInvalidArgument);
  s.values = {1};
  EXPECT_EQ(Forecast(s, ForecastOptions{}).status().code(), StatusCode::kInvalidArgument);
}

TEST(SeasonalNaive, RepeatsTheLastSeason) {
  const std::vector<double> y{1, 2, 3, 4, 5, 6};
  EXPECT_EQ(SeasonalNaiveForecast(y, 3, 5), (std::vector<double>{4, 5, 6, 4, 5}));
  EXPECT_EQ(SeasonalNaiveForecast(y, 1, 2), (std::vector<double>{6, 6}));
}

TEST(ToRegular, SumsRowsPerBucketAndDropsPartialEnds) {
  detect::Series raw;
  // 5-minute rows from 00:40 to 03:10: the first and last hours are partial.
  for (TimestampMs t = kMonday + 40 * 60'000; t <= kMonday + 190 * 60'000; t += 5 * 60'000) {
    raw.times.push_back(t);
    raw.values.push_back(1);
  }
  auto r = ToRegular(raw, kHourMs);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->start, kMonday + kHourMs);
  EXPECT_EQ(r->values, (std::vector<double>{12, 12}));
}

// The rolling-origin protocol of docs/FORECAST.md on NAB's Twitter volumes.
TEST(Forecast, BeatsSeasonalNaiveOnNabTwitterVolume) {
  ROOST_REQUIRE_SHARED_DATA("nab-dev/data/realTweets/Twitter_volume_GOOG.csv");
  auto raw = detect::ReadSeriesCsv(roost::testing::SharedDataDir() /
                                   "nab-dev/data/realTweets/Twitter_volume_GOOG.csv");
  ASSERT_TRUE(raw.ok());
  auto s = ToRegular(*raw, kHourMs);
  ASSERT_TRUE(s.ok());
  ForecastOptions o;
  o.first_scored = s->start + 28 * 86'400'000LL;
  auto r = Forecast(*s, o);
  ASSERT_TRUE(r.ok());
  EXPECT_GE(r->backtest.origins, 20u);
  EXPECT_LT(r->backtest.selected.mae_ratio, 0.95);
  EXPECT_GT(r->backtest.selected.coverage80, 0.7);
  EXPECT_LT(r->backtest.selected.coverage80, 0.9);
}

}  // namespace
}  // namespace roost::forecast
