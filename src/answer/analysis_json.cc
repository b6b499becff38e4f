#include "answer/analysis_json.h"

#include "answer/gate_json.h"
#include "common/json_writer.h"

namespace roost::answer {
namespace {

void WriteRedacted(JsonWriter* w) { w->BeginObject().Key("redacted").Bool(true).EndObject(); }

// Trends list each value's dimension; spikes group values by dimension and add the lift.
void WriteValue(JsonWriter* w, const BurstingValue& v, bool gated, bool spike) {
  if (v.redacted) return WriteRedacted(w);
  w->BeginObject();
  if (!spike) w->Key("dimension").String(v.dimension);
  w->Key("value")
      .String(v.value)
      .Key("tweets")
      .Uint(v.tweets)
      .Key("expected_tweets")
      .Double(v.expected_tweets);
  if (spike) w->Key("lift").Double(v.lift);
  w->Key("z").Double(v.z);
  if (gated) w->Key("unique_authors").Uint(v.unique_authors);
  w->EndObject();
}

void WriteTweets(JsonWriter* w, const std::vector<ShownTweet>& tweets, bool text, bool handles) {
  w->Key("top_tweets").BeginArray();
  for (const ShownTweet& t : tweets) {
    w->BeginObject().Key("created_at").String(t.created_at);
    if (text) w->Key("id").String(t.id).Key("text").String(t.text);
    if (handles) w->Key("handle").String(t.handle);
    w->Key("retweet_count").Int(t.retweet_count).EndObject();
  }
  w->EndArray();
}

// {"privacy", "redacted", "reason"}: true when the answer was withheld.
bool Withheld(JsonWriter* w, const roost::Withheld& a, const GateSettings& gate) {
  if (!a.redacted) return false;
  w->BeginObject();
  WriteGate(w, gate);
  w->Key("redacted").Bool(true).Key("reason").String(a.reason).EndObject();
  return true;
}

void End(JsonWriter* w, const std::vector<std::string>& why, std::optional<double> elapsed_ms) {
  if (!why.empty()) {
    w->Key("empty_because").BeginArray();
    for (const std::string& s : why) w->String(s);
    w->EndArray();
  }
  if (elapsed_ms) w->Key("elapsed_ms").Double(*elapsed_ms);
  w->EndObject();
}

}  // namespace

std::string TrendsJson(const TrendsAnswer& a, std::optional<double> elapsed_ms) {
  JsonWriter j;
  if (Withheld(&j, a, a.gate)) return j.str();
  j.BeginObject().Key("interval").String(a.interval).Key("tz").String(a.tz);
  if (!a.at.empty()) j.Key("at").String(a.at);
  j.Key("filter").String(a.filter);
  WriteGate(&j, a.gate);
  j.Key("trends").BeginArray();
  for (const TrendItem& t : a.trends) {
    if (t.redacted) {
      WriteRedacted(&j);
      continue;
    }
    j.BeginObject().Key("label").String(t.label).Key("score").Double(t.score).Key("tweets").Uint(
        t.tweets);
    j.Key("start").String(t.start).Key("peak").String(t.peak).Key("end").String(t.end);
    j.Key("terms").BeginArray();
    for (const BurstingValue& v : t.values) WriteValue(&j, v, a.gate.enabled, false);
    j.EndArray().Key("curve_start").String(t.curve_start).Key("curve").BeginArray();
    for (const CurveHour& h : t.curve) {
      if (h.redacted)
        WriteRedacted(&j);
      else
        j.Uint(h.tweets);
    }
    j.EndArray();
    WriteTweets(&j, t.top_tweets, a.text_shown, a.handles_shown);
    j.EndObject();
  }
  j.EndArray();
  End(&j, a.empty_because, elapsed_ms);
  return j.str();
}

std::string SpikesJson(const SpikesAnswer& a, std::optional<double> elapsed_ms) {
  JsonWriter j;
  if (Withheld(&j, a, a.gate)) return j.str();
  j.BeginObject().Key("interval").String(a.interval).Key("tz").String(a.tz);
  j.Key("filter").String(a.filter);
  WriteGate(&j, a.gate);
  j.Key("spikes").BeginArray();
  for (const SpikeItem& s : a.spikes) {
    j.BeginObject().Key("start").String(s.start).Key("peak").String(s.peak);
    j.Key("end").String(s.end).Key("peak_tweets").Uint(s.peak_tweets);
    j.Key("expected_tweets").Double(s.expected_tweets).Key("magnitude").Double(s.magnitude);
    j.Key("excess_tweets").Uint(s.excess_tweets).Key("score").Double(s.score);
    j.Key("baseline").String(s.baseline);
    j.Key("explanation").BeginObject();
    for (const ExplainingValues& d : s.explanation) {
      j.Key(d.dimension).BeginArray();
      for (const BurstingValue& v : d.values) WriteValue(&j, v, a.gate.enabled, true);
      j.EndArray();
    }
    j.EndObject();
    WriteTweets(&j, s.top_tweets, a.text_shown, a.handles_shown);
    j.Key("news").BeginArray();
    for (const NewsMatch& n : s.news) {
      j.BeginObject().Key("time").String(n.time).Key("headline").String(n.headline);
      j.Key("url").String(n.url).Key("matched").BeginArray();
      for (const auto& x : n.matched) j.String(x);
      j.EndArray().EndObject();
    }
    j.EndArray().EndObject();
  }
  j.EndArray();
  End(&j, a.empty_because, elapsed_ms);
  return j.str();
}

}  // namespace roost::answer
