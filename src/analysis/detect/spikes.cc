#include "analysis/detect/spikes.h"

#include <algorithm>

namespace roost::detect {

std::vector<Spike> FindSpikes(const Series& series, const Detection& d, const SpikeOptions& o) {
  std::vector<Spike> out;
  const size_t n = std::min(series.size(), d.scores.size());
  size_t i = 0;
  size_t floor_row = 0;  // spikes may not extend back over the previous one
  auto core = [&](size_t k) { return d.scores[k] >= o.threshold || (o.core_z > 0 && d.z[k] >= o.core_z); };
  while (i < n) {
    if (!core(i)) {
      ++i;
      continue;
    }
    size_t core_first = i, core_last = i;
    for (size_t j = i + 1; j < n && j <= core_last + static_cast<size_t>(o.merge_gap_rows) + 1; ++j)
      if (core(j)) core_last = j;
    size_t start = core_first, end = core_last;
    while (start > floor_row && d.z[start - 1] > o.extend_z) --start;
    while (end + 1 < n && d.z[end + 1] > o.extend_z) ++end;
    Spike s;
    s.start = start;
    s.end = end;
    s.peak = start;
    for (size_t k = start; k <= end; ++k) {
      double excess = series.values[k] - d.expected[k];
      if (excess > series.values[s.peak] - d.expected[s.peak]) s.peak = k;
      s.excess += std::max(0.0, excess);
      s.max_score = std::max(s.max_score, d.scores[k]);
    }
    s.start_time = series.times[start];
    s.peak_time = series.times[s.peak];
    s.end_time = series.times[end];
    s.peak_value = series.values[s.peak];
    s.expected_at_peak = d.expected[s.peak];
    s.magnitude = s.peak_value / std::max(1.0, s.expected_at_peak);
    out.push_back(s);
    floor_row = end + 1;
    i = end + 1;
  }
  return out;
}

}  // namespace roost::detect
