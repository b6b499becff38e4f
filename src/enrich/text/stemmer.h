// Snowball stemming (Debian libstemmer) for matching: "running" -> "run".
// Optional: terms are stored unstemmed unless the caller asks for stems.
#ifndef ROOST_ENRICH_TEXT_STEMMER_H_
#define ROOST_ENRICH_TEXT_STEMMER_H_

#include <string>
#include <string_view>

namespace roost::text {

// True when libstemmer has an algorithm for the ISO 639-1 code ("en", "fr").
bool HasStemmer(std::string_view lang);

// Appends the stem of `folded_word` (lower case UTF-8) in `lang` to *out;
// appends the word unchanged when the language has no stemmer. Thread-safe:
// libstemmer objects hold state, so each thread keeps its own.
void StemAppend(std::string_view lang, std::string_view folded_word, std::string* out);

inline std::string Stem(std::string_view lang, std::string_view folded_word) {
  std::string out;
  StemAppend(lang, folded_word, &out);
  return out;
}

}  // namespace roost::text

#endif  // ROOST_ENRICH_TEXT_STEMMER_H_
