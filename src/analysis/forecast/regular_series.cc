#include "analysis/forecast/regular_series.h"

#include <algorithm>

namespace roost::forecast {
namespace {

int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

}  // namespace

Result<RegularSeries> ToRegular(const detect::Series& series, int64_t step_ms) {
  if (step_ms <= 0) return Status::InvalidArgument("the step of a series must be positive");
  if (series.size() == 0) return Status::InvalidArgument("the series is empty");
  const int64_t first = FloorDiv(series.times.front(), step_ms);
  const int64_t last = FloorDiv(series.times.back(), step_ms);
  if (last < first) return Status::InvalidArgument("the series' timestamps must increase");
  const size_t n = static_cast<size_t>(last - first + 1);
  std::vector<double> sums(n, 0.0);
  std::vector<size_t> rows(n, 0);
  for (size_t i = 0; i < series.size(); ++i) {
    const int64_t b = FloorDiv(series.times[i], step_ms) - first;
    if (b < 0 || static_cast<size_t>(b) >= n)
      return Status::InvalidArgument("the series' timestamps must increase");
    sums[b] += series.values[i];
    ++rows[b];
  }
  std::vector<size_t> sorted = rows;
  std::nth_element(sorted.begin(), sorted.begin() + n / 2, sorted.end());
  const size_t typical = sorted[n / 2];
  size_t lo = 0, hi = n;
  if (n > 2 && rows.front() < typical) ++lo;
  if (n > 2 && rows.back() < typical) --hi;
  RegularSeries out;
  out.step_ms = step_ms;
  out.start = (first + static_cast<int64_t>(lo)) * step_ms;
  out.values.assign(sums.begin() + lo, sums.begin() + hi);
  return out;
}

}  // namespace roost::forecast
