#include "server/api.h"

#include <charconv>
#include <cstdio>

#include "answer/analysis_json.h"
#include "answer/brands_answer.h"
#include "answer/brands_json.h"
#include "answer/forecast_json.h"
#include "answer/gate.h"
#include "answer/metric_choice.h"
#include "common/json_writer.h"
#include "query/time_range.h"
#include "server/answer_json.h"

namespace roost::server {
namespace {

std::string Param(const Params& p, const std::string& name, const std::string& fallback = "") {
  auto it = p.find(name);
  return it == p.end() ? fallback : it->second;
}

Result<size_t> SizeParam(const Params& p, const std::string& name, size_t fallback, size_t max) {
  const std::string v = Param(p, name);
  if (v.empty()) return fallback;
  size_t n = 0;
  const auto r = std::from_chars(v.data(), v.data() + v.size(), n);
  if (r.ec != std::errc() || r.ptr != v.data() + v.size() || n == 0 || n > max)
    return Status::InvalidArgument(name + " must be a whole number from 1 to " + std::to_string(max));
  return n;
}

std::string Number(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.15g", x);
  return buf;
}

// A number (whole when `whole`) in [min, max]; absent: `fallback`.
Result<double> NumberParam(const Params& p, const std::string& name, double fallback, double min, double max,
                           bool whole = false) {
  const std::string v = Param(p, name);
  if (v.empty()) return fallback;
  double x = 0;
  const auto r = std::from_chars(v.data(), v.data() + v.size(), x);
  if (r.ec != std::errc() || r.ptr != v.data() + v.size() || !(x >= min && x <= max) ||
      (whole && x != static_cast<double>(static_cast<int64_t>(x))))
    return Status::InvalidArgument(name + " must be a " + (whole ? "whole " : "") + "number from " + Number(min) +
                                   " to " + Number(max));
  return x;
}

Result<MetricChoice> MetricsParam(const Params& p, MetricChoice fallback) {
  const std::string list = Param(p, "metrics");
  if (list.empty()) return fallback;
  return answer::ParseMetricChoice(list);
}

std::vector<std::string> SplitComma(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < s.size()) {
    const size_t end = std::min(s.find(',', start), s.size());
    if (end > start) out.push_back(s.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

template <typename T>
ApiResponse Render(Result<T> r) {
  if (!r.ok()) return Api::FromStatus(r.status());
  return {200, ToJson(*r)};
}

}  // namespace

ApiResponse Api::Error(int http_status, const std::string& code, const std::string& message) {
  JsonWriter w;
  w.BeginObject().Key("error").BeginObject().Key("code").String(code).Key("message").String(message).EndObject();
  w.EndObject();
  return {http_status, w.str()};
}

ApiResponse Api::FromStatus(const Status& s) {
  switch (s.code()) {
    case StatusCode::kInvalidArgument: case StatusCode::kParseError:
      return Error(400, StatusCodeName(s.code()), s.message());
    case StatusCode::kNotFound:
      return Error(404, StatusCodeName(s.code()), s.message());
    case StatusCode::kResourceExhausted:
      return Error(413, StatusCodeName(s.code()), s.message());
    case StatusCode::kDeadlineExceeded:
      // The server is fine; this question is too heavy for the budget.
      return Error(503, StatusCodeName(s.code()), s.message() + "; narrow the range or the filter");
    default:
      // Internal detail (paths, checksums) stays in the server's log.
      return Error(500, StatusCodeName(s.code()), "the server could not answer; see its log");
  }
}

Caller AnalystCaller(const Db& db) {
  Caller caller{Role::kAnalyst, std::nullopt};
  if (!db.GateFor(caller).enabled) caller.stricter = answer::ToSettings(privacy::PrivacyPolicy::Default());
  return caller;
}

ApiResponse Api::Handle(const std::string& path, const Params& params, const ApiKey& key) const {
  const std::shared_ptr<const Db> db = db_->Current();  // this request's snapshot
  // A server shares the archive with colleagues: an analyst is always gated.
  const Caller caller = key.role == Role::kAnalyst ? AnalystCaller(*db) : Caller{key.role, std::nullopt};
  Question q;
  q.filter = Param(params, "filter");
  if (q.filter.size() > limits_.max_filter_bytes)
    return Error(413, "resource_exhausted",
                 "filter is " + std::to_string(q.filter.size()) + " bytes, over the limit of " +
                     std::to_string(limits_.max_filter_bytes));
  q.budget_ms = limits_.request_budget_ms;
  if (!Param(params, "budget_ms").empty()) {
    auto budget = SizeParam(params, "budget_ms", 0, static_cast<size_t>(limits_.request_budget_ms));
    if (!budget.ok()) return FromStatus(budget.status());
    q.budget_ms = static_cast<int64_t>(*budget);
  }
  const std::string tz = Param(params, "tz", "UTC");
  if (const std::string from = Param(params, "from"); !from.empty()) {
    auto t = query::ParseTimeInZone(from, tz);
    if (!t.ok()) return FromStatus(t.status());
    q.from = *t;
  }
  if (const std::string to = Param(params, "to"); !to.empty()) {
    auto t = query::ParseTimeInZone(to, tz);
    if (!t.ok()) return FromStatus(t.status());
    q.to = *t;
  }
  const GateSettings gate = db->GateFor(caller);
  if (path == "/api/count") return Render(db->Count(q, caller));
  if (path == "/api/explain") return Render(db->Explain(q, caller));
  if (path == "/api/sample") {
    auto limit = SizeParam(params, "limit", 10, limits_.max_sample);
    if (!limit.ok()) return FromStatus(limit.status());
    return Render(db->Sample(q, *limit, caller));
  }
  if (path == "/api/series") {
    SeriesRequest r;
    r.interval = Param(params, "interval", "hour");
    r.tz = tz;
    auto metrics = MetricsParam(params, MetricChoice{});
    if (!metrics.ok()) return FromStatus(metrics.status());
    r.metrics = *metrics;
    if (gate.enabled) r.metrics.authors = true;  // the gate counts authors
    auto a = db->Series(q, r, caller);
    if (!a.ok()) return FromStatus(a.status());
    return {200, ToJson(*a, r.metrics)};
  }
  if (path == "/api/top") {
    TopRequest r;
    r.levels = {Param(params, "target", "hashtags")};
    for (const std::string& t : SplitComma(Param(params, "then"))) r.levels.push_back(t);
    auto limit = SizeParam(params, "limit", 10, 1000);
    if (!limit.ok()) return FromStatus(limit.status());
    r.limit = *limit;
    r.rank_by = Param(params, "rank_by", "tweets");
    auto metrics = MetricsParam(params, MetricChoice{true, false, false, false});
    if (!metrics.ok()) return FromStatus(metrics.status());
    r.metrics = *metrics;
    if (gate.enabled) r.metrics.authors = true;
    auto a = db->Top(q, r, caller);
    if (!a.ok()) return FromStatus(a.status());
    return {200, ToJson(*a, r.metrics)};
  }
  if (path == "/api/trends") {
    TrendsRequest r;
    r.tz = tz;
    r.interval = Param(params, "interval", "day");
    r.lang = Param(params, "lang");
    if (const std::string at = Param(params, "at"); !at.empty()) {
      auto t = query::ParseTimeInZone(at, tz);
      if (!t.ok()) return FromStatus(t.status());
      r.at = *t;
    }
    auto limit = SizeParam(params, "limit", r.limit, 64);
    auto tweets = NumberParam(params, "tweets", static_cast<double>(r.tweets), 0, 100, true);
    auto support = NumberParam(params, "min_support", 0, 0, 1e9, true);
    auto sources = NumberParam(params, "min_sources", static_cast<double>(r.min_sources), 0, 1e9, true);
    auto z = NumberParam(params, "min_burst_z", r.min_burst_z, 0, 1000);
    for (const Status& s : {limit.status(), tweets.status(), support.status(), sources.status(), z.status()})
      if (!s.ok()) return FromStatus(s);
    r.limit = *limit;
    r.tweets = static_cast<size_t>(*tweets);
    r.min_support = static_cast<uint64_t>(*support);
    r.min_sources = static_cast<uint64_t>(*sources);
    r.min_burst_z = *z;
    auto a = db->Trends(q, r, caller);
    if (!a.ok()) return FromStatus(a.status());
    return {200, answer::TrendsJson(*a)};
  }
  if (path == "/api/spikes") {
    SpikesRequest r;
    r.tz = tz;
    r.interval = Param(params, "interval", "hour");
    auto threshold = NumberParam(params, "threshold", r.threshold, 0, 1);
    auto z = NumberParam(params, "min_spike_z", r.min_spike_z, 0, 1000);
    auto limit = SizeParam(params, "limit", r.limit, 1000);
    auto tweets = NumberParam(params, "tweets", static_cast<double>(r.tweets), 0, 100, true);
    for (const Status& s : {threshold.status(), z.status(), limit.status(), tweets.status()})
      if (!s.ok()) return FromStatus(s);
    r.threshold = *threshold;
    r.min_spike_z = *z;
    r.limit = *limit;
    r.tweets = static_cast<size_t>(*tweets);
    auto a = db->Spikes(q, r, caller);
    if (!a.ok()) return FromStatus(a.status());
    return {200, answer::SpikesJson(*a)};
  }
  if (path == "/api/forecast") {
    ForecastRequest r;
    r.tz = tz;
    r.interval = Param(params, "interval", "hour");
    auto horizon = NumberParam(params, "horizon", r.horizon, 1, 10000, true);
    auto every = NumberParam(params, "backtest_every", 0, 0, 100000, true);
    auto combine = NumberParam(params, "combine", r.combine, 0, 20, true);
    auto after = NumberParam(params, "backtest_after", -1, 0, 1e6);
    for (const Status& s : {horizon.status(), every.status(), combine.status(), after.status()})
      if (!s.ok()) return FromStatus(s);
    r.horizon = static_cast<int>(*horizon);
    r.backtest_every = static_cast<int>(*every);
    r.combine = static_cast<int>(*combine);
    if (*after >= 0) r.backtest_after_days = *after;
    auto a = db->Forecast(q, r, caller);
    if (!a.ok()) return FromStatus(a.status());
    return {200, answer::ForecastJson(*a)};
  }
  if (path == "/api/brands") {
    if (brands_toml_.empty())
      return Error(404, "not_found", "this server has no brands file (start it with roost serve --brands FILE)");
    BrandsRequest r;
    r.brands_toml = brands_toml_;
    r.brands_path = brands_path_;
    r.tz = tz;
    r.interval = Param(params, "interval", "day");
    r.only = SplitComma(Param(params, "brand"));
    auto limit = SizeParam(params, "limit", r.limit, 100);
    if (!limit.ok()) return FromStatus(limit.status());
    r.limit = *limit;
    if (Status s = answer::ParseCompare(Param(params, "compare"), tz, &r); !s.ok()) return FromStatus(s);
    auto a = db->Brands(q, r, caller);
    if (!a.ok()) return FromStatus(a.status());
    return {200, answer::BrandsJson(*a)};
  }
  if (path == "/api/info") {
    Question everything;
    everything.budget_ms = q.budget_ms;
    auto all = db->Count(everything, caller);
    if (!all.ok()) return FromStatus(all.status());
    JsonWriter w;
    w.BeginObject().Key("role").String(key.role == Role::kAdmin ? "admin" : "analyst");
    w.Key("key_id").String(key.id);
    w.Key("tweets");
    if (all->redacted) w.Null(); else w.Uint(all->tweets);
    w.EndObject();
    std::string body = w.str();
    body.pop_back();  // the gate object goes in as raw JSON
    body += ", \"gate\": " + GateJson(gate) + "}";
    return {200, body};
  }
  return Error(404, "not_found", "no endpoint " + path + " (see /api/openapi.json)");
}

}  // namespace roost::server
