// KeyTable: maps the field names a parser cares about to small ids. Names
// are bucketed by length, so an unknown key (most keys of a v1.1 status)
// costs one array index instead of a chain of comparisons.
#ifndef ROOST_PARSE_KEY_TABLE_H_
#define ROOST_PARSE_KEY_TABLE_H_

#include <initializer_list>
#include <string_view>
#include <utility>
#include <vector>

namespace roost::json {

class KeyTable {
 public:
  static constexpr int kUnknown = -1;

  KeyTable(std::initializer_list<std::pair<std::string_view, int>> entries) {
    for (const auto& [name, id] : entries) {
      if (name.size() >= buckets_.size()) buckets_.resize(name.size() + 1);
      buckets_[name.size()].push_back({name, id});
    }
  }

  int Find(std::string_view key) const {
    if (key.size() >= buckets_.size()) return kUnknown;
    for (const auto& [name, id] : buckets_[key.size()]) {
      if (SameBytes(name.data(), key.data(), key.size())) return id;
    }
    return kUnknown;
  }

 private:
  // Keys are short and usually differ in their first byte: an inline loop
  // beats a call to memcmp here.
  static bool SameBytes(const char* a, const char* b, size_t n) {
    for (size_t i = 0; i < n; ++i) {
      if (a[i] != b[i]) return false;
    }
    return true;
  }

  std::vector<std::vector<std::pair<std::string_view, int>>> buckets_;
};

}  // namespace roost::json

#endif  // ROOST_PARSE_KEY_TABLE_H_
