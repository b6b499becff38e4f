// query_bench: times the three queries with speed targets, on an
// archive built by bench/query_bench.sh (roost synth + roost ingest):
//   1. a single-term count                       (target: < 20 ms at 10M tweets)
//   2. a 3-term boolean within a time range       (target: < 50 ms)
//   3. a regular expression over the text         (target: < 2 s)
// Terms are picked from the archive (frequent words of the first segment).
// Query 1's answer is checked against a count made with the storage API
// directly (term postings minus invisible rows), query 3's against RE2 run
// on every visible row. Each line gives the best wall time and the process
// CPU time of that run.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <re2/re2.h>
#include <sys/resource.h>

#include "query/executor.h"
#include "query/parser.h"
#include "storage/archive.h"

namespace {

using namespace roost;

double CpuMs() {
  rusage u;
  getrusage(RUSAGE_SELF, &u);
  return (u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1e3 + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e3;
}

// Best wall time of `runs` runs, and the process CPU time (all threads) of
// that run: on a shared machine the CPU time moves far less than the wall.
template <typename Fn>
std::pair<double, double> BestMs(int runs, Fn&& fn) {
  double best = 1e18, cpu = 0;
  for (int i = 0; i < runs; ++i) {
    const double c0 = CpuMs();
    const auto t0 = std::chrono::steady_clock::now();
    fn();
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    if (ms < best) best = ms, cpu = CpuMs() - c0;
  }
  return {best, cpu};
}

std::vector<std::string> FrequentWords(const storage::SegmentReader& seg) {
  auto dict = seg.Dictionary("terms");
  auto lists = seg.ReadDimIdLists("terms");
  if (!dict.ok() || !lists.ok()) return {};
  std::map<uint32_t, uint32_t> freq;
  const size_t rows = std::min<size_t>(lists->start.size() - 1, 20000);
  for (size_t r = 0; r < rows; ++r)
    for (uint32_t k = lists->start[r]; k < lists->start[r + 1]; ++k) ++freq[lists->ids[k]];
  std::vector<std::pair<uint32_t, std::string>> words;
  for (auto [id, n] : freq) {
    const std::string w(dict->value(id));
    if (w.size() >= 4 && std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
      words.emplace_back(n, w);
  }
  std::sort(words.rbegin(), words.rend());
  std::vector<std::string> out;
  // Skip the very top (stopword-like); take mid-frequency words.
  for (size_t i = std::min<size_t>(5, words.size()); i < words.size() && out.size() < 3; i += 7) out.push_back(words[i].second);
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: query_bench ARCHIVE [threads]\n");
    return 2;
  }
  auto archive = storage::Archive::Open(argv[1]);
  if (!archive.ok() || (*archive)->segment_count() == 0) {
    std::fprintf(stderr, "query_bench: cannot open %s\n", argv[1]);
    return 1;
  }
  const storage::Archive& a = **archive;
  query::ExecOptions opts;
  opts.threads = argc > 2 ? std::atoi(argv[2]) : 0;
  auto seg0 = a.segment(0);
  const auto words = FrequentWords(**seg0);
  if (words.size() < 3) {
    std::fprintf(stderr, "query_bench: archive has too few terms\n");
    return 1;
  }
  uint64_t rows = 0;
  TimestampMs lo = a.entry(0).meta.min_time, hi = lo;
  for (size_t i = 0; i < a.segment_count(); ++i) {
    rows += a.entry(i).meta.rows;
    lo = std::min(lo, a.entry(i).meta.min_time);
    hi = std::max(hi, a.entry(i).meta.max_time);
  }
  fmt::print("archive {}: {} tweets in {} segments; terms {}, {}, {}\n", argv[1], rows, a.segment_count(), words[0],
             words[1], words[2]);

  // Independent check of query 1: postings of the term, visible rows only.
  uint64_t expected = 0;
  for (size_t i = 0; i < a.segment_count(); ++i) {
    auto seg = a.segment(i);
    auto b = (*seg)->Lookup("terms", words[0]);
    auto vis = a.VisibleRows(i);
    b->AndWith(*vis);
    expected += b->Cardinality();
  }

  struct Bench {
    const char* name;
    std::string filter;
    bool ranged;
    double target_ms_at_10m;
  };
  const std::vector<Bench> benches = {
      {"single-term count", fmt::format("text contains \"{}\"", words[0]), false, 20},
      {"3-term boolean, time range",
       fmt::format("(text contains \"{}\" or text contains \"{}\") and not text contains \"{}\"", words[0], words[1],
                   words[2]),
       true, 50},
      {"regex over text", fmt::format("text regex_partial \"{}[a-z]* [a-z]+ {}\"", words[0].substr(0, 3), words[1].substr(0, 2)),
       false, 2000},
  };
  for (const Bench& b : benches) {
    auto q = query::ParseQuery(b.filter);
    if (!q.ok()) {
      std::fprintf(stderr, "%s\n", q.status().ToString().c_str());
      return 1;
    }
    query::ExecOptions o = opts;
    if (b.ranged) o.from = lo + (hi - lo) / 4, o.to = lo + 3 * (hi - lo) / 4;
    uint64_t count = 0;
    const auto [ms, cpu_ms] = BestMs(b.target_ms_at_10m > 1000 ? 3 : 5, [&] {
      auto r = query::Execute(a, *q, o);
      if (!r.ok()) {
        std::fprintf(stderr, "%s\n", r.status().ToString().c_str());
        std::exit(1);
      }
      count = r->count;
    });
    if (&b == &benches[2]) {
      // Independent check of query 3: RE2 on every visible row's text.
      RE2 re(b.filter.substr(b.filter.find('"') + 1, b.filter.size() - b.filter.find('"') - 2));
      uint64_t plain = 0;
      const double c0 = CpuMs();
      const auto t0 = std::chrono::steady_clock::now();
      for (size_t i = 0; i < a.segment_count(); ++i) {
        auto seg = a.segment(i);
        auto text = (*seg)->ReadStrings("text");
        auto vis = a.VisibleRows(i);
        for (uint32_t row = 0; row < text->size(); ++row)
          if (vis->Contains(row) && RE2::PartialMatch((*text)[row], re)) ++plain;
      }
      fmt::print("{:<28} {:>10.2f} ms (CPU {:>8.1f} ms)  count {:>9}  (reference: whole text column decoded, RE2 on every row, one thread, as the executor did before)\n",
                 "regex, plain scan", std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count(),
                 CpuMs() - c0, plain);
      if (count != plain) {
        std::fprintf(stderr, "query_bench: regex count %llu != plain scan %llu\n", static_cast<unsigned long long>(count),
                     static_cast<unsigned long long>(plain));
        return 1;
      }
    }
    if (&b == &benches[0] && count != expected) {
      std::fprintf(stderr, "query_bench: count %llu != direct count %llu\n", static_cast<unsigned long long>(count),
                   static_cast<unsigned long long>(expected));
      return 1;
    }
    fmt::print("{:<28} {:>10.2f} ms (CPU {:>8.1f} ms)  count {:>9}  (target at 10M: {} ms; scaled to {} tweets: {:.1f} ms)  {}\n",
               b.name, ms, cpu_ms, count, b.target_ms_at_10m, rows, b.target_ms_at_10m * static_cast<double>(rows) / 1e7,
               b.filter);
  }
  return 0;
}
