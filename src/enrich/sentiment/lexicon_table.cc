#include "enrich/sentiment/lexicon_table.h"

#include "common/short_equal.h"

namespace roost::sentiment {

uint64_t LexiconTable::Hash(std::string_view key) {
  // FNV-1a with a final avalanche: keys are short words, so this is cheaper
  // than a block hash and spreads well enough over a power-of-two table.
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : key) {
    h ^= c;
    h *= 1099511628211ull;
  }
  h ^= h >> 29;
  h *= 0xbf58476d1ce4e5b9ull;
  h ^= h >> 32;
  return h;
}

bool LexiconTable::Holds(const Slot& s, uint64_t hash, std::string_view key) const {
  return s.hash == hash && ShortEqual(std::string_view(arena_.data() + s.key_offset, s.key_length), key);
}

const LexEntry* LexiconTable::Find(std::string_view key) const {
  const uint64_t h = Hash(key);
  const size_t mask = slots_.size() - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    const Slot& s = slots_[i];
    if (s.entry < 0) return nullptr;
    if (Holds(s, h, key)) return &entries_[s.entry];
  }
}

LexEntry& LexiconTable::Upsert(std::string_view key) {
  if ((size_ + 1) * 2 > slots_.size()) Grow();  // load factor <= 0.5
  const uint64_t h = Hash(key);
  const size_t mask = slots_.size() - 1;
  size_t i = h & mask;
  for (;; i = (i + 1) & mask) {
    Slot& s = slots_[i];
    if (s.entry < 0) break;
    if (Holds(s, h, key)) return entries_[s.entry];
  }
  Slot& s = slots_[i];
  s.hash = h;
  s.key_offset = static_cast<uint32_t>(arena_.size());
  s.key_length = static_cast<uint32_t>(key.size());
  s.entry = static_cast<int32_t>(entries_.size());
  arena_.append(key);
  entries_.emplace_back();
  ++size_;
  return entries_.back();
}

void LexiconTable::Grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.size() * 2, Slot{});
  const size_t mask = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.entry < 0) continue;
    size_t i = s.hash & mask;
    while (slots_[i].entry >= 0) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

}  // namespace roost::sentiment
