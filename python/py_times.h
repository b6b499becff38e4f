// Times between Python and Roost. In: the start and end of a question as an
// ISO string (read in the call's zone unless it has an offset, like the
// command line's --from/--to), a datetime (naive: in the call's zone), a
// date, or a numpy.datetime64 (a UTC instant). Out: numpy datetime64[ms].
#ifndef ROOST_PYTHON_PY_TIMES_H_
#define ROOST_PYTHON_PY_TIMES_H_

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <string>
#include <vector>

#include "roost/status.h"
#include "roost/tweet.h"

namespace roost::python {

namespace py = pybind11;

// `fallback` when `t` is None; kInvalidArgument names `what` ("start") for a
// malformed time, a TypeError for a value that is no time at all.
Result<TimestampMs> ToTimestamp(const py::handle& t, const std::string& tz, TimestampMs fallback, const char* what);

// The UTC instant of an ISO 8601 time of an answer (with its offset, as
// Roost writes them); NaT's value when it does not parse.
int64_t IsoToMs(const std::string& iso);

// An empty datetime64[ms] array of `n` times.
py::array NewTimes(size_t n);

// A datetime64[ms] array of `start(x)` for each x of `items`, in one pass.
template <typename Items, typename Start>
py::array TimesFromIso(const Items& items, Start start) {
  py::array out = NewTimes(items.size());
  auto* data = static_cast<int64_t*>(out.mutable_data());
  for (const auto& x : items) *data++ = IsoToMs(start(x));
  return out;
}

// One instant as numpy.datetime64 in ms.
py::object Datetime64(TimestampMs t);

}  // namespace roost::python

#endif  // ROOST_PYTHON_PY_TIMES_H_
