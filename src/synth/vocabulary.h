// Vocabulary: the words synth writes with, one table per language, written
// for this project. Common words are listed most frequent first and drawn
// with Zipf weights, so term frequencies in the output look like real text.
#ifndef ROOST_SYNTH_VOCABULARY_H_
#define ROOST_SYNTH_VOCABULARY_H_

#include <string_view>
#include <vector>

namespace roost::synth {

enum class Lang : int { kEn = 0, kFr, kEs, kDe, kPt, kJa, kAr, kCount };
inline constexpr int kLangCount = static_cast<int>(Lang::kCount);

struct LangVocabulary {
  std::string_view code;        // platform tag: "en", "fr", ...
  double share;                 // default share of tweets in this language
  std::string_view separator;   // between words ("" for Japanese)
  std::vector<std::string_view> words;     // most frequent first
  std::vector<std::string_view> positive;  // clearly positive words
  std::vector<std::string_view> negative;  // clearly negative words
  std::vector<std::string_view> first_names;
  std::vector<std::string_view> last_names;
  std::vector<std::string_view> slow_topics;  // steady hashtags (without '#')
  std::vector<std::string_view> bio_words;    // profile descriptions
  std::string_view rt_phrase;   // "check this out" style quote comment
};

const LangVocabulary& Vocabulary(Lang lang);
inline const LangVocabulary& Vocabulary(int lang) { return Vocabulary(static_cast<Lang>(lang)); }

// Language-neutral decorations.
const std::vector<std::string_view>& PositiveEmoji();  // emoji and emoticons
const std::vector<std::string_view>& NegativeEmoji();
const std::vector<std::string_view>& NeutralEmoji();
// Syllables for screen names and invented words.
const std::vector<std::string_view>& Syllables();

}  // namespace roost::synth

#endif  // ROOST_SYNTH_VOCABULARY_H_
