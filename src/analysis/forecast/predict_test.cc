#include "analysis/forecast/predict.h"

#include <gtest/gtest.h>

#include <random>

#include "analysis/forecast/regression.h"

namespace roost::forecast {
namespace {

constexpr int64_t kDayMs = 86'400'000;
constexpr TimestampMs kStart = 1330560000000;  // 2012-03-01

struct World {
  std::vector<FeatureSeries> features;
  detect::Series outcome;
};

// Two tweet features over `days`; the outcome each day is
// 50 + `effect` x volume two days earlier + noise.
World Make(size_t days, double effect, uint32_t seed) {
  std::mt19937 rng(seed);
  std::normal_distribution<double> noise(0, 5);
  std::uniform_real_distribution<double> volume(100, 300), sentiment(-0.5, 0.5);
  World w;
  w.features = {{"volume", {}}, {"net_sentiment", {}}};
  for (size_t d = 0; d < days; ++d) {
    w.features[0].values.push_back(volume(rng));
    w.features[1].values.push_back(sentiment(rng));
  }
  for (size_t d = 2; d < days; ++d) {
    w.outcome.times.push_back(kStart + static_cast<int64_t>(d) * kDayMs + 12 * 3'600'000);
    w.outcome.values.push_back(50 + effect * w.features[0].values[d - 2] + noise(rng));
  }
  return w;
}

TEST(Predict, RecoversAPlantedRelation) {
  const World w = Make(300, 0.8, 3);
  PredictOptions o;
  o.min_lag = 0;
  o.max_lag = 3;
  auto r = Predict(w.features, kStart, kDayMs, w.outcome, o);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->parameters, 9u);
  const Coefficient* lag2 = nullptr;
  for (const auto& c : r->coefficients) {
    if (c.name == "volume[lag 2]") {
      lag2 = &c;
    } else if (c.name != "intercept") {
      EXPECT_LT(std::abs(c.estimate), 3.5 * c.std_error) << c.name;
    }
  }
  ASSERT_NE(lag2, nullptr);
  EXPECT_NEAR(lag2->estimate, 0.8, 0.03);
  EXPECT_LT(lag2->lo95, 0.8);
  EXPECT_GT(lag2->hi95, 0.8);
  EXPECT_GT(r->r2_out_of_sample, 0.9);
  EXPECT_LT(r->mae_ratio, 0.5);
  EXPECT_TRUE(r->warnings.empty());
}

TEST(Predict, WarnsWhenTweetsTellNothing) {
  const World w = Make(300, 0.0, 5);
  auto r = Predict(w.features, kStart, kDayMs, w.outcome, PredictOptions{});
  ASSERT_TRUE(r.ok());
  EXPECT_LT(r->r2_out_of_sample, 0.05);
  bool said = false;
  for (const auto& m : r->warnings)
    said = said || m.find("worse than the average outcome") != std::string::npos;
  EXPECT_TRUE(said);
}

TEST(Predict, WarnsOnASmallSample) {
  const World w = Make(40, 0.8, 9);
  auto r = Predict(w.features, kStart, kDayMs, w.outcome, PredictOptions{});  // 17 coefficients
  ASSERT_TRUE(r.ok());
  ASSERT_FALSE(r->warnings.empty());
  EXPECT_NE(r->warnings.front().find("too few to trust"), std::string::npos);
}

TEST(Predict, RefusesWhatCannotBeFitted) {
  const World w = Make(12, 0.8, 9);
  EXPECT_EQ(Predict(w.features, kStart, kDayMs, w.outcome, PredictOptions{}).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(Predict({}, kStart, kDayMs, w.outcome, PredictOptions{}).status().code(),
            StatusCode::kInvalidArgument);
}

TEST(StudentT, MatchesTables) {
  EXPECT_NEAR(StudentT975(5), 2.571, 0.03);
  EXPECT_NEAR(StudentT975(30), 2.042, 0.002);
  EXPECT_NEAR(StudentT975(1000), 1.962, 0.001);
}

}  // namespace
}  // namespace roost::forecast
