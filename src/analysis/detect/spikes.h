// Turns per-row anomaly scores into spikes (start, peak, end, magnitude),
// the unit `roost spikes` reports and explains.
#ifndef ROOST_ANALYSIS_DETECT_SPIKES_H_
#define ROOST_ANALYSIS_DETECT_SPIKES_H_

#include <vector>

#include "analysis/detect/detector.h"
#include "analysis/detect/series.h"

namespace roost::detect {

struct SpikeOptions {
  double threshold = kDefaultThreshold;
  // When > 0, a row whose standardised residual z reaches this is a spike
  // row whatever its score: archive series are scored offline, where the
  // likelihood step (tuned for streaming NAB data) has seen the burst itself.
  double core_z = 0;
  // Rows above threshold separated by at most this many rows are one spike.
  int merge_gap_rows = 3;
  // A spike extends on both sides while z stays above this.
  double extend_z = 1.0;
};

struct Spike {
  size_t start = 0, peak = 0, end = 0;  // row indices, inclusive
  TimestampMs start_time = 0, peak_time = 0, end_time = 0;
  double peak_value = 0;
  double expected_at_peak = 0;
  double magnitude = 0;  // peak value / expected (expected floored at 1)
  double excess = 0;     // sum over the spike of max(0, value - expected)
  double max_score = 0;
};

// Spikes in time order; they never overlap.
std::vector<Spike> FindSpikes(const Series& series, const Detection& detection,
                              const SpikeOptions& options = {});

}  // namespace roost::detect

#endif  // ROOST_ANALYSIS_DETECT_SPIKES_H_
