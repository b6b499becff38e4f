// ColumnCache: decoded columns of segments, kept in memory between analyses
// up to a byte budget (least recently used first out). Segment files never
// change once written, so entries are keyed by the segment's file path and
// stay valid across archive snapshots. A long-lived process (the HTTP
// server, a benchmark) keeps one cache per archive; a CLI command uses a
// fresh one, which only saves decoding a column twice within the command.
// Thread-safe.
#ifndef ROOST_ANALYSIS_AGGREGATE_COLUMN_CACHE_H_
#define ROOST_ANALYSIS_AGGREGATE_COLUMN_CACHE_H_

#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "roost/status.h"
#include "storage/archive.h"

namespace roost::aggregate {

class ColumnCache {
 public:
  // Default budget: a quarter of physical memory.
  ColumnCache();
  explicit ColumnCache(uint64_t budget_bytes) : budget_(budget_bytes) {}

  using Ints = std::shared_ptr<const std::vector<int64_t>>;
  using Ids = std::shared_ptr<const std::vector<uint32_t>>;
  using Lists = std::shared_ptr<const storage::IdLists>;
  using Authors = std::shared_ptr<const std::vector<uint64_t>>;

  Result<Ints> IntColumn(const storage::SegmentReader& segment, std::string_view column);
  Result<Ids> DimIds(const storage::SegmentReader& segment, std::string_view column);
  Result<Lists> DimIdLists(const storage::SegmentReader& segment, std::string_view column);
  // Global author id of every row (the "user" dimension parsed once).
  Result<Authors> AuthorIds(const storage::SegmentReader& segment);

  uint64_t bytes() const;
  uint64_t hits() const;
  uint64_t misses() const;

 private:
  struct Entry {
    std::shared_ptr<const void> value;
    uint64_t bytes = 0;
    std::list<std::string>::iterator lru;
  };
  std::shared_ptr<const void> Find(const std::string& key);
  void Insert(const std::string& key, std::shared_ptr<const void> value, uint64_t bytes);

  uint64_t budget_;
  mutable std::mutex mu_;
  std::unordered_map<std::string, Entry> entries_;
  std::list<std::string> lru_;  // front: most recently used
  uint64_t bytes_ = 0, hits_ = 0, misses_ = 0;
};

}  // namespace roost::aggregate

#endif  // ROOST_ANALYSIS_AGGREGATE_COLUMN_CACHE_H_
