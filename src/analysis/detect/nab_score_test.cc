#include "analysis/detect/nab_score.h"

#include <filesystem>

#include <gtest/gtest.h>

#include "analysis/detect/detector.h"
#include "analysis/detect/series.h"
#include "common/time_parse.h"
#include "testing/test_util.h"

namespace roost::detect {
namespace {

// Total normalised score reported in docs/DETECTION.md (bench/nab_eval).
constexpr double kDocumentedNabScore = 73.5;  // docs/DETECTION.md

TEST(NabScoreTest, HandComputedTinyFile) {
  // 20 rows: probation = floor(0.15 * 20) = 3 rows. Windows [5,9] (width 5)
  // and [14,15] (width 2). Detections at rows 1 (probation, ignored), 4
  // (before any window ended: -0.11), 7 and 8 (window 1: only the earliest
  // counts, pos = -(9-7+1)/5 = -0.6), 12 (after window 1: pos = 3/4),
  // 18 (after window 2: pos = 3/1); window 2 is missed (-1).
  std::vector<double> scores(20, 0.1);
  for (int i : {1, 4, 7, 8, 12, 18}) scores[i] = 0.9;
  std::vector<NabWindow> windows = {{5, 9}, {14, 15}};
  // By hand (sigma~(x) = 2/(1+e^{5x}) - 1, maxTP = sigma~(-1) = 0.98661430):
  //   -0.11
  //   + sigma~(-0.6)/maxTP     = 0.90514825/0.98661430 = +0.91742868
  //   + 0.11 * sigma~(0.75)    = 0.11 * -0.95404526    = -0.10494498
  //   - 1 (missed window)
  //   + 0.11 * sigma~(3)       = 0.11 * -0.99999939    = -0.10999993
  //   = -0.40751623
  auto s = ScoreNabFile(scores, windows, NabProfile{}, 0.5);
  EXPECT_NEAR(s.score, -0.40751623, 1e-7);
  EXPECT_EQ(s.tp, 2);
  EXPECT_EQ(s.fp, 3);
  EXPECT_EQ(s.fn, 5);
  EXPECT_EQ(s.tn, 7);
  EXPECT_EQ(s.windows_detected, 1);
  // Normalised: 100 * (S + 2) / (2 + 2).
  EXPECT_NEAR(NabNormalize(s.score, 2, NabProfile{}), 39.812094, 1e-5);
  // A threshold above every score is the null detector: -fnWeight per window.
  EXPECT_DOUBLE_EQ(ScoreNabFile(scores, windows, NabProfile{}, 0.95).score, -2.0);
  EXPECT_DOUBLE_EQ(NabNormalize(-2.0, 2, NabProfile{}), 0.0);
  // Detecting each window on its first row and nothing else is perfect.
  std::vector<double> perfect(20, 0.0);
  perfect[5] = perfect[14] = 1.0;
  EXPECT_NEAR(ScoreNabFile(perfect, windows, NabProfile{}, 0.5).score, 2.0, 1e-12);
}

TEST(NabScoreTest, ScaledSigmoidAndProbation) {
  EXPECT_DOUBLE_EQ(NabScaledSigmoid(0.0), 0.0);
  EXPECT_DOUBLE_EQ(NabScaledSigmoid(3.5), -1.0);
  EXPECT_NEAR(NabScaledSigmoid(-1.0), 0.98661430, 1e-8);
  EXPECT_EQ(NabProbationRows(20), 3u);
  EXPECT_EQ(NabProbationRows(15903), 750u);
}

TEST(NabScoreTest, ParsesWindowsAndMapsThemToRows) {
  auto w = ParseNabWindows(R"({"realTweets/A.csv": [["2015-03-03 00:10:00.000000", "2015-03-03 00:20:00.000000"]],
                              "realTweets/B.csv": []})");
  ASSERT_TRUE(w.ok()) << w.status().ToString();
  ASSERT_EQ(w->size(), 2u);
  ASSERT_EQ(w->at("realTweets/A.csv").size(), 1u);
  std::vector<TimestampMs> times;
  for (int i = 0; i < 6; ++i) times.push_back(*ParseIsoTime("2015-03-03 00:00:00") + i * 300000);
  auto rows = NabWindowRows(times, w->at("realTweets/A.csv"));
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ((*rows)[0].first, 2u);
  EXPECT_EQ((*rows)[0].last, 4u);
  times.erase(times.begin() + 4);
  EXPECT_FALSE(NabWindowRows(times, w->at("realTweets/A.csv")).ok());
  EXPECT_FALSE(ParseNabWindows(R"({"realTweets/A.csv": [["2015-03-03 00:10:00"]]})").ok());
}

// Reproduces the documented NAB figure (docs/DETECTION.md) on the shared
// data, in process: same library calls as `roost detect --causal`.
TEST(NabScoreTest, SharedTwitterSeriesStayAboveDocumentedScore) {
  ROOST_REQUIRE_SHARED_DATA("nab-dev/labels/realTweets_windows.json");
  auto nab = testing::SharedDataDir() / "nab-dev";
  auto profile = LoadNabProfile((nab / "config/profiles.json").string(), "standard");
  ASSERT_TRUE(profile.ok()) << profile.status().ToString();
  EXPECT_DOUBLE_EQ(profile->fp_weight, 0.11);
  auto windows = LoadNabWindows((nab / "labels/realTweets_windows.json").string());
  ASSERT_TRUE(windows.ok()) << windows.status().ToString();
  double total = 0;
  int count = 0;
  for (const auto& [key, times] : *windows) {
    auto series = ReadSeriesCsv((nab / "data" / key).string());
    ASSERT_TRUE(series.ok()) << series.status().ToString();
    auto d = Detect(*series);  // causal by default
    ASSERT_TRUE(d.ok());
    auto rows = NabWindowRows(series->times, times);
    ASSERT_TRUE(rows.ok()) << rows.status().ToString();
    auto s = ScoreNabFile(d->scores, *rows, *profile, kDefaultThreshold);
    total += s.score;
    count += s.windows;
  }
  EXPECT_EQ(count, 15);
  double normalised = NabNormalize(total, count, *profile);
  EXPECT_GT(normalised, kDocumentedNabScore - 2.0);
}

}  // namespace
}  // namespace roost::detect
