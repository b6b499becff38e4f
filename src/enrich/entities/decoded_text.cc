#include "enrich/entities/decoded_text.h"

#include <algorithm>
#include <cstring>

namespace roost::enrich {

void DecodedText::Decode(std::string_view text) {
  utf8_ = text;
  const size_t n = text.size();
  if (n + 1 > capacity_) {
    capacity_ = std::max<size_t>(n + 1, 512);
    cp_store_.reset(new char32_t[capacity_]);
    offset_store_.reset(new uint32_t[capacity_]);
  }
  char32_t* out = cp_store_.get();
  uint32_t* off = offset_store_.get();
  cps = out;
  offsets = off;
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  size_t i = 0;
  int k = 0;
  while (i < n) {
    // Eight ASCII bytes at a time: the common case in most languages.
    while (i + 8 <= n) {
      uint64_t word;
      std::memcpy(&word, p + i, 8);
      if (word & 0x8080808080808080ull) break;
      for (int b = 0; b < 8; ++b) {
        off[k + b] = static_cast<uint32_t>(i + b);
        out[k + b] = p[i + b];
      }
      i += 8;
      k += 8;
    }
    if (i >= n) break;
    unsigned char b0 = p[i];
    // Runs of three-byte sequences (CJK, kana, Hangul) without re-dispatch.
    while (b0 >= 0xE0 && b0 <= 0xEF && i + 3 <= n && (p[i + 1] & 0xC0) == 0x80 &&
           (p[i + 2] & 0xC0) == 0x80) {
      char32_t c =
          (char32_t(b0 & 0x0F) << 12) | (char32_t(p[i + 1] & 0x3F) << 6) | (p[i + 2] & 0x3F);
      if (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF)) break;
      off[k] = static_cast<uint32_t>(i);
      out[k++] = c;
      i += 3;
      if (i >= n) break;
      b0 = p[i];
    }
    if (i >= n) break;
    if (b0 < 0x80) {
      off[k] = static_cast<uint32_t>(i);
      out[k++] = b0;
      ++i;
      continue;
    }
    size_t left = n - i;
    char32_t cp = 0xFFFD;
    size_t len = 1;
    if (b0 >= 0xC2 && b0 <= 0xDF && left >= 2 && (p[i + 1] & 0xC0) == 0x80) {
      cp = (char32_t(b0 & 0x1F) << 6) | (p[i + 1] & 0x3F);
      len = 2;
    } else if (b0 >= 0xE0 && b0 <= 0xEF && left >= 3 && (p[i + 1] & 0xC0) == 0x80 &&
               (p[i + 2] & 0xC0) == 0x80) {
      char32_t c =
          (char32_t(b0 & 0x0F) << 12) | (char32_t(p[i + 1] & 0x3F) << 6) | (p[i + 2] & 0x3F);
      if (c >= 0x800 && (c < 0xD800 || c > 0xDFFF)) {
        cp = c;
        len = 3;
      }
    } else if (b0 >= 0xF0 && b0 <= 0xF4 && left >= 4 && (p[i + 1] & 0xC0) == 0x80 &&
               (p[i + 2] & 0xC0) == 0x80 && (p[i + 3] & 0xC0) == 0x80) {
      char32_t c = (char32_t(b0 & 0x07) << 18) | (char32_t(p[i + 1] & 0x3F) << 12) |
                   (char32_t(p[i + 2] & 0x3F) << 6) | (p[i + 3] & 0x3F);
      if (c >= 0x10000 && c <= 0x10FFFF) {
        cp = c;
        len = 4;
      }
    }
    off[k] = static_cast<uint32_t>(i);
    out[k++] = cp;
    i += len;
  }
  off[k] = static_cast<uint32_t>(n);
  n_ = k;
}

}  // namespace roost::enrich
