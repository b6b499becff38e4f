#include "analysis/trends/bursts.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace roost::trends {

std::vector<int64_t> PreviousDays(int n) {
  std::vector<int64_t> o;
  for (int d = 1; d <= n; ++d) o.push_back(-d * kDayMs);
  return o;
}

std::vector<int64_t> AroundDays(int n) {
  std::vector<int64_t> o = PreviousDays(n);
  for (int d = 1; d <= n; ++d) o.push_back(d * kDayMs);
  return o;
}

namespace {

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const size_t n = v.size();
  return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

}  // namespace

double BurstZ(uint64_t c0, uint64_t n0, const std::vector<uint64_t>& ck, const std::vector<uint64_t>& nk,
              double prior, double* expected) {
  double sum_c = 0, sum_n = 0;
  std::vector<double> r;
  for (size_t k = 0; k < ck.size(); ++k) {
    sum_c += static_cast<double>(ck[k]);
    sum_n += static_cast<double>(nk[k]);
    if (nk[k] > 0) r.push_back(static_cast<double>(ck[k]) * static_cast<double>(n0) / static_cast<double>(nk[k]));
  }
  const double floor = sum_n > 0 ? prior * static_cast<double>(n0) * static_cast<double>(r.size()) / sum_n : prior;
  double e = 0, dispersion = 1;
  if (r.size() >= 3) {
    // Robust: one past burst of the same word neither raises the baseline
    // nor its spread.
    e = Median(r) + floor;
    std::vector<double> dev;
    for (double v : r) dev.push_back(std::abs(v - (e - floor)));
    const double sd = 1.4826 * Median(dev);
    dispersion = std::max(1.0, sd * sd / std::max(e, 0.5));
  } else {
    e = sum_n > 0 ? (sum_c + prior) / sum_n * static_cast<double>(n0) : prior;
  }
  if (expected != nullptr) *expected = e;
  return 2 * (std::sqrt(static_cast<double>(c0) + 0.375) - std::sqrt(e + 0.375)) / std::sqrt(dispersion);
}

namespace {

struct Hash {
  size_t operator()(const TermRef& t) const { return std::hash<std::string>()(t.value) * 31 + t.dim; }
};

}  // namespace

// Pass 2 of FindBursts: per baseline window, its selected tweets and how many
// hold each candidate. Read from the postings (value -> rows) rather than by
// decoding every row's value list: a day window has a few thousand
// candidates, its 7 baseline days millions of rows.
Status CountBaseline(const storage::Archive& archive, const query::QueryResult& base, const Dimensions& dims,
                     const std::vector<TermRef>& candidates, const std::vector<Window>& ranges, int threads,
                     aggregate::ColumnCache* cache, std::vector<uint64_t>* tweets, std::vector<uint64_t>* counts) {
  const size_t nw = ranges.size(), nc = candidates.size();
  struct Part {
    std::vector<uint64_t> tweets;
    std::vector<uint32_t> counts;  // [window][candidate]
  };
  std::vector<Part> parts(base.segments.size());
  ROOST_RETURN_IF_ERROR(ScanPostings(archive, base, ranges, threads, cache, [&](PostingScan& s) -> Status {
    Part& out = parts[s.task];
    out.tweets.assign(nw, 0);
    out.counts.assign(nw * nc, 0);
    for (size_t j = 0; j < s.hit.size(); ++j) out.tweets[s.hit[j]] = s.rows[j].Cardinality();
    for (uint32_t i = 0; i < nc; ++i) {
      ROOST_ASSIGN_OR_RETURN(const storage::Bitmap posting, s.Posting(dims, candidates[i]));
      if (posting.Empty()) continue;
      for (size_t j = 0; j < s.hit.size(); ++j)
        out.counts[s.hit[j] * nc + i] = static_cast<uint32_t>(roaring_bitmap_and_cardinality(posting.raw(), s.rows[j].raw()));
    }
    return Status::Ok();
  }));
  for (const auto& p : parts) {
    if (p.tweets.empty()) continue;
    for (size_t w = 0; w < nw; ++w) (*tweets)[w] += p.tweets[w];
    for (size_t i = 0; i < p.counts.size(); ++i) (*counts)[i] += p.counts[i];
  }
  return Status::Ok();
}

