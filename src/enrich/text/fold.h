// Folding for matching: the form a term is indexed and queried under.
// Case folding (full Unicode, ß -> ss, ς -> σ), accent folding for the scripts
// where marks are optional in practice (Latin, Greek, Cyrillic, Hebrew and
// Arabic diacritics: café -> cafe, أ -> ا), compatibility forms unified
// (fullwidth Ａ -> a, ligature ﬁ -> fi, Arabic presentation forms), typographic
// apostrophes -> ', and invisible joiners and variation selectors dropped.
// Scripts whose marks carry meaning (Indic vowel signs, Japanese dakuten,
// Thai) are copied unchanged. The original text is never modified: callers keep
// it for display.
#ifndef ROOST_ENRICH_TEXT_FOLD_H_
#define ROOST_ENRICH_TEXT_FOLD_H_

#include <string>
#include <string_view>

namespace roost::text {

// Appends the folded form of `in` to *out. ASCII input takes a fast path with
// no library call; invalid UTF-8 bytes become U+FFFD.
void FoldAppend(std::string_view in, std::string* out);

inline std::string Fold(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  FoldAppend(in, &out);
  return out;
}

// True when every byte is ASCII (the common case in tweets: no library calls).
bool IsAscii(std::string_view s);

}  // namespace roost::text

#endif  // ROOST_ENRICH_TEXT_FOLD_H_
