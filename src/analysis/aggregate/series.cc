#include "analysis/aggregate/series.h"

#include <algorithm>
#include <limits>
#include <optional>
#include <utility>

#include "analysis/aggregate/distinct_authors.h"
#include "analysis/aggregate/row_iteration.h"
#include "common/parallel_for.h"

namespace roost::aggregate {
namespace {

// (AuthorIndex number, largest follower count), one entry per author.
using AuthorList = std::vector<std::pair<uint32_t, int64_t>>;

// One bucket's rows inside one segment.
struct BucketPart {
  size_t bucket = 0;
  MetricsAccumulator acc;  // every metric but authors
  uint64_t authors = 0, reach = 0;
  AuthorList author_list;  // kept only when other segments may share the bucket
};

struct SegmentSeries {
  Status status;
  std::vector<BucketPart> buckets;
  AuthorList authors;  // of all the segment's rows in the grid, for the total
};

// Buckets that rows of more than one selected segment may fall in, from the
// segments' time spans: only those need their author lists merged.
std::vector<bool> SharedBuckets(const storage::Archive& archive, const query::QueryResult& selected,
                                const TimeGrid& grid) {
  std::vector<bool> shared(grid.size());
  if (grid.size() == 0) return shared;
  const size_t last = grid.size() - 1;
  std::vector<int> starts(grid.size() + 1);  // segments opening minus closing at each bucket
  for (const auto& m : selected.segments) {
    const auto& meta = archive.entry(m.segment).meta;
    if (meta.rows == 0 || meta.max_time < grid.start(0) || meta.min_time >= grid.end(last))
      continue;
    const size_t lo = meta.min_time < grid.start(0) ? 0 : grid.IndexOf(meta.min_time);
    const size_t hi = meta.max_time >= grid.end(last) ? last : grid.IndexOf(meta.max_time);
    ++starts[lo];
    --starts[hi + 1];
  }
  int open = 0;
  for (size_t b = 0; b < grid.size(); ++b) shared[b] = (open += starts[b]) > 1;
  return shared;
}

SegmentSeries ScanSegment(const storage::Archive& archive, const query::SegmentMatches& m,
                          const TimeGrid& grid, const MetricSet& set,
                          const std::vector<bool>& shared, ColumnCache* cache) {
  SegmentSeries out;
  auto reader = archive.segment(m.segment);
  if (!reader.ok()) return {reader.status(), {}, {}};
  auto times = cache->IntColumn(**reader, "created_at");
  if (!times.ok()) return {times.status(), {}, {}};
  MetricSet others = set;
  others.authors = false;  // counted here, without MetricsAccumulator's sort
  auto cols = MetricColumns::Load(**reader, others, cache);
  if (!cols.ok()) return {cols.status(), {}, {}};
  ColumnCache::Ids user, numbers;
  ColumnCache::Ints followers;
  if (set.authors) {
    auto u = cache->DimIds(**reader, "user");
    if (!u.ok()) return {u.status(), {}, {}};
    auto n = cache->AuthorNumbers(**reader);
    if (!n.ok()) return {n.status(), {}, {}};
    auto f = cache->IntColumn(**reader, "followers");
    if (!f.ok()) return {f.status(), {}, {}};
    user = *u, numbers = *n, followers = *f;
  }
  // Authors by segment dictionary id: per bucket, then over the segment.
  DistinctAuthors in_bucket(set.authors ? numbers->size() : 0),
      in_segment(set.authors ? numbers->size() : 0);
  // Rows are sorted by time, so buckets arrive in order: one open bucket.
  BucketPart part;
  part.bucket = TimeGrid::npos;
  auto flush = [&] {
    if (part.bucket == TimeGrid::npos) return;
    if (set.authors) {
      part.authors = in_bucket.count();
      part.reach = in_bucket.Reach();
      const bool keep = shared[part.bucket];
      if (keep) part.author_list.reserve(in_bucket.count());
      for (uint32_t id : in_bucket.seen()) {
        const int64_t f = in_bucket.followers(id);
        in_segment.Add(id, f);
        if (keep) part.author_list.emplace_back((*numbers)[id], f);
      }
      in_bucket.Clear();
    }
    out.buckets.push_back(std::move(part));
    part = BucketPart();
  };
  ForEachRow(m.rows, [&](uint32_t row) {
    const size_t b = grid.IndexOf((**times)[row]);
    if (b == TimeGrid::npos) return;
    if (b != part.bucket) {
      flush();
      part.bucket = b;
    }
    part.acc.Add(*cols, row);
    if (set.authors) in_bucket.Add((*user)[row], (*followers)[row]);
  });
  flush();
  out.authors.reserve(in_segment.count());
  for (uint32_t id : in_segment.seen())
    out.authors.emplace_back((*numbers)[id], in_segment.followers(id));
  return out;
}

}  // namespace

void DefaultSeriesRange(const storage::Archive& archive, TimestampMs* from, TimestampMs* to) {
  TimestampMs lo = std::numeric_limits<TimestampMs>::max(),
              hi = std::numeric_limits<TimestampMs>::min();
  for (size_t i : archive.SegmentsOverlapping(*from, *to)) {
    lo = std::min(lo, archive.entry(i).meta.min_time);
    hi = std::max(hi, archive.entry(i).meta.max_time);
  }
  if (lo > hi) return;  // nothing in range: keep the caller's bounds
  *from = std::max(*from, lo);
  *to = std::min(*to, hi + 1);
}

Result<SeriesResult> ComputeSeries(const storage::Archive& archive,
                                   const query::QueryResult& selected, TimeGrid grid,
                                   const MetricSet& metrics, int threads, ColumnCache* cache) {
  const std::vector<bool> shared = SharedBuckets(archive, selected, grid);
  std::vector<SegmentSeries> parts(selected.segments.size());
  ParallelFor(parts.size(), threads, [&](size_t k) {
    parts[k] = ScanSegment(archive, selected.segments[k], grid, metrics, shared, cache);
  });
  std::vector<MetricsAccumulator> buckets(grid.size());
  std::vector<uint64_t> authors(grid.size()), reach(grid.size());
  std::vector<uint32_t> parts_in(grid.size());
  std::vector<std::pair<size_t, const AuthorList*>> to_merge;  // lists of shared buckets
  for (auto& p : parts) {
    if (!p.status.ok()) return p.status;
    for (auto& part : p.buckets) {
      const size_t b = part.bucket;
      if (++parts_in[b] > 1 && !shared[b])
        return Status(StatusCode::kInternal, "a segment holds rows outside its recorded time span");
      buckets[b].Merge(std::move(part.acc));
      authors[b] = part.authors;
      reach[b] = part.reach;
      if (shared[b]) to_merge.emplace_back(b, &part.author_list);
    }
  }
  SeriesResult result{std::move(grid), {}, {}};
  result.buckets.reserve(buckets.size());
  MetricsAccumulator total;
  for (auto& acc : buckets) {
    result.buckets.push_back(acc.Finish());
    total.Merge(std::move(acc));
  }
  result.total = total.Finish();
  if (!metrics.authors) return result;

  // Exact distinct authors across segments: AuthorIndex numbers are dense,
  // so one stamped array does it in time linear in the lists.
  DistinctAuthors merged(cache->author_numbers());
  std::stable_sort(to_merge.begin(), to_merge.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (size_t i = 0; i < to_merge.size();) {
    const size_t b = to_merge[i].first;
    merged.Clear();
    for (; i < to_merge.size() && to_merge[i].first == b; ++i)
      for (const auto& [a, f] : *to_merge[i].second) merged.Add(a, f);
    authors[b] = merged.count();
    reach[b] = merged.Reach();
  }
  merged.Clear();
  for (const auto& p : parts)
    for (const auto& [a, f] : p.authors) merged.Add(a, f);
  for (size_t b = 0; b < result.buckets.size(); ++b) {
    result.buckets[b].unique_authors = authors[b];
    result.buckets[b].reach = reach[b];
  }
  result.total.unique_authors = merged.count();
  result.total.reach = merged.Reach();
  return result;
}

}  // namespace roost::aggregate
