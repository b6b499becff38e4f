#include "analysis/aggregate/series.h"

#include <algorithm>
#include <limits>
#include <optional>

#include "analysis/aggregate/row_iteration.h"
#include "common/parallel_for.h"

namespace roost::aggregate {
namespace {

struct SegmentSeries {
  Status status;
  std::vector<std::pair<size_t, MetricsAccumulator>> buckets;  // (bucket, rows of it)
};

SegmentSeries ScanSegment(const storage::Archive& archive, const query::SegmentMatches& m, const TimeGrid& grid,
                          const MetricSet& set, ColumnCache* cache) {
  SegmentSeries out;
  auto reader = archive.segment(m.segment);
  if (!reader.ok()) return {reader.status(), {}};
  auto times = cache->IntColumn(**reader, "created_at");
  if (!times.ok()) return {times.status(), {}};
  auto cols = MetricColumns::Load(**reader, set, cache);
  if (!cols.ok()) return {cols.status(), {}};
  // Rows are sorted by time, so buckets arrive in order: one open accumulator.
  size_t current = TimeGrid::npos;
  MetricsAccumulator acc;
  auto flush = [&] {
    if (current != TimeGrid::npos && acc.tweets() > 0) {
      acc.Finish();  // dedupe authors inside the segment before the merge
      out.buckets.emplace_back(current, std::move(acc));
    }
    acc = MetricsAccumulator();
  };
  ForEachRow(m.rows, [&](uint32_t row) {
    const size_t b = grid.IndexOf((**times)[row]);
    if (b == TimeGrid::npos) return;
    if (b != current) {
      flush();
      current = b;
    }
    acc.Add(*cols, row);
  });
  flush();
  return out;
}

}  // namespace

void DefaultSeriesRange(const storage::Archive& archive, TimestampMs* from, TimestampMs* to) {
  TimestampMs lo = std::numeric_limits<TimestampMs>::max(), hi = std::numeric_limits<TimestampMs>::min();
  for (size_t i : archive.SegmentsOverlapping(*from, *to)) {
    lo = std::min(lo, archive.entry(i).meta.min_time);
    hi = std::max(hi, archive.entry(i).meta.max_time);
  }
  if (lo > hi) return;  // nothing in range: keep the caller's bounds
  *from = std::max(*from, lo);
  *to = std::min(*to, hi + 1);
}

Result<SeriesResult> ComputeSeries(const storage::Archive& archive, const query::QueryResult& selected, TimeGrid grid,
                                   const MetricSet& metrics, int threads, ColumnCache* cache) {
  std::vector<SegmentSeries> parts(selected.segments.size());
  ParallelFor(parts.size(), threads,
              [&](size_t k) { parts[k] = ScanSegment(archive, selected.segments[k], grid, metrics, cache); });
  std::vector<MetricsAccumulator> buckets(grid.size());
  MetricsAccumulator total;
  for (auto& p : parts) {
    if (!p.status.ok()) return p.status;
    for (auto& [b, acc] : p.buckets) buckets[b].Merge(std::move(acc));
  }
  SeriesResult result{std::move(grid), {}, {}};
  result.buckets.reserve(buckets.size());
  for (auto& acc : buckets) {
    result.buckets.push_back(acc.Finish());
    total.Merge(std::move(acc));
  }
  result.total = total.Finish();
  return result;
}

}  // namespace roost::aggregate
