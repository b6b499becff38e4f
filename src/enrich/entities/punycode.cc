#include "enrich/entities/punycode.h"

#include <cstdint>
#include <limits>

namespace roost::enrich {
namespace {

constexpr uint32_t kBase = 36;
constexpr uint32_t kTMin = 1;
constexpr uint32_t kTMax = 26;
constexpr uint32_t kSkew = 38;
constexpr uint32_t kDamp = 700;
constexpr uint32_t kInitialBias = 72;
constexpr uint32_t kInitialN = 0x80;

char Digit(uint32_t d) { return static_cast<char>(d < 26 ? 'a' + d : '0' + (d - 26)); }

uint32_t Adapt(uint64_t delta, uint64_t num_points, bool first_time) {
  delta = first_time ? delta / kDamp : delta / 2;
  delta += delta / num_points;
  uint32_t k = 0;
  while (delta > ((kBase - kTMin) * kTMax) / 2) {
    delta /= kBase - kTMin;
    k += kBase;
  }
  return static_cast<uint32_t>(k + (kBase - kTMin + 1) * delta / (delta + kSkew));
}

bool IsIdnDot(char32_t c) { return c == '.' || c == 0x3002 || c == 0xFF0E || c == 0xFF61; }

}  // namespace

bool PunycodeEncode(std::u32string_view input, std::string* out) {
  out->clear();
  for (char32_t c : input) {
    if (c < 0x80) out->push_back(static_cast<char>(c));
  }
  const uint64_t basic = out->size();
  uint64_t handled = basic;
  if (basic > 0) out->push_back('-');
  uint64_t n = kInitialN;
  uint64_t delta = 0;
  uint32_t bias = kInitialBias;
  constexpr uint64_t kLimit = std::numeric_limits<uint32_t>::max();
  while (handled < input.size()) {
    uint64_t m = kLimit;
    for (char32_t c : input) {
      if (c >= n && c < m) m = c;
    }
    delta += (m - n) * (handled + 1);
    if (delta > kLimit) return false;
    n = m;
    for (char32_t c : input) {
      if (c < n && ++delta > kLimit) return false;
      if (c == n) {
        uint64_t q = delta;
        for (uint32_t k = kBase;; k += kBase) {
          uint32_t t = k <= bias ? kTMin : (k >= bias + kTMax ? kTMax : k - bias);
          if (q < t) break;
          out->push_back(Digit(static_cast<uint32_t>(t + (q - t) % (kBase - t))));
          q = (q - t) / (kBase - t);
        }
        out->push_back(Digit(static_cast<uint32_t>(q)));
        bias = Adapt(delta, handled + 1, handled == basic);
        delta = 0;
        ++handled;
      }
    }
    ++delta;
    ++n;
  }
  return true;
}

int AsciiLabelLength(std::u32string_view label) {
  int total = 0;
  size_t start = 0;
  std::string encoded;
  for (size_t i = 0; i <= label.size(); ++i) {
    if (i < label.size() && !IsIdnDot(label[i])) continue;
    std::u32string_view part = label.substr(start, i - start);
    bool ascii = true;
    for (char32_t c : part) ascii = ascii && c < 0x80;
    if (ascii) {
      total += static_cast<int>(part.size());
    } else {
      if (!PunycodeEncode(part, &encoded)) return -1;
      total += 4 + static_cast<int>(encoded.size());
    }
    if (i < label.size()) total += 1;  // the dot
    start = i + 1;
  }
  return total;
}

}  // namespace roost::enrich
