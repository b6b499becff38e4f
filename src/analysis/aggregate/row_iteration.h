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

// A selection holding at least three quarters of a segment of `rows` rows:
// walking all rows and stepping over the few missing ones is then cheaper
// than decoding the bitmap row by row.
inline bool IsDense(const storage::Bitmap& selected, uint32_t rows) {
  return selected.Cardinality() * 4 >= uint64_t{rows} * 3;
}

// Rows of [0, rows) not in `selected`, in order.
inline std::vector<uint32_t> RowsLeftOut(const storage::Bitmap& selected, uint32_t rows) {
  storage::Bitmap missing = storage::Bitmap::Range(0, rows);
  missing.AndNotWith(selected);
  return missing.ToVector();
}

template <typename Fn>
void ForEachRowDense(const storage::Bitmap& selected, uint32_t rows, Fn&& fn) {
  if (!IsDense(selected, rows)) {
    ForEachRow(selected, fn);
    return;
  }
  const std::vector<uint32_t> skip = RowsLeftOut(selected, rows);
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
