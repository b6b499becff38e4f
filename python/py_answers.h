// Roost's answers (include/roost/roost.h) as Python values: tables as dicts
// of NumPy arrays (pandas.DataFrame(d) takes them as they are), the rest as
// dicts and lists named like the command line's --json output. An answer
// the privacy gate withheld as a whole is {"redacted": True, "reason": ...}.
#ifndef ROOST_PYTHON_PY_ANSWERS_H_
#define ROOST_PYTHON_PY_ANSWERS_H_

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include "roost/roost.h"

namespace roost::python {

namespace py = pybind11;

py::dict WithheldDict(const Withheld& w);
py::dict GateDict(const GateSettings& g);

// The metric families shown: those asked for, with authors whenever the gate
// is on (it counts them, and shows them), as on the command line.
MetricChoice Shown(MetricChoice asked, bool gated);

// One group's metrics; {"redacted": True} for a redacted one.
py::dict MetricsDict(const Metrics& m, const MetricChoice& shown);

// A column per metric and `time` (bucket starts, datetime64[ms], UTC).
// Counts are int64 when the answer is exact; under a gate they are float64,
// NaN in the buckets the gate redacted. Means are NaN with no scored tweet.
py::dict SeriesColumns(const SeriesAnswer& a, const MetricChoice& shown, bool gated);

py::list TopItems(const std::vector<TopItem>& items, const MetricChoice& shown, size_t depth, size_t levels);
py::dict SampleDict(const SampleAnswer& a);
py::dict ExplainDict(const ExplainAnswer& a);
py::dict TrendsDict(const TrendsAnswer& a);
py::dict SpikesDict(const SpikesAnswer& a);
py::dict ForecastDict(const ForecastAnswer& a);
py::dict BrandsDict(const BrandsAnswer& a);

}  // namespace roost::python

#endif  // ROOST_PYTHON_PY_ANSWERS_H_
