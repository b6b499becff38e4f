#include "answer/forecast_json.h"

#include "answer/gate_json.h"
#include "common/json_writer.h"

namespace roost::answer {
namespace {

void WriteScore(JsonWriter* j, const ForecastScore& m) {
  j->BeginObject().Key("model").String(m.model).Key("origins").Uint(m.origins).Key("points").Uint(m.points);
  j->Key("mae").Double(m.mae).Key("mae_ratio").Double(m.mae_ratio).Key("mase").Double(m.mase);
  j->Key("smape").Double(m.smape).Key("coverage80").Double(m.coverage80).Key("coverage95").Double(m.coverage95);
  j->EndObject();
}

void WriteStrings(JsonWriter* j, const std::vector<std::string>& v) {
  j->BeginArray();
  for (const auto& s : v) j->String(s);
  j->EndArray();
}

}  // namespace

std::string ForecastJson(const ForecastAnswer& a) {
  JsonWriter j;
  if (a.redacted) {
    j.BeginObject();
    WriteGate(&j, a.gate);
    j.Key("redacted").Bool(true).Key("reason").String(a.reason).EndObject();
    return j.str();
  }
  j.BeginObject().Key("model").String(a.model).Key("combined");
  WriteStrings(&j, a.combined);
  j.Key("interval").String(a.interval).Key("horizon").Int(a.horizon);
  j.Key("history").BeginObject().Key("start").String(a.history.empty() ? "" : a.history.front().timestamp);
  j.Key("steps").Uint(a.history.size()).Key("redacted").Uint(a.redacted_buckets).Key("buckets").BeginArray();
  for (const HistoryBucket& b : a.history) {
    j.BeginObject().Key("timestamp").String(b.timestamp);
    if (b.redacted)
      j.Key("redacted").Bool(true);
    else
      j.Key("value").Double(b.value);
    j.EndObject();
  }
  j.EndArray().EndObject().Key("forecast").BeginArray();
  for (const ForecastStep& p : a.forecast) {
    j.BeginObject().Key("timestamp").String(p.timestamp).Key("value").Double(p.value);
    j.Key("lo80").Double(p.lo80).Key("hi80").Double(p.hi80).Key("lo95").Double(p.lo95).Key("hi95").Double(p.hi95);
    j.EndObject();
  }
  const ForecastBacktest& b = a.backtest;
  j.EndArray().Key("backtest").BeginObject();
  j.Key("origins").Uint(b.origins).Key("origin_every").Int(b.origin_every).Key("horizon").Int(b.horizon);
  if (b.origins) j.Key("first_origin").String(b.first_origin).Key("last_origin").String(b.last_origin);
  j.Key("baseline").String(b.baseline).Key("selected");
  WriteScore(&j, b.selected);
  j.Key("seasonal_naive");
  WriteScore(&j, b.seasonal_naive);
  j.Key("models").BeginArray();
  for (const auto& m : b.models) WriteScore(&j, m);
  j.EndArray().EndObject().Key("tz").String(a.tz);
  WriteGate(&j, a.gate);
  j.Key("warnings");
  WriteStrings(&j, a.warnings);
  if (!a.empty_because.empty()) {
    j.Key("empty_because");
    WriteStrings(&j, a.empty_because);
  }
  j.EndObject();
  return j.str();
}

}  // namespace roost::answer
