#include "enrich/sentiment/model_trainer.h"

#include <gtest/gtest.h>

#include <random>
#include <vector>

namespace roost::sentiment {
namespace {

// Toy data: feature 10+c (plus noise features 100..199) marks class c.
std::vector<LabeledExample> Separable(int n, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<LabeledExample> out(n);
  for (int i = 0; i < n; ++i) {
    out[i].cls = i % 3;
    out[i].features.sparse.push_back({static_cast<uint32_t>(10 + out[i].cls), 1.0f});
    for (int k = 0; k < 3; ++k) {
      out[i].features.sparse.push_back({static_cast<uint32_t>(100 + rng() % 100), 1.0f});
    }
  }
  return out;
}

FeatureConfig Small() {
  FeatureConfig c;
  c.hash_bits = 8;
  return c;
}

TEST(ModelTrainer, LearnsASeparableSet) {
  const auto train = Separable(300, 1);
  const auto test = Separable(90, 2);
  LearnedModel m = TrainModel(train, {}, "xx", Small(), TrainerOptions{});
  int right = 0;
  for (const auto& e : test) right += m.Predict(e.features).cls == e.cls;
  EXPECT_EQ(right, 90);
  // The class feature alone decides with confidence.
  FeatureVector f;
  f.sparse.push_back({12, 1.0f});
  EXPECT_GT(m.Predict(f).prob[2], 0.9f);
}

TEST(ModelTrainer, DenseFeaturesAreLearned) {
  // Class 2 when dense[0] > 0, class 0 when < 0; no sparse feature helps.
  std::vector<LabeledExample> ex(200);
  for (int i = 0; i < 200; ++i) {
    const float v = (i % 2 ? 1.0f : -1.0f) * (0.2f + 0.004f * i);
    ex[i].features.dense[0] = v;
    ex[i].cls = v > 0 ? 2 : 0;
  }
  LearnedModel m = TrainModel(ex, {}, "xx", Small(), TrainerOptions{});
  FeatureVector f;
  f.dense[0] = 0.5f;
  EXPECT_EQ(m.Predict(f).cls, 2);
  f.dense[0] = -0.5f;
  EXPECT_EQ(m.Predict(f).cls, 0);
}

TEST(ModelTrainer, DeterministicForASeed) {
  const auto train = Separable(120, 3);
  TrainerOptions t;
  const std::string a = TrainModel(train, {}, "xx", Small(), t).Serialize();
  EXPECT_EQ(TrainModel(train, {}, "xx", Small(), t).Serialize(), a);
  t.seed += 1;
  EXPECT_NE(TrainModel(train, {}, "xx", Small(), t).Serialize(), a);  // order matters
}

TEST(ModelTrainer, TrainsOnTheGivenRowsOnly) {
  auto ex = Separable(60, 4);
  // Rows 0..29 as given; rows 30.. relabelled to class 0 must not matter.
  std::vector<size_t> rows;
  for (size_t i = 0; i < 30; ++i) rows.push_back(i);
  for (size_t i = 30; i < ex.size(); ++i) ex[i].cls = 0;
  LearnedModel m = TrainModel(ex, rows, "xx", Small(), TrainerOptions{});
  FeatureVector f;
  f.sparse.push_back({11, 1.0f});
  EXPECT_EQ(m.Predict(f).cls, 1);
}

TEST(ModelTrainer, ScoresByHand) {
  // gold:      0 0 0 1 1 2
  // predicted: 0 0 1 1 2 2
  // recall: 2/3, 1/2, 1/1 -> macro 0.72222; precision: 1, 1/2, 1/2
  // F1: 0.8, 0.5, 0.66667 -> macro 0.65556; accuracy 4/6.
  ClassificationScores s = Score({0, 0, 0, 1, 1, 2}, {0, 0, 1, 1, 2, 2});
  EXPECT_NEAR(s.macro_recall, (2.0 / 3 + 0.5 + 1.0) / 3, 1e-9);
  EXPECT_NEAR(s.macro_f1, (0.8 + 0.5 + 2.0 / 3) / 3, 1e-9);
  EXPECT_NEAR(s.accuracy, 4.0 / 6, 1e-9);
  EXPECT_EQ(s.confusion[0][1], 1);
  EXPECT_EQ(s.confusion[1][2], 1);
}

TEST(ModelTrainer, StratifiedFoldsSpreadEachClass) {
  std::vector<int> classes;
  for (int i = 0; i < 100; ++i) classes.push_back(i < 70 ? 1 : (i < 90 ? 0 : 2));
  const auto fold = StratifiedFolds(classes, 10, 7);
  int count[10][3] = {};
  for (size_t i = 0; i < classes.size(); ++i) {
    ASSERT_GE(fold[i], 0);
    ASSERT_LT(fold[i], 10);
    ++count[fold[i]][classes[i]];
  }
  for (int f = 0; f < 10; ++f) {
    EXPECT_EQ(count[f][1], 7);
    EXPECT_EQ(count[f][0], 2);
    EXPECT_EQ(count[f][2], 1);
  }
  EXPECT_EQ(StratifiedFolds(classes, 10, 7), fold);
}

TEST(ModelTrainer, CrossValidationOnSeparableSetIsPerfect) {
  ClassificationScores s = CrossValidate(Separable(150, 5), 5, "xx", Small(), TrainerOptions{});
  EXPECT_DOUBLE_EQ(s.macro_recall, 1.0);
  EXPECT_DOUBLE_EQ(s.accuracy, 1.0);
}

}  // namespace
}  // namespace roost::sentiment
