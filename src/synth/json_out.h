// JsonOut: appends JSON text to a std::string without building a DOM. The
// generator writes millions of objects a second, so keys are literals copied
// as-is and only string values go through the escaper.
#ifndef ROOST_SYNTH_JSON_OUT_H_
#define ROOST_SYNTH_JSON_OUT_H_

#include <charconv>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace roost::synth {

class JsonOut {
 public:
  explicit JsonOut(std::string* buf) : buf_(buf) {}

  // Raw JSON text (keys, punctuation, literals): copied verbatim.
  template <size_t N>
  JsonOut& Raw(const char (&lit)[N]) {
    buf_->append(lit, N - 1);
    return *this;
  }
  JsonOut& Raw(std::string_view s) {
    buf_->append(s.data(), s.size());
    return *this;
  }
  JsonOut& Char(char c) {
    buf_->push_back(c);
    return *this;
  }
  // A JSON string value with quotes; bytes >= 0x80 pass through (UTF-8).
  JsonOut& Str(std::string_view s);
  JsonOut& U64(uint64_t v) {
    char tmp[24];
    auto r = std::to_chars(tmp, tmp + sizeof(tmp), v);
    buf_->append(tmp, r.ptr - tmp);
    return *this;
  }
  JsonOut& I64(int64_t v) {
    char tmp[24];
    auto r = std::to_chars(tmp, tmp + sizeof(tmp), v);
    buf_->append(tmp, r.ptr - tmp);
    return *this;
  }
  // A decimal string of v: "123" (id_str, timestamp_ms).
  JsonOut& U64Str(uint64_t v) {
    buf_->push_back('"');
    U64(v);
    buf_->push_back('"');
    return *this;
  }
  // Fixed-point with `digits` decimals (coordinates, shares).
  JsonOut& Fixed(double v, int digits);
  JsonOut& Bool(bool b) {
    if (b)
      buf_->append("true", 4);
    else
      buf_->append("false", 5);
    return *this;
  }
  std::string* buffer() { return buf_; }

 private:
  std::string* buf_;
};

// Number of Unicode code points in UTF-8 text (entity indices count these).
inline size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace roost::synth

#endif  // ROOST_SYNTH_JSON_OUT_H_
