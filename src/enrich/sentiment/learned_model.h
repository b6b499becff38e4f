// The learned tweet sentiment model: multinomial logistic regression (negative,
// neutral, positive) over the features of learned_features.h, one model per
// language, trained by model_trainer.h (scripts/train-sentiment) and shipped
// under models/sentiment/ in the repository.
//
//   ROOST_ASSIGN_OR_RETURN(auto scorer, LearnedSentimentScorer::Load());
//   SentimentResult r = scorer.Score("@united lost my bag again", "en");
//   // r.label = -1; r.compound = P(positive) - P(negative), in [-1, 1]
//
// File format (.rsm, little-endian; docs/ENRICHMENT.md "Learned model"):
//   "RSNTMODL" | u32 format version | u32 n + n bytes of "key=value\n" lines
//   (lang, the FeatureConfig, how it was trained) | f32 scale | f32 bias[3] |
//   u32 dense count | f32 dense[count][3] | u32 rows | rows x (LEB128 bucket
//   delta, i8 weight[3]) | u64 XXH64 of every byte before it.
// Hashed weights are stored as int8 times `scale`; buckets whose three
// weights round to 0 are left out.
#ifndef ROOST_ENRICH_SENTIMENT_LEARNED_MODEL_H_
#define ROOST_ENRICH_SENTIMENT_LEARNED_MODEL_H_

#include <array>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "enrich/sentiment/learned_features.h"
#include "enrich/sentiment/sentiment_scorer.h"
#include "roost/status.h"

namespace roost::sentiment {

inline constexpr uint32_t kModelFormatVersion = 1;
inline constexpr int kClasses = 3;  // 0 negative, 1 neutral, 2 positive

struct Prediction {
  std::array<float, kClasses> prob{};  // sums to 1
  int cls = 1;                         // argmax of prob
  int8_t label() const { return static_cast<int8_t>(cls - 1); }
  // P(positive) - P(negative): in [-1, 1], ordered like the model's belief,
  // and what series average.
  float score() const { return prob[2] - prob[0]; }
};

// The score stored and averaged: P(positive) - P(negative), moved where
// needed so that the ±0.05 cut every class count and filter applies to
// scores gives the model's own label. A positive label's score is at least
// 0.05 and a negative's at most -0.05; a neutral label's (|P(pos) - P(neg)|
// is at most 1/2 then) is scaled by 0.098 into (-0.05, 0.05). Within a class
// the order is kept, and classes stay in order.
float LabelConsistentScore(const Prediction& p);

class LearnedModel {
 public:
  LearnedModel() = default;

  // A model with all weights zero (the trainer fills it through the
  // setters, then Quantize()s float weights into it).
  LearnedModel(std::string lang, const FeatureConfig& config);

  // Sets the hashed weights from floats (3 per bucket, 3 << hash_bits of
  // them), quantising to int8 with one scale.
  void SetHashedWeights(const std::vector<float>& weights);
  void SetBias(const std::array<float, kClasses>& bias) { bias_ = bias; }
  void SetDense(const std::array<std::array<float, kClasses>, kDenseFeatures>& dense) {
    dense_ = dense;
  }
  // Free text kept in the file (data, settings, figures).
  void SetInfo(std::string key, std::string value) { info_[std::move(key)] = std::move(value); }

  Prediction Predict(const FeatureVector& features) const;

  // The file bytes (format above).
  std::string Serialize() const;
  // Parses file bytes. ParseError when the magic, version, checksum or
  // layout is wrong (the message says which).
  static Result<LearnedModel> Parse(std::string_view bytes, std::string_view name = "model");

  Status Save(const std::filesystem::path& path) const;
  // NotFound when the file is absent, ParseError as Parse.
  static Result<LearnedModel> Load(const std::filesystem::path& path);

  const std::string& lang() const { return lang_; }
  const FeatureConfig& config() const { return config_; }
  const std::map<std::string, std::string>& info() const { return info_; }
  size_t nonzero_rows() const;

 private:
  std::string lang_;
  FeatureConfig config_;
  std::map<std::string, std::string> info_;
  float scale_ = 0.0f;
  std::vector<int8_t> weights_;  // 4 per bucket (the 4th pads rows to 4 bytes)
  std::array<float, kClasses> bias_{};
  std::array<std::array<float, kClasses>, kDenseFeatures> dense_{};
};

// Where the shipped models are, first match wins:
//   1. $ROOST_MODEL_DIR (a directory holding the .rsm files, or one holding
//      sentiment/; an error if it has neither, so a wrong setting is not
//      silently ignored);
//   2. $ROOST_SOURCE_DIR/models/sentiment;
//   3. models/sentiment in each data directory of common/asset_path.h
//      (build/release/share/roost, PREFIX/share/roost).
// NotFound, naming every place tried, when none holds a .rsm file.
Result<std::filesystem::path> FindSentimentModelDir();

struct LearnedSentimentOptions {
  std::filesystem::path model_dir;  // empty: FindSentimentModelDir()
  SentimentOptions lexicon;         // the rule scorer (a feature, and the fallback)
};

// Every shipped language model plus the rule scorer their features use.
class LearnedSentimentScorer {
 public:
  // Loads the lexicons and every <lang>.rsm of the model directory. Fails
  // as SentimentScorer::Load, NotFound without models, ParseError for a
  // damaged model file (naming it).
  static Result<LearnedSentimentScorer> Load(const LearnedSentimentOptions& options = {});

  // Scores one text with the model of `lang` ("en", "es-MX", ...):
  // compound = LabelConsistentScore (P(pos) - P(neg), agreeing with the
  // label); pos/neu/neg are the three probabilities; label the most
  // probable class. A language without a model gives
  // scored=false and neutral numbers. Words in `ignore` (may be null) carry
  // no sentiment. Thread-safe.
  SentimentResult Score(std::string_view text, std::string_view lang,
                        const IgnoredWords* ignore = nullptr) const;
  // The same, with the full prediction; false without a model for `lang`.
  bool Predict(std::string_view text, std::string_view lang, Prediction* out,
               const IgnoredWords* ignore = nullptr) const;

  bool Supports(std::string_view lang) const;
  std::vector<std::string> languages() const;
  const SentimentScorer& lexicon() const { return *lexicon_; }
  const std::filesystem::path& model_dir() const { return model_dir_; }

 private:
  struct Entry {
    LearnedModel model;
    std::unique_ptr<FeatureExtractor> extractor;
  };
  const Entry* Find(std::string_view lang) const;

  std::shared_ptr<const SentimentScorer> lexicon_;
  std::shared_ptr<const std::map<std::string, Entry, std::less<>>> models_;
  std::filesystem::path model_dir_;
};

}  // namespace roost::sentiment

#endif  // ROOST_ENRICH_SENTIMENT_LEARNED_MODEL_H_
