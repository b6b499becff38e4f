#include "enrich/sentiment/emoji_index.h"

#include "enrich/sentiment/text_fold.h"

namespace roost::sentiment {
namespace {

bool IsIgnorable(uint32_t cp) {  // variation selectors and skin tones
  return cp == 0xFE0E || cp == 0xFE0F || (cp >= 0x1F3FB && cp <= 0x1F3FF);
}
bool IsRegionalIndicator(uint32_t cp) { return cp >= 0x1F1E6 && cp <= 0x1F1FF; }
bool IsTag(uint32_t cp) { return cp >= 0xE0020 && cp <= 0xE007F; }
constexpr uint32_t kZwj = 0x200D;
constexpr uint32_t kKeycap = 0x20E3;

// Appends the normalised form of `emoji` (ignorable code points dropped).
void Normalize(std::string_view emoji, std::string* out) {
  const char* p = emoji.data();
  const char* end = p + emoji.size();
  while (p < end) {
    int len;
    uint32_t cp = DecodeUtf8(p, end, &len);
    if (!IsIgnorable(cp)) out->append(p, len);
    p += len;
  }
}

}  // namespace

LexEntry& EmojiIndex::Add(std::string_view emoji) {
  std::string key;
  Normalize(emoji, &key);
  if (!key.empty()) {
    int len;
    uint32_t first = DecodeUtf8(key.data(), key.data() + key.size(), &len);
    if (first < kMaxCodePoint) start_bits_[first >> 6] |= uint64_t{1} << (first & 63);
  }
  return table_.Upsert(key);
}

size_t EmojiIndex::Match(const char* p, const char* end, const LexEntry** entry,
                         std::string* scratch) const {
  int len;
  const uint32_t first = DecodeUtf8(p, end, &len);
  if (first < 0x80 || !MayStart(first)) return 0;
  scratch->assign(p, len);
  const char* q = p + len;
  bool pair_open = IsRegionalIndicator(first);
  size_t first_component = scratch->size();  // key before the first ZWJ
  bool joined = false;
  while (q < end) {
    uint32_t cp = DecodeUtf8(q, end, &len);
    if (IsIgnorable(cp)) {
      q += len;
    } else if (cp == kKeycap || IsTag(cp)) {
      scratch->append(q, len);
      q += len;
      if (!joined) first_component = scratch->size();
    } else if (pair_open && IsRegionalIndicator(cp)) {
      scratch->append(q, len);
      q += len;
      pair_open = false;
      if (!joined) first_component = scratch->size();
    } else if (cp == kZwj && q + len < end) {
      int next_len;
      uint32_t next = DecodeUtf8(q + len, end, &next_len);
      if (!MayStart(next)) break;
      scratch->append(q, len + next_len);
      joined = true;
      q += len + next_len;
    } else {
      break;
    }
  }
  *entry = table_.Find(*scratch);
  if (*entry == nullptr && first_component < scratch->size()) {
    // An unknown ZWJ sequence: score its first emoji.
    *entry = table_.Find(std::string_view(*scratch).substr(0, first_component));
  }
  return static_cast<size_t>(q - p);
}

}  // namespace roost::sentiment
