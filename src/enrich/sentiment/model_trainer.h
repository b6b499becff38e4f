// Training and evaluation of the learned sentiment model: L2-regularised
// multinomial logistic regression fitted by AdaGrad stochastic gradient
// descent over the hashed features, with class weights that balance the
// three classes (so the minority class is not ignored), and the measures the
// benchmarks publish (macro-averaged recall and F1, accuracy).
//
// Deterministic: examples are visited in an order drawn from a fixed seed
// (std::mt19937_64, whose output the C++ standard fixes) with our own
// Fisher-Yates shuffle, so a seed gives the same weights on every machine.
#ifndef ROOST_ENRICH_SENTIMENT_MODEL_TRAINER_H_
#define ROOST_ENRICH_SENTIMENT_MODEL_TRAINER_H_

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "enrich/sentiment/learned_features.h"
#include "enrich/sentiment/learned_model.h"

namespace roost::sentiment {

struct LabeledExample {
  FeatureVector features;
  int cls = 1;  // 0 negative, 1 neutral, 2 positive
};

struct TrainerOptions {
  double learning_rate = 0.2;  // AdaGrad step
  double l2 = 1e-5;            // per-update L2 penalty on the weights touched
  int epochs = 12;
  uint64_t seed = 20240601;
  bool balance_classes = true;  // weight class c by n / (3 * n_c)
};

// Fits a model for `lang` on examples[rows] (all examples when rows is
// empty). The returned model holds the quantised weights, so its figures are
// those of the file it saves.
LearnedModel TrainModel(const std::vector<LabeledExample>& examples, const std::vector<size_t>& rows,
                        const std::string& lang, const FeatureConfig& config,
                        const TrainerOptions& options);

struct ClassificationScores {
  double accuracy = 0;
  double macro_recall = 0;
  double macro_f1 = 0;
  std::array<std::array<int, kClasses>, kClasses> confusion{};  // [gold][predicted]
};

// Scores of predictions against gold classes (same length). A class with
// no gold example has recall 0; one never predicted has precision 0.
ClassificationScores Score(const std::vector<int>& gold, const std::vector<int>& predicted);

// Assigns each example a fold in [0, k): classes are spread evenly over the
// folds (stratified), order drawn from `seed`.
std::vector<int> StratifiedFolds(const std::vector<int>& classes, int k, uint64_t seed);

// k-fold cross-validation: trains on k-1 folds, predicts the held-out one,
// and scores all predictions together.
ClassificationScores CrossValidate(const std::vector<LabeledExample>& examples, int k,
                                   const std::string& lang, const FeatureConfig& config,
                                   const TrainerOptions& options);

}  // namespace roost::sentiment

#endif  // ROOST_ENRICH_SENTIMENT_MODEL_TRAINER_H_
