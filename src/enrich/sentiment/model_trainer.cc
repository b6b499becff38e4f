#include "enrich/sentiment/model_trainer.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

namespace roost::sentiment {
namespace {

void Shuffle(std::vector<size_t>* v, std::mt19937_64* rng) {
  for (size_t i = v->size(); i > 1; --i) {
    const size_t j = static_cast<size_t>((*rng)() % i);
    std::swap((*v)[i - 1], (*v)[j]);
  }
}

}  // namespace

LearnedModel TrainModel(const std::vector<LabeledExample>& examples, const std::vector<size_t>& rows_in,
                        const std::string& lang, const FeatureConfig& config,
                        const TrainerOptions& options) {
  std::vector<size_t> rows = rows_in;
  if (rows.empty()) {
    rows.resize(examples.size());
    std::iota(rows.begin(), rows.end(), 0);
  }
  std::array<double, kClasses> class_weight{1, 1, 1};
  if (options.balance_classes) {
    std::array<size_t, kClasses> n{};
    for (size_t r : rows) ++n[examples[r].cls];
    for (int c = 0; c < kClasses; ++c) {
      class_weight[c] = n[c] ? static_cast<double>(rows.size()) / (kClasses * n[c]) : 0.0;
    }
  }
  const size_t buckets = size_t{1} << config.hash_bits;
  std::vector<float> w(buckets * kClasses, 0.0f), g2(buckets * kClasses, 0.0f);
  std::array<std::array<double, kClasses>, kDenseFeatures> dense{}, dense_g2{};
  std::array<double, kClasses> bias{}, bias_g2{};
  const double lr = options.learning_rate, l2 = options.l2;
  constexpr double kEps = 1e-6;

  std::mt19937_64 rng(options.seed);
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    Shuffle(&rows, &rng);
    for (size_t r : rows) {
      const LabeledExample& ex = examples[r];
      const FeatureVector& f = ex.features;
      double z[kClasses];
      for (int c = 0; c < kClasses; ++c) {
        z[c] = bias[c];
        for (int d = 0; d < kDenseFeatures; ++d) z[c] += dense[d][c] * f.dense[d];
      }
      for (const SparseFeature& s : f.sparse) {
        const float* row = &w[static_cast<size_t>(s.index) * kClasses];
        for (int c = 0; c < kClasses; ++c) z[c] += row[c] * s.value;
      }
      const double m = std::max({z[0], z[1], z[2]});
      double p[kClasses], sum = 0;
      for (int c = 0; c < kClasses; ++c) sum += (p[c] = std::exp(z[c] - m));
      double g[kClasses];
      for (int c = 0; c < kClasses; ++c) {
        g[c] = class_weight[ex.cls] * (p[c] / sum - (c == ex.cls ? 1.0 : 0.0));
      }
      for (int c = 0; c < kClasses; ++c) {
        bias_g2[c] += g[c] * g[c];
        bias[c] -= lr * g[c] / (std::sqrt(bias_g2[c]) + kEps);
        for (int d = 0; d < kDenseFeatures; ++d) {
          if (f.dense[d] == 0.0f) continue;
          const double gd = g[c] * f.dense[d] + l2 * dense[d][c];
          dense_g2[d][c] += gd * gd;
          dense[d][c] -= lr * gd / (std::sqrt(dense_g2[d][c]) + kEps);
        }
      }
      for (const SparseFeature& s : f.sparse) {
        const size_t base = static_cast<size_t>(s.index) * kClasses;
        for (int c = 0; c < kClasses; ++c) {
          const double gi = g[c] * s.value + l2 * w[base + c];
          g2[base + c] += static_cast<float>(gi * gi);
          w[base + c] -= static_cast<float>(lr * gi / (std::sqrt(g2[base + c]) + kEps));
        }
      }
    }
  }
  LearnedModel model(lang, config);
  model.SetHashedWeights(w);
  std::array<float, kClasses> b;
  for (int c = 0; c < kClasses; ++c) b[c] = static_cast<float>(bias[c]);
  model.SetBias(b);
  std::array<std::array<float, kClasses>, kDenseFeatures> d;
  for (int k = 0; k < kDenseFeatures; ++k) {
    for (int c = 0; c < kClasses; ++c) d[k][c] = static_cast<float>(dense[k][c]);
  }
  model.SetDense(d);
  return model;
}

ClassificationScores Score(const std::vector<int>& gold, const std::vector<int>& predicted) {
  ClassificationScores s;
  const size_t n = std::min(gold.size(), predicted.size());
  size_t right = 0;
  for (size_t i = 0; i < n; ++i) {
    ++s.confusion[gold[i]][predicted[i]];
    right += gold[i] == predicted[i];
  }
  s.accuracy = n ? static_cast<double>(right) / n : 0.0;
  for (int c = 0; c < kClasses; ++c) {
    int gold_c = 0, pred_c = 0;
    for (int k = 0; k < kClasses; ++k) {
      gold_c += s.confusion[c][k];
      pred_c += s.confusion[k][c];
    }
    const double tp = s.confusion[c][c];
    const double recall = gold_c ? tp / gold_c : 0.0;
    const double precision = pred_c ? tp / pred_c : 0.0;
    s.macro_recall += recall / kClasses;
    s.macro_f1 += (precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0.0) /
                  kClasses;
  }
  return s;
}

std::vector<int> StratifiedFolds(const std::vector<int>& classes, int k, uint64_t seed) {
  std::vector<int> fold(classes.size(), 0);
  std::mt19937_64 rng(seed);
  for (int c = 0; c < kClasses; ++c) {
    std::vector<size_t> idx;
    for (size_t i = 0; i < classes.size(); ++i) {
      if (classes[i] == c) idx.push_back(i);
    }
    Shuffle(&idx, &rng);
    for (size_t j = 0; j < idx.size(); ++j) fold[idx[j]] = static_cast<int>(j % k);
  }
  return fold;
}

ClassificationScores CrossValidate(const std::vector<LabeledExample>& examples, int k,
                                   const std::string& lang, const FeatureConfig& config,
                                   const TrainerOptions& options) {
  std::vector<int> classes(examples.size());
  for (size_t i = 0; i < examples.size(); ++i) classes[i] = examples[i].cls;
  const std::vector<int> fold = StratifiedFolds(classes, k, options.seed);
  std::vector<int> predicted(examples.size(), 1);
  for (int f = 0; f < k; ++f) {
    std::vector<size_t> train;
    for (size_t i = 0; i < examples.size(); ++i) {
      if (fold[i] != f) train.push_back(i);
    }
    LearnedModel m = TrainModel(examples, train, lang, config, options);
    for (size_t i = 0; i < examples.size(); ++i) {
      if (fold[i] == f) predicted[i] = m.Predict(examples[i].features).cls;
    }
  }
  return Score(classes, predicted);
}

}  // namespace roost::sentiment
