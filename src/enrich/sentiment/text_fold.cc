#include "enrich/sentiment/text_fold.h"

#include "enrich/text/utf8.h"

namespace roost::sentiment {
namespace {

// Lower-case, accent-free spelling of U+00C0..U+00FF (nullptr: keep as is).
constexpr const char* kLatin1Fold[64] = {
    "a", "a", "a", "a", "a", "a", "ae", "c",  // C0-C7
    "e", "e", "e", "e", "i", "i", "i",  "i",  // C8-CF
    "d", "n", "o", "o", "o", "o", "o",  nullptr,  // D0-D7 (× kept)
    "o", "u", "u", "u", "u", "y", "th", "ss",  // D8-DF
    "a", "a", "a", "a", "a", "a", "ae", "c",  // E0-E7
    "e", "e", "e", "e", "i", "i", "i",  "i",  // E8-EF
    "d", "n", "o", "o", "o", "o", "o",  nullptr,  // F0-F7 (÷ kept)
    "o", "u", "u", "u", "u", "y", "th", "y",  // F8-FF
};

}  // namespace

uint32_t DecodeUtf8(const char* p, const char* end, int* len) {
  const auto* s = reinterpret_cast<const unsigned char*>(p);
  const std::ptrdiff_t avail = end - p;
  unsigned char c = s[0];
  if (c < 0x80) {
    *len = 1;
    return c;
  }
  int n;
  uint32_t cp;
  if ((c & 0xE0) == 0xC0) {
    n = 2;
    cp = c & 0x1F;
  } else if ((c & 0xF0) == 0xE0) {
    n = 3;
    cp = c & 0x0F;
  } else if ((c & 0xF8) == 0xF0) {
    n = 4;
    cp = c & 0x07;
  } else {
    *len = 1;
    return 0xFFFD;
  }
  if (avail < n) {
    *len = 1;
    return 0xFFFD;
  }
  for (int i = 1; i < n; ++i) {
    if ((s[i] & 0xC0) != 0x80) {
      *len = 1;
      return 0xFFFD;
    }
    cp = (cp << 6) | (s[i] & 0x3F);
  }
  *len = n;
  return cp;
}

void AppendUtf8(uint32_t cp, std::string* out) { text::AppendUtf8(static_cast<char32_t>(cp), out); }

void FoldWord(std::string_view word, std::string* out) {
  const char* p = word.data();
  const char* end = p + word.size();
  while (p < end) {
    unsigned char c = static_cast<unsigned char>(*p);
    if (c < 0x80) {  // hot path: ASCII
      out->push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
      ++p;
      continue;
    }
    int len;
    uint32_t cp = DecodeUtf8(p, end, &len);
    if (cp >= 0xC0 && cp <= 0xFF && kLatin1Fold[cp - 0xC0] != nullptr) {
      out->append(kLatin1Fold[cp - 0xC0]);
    } else if (cp == 0x152 || cp == 0x153) {
      out->append("oe");
    } else if (cp == 0x178) {
      out->push_back('y');
    } else if (cp == 0x2019 || cp == 0x2BC) {
      out->push_back('\'');
    } else {
      out->append(p, len);
    }
    p += len;
  }
}

bool IsUpperWord(std::string_view word) {
  bool cased = false;
  const char* p = word.data();
  const char* end = p + word.size();
  while (p < end) {
    int len;
    uint32_t cp = DecodeUtf8(p, end, &len);
    p += len;
    if (cp >= 'a' && cp <= 'z') return false;
    if (cp >= 'A' && cp <= 'Z') {
      cased = true;
    } else if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) {
      cased = true;
    } else if (cp >= 0xDF && cp <= 0xFF && cp != 0xF7) {
      return false;
    } else if (cp >= 0x100 && cp <= 0x17F) {
      // Latin Extended-A alternates upper (even) and lower (odd) for most
      // letters; the exceptions do not matter for English or French.
      if (cp & 1) return false;
      cased = true;
    }
  }
  return cased;
}

bool IsUnicodePunct(uint32_t cp) {
  return cp == 0xAB || cp == 0xBB || cp == 0xBF || cp == 0xA1 ||    // « » ¿ ¡
         (cp >= 0x2010 && cp <= 0x201F) ||                          // dashes, quotes
         cp == 0x2026 || cp == 0x2039 || cp == 0x203A;              // … ‹ ›
}

}  // namespace roost::sentiment
