// Spikes out of a history before a model is fitted to it, so one burst of
// tweets does not drag the level or the seasonal profile of the forecast.
#ifndef ROOST_ANALYSIS_FORECAST_SPIKE_CLEANING_H_
#define ROOST_ANALYSIS_FORECAST_SPIKE_CLEANING_H_

#include <span>
#include <vector>

#include "roost/tweet.h"

namespace roost::forecast {

// Rows whose residual z against Roost's seasonal detector (analysis/detect)
// exceeds this are spikes.
inline constexpr double kSpikeZ = 3.0;

// `values` with every spike replaced by the detector's baseline at that
// row. The detector runs on the history alone (nothing after it is read).
std::vector<double> ReplaceSpikes(std::span<const double> values, TimestampMs start,
                                  int64_t step_ms);

}  // namespace roost::forecast

#endif  // ROOST_ANALYSIS_FORECAST_SPIKE_CLEANING_H_
