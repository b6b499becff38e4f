#include "analysis/aggregate/column_cache.h"

#include <unistd.h>

#include <charconv>

namespace roost::aggregate {
namespace {

uint64_t QuarterOfMemory() {
  const long pages = ::sysconf(_SC_PHYS_PAGES), page = ::sysconf(_SC_PAGE_SIZE);
  if (pages <= 0 || page <= 0) return uint64_t{1} << 30;
  return static_cast<uint64_t>(pages) * static_cast<uint64_t>(page) / 4;
}

std::string Key(const storage::SegmentReader& s, char kind, std::string_view column) {
  std::string k = s.path();
  k += '\0';
  k += kind;
  k += column;
  return k;
}

}  // namespace

ColumnCache::ColumnCache() : budget_(QuarterOfMemory()) {}

std::shared_ptr<const void> ColumnCache::Find(const std::string& key) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = entries_.find(key);
  if (it == entries_.end()) {
    ++misses_;
    return nullptr;
  }
  ++hits_;
  lru_.splice(lru_.begin(), lru_, it->second.lru);
  return it->second.value;
}

void ColumnCache::Insert(const std::string& key, std::shared_ptr<const void> value, uint64_t bytes) {
  std::lock_guard<std::mutex> lock(mu_);
  if (bytes > budget_ || entries_.count(key)) return;
  while (bytes_ + bytes > budget_ && !lru_.empty()) {
    auto victim = entries_.find(lru_.back());
    bytes_ -= victim->second.bytes;
    entries_.erase(victim);
    lru_.pop_back();
  }
  lru_.push_front(key);
  entries_[key] = Entry{std::move(value), bytes, lru_.begin()};
  bytes_ += bytes;
}

Result<ColumnCache::Ints> ColumnCache::IntColumn(const storage::SegmentReader& s, std::string_view column) {
  const std::string key = Key(s, 'i', column);
  if (auto hit = Find(key)) return std::static_pointer_cast<const std::vector<int64_t>>(hit);
  ROOST_ASSIGN_OR_RETURN(auto v, s.ReadInts(column));
  auto value = std::make_shared<const std::vector<int64_t>>(std::move(v));
  Insert(key, value, value->size() * sizeof(int64_t));
  return value;
}

Result<ColumnCache::Ids> ColumnCache::DimIds(const storage::SegmentReader& s, std::string_view column) {
  const std::string key = Key(s, 'd', column);
  if (auto hit = Find(key)) return std::static_pointer_cast<const std::vector<uint32_t>>(hit);
  ROOST_ASSIGN_OR_RETURN(auto v, s.ReadDimIds(column));
  auto value = std::make_shared<const std::vector<uint32_t>>(std::move(v));
  Insert(key, value, value->size() * sizeof(uint32_t));
  return value;
}

Result<ColumnCache::Lists> ColumnCache::DimIdLists(const storage::SegmentReader& s, std::string_view column) {
  const std::string key = Key(s, 'l', column);
  if (auto hit = Find(key)) return std::static_pointer_cast<const storage::IdLists>(hit);
  ROOST_ASSIGN_OR_RETURN(auto v, s.ReadDimIdLists(column));
  auto value = std::make_shared<const storage::IdLists>(std::move(v));
  Insert(key, value, (value->start.size() + value->ids.size()) * sizeof(uint32_t));
  return value;
}

Result<ColumnCache::Authors> ColumnCache::AuthorIds(const storage::SegmentReader& s) {
  const std::string key = Key(s, 'a', "user");
  if (auto hit = Find(key)) return std::static_pointer_cast<const std::vector<uint64_t>>(hit);
  ROOST_ASSIGN_OR_RETURN(auto ids, s.ReadDimIds("user"));
  ROOST_ASSIGN_OR_RETURN(auto dict, s.Dictionary("user"));
  std::vector<uint64_t> of_id(dict.size());
  for (uint32_t i = 0; i < dict.size(); ++i) {
    const std::string_view v = dict.value(i);
    uint64_t a = 0;
    std::from_chars(v.data(), v.data() + v.size(), a);
    of_id[i] = a == 0 ? ~uint64_t{0} - i : a;  // unparsable: still one distinct author per value
  }
  auto value = std::make_shared<std::vector<uint64_t>>(ids.size());
  for (size_t r = 0; r < ids.size(); ++r) (*value)[r] = of_id[ids[r]];
  Insert(key, value, value->size() * sizeof(uint64_t));
  return Authors(std::move(value));
}

uint64_t ColumnCache::bytes() const {
  std::lock_guard<std::mutex> lock(mu_);
  return bytes_;
}
uint64_t ColumnCache::hits() const {
  std::lock_guard<std::mutex> lock(mu_);
  return hits_;
}
uint64_t ColumnCache::misses() const {
  std::lock_guard<std::mutex> lock(mu_);
  return misses_;
}

}  // namespace roost::aggregate
