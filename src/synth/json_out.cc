#include "synth/json_out.h"

#include <cmath>

namespace roost::synth {

namespace {
// 1 where a byte needs escaping inside a JSON string.
struct EscapeTable {
  bool esc[256] = {};
  constexpr EscapeTable() {
    for (int i = 0; i < 0x20; ++i) esc[i] = true;
    esc[static_cast<unsigned char>('"')] = true;
    esc[static_cast<unsigned char>('\\')] = true;
  }
};
constexpr EscapeTable kEscape;
}  // namespace

namespace {
// True when any of the 8 bytes is '"', '\\' or below 0x20 (bit tricks on a
// word; bytes >= 0x80, i.e. UTF-8, never match).
inline bool NeedsEscape8(uint64_t x) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
  auto has_zero = [](uint64_t v) { return (v - kOnes) & ~v & kHigh; };
  uint64_t below_space = (x - kOnes * 0x20) & ~x & kHigh;
  return below_space | has_zero(x ^ (kOnes * '"')) | has_zero(x ^ (kOnes * '\\'));
}
}  // namespace

JsonOut& JsonOut::Str(std::string_view s) {
  buf_->push_back('"');
  const char* p = s.data();
  const char* end = p + s.size();
  const char* run = p;  // start of bytes not yet copied
  while (p < end) {
    if (end - p >= 8) {
      uint64_t word;
      std::memcpy(&word, p, 8);
      if (!NeedsEscape8(word)) {
        p += 8;
        continue;
      }
    }
    unsigned char c = static_cast<unsigned char>(*p);
    if (!kEscape.esc[c]) {
      ++p;
      continue;
    }
    buf_->append(run, p - run);
    switch (c) {
      case '"': buf_->append("\\\"", 2); break;
      case '\\': buf_->append("\\\\", 2); break;
      case '\n': buf_->append("\\n", 2); break;
      case '\r': buf_->append("\\r", 2); break;
      case '\t': buf_->append("\\t", 2); break;
      default: {
        static const char kHex[] = "0123456789abcdef";
        char u[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
        buf_->append(u, 6);
      }
    }
    run = ++p;
  }
  buf_->append(run, p - run);
  buf_->push_back('"');
  return *this;
}

JsonOut& JsonOut::Fixed(double v, int digits) {
  char tmp[64];
  auto r = std::to_chars(tmp, tmp + sizeof(tmp), v, std::chars_format::fixed, digits);
  buf_->append(tmp, r.ptr - tmp);
  return *this;
}

}  // namespace roost::synth
