// analysis_bench: the three analyses with speed targets, on one open
// archive (as the HTTP server keeps it), cold (first run after open) and warm
// (median of 5):
//   1. hourly series over the whole range for a term filter, all metrics (target < 100 ms at 10M tweets)
//   2. top 50 hashtags over everything                                  (target < 300 ms)
//   3. top 20 terms for a filter matching about 1% of the tweets         (target < 200 ms)
// The term is the word of the first segment whose share is closest to 1%.
// Answers are checked against the query engine's counts before timing.
// Usage: analysis_bench ARCHIVE [THREADS]
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "analysis/aggregate/breakdown.h"
#include "analysis/aggregate/selection.h"
#include "analysis/aggregate/series.h"
#include "query/parser.h"
#include "storage/archive.h"

namespace {

using namespace roost;

double Ms(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

// Cold run, then the median of five warm runs.
template <typename Fn>
std::pair<double, double> ColdWarm(Fn&& fn) {
  auto t0 = std::chrono::steady_clock::now();
  fn();
  const double cold = Ms(t0);
  std::vector<double> warm;
  for (int i = 0; i < 5; ++i) {
    t0 = std::chrono::steady_clock::now();
    fn();
    warm.push_back(Ms(t0));
  }
  std::sort(warm.begin(), warm.end());
  return {cold, warm[2]};
}

// A plain word of segment 0 whose share of its rows is closest to 1%.
std::string OnePercentWord(const storage::SegmentReader& seg) {
  auto dict = seg.Dictionary("terms");
  auto lists = seg.ReadDimIdLists("terms");
  if (!dict.ok() || !lists.ok()) return "";
  std::vector<uint32_t> freq(dict->size());
  const size_t rows = lists->start.size() - 1;
  for (size_t r = 0; r < rows; ++r)
    for (uint32_t k = lists->start[r]; k < lists->start[r + 1]; ++k) ++freq[lists->ids[k]];
  std::string best;
  double best_gap = 1e9;
  for (uint32_t id = 0; id < freq.size(); ++id) {
    const std::string w(dict->value(id));
    if (w.size() < 4 || !std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; })) continue;
    const double gap = std::fabs(std::log(static_cast<double>(freq[id] + 1) / (0.01 * static_cast<double>(rows))));
    if (gap < best_gap) best_gap = gap, best = w;
  }
  return best;
}

int Fail(const std::string& what) {
  fmt::print(stderr, "analysis_bench: {}\n", what);
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return Fail("usage: analysis_bench ARCHIVE [THREADS]");
  const int threads = argc > 2 ? std::atoi(argv[2]) : 2;
  auto t0 = std::chrono::steady_clock::now();
  auto archive = storage::Archive::Open(argv[1]);
  if (!archive.ok()) return Fail(archive.status().message());
  const double open_ms = Ms(t0);
  const storage::Archive& a = **archive;
  auto seg0 = a.segment(0);
  if (!seg0.ok()) return Fail(seg0.status().message());
  const std::string word = OnePercentWord(**seg0);
  if (word.empty()) return Fail("no word found");
  auto word_query = query::ParseQuery("text contains \"" + word + "\"");
  if (!word_query.ok()) return Fail(word_query.status().message());
  query::ExecOptions exec;
  exec.threads = threads;
  aggregate::ColumnCache cache;  // one per open archive, as a server keeps it
  uint64_t rows = 0;
  for (size_t i = 0; i < a.segment_count(); ++i) rows += a.entry(i).meta.rows;
  fmt::print("archive {}: {} tweets in {} segments, opened in {:.1f} ms, {} threads\n", argv[1], rows,
             a.segment_count(), open_ms, threads);

  // Checks first: the series sums to the engine's count; the top hashtag's
  // count equals its postings minus invisible rows.
  aggregate::ColumnCache check_cache;  // the checks must not warm the timed cache
  aggregate::ColumnCache* active = &check_cache;
  auto matched = query::Execute(a, *word_query, exec);
  if (!matched.ok()) return Fail(matched.status().message());
  fmt::print("filter: text contains \"{}\" matches {} tweets ({:.2f}%)\n", word, matched->count,
             100.0 * static_cast<double>(matched->count) / static_cast<double>(rows));
  TimestampMs from = std::numeric_limits<TimestampMs>::min(), to = std::numeric_limits<TimestampMs>::max();
  aggregate::DefaultSeriesRange(a, &from, &to);
  auto zone = aggregate::ZoneRules::Load("UTC");
  auto grid = [&] { return std::move(aggregate::TimeGrid::Make(aggregate::Interval::kHour, *zone, from, to)).value(); };
  aggregate::SeriesResult series;
  auto run_series = [&] {
    auto sel = aggregate::SelectRows(a, *word_query, exec);
    auto s = aggregate::ComputeSeries(a, *sel, grid(), aggregate::MetricSet{}, threads, active);
    if (s.ok()) series = std::move(s).value();
  };
  run_series();
  uint64_t sum = 0;
  for (const auto& b : series.buckets) sum += b.tweets;
  if (sum != matched->count) return Fail(fmt::format("series sums to {}, the filter matches {}", sum, matched->count));

  const query::Query everything;
  aggregate::BreakdownSpec hashtags;
  hashtags.levels = {aggregate::FindDimension("hashtags").value()};
  hashtags.limit = 50;
  hashtags.threads = threads;
  aggregate::BreakdownResult top;
  auto run_top = [&] {
    auto sel = aggregate::SelectRows(a, everything, exec);
    auto r = aggregate::ComputeBreakdown(a, *sel, hashtags, active);
    if (r.ok()) top = std::move(r).value();
  };
  run_top();
  if (top.items.empty()) return Fail("no hashtags");
  uint64_t postings = 0;
  for (size_t i = 0; i < a.segment_count(); ++i) postings += a.Lookup(i, "hashtags", top.items[0].value)->Cardinality();
  if (postings != top.items[0].metrics.tweets)
    return Fail(fmt::format("#{}: top says {}, postings say {}", top.items[0].value, top.items[0].metrics.tweets, postings));

  aggregate::BreakdownSpec terms;
  terms.levels = {aggregate::FindDimension("terms").value()};
  terms.limit = 20;
  terms.threads = threads;
  aggregate::BreakdownResult top_terms;
  auto run_terms = [&] {
    auto sel = aggregate::SelectRows(a, *word_query, exec);
    auto r = aggregate::ComputeBreakdown(a, *sel, terms, active);
    if (r.ok()) top_terms = std::move(r).value();
  };

  active = &cache;
  struct Line {
    const char* name;
    double target;
    std::pair<double, double> ms;
  };
  std::vector<Line> lines = {
      {"hourly series, term filter, all metrics", 100, ColdWarm(run_series)},
      {"top 50 hashtags, everything", 300, ColdWarm(run_top)},
      {"top 20 terms, 1% filter", 200, ColdWarm(run_terms)},
  };
  fmt::print("{:<42} {:>10} {:>10} {:>8}\n", "analysis", "cold ms", "warm ms", "target");
  for (const auto& l : lines)
    fmt::print("{:<42} {:>10.1f} {:>10.1f} {:>8.0f} {}\n", l.name, l.ms.first, l.ms.second, l.target,
               l.ms.second <= l.target ? "met" : "MISSED");
  fmt::print("column cache: {:.0f} MiB\n", static_cast<double>(cache.bytes()) / (1 << 20));
  fmt::print("top hashtag #{} ({} tweets); top term with \"{}\": {}\n", top.items[0].value, top.items[0].metrics.tweets,
             word, top_terms.items.empty() ? "-" : top_terms.items[0].value);
  return 0;
}
