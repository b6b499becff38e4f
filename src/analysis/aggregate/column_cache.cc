#include "analysis/aggregate/column_cache.h"

#include <charconv>

namespace roost::aggregate {
namespace {

std::string Key(const storage::SegmentReader& s, char kind, std::string_view column) {
  std::string k = s.path();
  k += '\0';
  k += kind;
  k += column;
  return k;
}

// Global author id of each "user" dictionary id.
Result<std::vector<uint64_t>> AuthorOfDictionaryId(const storage::SegmentReader& s) {
  ROOST_ASSIGN_OR_RETURN(auto dict, s.Dictionary("user"));
  std::vector<uint64_t> of_id(dict.size());
  for (uint32_t i = 0; i < dict.size(); ++i) {
    const std::string_view v = dict.value(i);
    uint64_t a = 0;
    std::from_chars(v.data(), v.data() + v.size(), a);
    of_id[i] = a == 0 ? ~uint64_t{0} - i : a;  // unparsable: still one distinct author per value
  }
  return of_id;
}

}  // namespace

ColumnCache::ColumnCache() : lru_(ShareOfPhysicalMemory(4)) {}

Result<ColumnCache::Ints> ColumnCache::IntColumn(const storage::SegmentReader& s,
                                                 std::string_view column) {
  const std::string key = Key(s, 'i', column);
  if (auto hit = lru_.Find(key)) return std::static_pointer_cast<const std::vector<int64_t>>(hit);
  ROOST_ASSIGN_OR_RETURN(auto v, s.ReadInts(column));
  auto value = std::make_shared<const std::vector<int64_t>>(std::move(v));
  lru_.Insert(key, value, value->size() * sizeof(int64_t));
  return value;
}

Result<ColumnCache::Ids> ColumnCache::DimIds(const storage::SegmentReader& s,
                                             std::string_view column) {
  const std::string key = Key(s, 'd', column);
  if (auto hit = lru_.Find(key)) return std::static_pointer_cast<const std::vector<uint32_t>>(hit);
  ROOST_ASSIGN_OR_RETURN(auto v, s.ReadDimIds(column));
  auto value = std::make_shared<const std::vector<uint32_t>>(std::move(v));
  lru_.Insert(key, value, value->size() * sizeof(uint32_t));
  return value;
}

Result<ColumnCache::Lists> ColumnCache::DimIdLists(const storage::SegmentReader& s,
                                                   std::string_view column) {
  const std::string key = Key(s, 'l', column);
  if (auto hit = lru_.Find(key)) return std::static_pointer_cast<const storage::IdLists>(hit);
  ROOST_ASSIGN_OR_RETURN(auto v, s.ReadDimIdLists(column));
  auto value = std::make_shared<const storage::IdLists>(std::move(v));
  lru_.Insert(key, value, (value->start.size() + value->ids.size()) * sizeof(uint32_t));
  return value;
}

Result<ColumnCache::Authors> ColumnCache::AuthorIds(const storage::SegmentReader& s) {
  const std::string key = Key(s, 'a', "user");
  if (auto hit = lru_.Find(key)) return std::static_pointer_cast<const std::vector<uint64_t>>(hit);
  ROOST_ASSIGN_OR_RETURN(auto ids, s.ReadDimIds("user"));
  ROOST_ASSIGN_OR_RETURN(auto of_id, AuthorOfDictionaryId(s));
  auto value = std::make_shared<std::vector<uint64_t>>(ids.size());
  for (size_t r = 0; r < ids.size(); ++r) (*value)[r] = of_id[ids[r]];
  lru_.Insert(key, value, value->size() * sizeof(uint64_t));
  return Authors(std::move(value));
}

Result<ColumnCache::Ids> ColumnCache::AuthorNumbers(const storage::SegmentReader& s) {
  const std::string key = Key(s, 'n', "user");
  if (auto hit = lru_.Find(key)) return std::static_pointer_cast<const std::vector<uint32_t>>(hit);
  ROOST_ASSIGN_OR_RETURN(auto of_id, AuthorOfDictionaryId(s));
  auto value = std::make_shared<const std::vector<uint32_t>>(author_index_.Assign(of_id));
  lru_.Insert(key, value, value->size() * sizeof(uint32_t));
  return value;
}

}  // namespace roost::aggregate
