// ForEachRow: calls fn(row) for every row of a bitmap, in order, through a
// small buffer (no vector of all rows: a full segment would be megabytes).
#ifndef ROOST_ANALYSIS_AGGREGATE_ROW_ITERATION_H_
#define ROOST_ANALYSIS_AGGREGATE_ROW_ITERATION_H_

#include <cstdint>
#include <vector>

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

// The same for a selection that may cover most of a segment of `rows` rows:
// then a linear walk over all rows that steps over the few missing ones is
// much cheaper than decoding the bitmap row by row.
template <typename Fn>
void ForEachRowDense(const storage::Bitmap& selected, uint32_t rows, Fn&& fn) {
  const uint64_t n = selected.Cardinality();
  if (n * 4 < uint64_t{rows} * 3) {
    ForEachRow(selected, fn);
    return;
  }
  storage::Bitmap missing = storage::Bitmap::Range(0, rows);
  missing.AndNotWith(selected);
  const std::vector<uint32_t> skip = missing.ToVector();
  size_t k = 0;
  for (uint32_t r = 0; r < rows; ++r) {
    if (k < skip.size() && skip[k] == r) {
      ++k;
      continue;
    }
    fn(r);
  }
}

}  // namespace roost::aggregate

#endif  // ROOST_ANALYSIS_AGGREGATE_ROW_ITERATION_H_
