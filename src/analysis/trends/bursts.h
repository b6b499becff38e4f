// Bursts: values (terms, hashtags, domains, ...) whose count inside a time
// window is abnormally high against the same window shifted to other days
// (the same hours of the previous week by default). Used by `roost trends`
// to find what was trending and by `roost spikes` to explain a spike.
//
// Model (docs/DETECTION.md): with N0 selected tweets in the window and c0 of
// them holding the value, Nk and ck in baseline window k,
//   rk = ck * N0 / Nk (baseline counts scaled to the window's volume)
//   expected e = median_k(rk) + prior * N0 / mean_k(Nk)
//   dispersion D = max(1, (1.4826 * MAD_k(rk))^2 / max(e, 0.5))
//   z = 2 (sqrt(c0 + 3/8) - sqrt(e + 3/8)) / sqrt(D)        (Anscombe: Poisson z)
// (with fewer than 3 baseline windows: e = (sum ck + prior) / sum Nk * N0, D = 1).
// A value is a burst when c0 >= min_support, c0 / e >= min_lift and
// z >= min_z. Bursts are ranked by z.
#ifndef ROOST_ANALYSIS_TRENDS_BURSTS_H_
#define ROOST_ANALYSIS_TRENDS_BURSTS_H_

#include <string>
#include <vector>

#include "analysis/trends/term_scan.h"

namespace roost::trends {

inline constexpr int64_t kHourMs = 3'600'000;
inline constexpr int64_t kDayMs = 24 * kHourMs;

struct BurstOptions {
  // Baseline windows: the window shifted by each offset (ms). Offsets whose
  // window holds no selected tweet are dropped (before the archive starts).
  std::vector<int64_t> baseline_offsets;
  // Rows the baseline windows count (null: the same rows as the window). A
  // spike of a filter that matches nothing on other days is compared with
  // every tweet instead (the background).
  const query::QueryResult* baseline_rows = nullptr;
  uint64_t min_support = 10;
  double min_lift = 2.0;
  double min_z = 3.0;
  double prior = 0.5;
  size_t limit_per_dimension = 100;
  int threads = 0;
};

// -1 .. -n days: the same hours of the previous n days.
std::vector<int64_t> PreviousDays(int n);
// The previous n days, then the next n days when fewer than 2 previous
// windows hold data (the first days of an archive).
std::vector<int64_t> AroundDays(int n);

struct Burst {
  TermRef term;
  uint64_t count = 0;   // in the window
  double expected = 0;  // from the baseline, scaled to the window's volume
  double lift = 0;
  double z = 0;
  // Filled by FindTrends for the values it groups (0 otherwise): unique
  // authors of the window's tweets holding the value (the privacy gate) and
  // distinct source tweets among them (a retweet counts as its original).
  uint64_t authors = 0;
  uint64_t sources = 0;
};

struct BurstResult {
  uint64_t window_tweets = 0;
  std::vector<int64_t> offsets_used;       // baseline windows with data
  std::vector<uint64_t> baseline_tweets;   // per used window
  std::vector<Burst> bursts;               // every dimension, by z descending
};

Result<BurstResult> FindBursts(const storage::Archive& archive, const query::QueryResult& selected,
                               const Dimensions& dims, Window window, const BurstOptions& options,
                               aggregate::ColumnCache* cache);

// The score of one value (exposed for tests and for the documentation).
double BurstZ(uint64_t c0, uint64_t n0, const std::vector<uint64_t>& ck, const std::vector<uint64_t>& nk,
              double prior, double* expected);

}  // namespace roost::trends

#endif  // ROOST_ANALYSIS_TRENDS_BURSTS_H_
