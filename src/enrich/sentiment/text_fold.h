// Small, allocation-free text helpers for the sentiment scorer: UTF-8
// decoding, lower-casing with Latin accent folding, and Python-style
// isupper(). Deliberately limited to the Latin script: the lexicons are
// English and French, and every other code point is copied unchanged.
#ifndef ROOST_ENRICH_SENTIMENT_TEXT_FOLD_H_
#define ROOST_ENRICH_SENTIMENT_TEXT_FOLD_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace roost::sentiment {

// Decodes the code point at `p` (p < end). Sets *len to the bytes used;
// malformed bytes decode as U+FFFD with length 1 so scanning always advances.
uint32_t DecodeUtf8(const char* p, const char* end, int* len);

// Appends `cp` to `out` as UTF-8.
void AppendUtf8(uint32_t cp, std::string* out);

// Appends the matching key of `word` to `out`: lower case, Latin diacritics
// removed (é→e, œ→oe, ß→ss) and typographic apostrophes (’ ʼ) turned into '.
// Both lexicon keys and text tokens go through this, so they always agree.
void FoldWord(std::string_view word, std::string* out);

// Python's str.isupper(): at least one cased letter and no lower-case one.
// Only ASCII and Latin-1/Latin Extended-A letters count as cased.
bool IsUpperWord(std::string_view word);

// True for ASCII punctuation (Python's string.punctuation).
inline bool IsAsciiPunct(unsigned char c) {
  return (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) ||
         (c >= 123 && c <= 126);
}

// True for ASCII spaces (space, tab, line breaks, VT, FF).
inline bool IsAsciiSpace(uint32_t c) { return c == ' ' || (c >= 0x09 && c <= 0x0D); }

// True for a code point that only separates words: ASCII and Unicode spaces.
inline bool IsSpace(uint32_t cp) {
  return IsAsciiSpace(cp) || cp == 0x85 || cp == 0xA0 ||
         cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 ||
         cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

// True for non-ASCII punctuation that commonly wraps words in tweets
// (quotes, guillemets, ellipsis, dashes), stripped like ASCII punctuation.
bool IsUnicodePunct(uint32_t cp);

}  // namespace roost::sentiment

#endif  // ROOST_ENRICH_SENTIMENT_TEXT_FOLD_H_
