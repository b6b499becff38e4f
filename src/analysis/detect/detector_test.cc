#include "analysis/detect/detector.h"

#include <cmath>
#include <random>

#include <gtest/gtest.h>

#include "analysis/detect/spikes.h"

namespace roost::detect {
namespace {

constexpr TimestampMs kStart = 1420070400000;  // 2015-01-01T00:00:00Z (a Thursday)

// Poisson counts every `step_min` minutes with a daily cycle (low at night),
// a weekend dip, and extra counts added at `spikes` (row -> extra).
Series Seasonal(int days, int step_min, double base, uint32_t seed,
                const std::vector<std::pair<size_t, double>>& spikes = {}) {
  std::mt19937 rng(seed);
  Series s;
  int rows = days * 24 * 60 / step_min;
  for (int i = 0; i < rows; ++i) {
    TimestampMs t = kStart + static_cast<TimestampMs>(i) * step_min * 60000;
    double hour = std::fmod(i * step_min / 60.0, 24.0);
    int day = i * step_min / 1440;
    double daily = 1.0 + 0.6 * std::sin((hour - 9.0) / 24.0 * 2 * M_PI);
    double weekly = (day % 7 == 2 || day % 7 == 3) ? 0.7 : 1.0;
    double mean = base * daily * weekly;
    for (const auto& [row, extra] : spikes)
      if (static_cast<size_t>(i) == row) mean += extra;
    s.times.push_back(t);
    s.values.push_back(std::poisson_distribution<int>(mean)(rng));
  }
  return s;
}

TEST(DetectorTest, ScoresAreWithinUnitInterval) {
  Series s = Seasonal(10, 60, 50, 1, {{150, 400}});
  for (bool causal : {true, false}) {
    DetectorOptions o;
    o.causal = causal;
    auto d = Detect(s, o);
    ASSERT_TRUE(d.ok()) << d.status().ToString();
    ASSERT_EQ(d->scores.size(), s.size());
    for (double v : d->scores) {
      EXPECT_GE(v, 0.0);
      EXPECT_LE(v, 1.0);
    }
  }
}

TEST(DetectorTest, FindsPlantedSpikesWithTheirPeaks) {
  // Hourly counts over four weeks, three planted bursts of three hours each
  // (rise, peak, fall) during different parts of the day.
  std::vector<size_t> peaks = {24 * 9 + 14, 24 * 15 + 3, 24 * 22 + 20};
  std::vector<std::pair<size_t, double>> planted;
  for (size_t p : peaks) {
    planted.push_back({p - 1, 60});
    planted.push_back({p, 320});
    planted.push_back({p + 1, 50});
  }
  Series s = Seasonal(28, 60, 80, 7, planted);
  for (bool causal : {true, false}) {
    DetectorOptions o;
    o.causal = causal;
    auto d = Detect(s, o);
    ASSERT_TRUE(d.ok());
    auto spikes = FindSpikes(s, *d);
    ASSERT_EQ(spikes.size(), peaks.size()) << "causal=" << causal;
    for (size_t k = 0; k < peaks.size(); ++k) {
      EXPECT_EQ(spikes[k].peak, peaks[k]) << "causal=" << causal;
      EXPECT_LE(spikes[k].start, peaks[k]);
      EXPECT_GE(spikes[k].end, peaks[k]);
      EXPECT_GT(spikes[k].magnitude, 1.5);
      EXPECT_EQ(spikes[k].peak_time, s.times[peaks[k]]);
    }
  }
}

TEST(DetectorTest, FindsPlantedSpikesInFiveMinuteData) {
  size_t peak = 12 * 24 * 6 + 12 * 15;  // day 6, 15:00
  std::vector<std::pair<size_t, double>> planted;
  for (int k = -3; k <= 6; ++k) planted.push_back({peak + k, k == 0 ? 250.0 : 30.0 * std::exp(-std::abs(k) / 3.0)});
  Series s = Seasonal(12, 5, 20, 3, planted);
  auto d = Detect(s);
  ASSERT_TRUE(d.ok());
  auto spikes = FindSpikes(s, *d);
  ASSERT_EQ(spikes.size(), 1u);
  EXPECT_EQ(spikes[0].peak, peak);
}

// A burst that goes on for three rows (the scan statistic grows a little
// each row, by less than the re-alarm margin) raises one alarm, at its onset;
// with no margin the later rows alarm as well.
TEST(DetectorTest, RisingBurstRaisesOneAlarm) {
  size_t onset = 12 * 24 * 6 + 12 * 15;
  Series s = Seasonal(12, 5, 20, 5, {{onset, 120.0}, {onset + 1, 80.0}, {onset + 2, 80.0}});
  auto alarms = [&](double margin) {
    DetectorOptions o;
    o.hold_margin = margin;
    auto d = Detect(s, o);
    EXPECT_TRUE(d.ok());
    std::vector<size_t> rows;
    for (size_t i = 0; i < s.size(); ++i)
      if (d->scores[i] >= kDefaultThreshold && i + 12 >= onset && i <= onset + 12) rows.push_back(i);
    return rows;
  };
  auto with_margin = alarms(0.3);
  ASSERT_FALSE(with_margin.empty());
  EXPECT_EQ(with_margin.front(), onset);
  auto no_margin = alarms(0.0);
  EXPECT_GT(no_margin.size(), with_margin.size());
}

TEST(DetectorTest, FlatNoiseRaisesFewAlarms) {
  for (uint32_t seed : {11u, 12u, 13u}) {
    std::mt19937 rng(seed);
    Series s;
    for (int i = 0; i < 24 * 60; ++i) {  // 60 days hourly, no seasonality
      s.times.push_back(kStart + i * 3600000LL);
      s.values.push_back(std::poisson_distribution<int>(200)(rng));
    }
    auto d = Detect(s);
    ASSERT_TRUE(d.ok());
    int above = 0;
    for (double v : d->scores) above += v >= kDefaultThreshold;
    EXPECT_LE(above, 3) << "seed " << seed;  // 1440 rows
  }
}

TEST(DetectorTest, TinyCountsDoNotFire) {
  // A quiet term: mostly 0, occasionally 1-3. A jump from 0 to 3 is a huge
  // relative change but below the minimum support.
  std::mt19937 rng(5);
  Series s;
  for (int i = 0; i < 24 * 30; ++i) {
    s.times.push_back(kStart + i * 3600000LL);
    s.values.push_back(i % 97 == 50 ? 4 : std::poisson_distribution<int>(0.2)(rng));
  }
  auto d = Detect(s);
  ASSERT_TRUE(d.ok());
  for (double v : d->scores) EXPECT_LT(v, kDefaultThreshold / 2);
}

TEST(DetectorTest, CausalScoresIgnoreLaterRows) {
  Series s = Seasonal(14, 60, 40, 9, {{200, 200}});
  auto full = Detect(s);
  ASSERT_TRUE(full.ok());
  size_t cut = 240;
  Series changed = s;
  for (size_t i = cut + 1; i < changed.size(); ++i) changed.values[i] = (i % 3 == 0) ? 1000 : 0;
  auto other = Detect(changed);
  ASSERT_TRUE(other.ok());
  for (size_t i = 0; i <= cut; ++i) ASSERT_EQ(full->scores[i], other->scores[i]) << "row " << i;
  bool differs = false;
  for (size_t i = cut + 1; i < s.size(); ++i) differs |= full->scores[i] != other->scores[i];
  EXPECT_TRUE(differs);  // the test would notice if later rows were ignored entirely

  // Non-causal scores do depend on later rows (that is the point of them).
  DetectorOptions o;
  o.causal = false;
  auto a = Detect(s, o), b = Detect(changed, o);
  bool early_differs = false;
  for (size_t i = 0; i <= cut; ++i) early_differs |= a->scores[i] != b->scores[i];
  EXPECT_TRUE(early_differs);
}

TEST(DetectorTest, RejectsBadSeries) {
  EXPECT_FALSE(Detect(Series{}).ok());
  Series s;
  s.times = {2000, 1000};
  s.values = {1, 2};
  EXPECT_FALSE(Detect(s).ok());
}

}  // namespace
}  // namespace roost::detect
