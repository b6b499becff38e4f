// A tweet text decoded once into code points, with the byte offset of each,
// so the scanners index by code point (twitter-text's unit) and still slice
// the original UTF-8 without re-encoding.
#ifndef ROOST_ENRICH_ENTITIES_DECODED_TEXT_H_
#define ROOST_ENRICH_ENTITIES_DECODED_TEXT_H_

#include <cstdint>
#include <string_view>
#include <vector>

namespace roost::enrich {

struct DecodedText {
  std::string_view utf8;
  std::vector<char32_t> cps;     // code points; invalid bytes become U+FFFD
  std::vector<uint32_t> offsets;  // offsets[i] = byte offset of cps[i]; offsets[n] = size

  int size() const { return static_cast<int>(cps.size()); }
  // Bytes of code points [start, end).
  std::string_view Slice(int start, int end) const {
    return utf8.substr(offsets[start], offsets[end] - offsets[start]);
  }
  // Replaces the contents; keeps capacity, so a reused instance never allocates
  // once it has seen a long tweet.
  void Decode(std::string_view text);
};

}  // namespace roost::enrich

#endif  // ROOST_ENRICH_ENTITIES_DECODED_TEXT_H_
