// KeyTable: maps the field names a parser cares about to small ids. Names
// are bucketed by length, so an unknown key (most keys of a v1.1 status)
// costs one array index instead of a chain of comparisons.
#ifndef ROOST_PARSE_KEY_TABLE_H_
#define ROOST_PARSE_KEY_TABLE_H_

#include <bit>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <string_view>
#include <utility>
#include <vector>

#include "common/short_equal.h"

namespace roost::json {

static_assert(std::endian::native == std::endian::little, "KeyTable::Find masks a little-endian word");

class KeyTable {
 public:
  static constexpr int kUnknown = -1;

  KeyTable(std::initializer_list<std::pair<std::string_view, int>> entries) {
    for (const auto& [name, id] : entries) {
      if (name.size() >= buckets_.size()) buckets_.resize(name.size() + 1);
      buckets_[name.size()].push_back({name, id, Word(name.data(), name.size())});
    }
  }

  // `key` must be followed by at least 7 readable bytes (it lies inside a
  // simdjson document, whose padding guarantees it): its first 8 bytes are
  // loaded as one word and compared with each candidate's at once; the rest
  // of a longer key is compared inline (ShortEqual), without a memcmp call.
  int Find(std::string_view key) const {
    const size_t n = key.size();
    if (n >= buckets_.size()) return kUnknown;
    const auto& bucket = buckets_[n];
    if (bucket.empty()) return kUnknown;
    uint64_t head;
    std::memcpy(&head, key.data(), 8);
    if (n < 8) head &= (uint64_t{1} << (8 * n)) - 1;  // little-endian: keep the key's bytes
    for (const Entry& e : bucket) {
      if (e.head != head) continue;
      if (n <= 8 || ShortEqual(e.name.substr(8), key.substr(8))) return e.id;
    }
    return kUnknown;
  }

 private:
  struct Entry {
    std::string_view name;
    int id;
    uint64_t head;  // the name's first (up to) 8 bytes, zero-filled
  };

  static uint64_t Word(const char* p, size_t n) {
    uint64_t w = 0;
    std::memcpy(&w, p, n < 8 ? n : 8);
    return w;
  }

  std::vector<std::vector<Entry>> buckets_;
};

}  // namespace roost::json

#endif  // ROOST_PARSE_KEY_TABLE_H_
