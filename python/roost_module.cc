// The Python module `roost` (docs/PYTHON.md): roost.open() gives an Archive
// whose methods ask roost::Db (include/roost/roost.h), the answer layer the
// command line and the server use, so every answer passes the same privacy
// gate. Roost computes without the GIL; answers are converted after.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <malloc.h>

#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "answer/metric_choice.h"
#include "python/py_answers.h"
#include "python/py_times.h"
#include "roost/roost.h"

namespace roost::python {
namespace {

constexpr TimestampMs kBeginning = std::numeric_limits<TimestampMs>::min();
constexpr TimestampMs kEnd = std::numeric_limits<TimestampMs>::max();

// Roost's Status as the Python exception a caller expects, with its message.
[[noreturn]] void Raise(const Status& s) {
  switch (s.code()) {
    case StatusCode::kInvalidArgument:
    case StatusCode::kParseError:
      throw py::value_error(s.message());
    case StatusCode::kNotFound:
      PyErr_SetString(PyExc_FileNotFoundError, s.message().c_str());
      throw py::error_already_set();
    case StatusCode::kDeadlineExceeded:
      PyErr_SetString(PyExc_TimeoutError, s.message().c_str());
      throw py::error_already_set();
    default:
      throw std::runtime_error(s.message());
  }
}

template <typename T>
T Unwrap(Result<T> r) {
  if (!r.ok()) Raise(r.status());
  return std::move(r).value();
}

// Runs `f` (a call into Roost) with the GIL released; errors are raised
// once the GIL is back.
template <typename F>
auto WithoutGil(F&& f) {
  auto r = [&] {
    py::gil_scoped_release nogil;
    return f();
  }();
  return Unwrap(std::move(r));
}

std::string PathOf(const py::object& p) { return py::module_::import("os").attr("fspath")(p).cast<std::string>(); }

std::string ReadText(const py::object& path, const char* what) {
  const std::string p = PathOf(path);
  std::ifstream in(p, std::ios::binary);
  if (!in) {
    PyErr_SetString(PyExc_FileNotFoundError, (std::string(what) + " not found: " + p).c_str());
    throw py::error_already_set();
  }
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// "tweets,authors" or ["tweets", "authors"].
MetricChoice Metrics(const py::object& m) {
  std::string list;
  if (py::isinstance<py::str>(m)) {
    list = m.cast<std::string>();
  } else {
    for (const auto& x : m) list += (list.empty() ? "" : ",") + x.cast<std::string>();
  }
  return Unwrap(answer::ParseMetricChoice(list));
}

std::vector<std::string> Strings(const py::object& v) {
  if (v.is_none()) return {};
  if (py::isinstance<py::str>(v)) return {v.cast<std::string>()};
  return v.cast<std::vector<std::string>>();
}

// The caller's gate settings from open(privacy=...): True for the default
// gate, or a dict of the command line's gate flags.
std::optional<GateSettings> Stricter(const py::object& privacy) {
  if (privacy.is_none()) return std::nullopt;
  if (py::isinstance<py::bool_>(privacy)) {
    if (!privacy.cast<bool>()) return std::nullopt;
    return GateSettings{};
  }
  if (!py::isinstance<py::dict>(privacy)) throw py::type_error("privacy: expected None, True or a dict");
  GateSettings g;
  for (const auto& [k, v] : privacy.cast<py::dict>()) {
    const std::string key = k.cast<std::string>();
    if (key == "min_authors") {
      g.min_answer_authors = v.cast<uint64_t>();
    } else if (key == "min_group_authors") {
      g.min_group_authors = v.cast<uint64_t>();
    } else if (key == "quantum") {
      g.count_quantum = v.cast<uint64_t>();
      if (g.count_quantum == 0) throw py::value_error("privacy: quantum must be at least 1");
    } else {
      throw py::value_error("privacy: unknown setting '" + key + "' (min_authors, min_group_authors, quantum)");
    }
  }
  g.origin = "the caller's settings";
  return g;
}

class Archive {
 public:
  Archive(std::shared_ptr<const Db> db, std::string path, Caller caller, int threads)
      : db_(std::move(db)), path_(std::move(path)), caller_(std::move(caller)), threads_(threads),
        gate_(db_->GateFor(caller_)) {}

  const std::string& path() const { return path_; }
  std::string role() const { return caller_.role == Role::kAdmin ? "admin" : "analyst"; }
  py::dict gate() const { return GateDict(gate_); }
  std::string Repr() const {
    return "roost.Archive('" + path_ + "', role='" + role() + "', gate=" + (gate_.enabled ? "on" : "off") + ")";
  }

  py::object Count(const std::string& filter, const py::object& start, const py::object& end, const std::string& tz,
                   bool detail) const {
    const Question q = Ask(filter, start, end, tz);
    const CountAnswer a = WithoutGil([&] { return db_->Count(q, caller_); });
    if (!detail) return a.redacted ? py::object(WithheldDict(a)) : py::int_(a.tweets);
    py::dict d;
    d["tweets"] = a.tweets, d["quantum"] = a.quantum, d["redacted"] = a.redacted, d["reason"] = a.reason;
    d["segments_scanned"] = a.segments_scanned, d["segments_total"] = a.segments_total;
    d["empty_because"] = a.empty_because;
    return d;
  }

  py::object CountTags(const py::object& tags, const std::string& filter, const py::object& start,
                       const py::object& end, const std::string& tz) const {
    const std::string text = ReadText(tags, "tag file");
    const Question q = Ask(filter, start, end, tz);
    const TagCountAnswer a = WithoutGil([&] { return db_->CountTags(q, text, caller_); });
    if (a.redacted) return WithheldDict(a);
    py::dict d;
    for (const TagCount& t : a.tags) d[py::str(t.tag)] = t.redacted ? py::object(py::none()) : py::int_(t.tweets);
    return d;
  }

  py::object Series(const std::string& filter, const std::string& interval, const std::string& tz,
                    const py::object& start, const py::object& end, const py::object& metrics) const {
    const Question q = Ask(filter, start, end, tz);
    SeriesRequest r;
    r.interval = interval, r.tz = tz, r.metrics = Metrics(metrics);
    const SeriesAnswer a = WithoutGil([&] { return db_->Series(q, r, caller_); });
    if (a.redacted) return WithheldDict(a);
    return SeriesColumns(a, Shown(r.metrics, gate_.enabled), gate_.enabled);
  }

  py::object Top(const std::string& target, const py::object& then, const std::string& filter,
                 const py::object& start, const py::object& end, const std::string& tz, size_t limit,
                 const std::string& rank_by, const py::object& metrics) const {
    const Question q = Ask(filter, start, end, tz);
    TopRequest r;
    r.levels = {target};
    for (auto& level : Strings(then)) r.levels.push_back(level);
    r.limit = limit, r.rank_by = rank_by, r.metrics = Metrics(metrics);
    const TopAnswer a = WithoutGil([&] { return db_->Top(q, r, caller_); });
    if (a.redacted) return WithheldDict(a);
    return TopItems(a.items, Shown(r.metrics, gate_.enabled), 0, r.levels.size());
  }

  py::object Sample(const std::string& filter, const py::object& start, const py::object& end, const std::string& tz,
                    size_t limit) const {
    const Question q = Ask(filter, start, end, tz);
    const SampleAnswer a = WithoutGil([&] { return db_->Sample(q, limit, caller_); });
    if (a.redacted) return WithheldDict(a);
    return SampleDict(a);
  }

  py::object Explain(const std::string& filter, const py::object& start, const py::object& end,
                     const std::string& tz) const {
    const Question q = Ask(filter, start, end, tz);
    const ExplainAnswer a = WithoutGil([&] { return db_->Explain(q, caller_); });
    if (a.redacted) return WithheldDict(a);
    return ExplainDict(a);
  }

  py::object Trends(const std::string& filter, const py::object& start, const py::object& end,
                    const py::object& at, const std::string& interval, const std::string& tz,
                    const std::string& lang, size_t limit, size_t tweets, uint64_t min_support, uint64_t min_sources,
                    double min_burst_z) const {
    const Question q = Ask(filter, start, end, tz);
    TrendsRequest r;
    if (!at.is_none()) r.at = Unwrap(ToTimestamp(at, tz, 0, "at"));
    r.interval = interval, r.tz = tz, r.lang = lang, r.limit = limit, r.tweets = tweets;
    r.min_support = min_support, r.min_sources = min_sources, r.min_burst_z = min_burst_z;
    const TrendsAnswer a = WithoutGil([&] { return db_->Trends(q, r, caller_); });
    if (a.redacted) return WithheldDict(a);
    return TrendsDict(a);
  }

  py::object Spikes(const std::string& filter, const py::object& start, const py::object& end,
                    const std::string& interval, const std::string& tz, double threshold, double min_spike_z,
                    size_t limit, size_t tweets, const py::object& news) const {
    const Question q = Ask(filter, start, end, tz);
    SpikesRequest r;
    r.interval = interval, r.tz = tz, r.threshold = threshold, r.min_spike_z = min_spike_z;
    r.limit = limit, r.tweets = tweets;
    if (!news.is_none()) r.news_csv = ReadText(news, "news timeline");
    const SpikesAnswer a = WithoutGil([&] { return db_->Spikes(q, r, caller_); });
    if (a.redacted) return WithheldDict(a);
    return SpikesDict(a);
  }

  py::object Forecast(const std::string& filter, const py::object& start, const py::object& end,
                      const std::string& interval, const std::string& tz, int horizon, int backtest_every,
                      std::optional<double> backtest_after_days, int combine) const {
    const Question q = Ask(filter, start, end, tz);
    ForecastRequest r;
    r.interval = interval, r.tz = tz, r.horizon = horizon, r.backtest_every = backtest_every;
    r.backtest_after_days = backtest_after_days, r.combine = combine;
    const ForecastAnswer a = WithoutGil([&] { return db_->Forecast(q, r, caller_); });
    if (a.redacted) return WithheldDict(a);
    return ForecastDict(a);
  }

  py::object Brands(const py::object& brands_file, const std::string& filter, const py::object& start,
                    const py::object& end, const std::string& interval, const std::string& tz,
                    const std::string& compare, const py::object& compare_start, const py::object& compare_end,
                    size_t limit, const py::object& only) const {
    const Question q = Ask(filter, start, end, tz);
    BrandsRequest r;
    r.brands_toml = ReadText(brands_file, "brands file");
    r.brands_path = PathOf(brands_file);
    r.interval = interval, r.tz = tz, r.compare = compare, r.limit = limit, r.only = Strings(only);
    if (!compare_start.is_none() || !compare_end.is_none()) {
      if (compare.empty()) r.compare = "range";
      r.compare_from = Unwrap(ToTimestamp(compare_start, tz, 0, "compare_start"));
      r.compare_to = Unwrap(ToTimestamp(compare_end, tz, 0, "compare_end"));
    }
    const BrandsAnswer a = WithoutGil([&] { return db_->Brands(q, r, caller_); });
    if (a.redacted) return WithheldDict(a);
    return BrandsDict(a);
  }

 private:
  Question Ask(const std::string& filter, const py::object& start, const py::object& end, const std::string& tz) const {
    Question q;
    q.filter = filter;
    q.from = Unwrap(ToTimestamp(start, tz, kBeginning, "start"));
    q.to = Unwrap(ToTimestamp(end, tz, kEnd, "end"));
    q.threads = threads_;
    return q;
  }

  std::shared_ptr<const Db> db_;
  std::string path_;
  Caller caller_;
  int threads_;
  GateSettings gate_;
};

// An analysis allocates and frees large tables on every call. glibc's
// defaults give such memory back to the system on free, and the next call
// pays a page fault per page it touches again (1,700 of them, half the time
// of a filtered series over 1.4M tweets: docs/PERFORMANCE.md, "Python").
// The roost binary has mimalloc, which keeps it; here glibc is told to keep
// freed blocks up to these sizes, unless the environment already says
// (MALLOC_MMAP_THRESHOLD_, MALLOC_TRIM_THRESHOLD_).
void KeepFreedMemory() {
  if (!std::getenv("MALLOC_MMAP_THRESHOLD_")) mallopt(M_MMAP_THRESHOLD, 32 << 20);  // glibc's maximum
  if (!std::getenv("MALLOC_TRIM_THRESHOLD_")) mallopt(M_TRIM_THRESHOLD, 128 << 20);
}

Archive Open(const py::object& path, const std::string& role, const py::object& privacy, int threads) {
  Caller caller;
  if (role == "admin") {
    caller.role = Role::kAdmin;
  } else if (role != "analyst") {
    throw py::value_error("role must be 'analyst' or 'admin', not '" + role + "'");
  }
  caller.stricter = Stricter(privacy);
  if (threads < 0) throw py::value_error("threads must not be negative (0: one per core)");
  const std::string dir = PathOf(path);
  std::unique_ptr<Db> db = WithoutGil([&] { return Db::Open(dir); });
  return Archive(std::shared_ptr<const Db>(std::move(db)), dir, std::move(caller), threads);
}

}  // namespace
}  // namespace roost::python

PYBIND11_MODULE(roost, m) {
  using namespace roost::python;
  using py::arg;
  m.doc() = "Roost tweet archives from Python: roost.open(path) and ask (docs/PYTHON.md).";
  m.attr("__version__") = ROOST_VERSION;
  const py::none none;
  KeepFreedMemory();

  m.def("open", &Open, arg("path"), py::kw_only(), arg("role") = "analyst", arg("privacy") = none,
        arg("threads") = 0,
        "Opens a snapshot of the archive at `path`. role='analyst' (the default, as on the command line) gets "
        "the archive's privacy.toml gate, exact answers when it has none; role='admin' gets exact answers. "
        "privacy=True or a dict (min_authors, min_group_authors, quantum) asks for a stricter gate.");

  py::class_<Archive>(m, "Archive", "A snapshot of one archive, safe to use from several threads.")
      .def_property_readonly("path", &Archive::path)
      .def_property_readonly("role", &Archive::role)
      .def_property_readonly("gate", &Archive::gate, "The privacy gate this archive's answers pass.")
      .def("__repr__", &Archive::Repr)
      .def("count", &Archive::Count, arg("filter") = "", arg("start") = none, arg("end") = none, py::kw_only(),
           arg("tz") = "UTC", arg("detail") = false,
           "Tweets matching `filter` in [start, end): an int, or {'redacted': True, 'reason': ...} when the gate "
           "withholds the answer; detail=True gives a dict with the rounding and the segments scanned.")
      .def("count_tags", &Archive::CountTags, arg("tags"), arg("filter") = "", arg("start") = none,
           arg("end") = none, py::kw_only(), arg("tz") = "UTC",
           "Tweets per tag of a tag file: {tag: count}, None for a tag the gate redacted.")
      .def("series", &Archive::Series, arg("filter") = "", py::kw_only(), arg("interval") = "hour",
           arg("tz") = "UTC", arg("start") = none, arg("end") = none, arg("metrics") = "all",
           "Metrics per time bucket as a dict of NumPy arrays: time (datetime64[ms], UTC), tweets, "
           "unique_authors, ...; pandas.DataFrame(result) takes it as it is.")
      .def("top", &Archive::Top, arg("target") = "hashtags", py::kw_only(), arg("then") = none, arg("filter") = "",
           arg("start") = none, arg("end") = none, arg("tz") = "UTC", arg("limit") = 10, arg("rank_by") = "tweets",
           arg("metrics") = "authors", "The most frequent values: a list of dicts (value, tweets, ..., children).")
      .def("sample", &Archive::Sample, arg("filter") = "", py::kw_only(), arg("start") = none, arg("end") = none,
           arg("tz") = "UTC", arg("limit") = 10,
           "The earliest matching tweets as columns: created_at, and id, handle, text as the gate allows.")
      .def("explain", &Archive::Explain, arg("filter"), py::kw_only(), arg("start") = none, arg("end") = none,
           arg("tz") = "UTC", "How a filter runs: its plan and the rows each step kept.")
      .def("trends", &Archive::Trends, arg("filter") = "", py::kw_only(), arg("start") = none, arg("end") = none,
           arg("at") = none, arg("interval") = "day", arg("tz") = "UTC", arg("lang") = "", arg("limit") = 10,
           arg("tweets") = 3, arg("min_support") = 0, arg("min_sources") = 5, arg("min_burst_z") = 8.0,
           "What was trending at a moment (at=...) or over [start, end).")
      .def("spikes", &Archive::Spikes, arg("filter") = "", py::kw_only(), arg("start") = none, arg("end") = none,
           arg("interval") = "hour", arg("tz") = "UTC", arg("threshold") = 0.65, arg("min_spike_z") = 6.0,
           arg("limit") = 5, arg("tweets") = 3, arg("news") = none,
           "Volume spikes against a seasonal baseline, each explained; news= a news timeline CSV to match.")
      .def("forecast", &Archive::Forecast, arg("filter") = "", py::kw_only(), arg("start") = none,
           arg("end") = none, arg("interval") = "hour", arg("tz") = "UTC", arg("horizon") = 24,
           arg("backtest_every") = 0, arg("backtest_after_days") = none, arg("combine") = 3,
           "A forecast with 80%/95% intervals, its history and backtest; forecast and history are columns.")
      .def("brands", &Archive::Brands, arg("brands_file"), py::kw_only(), arg("filter") = "", arg("start") = none,
           arg("end") = none, arg("interval") = "day", arg("tz") = "UTC", arg("compare") = "",
           arg("compare_start") = none, arg("compare_end") = none, arg("limit") = 5, arg("only") = none,
           "Brand scorecards for a brands file (brands.toml).");
}
