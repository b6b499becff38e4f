// The loaded data behind SentimentScorer: one LanguageModel per scored
// language plus the shared emoji index. Internal to the sentiment module.
#ifndef ROOST_ENRICH_SENTIMENT_SENTIMENT_MODEL_H_
#define ROOST_ENRICH_SENTIMENT_SENTIMENT_MODEL_H_

#include <filesystem>
#include <string>
#include <string_view>

#include "enrich/sentiment/emoji_index.h"
#include "enrich/sentiment/lexicon_table.h"

namespace roost::sentiment {

// Constants of the VADER model (Hutto & Gilbert 2014), empirically derived
// by its authors from human ratings.
inline constexpr float kBoosterIncrement = 0.293f;  // booster / dampener step
inline constexpr float kCapsIncrement = 0.733f;     // ALL-CAPS word in mixed-case text
inline constexpr float kNegationScalar = -0.74f;    // negated valence is flipped and damped
inline constexpr float kNeverSoScalar = 1.25f;      // "never so good" intensifies
inline constexpr float kButBefore = 0.5f;           // weight before a contrastive "but"
inline constexpr float kButAfter = 1.5f;            // weight after it
inline constexpr float kExclamationStep = 0.292f;   // per '!', at most four
inline constexpr int kMaxExclamations = 4;
inline constexpr float kQuestionStep = 0.18f;       // per '?' when there are 2 or 3
inline constexpr float kQuestionMax = 0.96f;        // 4 or more '?'
inline constexpr float kNormalizeAlpha = 15.0f;     // compound = x / sqrt(x^2 + alpha)
inline constexpr float kLabelThreshold = 0.05f;     // |compound| below this is neutral

struct LanguageModel {
  std::string code;      // "en", "fr"
  LexiconTable words;    // folded word → valence and role flags
  LexiconTable stems;    // French: Snowball stems (and forms) → valence
  LexiconTable phrases;  // "w1 w2 [w3]" → idiom valence or booster scalar
  bool split_elision = false;  // French l'amour → l' + amour
  bool use_stemmer = false;    // look up Snowball stems in `stems`
  bool nt_negates = false;     // English: any word containing n't negates
};

struct Models {
  std::filesystem::path lexicon_dir;
  LanguageModel en;
  LanguageModel fr;
  EmojiIndex emoji;
};

// Adds the function words of each language (negations, boosters, "but",
// idioms) to `model`. The lexicon valences must be loaded first: a booster
// that is also a lexicon word acts as a booster, as in VADER.
void AddEnglishRules(LanguageModel* model);
void AddFrenchRules(LanguageModel* model);

// Sum of the rule-adjusted valences of `text` (no punctuation emphasis, no
// normalisation): how the emoji index turns an emoji's description into a
// valence, the way VADER reads an emoji as its description.
float SumValences(const LanguageModel& model, const EmojiIndex* emoji, std::string_view text);

}  // namespace roost::sentiment

#endif  // ROOST_ENRICH_SENTIMENT_SENTIMENT_MODEL_H_
