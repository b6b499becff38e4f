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

size_t LexiconTable::Probe(uint64_t hash, std::string_view key) const {
  const uint32_t tag = Tag(hash);
  const size_t mask = slots_.size() - 1;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& s = slots_[i];
    if (s.entry < 0 || (s.tag == tag && ShortEqual(KeyOf(s.entry), key))) return i;
  }
}

const LexEntry* LexiconTable::Find(std::string_view key) const {
  const Slot& s = slots_[Probe(Hash(key), key)];
  return s.entry < 0 ? nullptr : &entries_[s.entry];
}

LexEntry& LexiconTable::Upsert(std::string_view key) {
  if ((entries_.size() + 1) * 2 > slots_.size()) Grow();  // load factor <= 0.5
  const uint64_t h = Hash(key);
  Slot& s = slots_[Probe(h, key)];
  if (s.entry >= 0) return entries_[s.entry];
  s.tag = Tag(h);
  s.entry = static_cast<int32_t>(entries_.size());
  keys_.push_back({static_cast<uint32_t>(arena_.size()), static_cast<uint32_t>(key.size())});
  arena_.append(key);
  entries_.emplace_back();
  return entries_.back();
}

void LexiconTable::Grow() {
  slots_.assign(slots_.size() * 2, Slot{});
  const size_t mask = slots_.size() - 1;
  for (int32_t e = 0; e < static_cast<int32_t>(entries_.size()); ++e) {
    const uint64_t h = Hash(KeyOf(e));
    size_t i = h & mask;
    while (slots_[i].entry >= 0) i = (i + 1) & mask;
    slots_[i] = Slot{Tag(h), e};
  }
}

}  // namespace roost::sentiment
