#include "python/py_times.h"

#include <limits>

#include "common/time_parse.h"
#include "query/time_range.h"

namespace roost::python {

Result<TimestampMs> ToTimestamp(const py::handle& t, const std::string& tz, TimestampMs fallback, const char* what) {
  if (t.is_none()) return fallback;
  auto parse = [&](const std::string& text) -> Result<TimestampMs> {
    auto r = query::ParseTimeInZone(text, tz);
    if (!r.ok()) return Status::InvalidArgument(std::string(what) + ": " + r.status().message());
    return r;
  };
  if (py::isinstance<py::str>(t)) return parse(t.cast<std::string>());
  const py::module_ datetime = py::module_::import("datetime");
  if (py::isinstance(t, datetime.attr("datetime"))) {
    if (!t.attr("utcoffset")().is_none()) {
      // Exact integer arithmetic: a float timestamp() could be off by a ms.
      const py::object epoch = datetime.attr("datetime")(1970, 1, 1, py::arg("tzinfo") = datetime.attr("timezone").attr("utc"));
      const py::object ms = datetime.attr("timedelta")(py::arg("milliseconds") = 1);
      return (t - epoch).attr("__floordiv__")(ms).cast<int64_t>();
    }
    return parse(t.attr("isoformat")(py::arg("timespec") = "milliseconds").cast<std::string>());
  }
  if (py::isinstance(t, datetime.attr("date"))) return parse(t.attr("isoformat")().cast<std::string>());
  const py::module_ numpy = py::module_::import("numpy");
  if (py::isinstance(t, numpy.attr("datetime64"))) {
    if (numpy.attr("isnat")(t).cast<bool>()) return Status::InvalidArgument(std::string(what) + ": NaT is no time");
    return t.attr("astype")("datetime64[ms]").attr("astype")("int64").cast<int64_t>();
  }
  throw py::type_error(std::string(what) + ": expected an ISO 8601 string, a datetime, a date or a numpy.datetime64, not " +
                       py::str(py::type::of(t).attr("__name__")).cast<std::string>());
}

int64_t IsoToMs(const std::string& iso) {
  const auto t = ParseIsoTime(iso);
  return t ? *t : std::numeric_limits<int64_t>::min();  // NaT
}

py::array NewTimes(size_t n) {
  return py::array(py::dtype::from_args(py::str("datetime64[ms]")), py::array::ShapeContainer{static_cast<py::ssize_t>(n)});
}

py::object Datetime64(TimestampMs t) { return py::module_::import("numpy").attr("datetime64")(t, "ms"); }

}  // namespace roost::python
