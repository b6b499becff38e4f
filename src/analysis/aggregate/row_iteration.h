// ForEachRow: calls fn(row) for every row of a bitmap, in order, through a
// small buffer (no vector of all rows: a full segment would be megabytes).
#ifndef ROOST_ANALYSIS_AGGREGATE_ROW_ITERATION_H_
#define ROOST_ANALYSIS_AGGREGATE_ROW_ITERATION_H_

#include <cstdint>

#include "storage/bitmap.h"

namespace roost::aggregate {

template <typename Fn>
void ForEachRow(const storage::Bitmap& rows, Fn&& fn) {
  constexpr uint32_t kBatch = 2048;
  uint32_t buf[kBatch];
  roaring_uint32_iterator_t* it = roaring_create_iterator(rows.raw());
  for (;;) {
    const uint32_t n = roaring_read_uint32_iterator(it, buf, kBatch);
    for (uint32_t i = 0; i < n; ++i) fn(buf[i]);
    if (n < kBatch) break;
  }
  roaring_free_uint32_iterator(it);
}

}  // namespace roost::aggregate

#endif  // ROOST_ANALYSIS_AGGREGATE_ROW_ITERATION_H_
