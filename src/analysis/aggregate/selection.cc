#include "analysis/aggregate/selection.h"

#include <algorithm>
#include <optional>

#include "common/parallel_for.h"

namespace roost::aggregate {
namespace {

// Visible rows of segment i inside [from, to). Rows are sorted by created_at,
// so the range is one run of rows.
Result<storage::Bitmap> VisibleInRange(const storage::Archive& archive, size_t i, TimestampMs from, TimestampMs to) {
  ROOST_ASSIGN_OR_RETURN(const storage::SegmentReader* reader, archive.segment(i));
  ROOST_ASSIGN_OR_RETURN(storage::Bitmap rows, archive.VisibleRows(i));
  const storage::SegmentEntry& e = archive.entry(i);
  if (e.meta.min_time < from || e.meta.max_time >= to) {
    ROOST_ASSIGN_OR_RETURN(auto times, reader->ReadInts("created_at"));
    const auto lo = std::lower_bound(times.begin(), times.end(), from) - times.begin();
    const auto hi = std::lower_bound(times.begin(), times.end(), to) - times.begin();
    rows.AndWith(storage::Bitmap::Range(static_cast<uint32_t>(lo), static_cast<uint32_t>(hi)));
  }
  return rows;
}

}  // namespace

Result<query::QueryResult> SelectRows(const storage::Archive& archive, const query::Query& query,
                                      const query::ExecOptions& options) {
  if (query.root != nullptr) return query::Execute(archive, query, options);
  query::QueryResult result;
  result.segments_total = archive.segment_count();
  for (size_t i = 0; i < archive.segment_count(); ++i) result.rows_total += archive.entry(i).meta.rows;
  const std::vector<size_t> segs = archive.SegmentsOverlapping(options.from, options.to);
  result.segments_in_range = segs.size();
  std::vector<std::optional<Result<storage::Bitmap>>> out(segs.size());
  ParallelFor(segs.size(), options.threads,
              [&](size_t k) { out[k].emplace(VisibleInRange(archive, segs[k], options.from, options.to)); });
  for (size_t k = 0; k < segs.size(); ++k) {
    result.rows_in_segments += archive.entry(segs[k]).meta.rows;
    if (!out[k]->ok()) return out[k]->status();
    storage::Bitmap rows = std::move(*out[k]).value();
    const uint64_t c = rows.Cardinality();
    result.rows_visible += c;
    result.rows_in_range += c;
    result.count += c;
    if (c) result.segments.push_back({segs[k], std::move(rows)});
  }
  return result;
}

}  // namespace roost::aggregate
