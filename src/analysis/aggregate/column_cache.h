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
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/aggregate/author_index.h"
#include "common/byte_lru_cache.h"
#include "roost/status.h"
#include "storage/archive.h"

namespace roost::aggregate {

class ColumnCache {
 public:
  // Default budget: a quarter of physical memory.
  ColumnCache();
  explicit ColumnCache(uint64_t budget_bytes) : lru_(budget_bytes) {}

  using Ints = std::shared_ptr<const std::vector<int64_t>>;
  using Ids = std::shared_ptr<const std::vector<uint32_t>>;
  using Lists = std::shared_ptr<const storage::IdLists>;
  using Authors = std::shared_ptr<const std::vector<uint64_t>>;

  Result<Ints> IntColumn(const storage::SegmentReader& segment, std::string_view column);
  Result<Ids> DimIds(const storage::SegmentReader& segment, std::string_view column);
  Result<Lists> DimIdLists(const storage::SegmentReader& segment, std::string_view column);
  // Global author id of every row (the "user" dimension parsed once).
  Result<Authors> AuthorIds(const storage::SegmentReader& segment);
  // AuthorIndex number of each "user" dictionary id of the segment; rows
  // point into it through DimIds(segment, "user").
  Result<Ids> AuthorNumbers(const storage::SegmentReader& segment);
  // Every number AuthorNumbers has returned is below this.
  uint32_t author_numbers() const { return author_index_.size(); }

  uint64_t bytes() const { return lru_.bytes(); }
  uint64_t hits() const { return lru_.hits(); }
  uint64_t misses() const { return lru_.misses(); }

 private:
  ByteLruCache lru_;
  AuthorIndex author_index_;  // outlives evictions, so numbers stay stable
};

}  // namespace roost::aggregate

#endif  // ROOST_ANALYSIS_AGGREGATE_COLUMN_CACHE_H_
