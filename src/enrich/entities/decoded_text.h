// A tweet text decoded once into code points, with the byte offset of each,
// so the scanners index by code point (twitter-text's unit) and still slice
// the original UTF-8 without re-encoding.
#ifndef ROOST_ENRICH_ENTITIES_DECODED_TEXT_H_
#define ROOST_ENRICH_ENTITIES_DECODED_TEXT_H_

#include <cstdint>
#include <memory>
#include <string_view>

namespace roost::enrich {

class DecodedText {
 public:
  DecodedText() = default;
  DecodedText(const DecodedText&) = delete;
  DecodedText& operator=(const DecodedText&) = delete;

  // Replaces the contents (invalid bytes become one U+FFFD each). Storage
  // only grows, so a reused instance stops allocating after its longest text.
  void Decode(std::string_view text);

  int size() const { return n_; }
  std::string_view utf8() const { return utf8_; }
  // cps[i] for i < size(); offsets[i] = byte offset of cps[i], offsets[size()] = bytes.
  const char32_t* cps = nullptr;
  const uint32_t* offsets = nullptr;

  // Bytes of code points [start, end).
  std::string_view Slice(int start, int end) const {
    return utf8_.substr(offsets[start], offsets[end] - offsets[start]);
  }

 private:
  std::string_view utf8_;
  int n_ = 0;
  size_t capacity_ = 0;
  std::unique_ptr<char32_t[]> cp_store_;
  std::unique_ptr<uint32_t[]> offset_store_;
};

}  // namespace roost::enrich

#endif  // ROOST_ENRICH_ENTITIES_DECODED_TEXT_H_
