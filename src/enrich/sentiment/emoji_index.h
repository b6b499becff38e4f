// EmojiIndex: finds emoji in text and gives each a valence. Sequences are
// matched whole (ZWJ families, flags, keycaps); skin tones and variation
// selectors are ignored, so 👍🏽 and 👍️ both find 👍.
#ifndef ROOST_ENRICH_SENTIMENT_EMOJI_INDEX_H_
#define ROOST_ENRICH_SENTIMENT_EMOJI_INDEX_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "enrich/sentiment/lexicon_table.h"

namespace roost::sentiment {

class EmojiIndex {
 public:
  // Registers an emoji (any presentation; it is normalised). Returns the
  // entry so the caller can set its valence.
  LexEntry& Add(std::string_view emoji);

  // When an emoji starts at `p`, returns its length in bytes (> 0) and sets
  // *entry (nullptr for an emoji-looking sequence the index does not know).
  // Returns 0 when no emoji starts at `p`. `scratch` is reused storage.
  size_t Match(const char* p, const char* end, const LexEntry** entry,
               std::string* scratch) const;

  size_t size() const { return table_.size(); }

 private:
  static constexpr uint32_t kMaxCodePoint = 0x20000;
  bool MayStart(uint32_t cp) const {
    return cp < kMaxCodePoint && (start_bits_[cp >> 6] >> (cp & 63)) & 1;
  }

  std::vector<uint64_t> start_bits_ = std::vector<uint64_t>(kMaxCodePoint / 64);
  LexiconTable table_;
};

}  // namespace roost::sentiment

#endif  // ROOST_ENRICH_SENTIMENT_EMOJI_INDEX_H_
