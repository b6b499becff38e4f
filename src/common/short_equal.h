// Equality of two byte strings, inline. Hash tables of terms, handles and
// stopwords compare keys of a few bytes, mostly after a hash match, so the
// comparison usually succeeds and must read every byte; a call to libc's
// memcmp (its dispatch and vector set-up) cost more than those few bytes.
#ifndef ROOST_COMMON_SHORT_EQUAL_H_
#define ROOST_COMMON_SHORT_EQUAL_H_

#include <cstdint>
#include <cstring>
#include <string_view>

namespace roost {

inline bool ShortEqual(std::string_view a, std::string_view b) {
  const size_t n = a.size();
  if (n != b.size()) return false;
  const char* p = a.data();
  const char* q = b.data();
  if (n >= 8) {
    // 8-byte words; the last one overlaps the one before it.
    uint64_t x, y;
    for (size_t i = 0; i + 8 < n; i += 8) {
      std::memcpy(&x, p + i, 8);
      std::memcpy(&y, q + i, 8);
      if (x != y) return false;
    }
    std::memcpy(&x, p + n - 8, 8);
    std::memcpy(&y, q + n - 8, 8);
    return x == y;
  }
  if (n >= 4) {
    uint32_t x0, y0, x1, y1;
    std::memcpy(&x0, p, 4);
    std::memcpy(&y0, q, 4);
    std::memcpy(&x1, p + n - 4, 4);
    std::memcpy(&y1, q + n - 4, 4);
    return x0 == y0 && x1 == y1;
  }
  for (size_t i = 0; i < n; ++i)
    if (p[i] != q[i]) return false;
  return true;
}

}  // namespace roost

#endif  // ROOST_COMMON_SHORT_EQUAL_H_
