// KeyTable: maps the field names a parser cares about to small ids. Names
// are bucketed by length, so an unknown key (most keys of a v1.1 status)
// costs one array index instead of a chain of comparisons.
#ifndef ROOST_PARSE_KEY_TABLE_H_
#define ROOST_PARSE_KEY_TABLE_H_

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <string_view>
#include <utility>
#include <vector>

namespace roost::json {

static_assert(std::endian::native == std::endian::little, "KeyTable::Find masks a little-endian word");

class KeyTable {
 public:
  static constexpr int kUnknown = -1;

  KeyTable(std::initializer_list<std::pair<std::string_view, int>> entries) {
    for (const auto& [name, id] : entries) {
      if (name.size() >= buckets_.size()) buckets_.resize(name.size() + 1);
      buckets_[name.size()].push_back(MakeEntry(name, id));
    }
  }

  // `key` must be followed by at least 7 readable bytes (it lies inside a
  // simdjson document, whose padding guarantees it): its bytes are loaded
  // 8 at a time and compared with each candidate's words, so a key of up
  // to 24 bytes (every name a tweet parser asks for) costs no memcmp call.
  int Find(std::string_view key) const {
    const size_t n = key.size();
    if (n >= buckets_.size()) return kUnknown;
    const auto& bucket = buckets_[n];
    if (bucket.empty()) return kUnknown;
    const uint64_t head = LoadWord(key.data(), n);
    for (const Entry& e : bucket) {
      if (e.words[0] != head) continue;
      if (n <= 8) return e.id;
      if (e.words[1] != LoadWord(key.data() + 8, n - 8)) continue;
      if (n <= 16) return e.id;
      if (n <= 24 ? e.words[2] == LoadWord(key.data() + 16, n - 16)
                  : std::memcmp(e.name.data() + 16, key.data() + 16, n - 16) == 0)
        return e.id;
    }
    return kUnknown;
  }

 private:
  struct Entry {
    std::string_view name;
    int id;
    uint64_t words[3];  // the name's bytes 0-7, 8-15, 16-23, zero-filled
  };

  static Entry MakeEntry(std::string_view name, int id) {
    Entry e{name, id, {0, 0, 0}};
    for (size_t w = 0; w < 3 && 8 * w < name.size(); ++w) {
      const size_t n = std::min<size_t>(8, name.size() - 8 * w);
      std::memcpy(&e.words[w], name.data() + 8 * w, n);
    }
    return e;
  }

  // The 8 bytes at p with those past the first `n` cleared (little-endian:
  // the low bytes are the first ones).
  static uint64_t LoadWord(const char* p, size_t n) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    return n < 8 ? w & ((uint64_t{1} << (8 * n)) - 1) : w;
  }

  std::vector<std::vector<Entry>> buckets_;
};

}  // namespace roost::json

#endif  // ROOST_PARSE_KEY_TABLE_H_
