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

JsonOut& JsonOut::Str(std::string_view s) {
  buf_->push_back('"');
  size_t start = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (!kEscape.esc[c]) continue;
    buf_->append(s.data() + start, i - start);
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
    start = i + 1;
  }
  buf_->append(s.data() + start, s.size() - start);
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
