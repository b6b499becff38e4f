#include "enrich/entities/decoded_text.h"

namespace roost::enrich {

void DecodedText::Decode(std::string_view text) {
  utf8 = text;
  cps.clear();
  offsets.clear();
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    offsets.push_back(static_cast<uint32_t>(i));
    unsigned char b0 = p[i];
    if (b0 < 0x80) {
      cps.push_back(b0);
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
      char32_t c = (char32_t(b0 & 0x0F) << 12) | (char32_t(p[i + 1] & 0x3F) << 6) | (p[i + 2] & 0x3F);
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
    cps.push_back(cp);
    i += len;
  }
  offsets.push_back(static_cast<uint32_t>(n));
}

}  // namespace roost::enrich
