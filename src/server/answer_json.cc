#include "server/answer_json.h"

#include <algorithm>

#include "common/json_writer.h"
#include "common/time_parse.h"

namespace roost::server {
namespace {

void Withheld(JsonWriter* w, const roost::Withheld& a) {
  if (a.redacted) w->Key("redacted").Bool(true).Key("reason").String(a.reason);
}

void Why(JsonWriter* w, const std::vector<std::string>& why) {
  if (why.empty()) return;
  w->Key("empty_because").BeginArray();
  for (const auto& s : why) w->String(s);
  w->EndArray();
}

void WriteMetrics(JsonWriter* w, const Metrics& m, const MetricChoice& c) {
  if (m.redacted) {
    w->Key("redacted").Bool(true);
    return;
  }
  w->Key("tweets").Uint(m.tweets);
  if (c.authors) w->Key("unique_authors").Uint(m.unique_authors).Key("reach").Uint(m.reach);
  if (c.kinds) w->Key("retweets").Uint(m.retweets).Key("replies").Uint(m.replies).Key("quotes").Uint(m.quotes);
  if (c.engagement) w->Key("engagement").Uint(m.engagement);
  if (c.sentiment) {
    // No scored tweet, no mean: null, never a 0 that reads neutral.
    auto mean = [&](const char* key, double v) {
      w->Key(key);
      if (m.scored) w->Double(v); else w->Null();
    };
    mean("sentiment_mean", m.sentiment_mean);
    w->Key("scored").Uint(m.scored);
    w->Key("scored_share").Double(m.tweets ? std::min(1.0, static_cast<double>(m.scored) / m.tweets) : 0.0);
    w->Key("positive").Uint(m.positive).Key("neutral").Uint(m.neutral).Key("negative").Uint(m.negative);
    mean("net_sentiment", m.net_sentiment);
  }
}

void WriteItems(JsonWriter* w, const std::vector<TopItem>& items, const MetricChoice& c) {
  w->BeginArray();
  for (const TopItem& item : items) {
    w->BeginObject();
    if (!item.metrics.redacted) w->Key("value").String(item.value);
    WriteMetrics(w, item.metrics, c);
    if (!item.children.empty()) {
      w->Key("children");
      WriteItems(w, item.children, c);
    }
    w->EndObject();
  }
  w->EndArray();
}

void WriteStep(JsonWriter* w, const PlanStep& s) {
  w->BeginObject().Key("step").String(s.step).Key("how").String(s.how);
  w->Key("rows_in").Uint(s.rows_in).Key("rows_out").Uint(s.rows_out).Key("children").BeginArray();
  for (const PlanStep& c : s.children) WriteStep(w, c);
  w->EndArray().EndObject();
}

}  // namespace

std::string GateJson(const GateSettings& g) {
  JsonWriter w;
  w.BeginObject().Key("enabled").Bool(g.enabled);
  if (g.enabled) {
    w.Key("min_answer_authors").Uint(g.min_answer_authors).Key("min_group_authors").Uint(g.min_group_authors);
    w.Key("count_quantum").Uint(g.count_quantum).Key("show_text").Bool(g.show_text);
    w.Key("show_handles").Bool(g.show_handles);
  }
  w.EndObject();
  return w.str();
}

std::string ToJson(const CountAnswer& a) {
  JsonWriter w;
  w.BeginObject();
  if (a.redacted) {
    w.Key("count").Null().Key("tweets").Null();
  } else {
    w.Key("count").Uint(a.tweets).Key("tweets").Uint(a.tweets);
  }
  w.Key("quantum").Uint(a.quantum).Key("segments_scanned").Uint(a.segments_scanned);
  w.Key("segments_total").Uint(a.segments_total);
  Withheld(&w, a);
  Why(&w, a.empty_because);
  w.EndObject();
  return w.str();
}

std::string ToJson(const SampleAnswer& a) {
  JsonWriter w;
  w.BeginObject();
  Withheld(&w, a);
  w.Key("tweets").BeginArray();
  for (const SampleTweet& t : a.tweets) {
    w.BeginObject();
    if (a.ids_shown) w.Key("id").String(t.id);
    w.Key("created_at").String(FormatIsoTime(t.created_at));
    if (a.handles_shown) w.Key("handle").String(t.handle);
    if (a.text_shown) w.Key("text").String(t.text);
    w.EndObject();
  }
  w.EndArray();
  Why(&w, a.empty_because);
  w.EndObject();
  return w.str();
}

std::string ToJson(const ExplainAnswer& a) {
  JsonWriter w;
  w.BeginObject().Key("syntax").String(a.syntax).Key("canonical").String(a.canonical);
  w.Key("segments_total").Uint(a.segments_total).Key("segments_scanned").Uint(a.segments_scanned);
  w.Key("rows_total").Uint(a.rows_total).Key("rows_in_segments").Uint(a.rows_in_segments);
  w.Key("rows_visible").Uint(a.rows_visible).Key("rows_in_range").Uint(a.rows_in_range);
  w.Key("quantum").Uint(a.quantum);
  if (a.redacted) {
    w.Key("tweets").Null();
  } else {
    w.Key("tweets").Uint(a.tweets);
  }
  Withheld(&w, a);
  w.Key("plan");
  WriteStep(&w, a.plan);
  w.EndObject();
  return w.str();
}

std::string ToJson(const SeriesAnswer& a, const MetricChoice& metrics) {
  JsonWriter w;
  w.BeginObject().Key("interval").String(a.interval).Key("tz").String(a.tz);
  Withheld(&w, a);
  if (!a.redacted) {
    w.Key("buckets").BeginArray();
    for (const SeriesBucket& b : a.buckets) {
      w.BeginObject().Key("start").String(b.start);
      WriteMetrics(&w, b.metrics, metrics);
      w.EndObject();
    }
    w.EndArray().Key("totals").BeginObject();
    WriteMetrics(&w, a.totals, metrics);
    w.EndObject();
  }
  Why(&w, a.empty_because);
  w.EndObject();
  return w.str();
}

std::string ToJson(const TopAnswer& a, const MetricChoice& metrics) {
  JsonWriter w;
  w.BeginObject();
  Withheld(&w, a);
  if (!a.redacted) {
    w.Key("items");
    WriteItems(&w, a.items, metrics);
    w.Key("distinct").Uint(a.distinct).Key("totals").BeginObject().Key("tweets").Uint(a.tweets).EndObject();
  }
  Why(&w, a.empty_because);
  w.EndObject();
  return w.str();
}

}  // namespace roost::server
