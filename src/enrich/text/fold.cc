#include "enrich/text/fold.h"

#include <utf8proc.h>

#include <cstring>

#include "enrich/text/utf8.h"

namespace roost::text {
namespace {

// Code points whose compatibility decomposition is wanted: Latin, Greek,
// Cyrillic, Armenian, Hebrew, Arabic (below U+0900), Latin/Greek extended,
// alphabetic and Arabic presentation forms, fullwidth/halfwidth forms.
bool WantsDecomposition(char32_t cp) {
  return cp < 0x0900 || (cp >= 0x1E00 && cp <= 0x1FFF) || (cp >= 0xFB00 && cp <= 0xFDFF) ||
         (cp >= 0xFE70 && cp <= 0xFEFF) || (cp >= 0xFF00 && cp <= 0xFFEF);
}

// Non-spacing marks of the decomposed scripts above, plus the generic
// combining-diacritics blocks. Spacing marks (Mc) are always kept.
bool IsStrippedMark(char32_t cp) {
  if (cp < 0x0300) return false;
  if ((cp < 0x0900) || (cp >= 0x1AB0 && cp <= 0x1AFF) || (cp >= 0x1DC0 && cp <= 0x1DFF) ||
      (cp >= 0x20D0 && cp <= 0x20FF) || (cp >= 0xFE20 && cp <= 0xFE2F)) {
    auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
    return cat == UTF8PROC_CATEGORY_MN || cat == UTF8PROC_CATEGORY_ME;
  }
  return false;
}

// Invisible characters that only change rendering.
bool IsDropped(char32_t cp) {
  return cp == 0x00AD || cp == 0x0640 /* tatweel */ || (cp >= 0x200B && cp <= 0x200F) ||
         cp == 0x2060 || cp == 0xFEFF || (cp >= 0xFE00 && cp <= 0xFE0F);
}

void FoldCodePoint(char32_t cp, std::string* out) {
  if (IsDropped(cp)) return;
  if (cp == 0x2019 || cp == 0x2018 || cp == 0x02BC || cp == 0xFF07) {
    out->push_back('\'');
    return;
  }
  // Russian й is its own letter, not и with an accent.
  if (cp == 0x0419 || cp == 0x0439) {
    AppendUtf8(0x0439, out);
    return;
  }
  if (!WantsDecomposition(cp)) {
    AppendUtf8(cp, out);
    return;
  }
  utf8proc_int32_t buf[18];
  int boundclass = 0;
  utf8proc_ssize_t n = utf8proc_decompose_char(
      static_cast<utf8proc_int32_t>(cp), buf, 18,
      static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD),
      &boundclass);
  if (n <= 0 || n > 18) {
    AppendUtf8(cp, out);
    return;
  }
  for (utf8proc_ssize_t k = 0; k < n; ++k) {
    char32_t d = static_cast<char32_t>(buf[k]);
    if (IsStrippedMark(d) || IsDropped(d)) continue;
    if (d < 0x80) {
      out->push_back(AsciiLower(static_cast<char>(d)));
    } else {
      AppendUtf8(d, out);
    }
  }
}

}  // namespace

bool IsAscii(std::string_view s) {
  for (unsigned char c : s) {
    if (c >= 0x80) return false;
  }
  return true;
}

void FoldAppend(std::string_view in, std::string* out) {
  size_t i = 0;
  const size_t n = in.size();
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(in[i]);
    if (c < 0x80) {
      out->push_back(AsciiLower(static_cast<char>(c)));
      ++i;
      continue;
    }
    int len = 1;
    char32_t cp = DecodeUtf8(in, i, &len);
    FoldCodePoint(cp, out);
    i += len;
  }
}

}  // namespace roost::text