Result<BurstResult> FindBursts(const storage::Archive& archive, const query::QueryResult& selected,
                               const Dimensions& dims, Window window, const BurstOptions& options,
                               aggregate::ColumnCache* cache) {
  const size_t nd = dims.specs.size();
  (void)nd;
  // Pass 1: every value's count inside the window.
  struct Part1 {
    uint64_t tweets = 0;
    std::vector<std::pair<TermRef, uint64_t>> counts;
  };
  std::vector<Part1> p1(selected.segments.size());
  ROOST_RETURN_IF_ERROR(ScanSegments(
      archive, selected, dims, {window}, options.threads, cache,
      [&](SegmentScan& s, const std::vector<uint32_t>& rows) -> Status {
        Part1& out = p1[s.task];
        out.tweets = rows.size();
        for (const ColumnData& c : s.columns) {
          std::vector<uint32_t> counts(c.dict.size()), stamp(c.dict.size(), UINT32_MAX);
          for (uint32_t r : rows)
            c.ForEach(r, [&](uint32_t id) {
              if (stamp[id] != r) {  // a tweet counts once per value
                stamp[id] = r;
                ++counts[id];
              }
            });
          for (uint32_t id = 0; id < counts.size(); ++id) {
            if (counts[id] == 0) continue;
            const std::string_view v = c.dict.value(id);
            for (int d : c.dims)
              if (dims.KeepShape(d, v)) out.counts.push_back({TermRef{d, std::string(v)}, counts[id]});
          }
        }
        return Status::Ok();
      }));
  BurstResult result;
  std::unordered_map<TermRef, uint64_t, Hash> window_counts;
  for (auto& p : p1) {
    result.window_tweets += p.tweets;
    for (auto& [t, c] : p.counts) window_counts[std::move(t)] += c;
  }
  std::vector<TermRef> candidates;
  for (const auto& [t, c] : window_counts)
    if (c >= options.min_support && dims.Keep(t.dim, t.value)) candidates.push_back(t);

  // Pass 2: the candidates' counts in every baseline window.
  const size_t nw = options.baseline_offsets.size();
  std::vector<Window> ranges;
  for (int64_t off : options.baseline_offsets) ranges.push_back({window.from + off, window.to + off});
  std::vector<uint64_t> tweets(nw, 0);
  std::vector<uint64_t> counts(nw * candidates.size(), 0);
  if (!candidates.empty() && nw > 0) {
    const query::QueryResult& base = options.baseline_rows != nullptr ? *options.baseline_rows : selected;
    ROOST_RETURN_IF_ERROR(
        CountBaseline(archive, base, dims, candidates, ranges, options.threads, cache, &tweets, &counts));
  }
  std::vector<size_t> used;
  for (size_t w = 0; w < nw; ++w)
    if (tweets[w] > 0) {
      used.push_back(w);
      result.offsets_used.push_back(options.baseline_offsets[w]);
      result.baseline_tweets.push_back(tweets[w]);
    }
  // Scoring.
  std::vector<size_t> per_dim(nd, 0);
  std::vector<uint64_t> ck(used.size());
  for (uint32_t i = 0; i < candidates.size(); ++i) {
    for (size_t u = 0; u < used.size(); ++u) ck[u] = counts[used[u] * candidates.size() + i];
    Burst b;
    b.term = candidates[i];
    b.count = window_counts[candidates[i]];
    b.z = BurstZ(b.count, result.window_tweets, ck, result.baseline_tweets, options.prior, &b.expected);
    b.lift = static_cast<double>(b.count) / std::max(b.expected, 1e-9);
    if (b.lift >= options.min_lift && b.z >= options.min_z) result.bursts.push_back(std::move(b));
  }
  std::sort(result.bursts.begin(), result.bursts.end(), [](const Burst& a, const Burst& b) {
    return a.z != b.z ? a.z > b.z : a.term.value < b.term.value;
  });
  std::vector<Burst> kept;
  for (auto& b : result.bursts)
    if (per_dim[b.term.dim]++ < options.limit_per_dimension) kept.push_back(std::move(b));
  result.bursts = std::move(kept);
  return result;
}

}  // namespace roost::trends
