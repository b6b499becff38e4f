// PostingCache: decoded posting bitmaps (the rows holding one dictionary
// value of one segment), kept between queries of a process up to a byte
// budget. A frequent value's posting is a long delta-coded row list; turning
// it into a bitmap was most of a warm query such as `lang == "fr" and text
// contains "demain"`, and analysts and dashboards ask the same values again.
// Segment files never change once written, so entries are keyed by the
// segment's path and stay valid across archive snapshots. Thread-safe.
#ifndef ROOST_QUERY_POSTING_CACHE_H_
#define ROOST_QUERY_POSTING_CACHE_H_

#include <cstdint>
#include <memory>
#include <string_view>

#include "common/byte_lru_cache.h"
#include "roost/status.h"
#include "storage/bitmap.h"
#include "storage/segment_reader.h"

namespace roost::query {

class PostingCache {
 public:
  using Rows = std::shared_ptr<const storage::Bitmap>;

  // Default budget: a sixteenth of physical memory.
  PostingCache() : lru_(ShareOfPhysicalMemory(16)) {}
  explicit PostingCache(uint64_t budget_bytes) : lru_(budget_bytes) {}

  // Rows holding dictionary value `id` of `column`.
  Result<Rows> ValueRows(const storage::SegmentReader& segment, std::string_view column, uint32_t id);
  // Rows holding `value` (stored form); empty when the segment lacks it.
  Result<Rows> Lookup(const storage::SegmentReader& segment, std::string_view column, std::string_view value);

  uint64_t bytes() const { return lru_.bytes(); }
  uint64_t hits() const { return lru_.hits(); }
  uint64_t misses() const { return lru_.misses(); }

 private:
  ByteLruCache lru_;
};

}  // namespace roost::query

#endif  // ROOST_QUERY_POSTING_CACHE_H_
