// series_bench: `roost series` on one open archive with a warm column cache,
// as the HTTP server answers GET /api/series: the whole range by day with
// every metric (the default), by hour with tweets and authors, by day in
// America/New_York (days spanning two UTC-day segments), by week, and by day
// for lang:en. Before timing, each answer's unique authors and reach (total
// and per bucket) are checked against a plain map over the selected rows.
// Prints the median and the slowest of the warm runs.
// Usage: series_bench ARCHIVE [THREADS] [RUNS]
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <limits>
#include <string>
#include <unordered_map>
#include <vector>

#include "analysis/aggregate/row_iteration.h"
#include "analysis/aggregate/selection.h"
#include "analysis/aggregate/series.h"
#include "query/parser.h"
#include "storage/archive.h"

namespace {

using namespace roost;
using namespace roost::aggregate;

double Ms(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

int Fail(const std::string& what) {
  fmt::print(stderr, "series_bench: {}\n", what);
  return 1;
}

struct Case {
  const char* name;
  Interval interval;
  const char* tz;
  const char* filter;
  MetricSet metrics;
};

struct RefMetrics {
  std::unordered_map<uint64_t, int64_t> authors;  // author -> largest follower count
  uint64_t reach() const {
    uint64_t r = 0;
    for (const auto& [a, f] : authors) r += static_cast<uint64_t>(std::max<int64_t>(f, 0));
    return r;
  }
};

// Unique authors and reach per bucket and in total, by a plain map.
Status Check(const storage::Archive& a, const query::QueryResult& sel, const SeriesResult& s) {
  std::vector<RefMetrics> ref(s.grid.size());
  RefMetrics total;
  ColumnCache cache;
  for (const auto& m : sel.segments) {
    ROOST_ASSIGN_OR_RETURN(auto reader, a.segment(m.segment));
    ROOST_ASSIGN_OR_RETURN(auto times, cache.IntColumn(*reader, "created_at"));
    ROOST_ASSIGN_OR_RETURN(auto authors, cache.AuthorIds(*reader));
    ROOST_ASSIGN_OR_RETURN(auto followers, cache.IntColumn(*reader, "followers"));
    ForEachRow(m.rows, [&](uint32_t row) {
      const size_t b = s.grid.IndexOf((*times)[row]);
      if (b == TimeGrid::npos) return;
      for (RefMetrics* r : {&ref[b], &total}) {
        auto [it, fresh] = r->authors.emplace((*authors)[row], (*followers)[row]);
        if (!fresh) it->second = std::max(it->second, (*followers)[row]);
      }
    });
  }
  auto same = [](const RefMetrics& r, const TweetMetrics& m) {
    return m.unique_authors == r.authors.size() && m.reach == r.reach();
  };
  for (size_t b = 0; b < ref.size(); ++b)
    if (!same(ref[b], s.buckets[b]))
      return Status(StatusCode::kInternal,
                    fmt::format("bucket {}: {} authors, reference {}", s.grid.Label(b),
                                s.buckets[b].unique_authors, ref[b].authors.size()));
  if (!same(total, s.total))
    return Status(StatusCode::kInternal, fmt::format("total: {} authors, reference {}",
                                                     s.total.unique_authors, total.authors.size()));
  return Status::Ok();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return Fail("usage: series_bench ARCHIVE [THREADS] [RUNS]");
  const int threads = argc > 2 ? std::atoi(argv[2]) : 2;
  const int runs = argc > 3 ? std::max(1, std::atoi(argv[3])) : 15;
  auto archive = storage::Archive::Open(argv[1]);
  if (!archive.ok()) return Fail(archive.status().message());
  const storage::Archive& a = **archive;
  uint64_t rows = 0;
  for (size_t i = 0; i < a.segment_count(); ++i) rows += a.entry(i).meta.rows;
  fmt::print("archive {}: {} tweets in {} segments, {} threads, {} warm runs\n", argv[1], rows,
             a.segment_count(), threads, runs);
  MetricSet authors_only = MetricSet::TweetsOnly();
  authors_only.authors = true;
  const std::vector<Case> cases = {
      {"day, all metrics", Interval::kDay, "UTC", "", MetricSet{}},
      {"day, tweets only", Interval::kDay, "UTC", "", MetricSet::TweetsOnly()},
      {"hour, tweets and authors", Interval::kHour, "UTC", "", authors_only},
      {"day in America/New_York, all metrics", Interval::kDay, "America/New_York", "", MetricSet{}},
      {"week, all metrics", Interval::kWeek, "UTC", "", MetricSet{}},
      {"day, lang:en, all metrics", Interval::kDay, "UTC", "lang:en", MetricSet{}},
  };
  ColumnCache cache;  // one per open archive, as the server keeps it
  query::ExecOptions exec;
  exec.threads = threads;
  fmt::print("{:<40} {:>10} {:>10} {:>10}\n", "series", "first ms", "median ms", "max ms");
  for (const Case& c : cases) {
    query::Query q;
    if (*c.filter) {
      auto parsed = query::ParseQuery(c.filter);
      if (!parsed.ok()) return Fail(parsed.status().message());
      q = std::move(parsed).value();
    }
    auto zone = ZoneRules::Load(c.tz);
    if (!zone.ok()) return Fail(zone.status().message());
    TimestampMs from = std::numeric_limits<TimestampMs>::min(),
                to = std::numeric_limits<TimestampMs>::max();
    DefaultSeriesRange(a, &from, &to);
    SeriesResult result;
    query::QueryResult selected;
    auto run = [&]() -> Status {
      ROOST_ASSIGN_OR_RETURN(selected, SelectRows(a, q, exec));
      ROOST_ASSIGN_OR_RETURN(auto grid, TimeGrid::Make(c.interval, *zone, from, to));
      ROOST_ASSIGN_OR_RETURN(
          result, ComputeSeries(a, selected, std::move(grid), c.metrics, threads, &cache));
      return Status::Ok();
    };
    auto t0 = std::chrono::steady_clock::now();
    if (Status st = run(); !st.ok()) return Fail(st.message());
    const double first = Ms(t0);
    if (c.metrics.authors)
      if (Status st = Check(a, selected, result); !st.ok())
        return Fail(std::string(c.name) + ": " + st.message());
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
      t0 = std::chrono::steady_clock::now();
      if (Status st = run(); !st.ok()) return Fail(st.message());
      ms.push_back(Ms(t0));
    }
    std::sort(ms.begin(), ms.end());
    fmt::print("{:<40} {:>10.1f} {:>10.1f} {:>10.1f}   {} tweets, {} authors\n", c.name, first,
               ms[ms.size() / 2], ms.back(), result.total.tweets, result.total.unique_authors);
  }
  return 0;
}
