#include "cli/display_width.h"

#include <utf8proc.h>

#include <algorithm>

namespace roost::cli {
namespace {

constexpr utf8proc_int32_t kEmojiPresentation = 0xFE0F;

bool IsRegionalIndicator(utf8proc_int32_t cp) { return cp >= 0x1F1E6 && cp <= 0x1F1FF; }

}  // namespace

size_t DisplayWidth(std::string_view s) {
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(s.size());
  size_t total = 0;
  // The cluster being measured: its widest code point, and whether it must
  // be drawn two columns wide whatever its code points say (utf8proc gives
  // a regional indicator, and a text-style symbol asked to look like an
  // emoji with U+FE0F, one column; terminals draw the result in two).
  int cluster = 0;
  bool wide = false;
  utf8proc_int32_t previous = -1;
  utf8proc_int32_t state = 0;
  while (left > 0) {
    utf8proc_int32_t cp;
    const utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n <= 0) {  // not UTF-8: one column per byte, and a cluster ends
      total += std::max(cluster, wide ? 2 : 0) + 1;
      cluster = 0, wide = false, previous = -1, state = 0;
      ++p, --left;
      continue;
    }
    const bool joined = previous >= 0 && !utf8proc_grapheme_break_stateful(previous, cp, &state);
    if (previous >= 0 && !joined) {
      total += std::max(cluster, wide ? 2 : 0);
      cluster = 0, wide = false;
    }
    cluster = std::max(cluster, utf8proc_charwidth(cp));
    if (cp == kEmojiPresentation ||
        (joined && IsRegionalIndicator(previous) && IsRegionalIndicator(cp)))
      wide = true;
    previous = cp;
    p += n, left -= n;
  }
  return total + std::max(cluster, wide ? 2 : 0);
}

}  // namespace roost::cli
