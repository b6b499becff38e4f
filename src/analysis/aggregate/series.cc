#include "analysis/aggregate/series.h"

#include <algorithm>
#include <atomic>
#include <limits>
#include <optional>
#include <thread>
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
                          const std::vector<bool>& shared, ColumnCache* cache,
                          DistinctAuthors* in_bucket, DistinctAuthors* total) {
  SegmentSeries out;
  auto reader = archive.segment(m.segment);
  if (!reader.ok()) return {reader.status(), {}};
  auto times = cache->IntColumn(**reader, "created_at");
  if (!times.ok()) return {times.status(), {}};
  MetricSet others = set;
  others.authors = false;  // counted here, without MetricsAccumulator's sort
  auto cols = MetricColumns::Load(**reader, others, cache);
  if (!cols.ok()) return {cols.status(), {}};
  ColumnCache::Ids user, numbers;
  ColumnCache::Ints followers;
  if (set.authors) {
    auto u = cache->DimIds(**reader, "user");
    if (!u.ok()) return {u.status(), {}};
    auto n = cache->AuthorNumbers(**reader);
    if (!n.ok()) return {n.status(), {}};
    auto f = cache->IntColumn(**reader, "followers");
    if (!f.ok()) return {f.status(), {}};
    user = *u, numbers = *n, followers = *f;
  }
  // in_bucket: a bucket's authors by segment dictionary id (cleared); total: by AuthorIndex number.
  // Rows are sorted by time, so buckets arrive in order: one open bucket.
  BucketPart part;
  part.bucket = TimeGrid::npos;
  auto flush = [&] {
    if (part.bucket == TimeGrid::npos) return;
    if (set.authors) {
      part.authors = in_bucket->count();
      part.reach = 0;
      const bool keep = shared[part.bucket];
      if (keep) part.author_list.reserve(in_bucket->count());
      in_bucket->ForEach([&](uint32_t id, int64_t f) {
        part.reach += static_cast<uint64_t>(std::max<int64_t>(f, 0));
        total->Add((*numbers)[id], f);
        if (keep) part.author_list.emplace_back((*numbers)[id], f);
      });
      in_bucket->Clear();
    }
    out.buckets.push_back(std::move(part));
    part = BucketPart();
  };
  TimestampMs bucket_start = 0, bucket_end = 0;  // of the open bucket; empty before the first
  ForEachRow(m.rows, [&](uint32_t row) {
    const TimestampMs t = (**times)[row];
    if (t < bucket_start || t >= bucket_end) {
      const size_t b = grid.IndexOf(t);
      if (b == TimeGrid::npos) return;
      flush();
      part.bucket = b;
      bucket_start = grid.start(b);
      bucket_end = grid.end(b);
    }
    part.acc.Add(*cols, row);
    if (set.authors) {
      // Rows are mostly taken in runs: the author a few rows on is likely next.
      constexpr uint32_t kAhead = 12;
      if (row + kAhead < user->size()) in_bucket->Prefetch((*user)[row + kAhead]);
      in_bucket->Add((*user)[row], (*followers)[row]);
    }
  });
  flush();
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
  const size_t n = selected.segments.size();
  if (threads <= 0) threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  const size_t workers =
      std::clamp<size_t>(static_cast<size_t>(threads), 1, std::max<size_t>(n, 1));
  // Author numbers first, so the arrays counting them can be sized.
  uint32_t numbers = 0;
  size_t largest_dictionary = 0;  // of the "user" column of a selected segment
  if (metrics.authors) {
    std::vector<Result<ColumnCache::Ids>> loaded(n, Status::Ok());
    ParallelFor(n, threads, [&](size_t k) {
      auto reader = archive.segment(selected.segments[k].segment);
      loaded[k] =
          reader.ok() ? cache->AuthorNumbers(**reader) : Result<ColumnCache::Ids>(reader.status());
    });
    for (auto& ids : loaded) {
      if (!ids.ok()) return ids.status();
      largest_dictionary = std::max(largest_dictionary, (*ids)->size());
    }
    numbers = cache->author_numbers();
  }
  const std::vector<bool> shared = SharedBuckets(archive, selected, grid);
  // Each worker scans segments and gathers the authors of its segments.
  std::vector<SegmentSeries> parts(n);
  // Per worker, reused across its segments: allocating per segment costs more than scanning a day.
  std::vector<DistinctAuthors> in_bucket, totals;
  for (size_t w = 0; w < workers; ++w) {
    in_bucket.emplace_back(largest_dictionary);
    totals.emplace_back(numbers);
  }
  std::atomic<size_t> next{0};
  ParallelFor(workers, static_cast<int>(workers), [&](size_t w) {
    for (size_t k = next++; k < n; k = next++)
      parts[k] = ScanSegment(archive, selected.segments[k], grid, metrics, shared, cache,
                             &in_bucket[w], &totals[w]);
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

  // Buckets with rows in several segments: their lists merged exactly, in
  // runs of buckets shared out among the workers.
  std::stable_sort(to_merge.begin(), to_merge.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<size_t> run_starts;
  for (size_t i = 0; i < to_merge.size(); ++i)
    if (i == 0 || to_merge[i].first != to_merge[i - 1].first) run_starts.push_back(i);
  run_starts.push_back(to_merge.size());
  std::atomic<size_t> next_run{0};
  const size_t runs = run_starts.size() - 1;
  std::vector<DistinctAuthors> scratch;
  const size_t mergers = std::min(workers, runs);
  for (size_t w = 0; w < mergers; ++w) scratch.emplace_back(numbers);
  ParallelFor(mergers, static_cast<int>(mergers), [&](size_t w) {
    DistinctAuthors& merged = scratch[w];
    for (size_t r = next_run++; r < runs; r = next_run++) {
      merged.Clear();
      for (size_t i = run_starts[r]; i < run_starts[r + 1]; ++i)
        for (const auto& [a, f] : *to_merge[i].second) merged.Add(a, f);
      authors[to_merge[run_starts[r]].first] = merged.count();
      reach[to_merge[run_starts[r]].first] = merged.Reach();
    }
  });
  for (size_t b = 0; b < result.buckets.size(); ++b) {
    result.buckets[b].unique_authors = authors[b];
    result.buckets[b].reach = reach[b];
  }
  for (size_t w = 1; w < totals.size(); ++w)
    for (uint32_t a : totals[w].seen()) totals[0].Add(a, totals[w].followers(a));
  result.total.unique_authors = totals[0].count();
  result.total.reach = totals[0].Reach();
  return result;
}

}  // namespace roost::aggregate
