#include "answer/brands_json.h"

#include "answer/gate_json.h"
#include "common/json_writer.h"

namespace roost::answer {
namespace {

void WriteFigures(JsonWriter* j, const BrandFigures& f) {
  const Metrics& m = f.metrics;
  j->Key("tweets").Uint(m.tweets).Key("share_of_voice").Double(f.share_of_voice);
  j->Key("share_of_file").Double(f.share_of_file).Key("unique_authors").Uint(m.unique_authors);
  j->Key("reach").Uint(m.reach).Key("engagement").Uint(m.engagement);
  j->Key("sentiment").BeginObject().Key("positive").Uint(m.positive).Key("neutral").Uint(m.neutral);
  j->Key("negative").Uint(m.negative).Key("scored").Uint(m.scored).Key("net").Double(f.net_sentiment);
  j->EndObject();
}

void WriteItems(JsonWriter* j, const char* key, const std::vector<TopItem>& items) {
  j->Key(key).BeginArray();
  for (const TopItem& t : items) {
    j->BeginObject();
    if (t.metrics.redacted) {
      j->Key("redacted").Bool(true);
    } else {
      j->Key("value").String(t.value).Key("tweets").Uint(t.metrics.tweets);
      if (t.metrics.reach) j->Key("reach").Uint(t.metrics.reach);
    }
    j->EndObject();
  }
  j->EndArray();
}

void WriteChange(JsonWriter* j, const FigureChange& c) {
  j->Key(c.figure).BeginObject().Key("before").Double(c.before).Key("after").Double(c.after);
  j->Key("change").Double(c.change).Key("relative");
  if (c.relative)
    j->Double(*c.relative);
  else
    j->Null();
  j->Key("test").String(c.test).Key("p_value").Double(c.p_value).Key("significant").Bool(c.significant);
  j->EndObject();
}

void WriteStrings(JsonWriter* j, const char* key, const std::vector<std::string>& v) {
  j->Key(key).BeginArray();
  for (const std::string& s : v) j->String(s);
  j->EndArray();
}

}  // namespace

std::string BrandsJson(const BrandsAnswer& a, std::optional<double> elapsed_ms) {
  JsonWriter j;
  j.BeginObject().Key("from").String(a.from).Key("to").String(a.to);
  j.Key("interval").String(a.interval).Key("tz").String(a.tz);
  if (!a.compare_from.empty())
    j.Key("compare").BeginObject().Key("from").String(a.compare_from).Key("to").String(a.compare_to).EndObject();
  WriteGate(&j, a.gate);
  j.Key("brand_tweets").Uint(a.brand_tweets).Key("brands").BeginArray();
  for (const BrandScorecard& b : a.brands) {
    j.BeginObject().Key("name").String(b.name);
    WriteStrings(&j, "competitive_set", b.competitive_set);
    j.Key("matched_by").String(b.matched_by).Key("rule").String(b.rule);
    if (b.figures.metrics.redacted) {
      j.Key("redacted").Bool(true).Key("reason").String("fewer unique authors than the privacy minimum").EndObject();
      continue;
    }
    WriteFigures(&j, b.figures);
    j.Key("top").BeginObject();
    WriteItems(&j, "hashtags", b.hashtags);
    WriteItems(&j, "terms", b.terms);
    WriteItems(&j, "domains", b.domains);
    WriteItems(&j, "languages", b.languages);
    WriteItems(&j, "countries", b.countries);
    if (a.handles_shown) WriteItems(&j, "authors", b.authors);
    j.EndObject().Key("series").BeginArray();
    for (const BrandBucket& s : b.series) {
      j.BeginObject().Key("start").String(s.start);
      if (s.redacted)
        j.Key("redacted").Bool(true);
      else
        j.Key("tweets").Uint(s.tweets).Key("net_sentiment").Double(s.net_sentiment);
      j.EndObject();
    }
    j.EndArray();
    if (b.before) {
      j.Key("before").BeginObject();
      if (b.before->metrics.redacted)
        j.Key("redacted").Bool(true);
      else
        WriteFigures(&j, *b.before);
      j.EndObject().Key("changes").BeginObject();
      for (const FigureChange& c : b.changes) WriteChange(&j, c);
      j.EndObject();
    }
    j.EndObject();
  }
  j.EndArray();
  WriteStrings(&j, "notes", a.notes);
  if (elapsed_ms) j.Key("elapsed_ms").Double(*elapsed_ms);
  j.EndObject();
  return j.str();
}

}  // namespace roost::answer
