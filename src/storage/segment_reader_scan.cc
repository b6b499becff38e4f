// SegmentReader::ScanStrings: a string column read granule by granule with
// no per-value copies, decompressing (and checksumming) only the granules
// that hold a wanted row. Queries that test text on a few rows use it.
#include <algorithm>

#include "storage/encoding.h"
#include "storage/segment_reader.h"

namespace roost::storage {

Status SegmentReader::ScanStrings(std::string_view column, const Bitmap& rows, const StringGranuleFn& fn) const {
  const std::string block = std::string(column) + ".data";
  ROOST_ASSIGN_OR_RETURN(const BlockInfo* b, FindBlock(block));
  ROOST_ASSIGN_OR_RETURN(std::string_view head, Bytes(b->offset, std::min<uint64_t>(b->length, 4), block.c_str()));
  ByteReader in(head);
  uint32_t count;
  if (!in.GetFixed32(&count) || b->length < 4 + 8ull * (count + 1)) return CorruptionAt(block, "bad granule table");
  ROOST_ASSIGN_OR_RETURN(std::string_view table, Bytes(b->offset + 4, 8ull * (count + 1), block.c_str()));
  const uint64_t data_at = b->offset + 4 + 8ull * (count + 1);
  const uint64_t data_len = b->length - (4 + 8ull * (count + 1));
  std::vector<std::string_view> values;
  for (uint32_t g = 0; g < count; ++g) {
    const uint64_t first = uint64_t{g} * kGranuleRows;
    if (first >= meta_.rows) return CorruptionAt(block, "more granules than rows");
    const uint64_t last = std::min<uint64_t>(first + kGranuleRows, meta_.rows);  // exclusive
    if (roaring_bitmap_range_cardinality(rows.raw(), first, last) == 0) continue;
    const uint64_t begin = LoadFixed64(table.data() + 8ull * g), end = LoadFixed64(table.data() + 8ull * (g + 1));
    if (begin > end || end > data_len) return CorruptionAt(block, "bad granule offsets");
    ROOST_ASSIGN_OR_RETURN(std::string_view packed, Bytes(data_at + begin, end - begin, block.c_str()));
    auto raw = Decompress(packed);
    if (!raw.ok()) return CorruptionAt(block, raw.status().message());
    ByteReader r(*raw);
    values.clear();
    std::string_view s;
    while (!r.done()) {
      if (!r.GetString(&s)) return CorruptionAt(block, "bad string");
      values.push_back(s);
    }
    if (values.size() != last - first) return CorruptionAt(block, "granule row count mismatch");
    ROOST_RETURN_IF_ERROR(fn(static_cast<uint32_t>(first), values));
  }
  return Status::Ok();
}

}  // namespace roost::storage
