#include "analysis/forecast/spike_cleaning.h"

#include "analysis/detect/detector.h"

namespace roost::forecast {

std::vector<double> ReplaceSpikes(std::span<const double> values, TimestampMs start,
                                  int64_t step_ms) {
  std::vector<double> out(values.begin(), values.end());
  if (values.size() < 2) return out;
  detect::Series s;
  s.values = out;
  s.times.resize(values.size());
  for (size_t i = 0; i < values.size(); ++i) s.times[i] = start + static_cast<int64_t>(i) * step_ms;
  detect::DetectorOptions options;
  options.causal = false;
  auto d = detect::Detect(s, options);
  if (!d.ok()) return out;  // too short to tell a spike: fit on the values as they are
  for (size_t i = 0; i < out.size(); ++i)
    if (d->z[i] > kSpikeZ && d->expected[i] < out[i]) out[i] = d->expected[i];
  return out;
}

}  // namespace roost::forecast
