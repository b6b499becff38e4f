// LexiconTable: the one hash lookup the scorer does per token. A word maps to
// everything the rules need about it (valence, booster scalar, role flags),
// so scoring a token never probes more than one table.
#ifndef ROOST_ENRICH_SENTIMENT_LEXICON_TABLE_H_
#define ROOST_ENRICH_SENTIMENT_LEXICON_TABLE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace roost::sentiment {

// Roles a word can play in the VADER rules (bit flags).
enum WordFlag : uint32_t {
  kHasValence = 1u << 0,    // a lexicon entry: `valence` is meaningful
  kBooster = 1u << 1,       // booster or dampener: `booster` is its scalar
  kNegation = 1u << 2,      // "not", "never", "pas", ...
  kBut = 1u << 3,           // contrastive conjunction ("but", "mais")
  kLeast = 1u << 4,         // "least"
  kLeastGuard = 1u << 5,    // "at"/"very" before "least" cancel its negation
  kNever = 1u << 6,         // "never" / "jamais" (never so / never this)
  kSoThis = 1u << 7,        // "so"/"this" after "never" intensify instead
  kWithout = 1u << 8,       // "without"/"sans": "without doubt" is no negation
  kDoubt = 1u << 9,         // "doubt"/"doute"
  kKind = 1u << 10,         // "kind" of "kind of"
  kOf = 1u << 11,           // "of"
  kNo = 1u << 12,           // "no": negates the next lexicon word(s)
  kOrNor = 1u << 13,        // "or"/"nor" in "no X or Y"
  kIdiomPart = 1u << 14,    // word of a multi-word idiom or booster phrase
  kNe = 1u << 15,           // French "ne"/"n'": turns a following "plus" into negation
  kPlus = 1u << 16,         // French "plus": booster, or negation after "ne"
};

struct LexEntry {
  float valence = 0.0f;  // valid when flags & kHasValence
  float booster = 0.0f;  // valid when flags & kBooster
  uint32_t flags = 0;
};

// Open-addressing hash table from folded word to LexEntry, built once at
// load time and read-only afterwards (safe to share between threads).
class LexiconTable {
 public:
  // Returns the entry for `key`, creating an empty one if absent.
  LexEntry& Upsert(std::string_view key);
  // nullptr when absent.
  const LexEntry* Find(std::string_view key) const;
  size_t size() const { return entries_.size(); }

 private:
  // 8 bytes, so the table's slots stay in cache: most tokens are not in the
  // lexicon, and a probe that meets a different tag (the hash's high bits)
  // is decided without loading the key.
  struct Slot {
    uint32_t tag = 0;
    int32_t entry = -1;  // index into entries_ and keys_, -1 when empty
  };
  struct Key {
    uint32_t offset = 0;
    uint32_t length = 0;
  };
  static uint64_t Hash(std::string_view key);
  static uint32_t Tag(uint64_t hash) { return static_cast<uint32_t>(hash >> 32); }
  std::string_view KeyOf(int32_t entry) const {
    return std::string_view(arena_.data() + keys_[entry].offset, keys_[entry].length);
  }
  // The slot holding `key`, or the empty slot where it would go.
  size_t Probe(uint64_t hash, std::string_view key) const;
  void Grow();

  std::vector<Slot> slots_ = std::vector<Slot>(64);
  std::vector<LexEntry> entries_;
  std::vector<Key> keys_;  // per entry
  std::string arena_;      // all keys, back to back
};

}  // namespace roost::sentiment

#endif  // ROOST_ENRICH_SENTIMENT_LEXICON_TABLE_H_
