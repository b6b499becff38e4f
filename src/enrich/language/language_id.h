// Language identification: CLD2 (Debian libcld2) on the text with entities
// stripped, combined with the platform's own `lang` tag when the tweet has one.
// All functions are thread-safe (CLD2 keeps no state between calls).
//
// The combination rule (see docs/ENRICHMENT.md, "Language"):
//   - no usable platform tag: CLD2's answer when it is reliable, else "und";
//   - platform tag and CLD2 agree (same language or CLD2's close set, such as
//     id/ms or hr/sr/bs): the tag, confidence raised by the agreement;
//   - CLD2 has no reliable answer: the tag, confidence kPlatformOnlyConfidence;
//   - they disagree: CLD2 wins only when it is reliable with confidence of at
//     least kOverrideConfidence on at least kOverrideMinBytes letters (the
//     platform tag is usually right on short tweets, where CLD2 guesses);
//     otherwise the tag, with confidence lowered by the disagreement;
//   - a tagged text shorter than kOverrideMinBytes once entities are stripped
//     is not given to CLD2 (it could not override the tag): the tag, with
//     confidence kPlatformOnlyConfidence.
#ifndef ROOST_ENRICH_LANGUAGE_LANGUAGE_ID_H_
#define ROOST_ENRICH_LANGUAGE_LANGUAGE_ID_H_

#include <string>
#include <string_view>

namespace roost::language {

inline constexpr float kPlatformOnlyConfidence = 0.6f;
inline constexpr float kOverrideConfidence = 0.9f;
inline constexpr int kOverrideMinBytes = 30;

struct LanguageGuess {
  std::string lang = "und";  // ISO 639-1 ("zh" for both scripts), or "und"
  float confidence = 0;      // 0..1; 0 for "und"
  bool reliable = false;     // CLD2's own is_reliable flag (false for the tag alone)
  int text_bytes = 0;        // letters CLD2 scored
  enum class Source : uint8_t { kNone, kDetector, kPlatform, kBoth } source = Source::kNone;
};

const char* SourceName(LanguageGuess::Source source);

// Appends `text` to *out without URLs, @mentions, #hashtags, $cashtags, a
// leading "RT", and HTML entities, which carry no language (or the wrong one).
void StripEntities(std::string_view text, std::string* out);

// CLD2 on `text` as given (plain text, UTF-8). Confidence is CLD2's share of
// the text for the top language, halved when not reliable, and scaled down
// for texts under 30 letters. Unreliable answers give "und".
LanguageGuess DetectLanguage(std::string_view text);

// The platform tag as an ISO 639-1 code: "en-gb" -> "en", "in" -> "id",
// "iw" -> "he", "zh-cn" -> "zh"; "" for absent or no-language tags ("und",
// "zxx", Twitter's q-codes such as "qme", "qht").
std::string NormalizePlatformTag(std::string_view tag);

// The code under which detected languages are stored for a language a
// user names in a filter: "en" for "en", "EN", "en-GB" or "English"; "he"
// for "iw"; "und" for "und". Empty when no language goes by that name.
std::string LanguageCodeFor(std::string_view name_or_code);

// The rule above; `platform_tag` is raw (normalised here).
LanguageGuess CombineWithPlatformTag(const LanguageGuess& detected, std::string_view platform_tag);

// StripEntities + DetectLanguage + CombineWithPlatformTag.
LanguageGuess IdentifyLanguage(std::string_view text, std::string_view platform_tag);

}  // namespace roost::language

#endif  // ROOST_ENRICH_LANGUAGE_LANGUAGE_ID_H_
