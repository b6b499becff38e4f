#include "query/posting_cache.h"

#include <string>

namespace roost::query {

Result<PostingCache::Rows> PostingCache::ValueRows(const storage::SegmentReader& segment,
                                                   std::string_view column, uint32_t id) {
  std::string key = segment.path();
  key += '\0';
  key += column;
  key += '\0';
  key.append(reinterpret_cast<const char*>(&id), sizeof(id));
  if (auto hit = lru_.Find(key)) return std::static_pointer_cast<const storage::Bitmap>(hit);
  ROOST_ASSIGN_OR_RETURN(storage::Bitmap decoded, segment.ValueBitmap(column, id));
  roaring_bitmap_shrink_to_fit(decoded.raw());
  const uint64_t bytes = roaring_bitmap_portable_size_in_bytes(decoded.raw()) + key.size() + 64;
  auto rows = std::make_shared<const storage::Bitmap>(std::move(decoded));
  lru_.Insert(key, rows, bytes);
  return Rows(std::move(rows));
}

Result<PostingCache::Rows> PostingCache::Lookup(const storage::SegmentReader& segment, std::string_view column,
                                                std::string_view value) {
  ROOST_ASSIGN_OR_RETURN(std::optional<uint32_t> id, segment.FindValue(column, value));
  if (!id) return std::make_shared<const storage::Bitmap>();
  return ValueRows(segment, column, *id);
}

}  // namespace roost::query
