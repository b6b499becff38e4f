// Features of the learned sentiment model: a tweet becomes hashed sparse
// features (folded word unigrams and bigrams, character n-grams inside words,
// emoji, emoticons, punctuation and shape cues, with negation scope marked
// on the words that follow a negator) plus a few dense features (the lexicon
// scorer's compound and shares). Handles and URLs become the placeholders
// <user> and <url>: who is addressed or linked never carries sentiment;
// words to ignore (brand names) are left out altogether.
//
// Hashing is defined on bytes only (no std::hash), so a feature maps to the
// same bucket on every platform and in every build; the shipped weights
// depend on it (learned_model_test.cc pins a few buckets).
#ifndef ROOST_ENRICH_SENTIMENT_LEARNED_FEATURES_H_
#define ROOST_ENRICH_SENTIMENT_LEARNED_FEATURES_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "enrich/sentiment/ignored_words.h"

namespace roost {
class SentimentScorer;
}

namespace roost::sentiment {

// How text becomes features. Stored in every model file, so a model is always
// read with the features it was trained on.
struct FeatureConfig {
  int hash_bits = 20;  // 2^hash_bits buckets
  int char_min = 2;    // character n-grams of char_min..char_max code points,
  int char_max = 5;    // inside "<word>" (0: none)
  bool word_bigrams = true;
  bool negation = true;  // mark words in a negator's scope
  // Each group (words, character n-grams) is scaled to unit L2 norm, so long
  // tweets do not get larger scores merely for having more n-grams.
  bool normalize = true;
  float char_weight = 1.0f;  // scale of the character n-gram group
};

struct SparseFeature {
  uint32_t index;
  float value;
};

// Dense features: English lexicon (compound, pos, neg), the language's own
// lexicon when the rule scorer has one other than English (compound, pos,
// neg), and the share of words in a negation scope.
inline constexpr int kDenseFeatures = 7;

struct FeatureVector {
  std::vector<SparseFeature> sparse;  // may repeat an index (values add up)
  std::array<float, kDenseFeatures> dense{};
  void Clear() {
    sparse.clear();
    dense.fill(0.0f);
  }
};

// 64-bit hash of `kind` and `bytes` (FNV-1a, then a splitmix64 finaliser):
// stable across platforms and releases.
uint64_t HashFeature(char kind, std::string_view bytes);

// The bucket of a hash for 2^bits buckets (the top bits, the best mixed).
inline uint32_t BucketOf(uint64_t hash, int bits) {
  return static_cast<uint32_t>(hash >> (64 - bits));
}

// "en" for "en", "en-GB", "en_us"; the language part of a tag.
std::string_view BaseLanguageCode(std::string_view lang);

// One token of a tweet as the model sees it (exposed for tests).
struct FeatureToken {
  enum class Kind : uint8_t { kWord, kUser, kUrl, kEmoji, kEmoticon, kPunct };
  Kind kind = Kind::kWord;
  std::string text;      // folded word, emoji bytes, emoticon, or punctuation run
  bool negated = false;     // in a negator's scope
  bool upper = false;       // written in capitals ("GREAT")
  bool elongated = false;   // letters repeated more than twice ("sooo")
};

// Splits `text` into tokens for language `lang` (negators depend on it).
// Folding is FoldWord's (lower case, Latin accents removed), letters repeated
// more than twice are cut to two ("sooo" -> "soo"), emoji are split from
// words, and "@name" / "http..." / "www..." become <user> / <url>. Words
// in `ignore` (may be null) are dropped.
void Tokenize(std::string_view text, std::string_view lang, bool mark_negation,
              std::vector<FeatureToken>* out, const IgnoredWords* ignore = nullptr);

// `text` without @handles, URLs and the words of `ignore` (may be null), for
// the lexicon scorer.
void StripHandlesAndUrls(std::string_view text, std::string* out,
                         const IgnoredWords* ignore = nullptr);

class FeatureExtractor {
 public:
  // `lexicon` may be null (dense lexicon features stay 0); it must outlive
  // the extractor.
  FeatureExtractor(const FeatureConfig& config, std::string_view lang,
                   const SentimentScorer* lexicon);

  // Fills *out (cleared first); words in `ignore` (may be null) give no
  // feature. Thread-safe; reuses per-thread buffers.
  void Extract(std::string_view text, FeatureVector* out, const IgnoredWords* ignore = nullptr) const;

  const FeatureConfig& config() const { return config_; }

 private:
  FeatureConfig config_;
  std::string lang_;
  const SentimentScorer* lexicon_;
  bool native_lexicon_ = false;  // the rule scorer has this language (not English)
};

}  // namespace roost::sentiment

#endif  // ROOST_ENRICH_SENTIMENT_LEARNED_FEATURES_H_
