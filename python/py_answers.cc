#include "python/py_answers.h"

#include <pybind11/stl.h>

#include <cmath>
#include <limits>

#include "python/py_times.h"

namespace roost::python {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

py::object MeanOrNone(const Metrics& m, double v) { return m.scored ? py::object(py::float_(v)) : py::none(); }

py::list Strings(const std::vector<std::string>& v) {
  py::list out;
  for (const auto& s : v) out.append(s);
  return out;
}

// A table as a dict of NumPy arrays, filled in one pass over the rows.
class Columns {
 public:
  explicit Columns(size_t rows) : rows_(rows) {}
  // A new column of `rows` values of type T; the pointer to fill it.
  template <typename T>
  T* Add(const char* name) {
    py::array_t<T> a(static_cast<py::ssize_t>(rows_));
    out_[name] = a;
    return a.mutable_data();
  }
  int64_t* AddTimes(const char* name) {
    py::array a = NewTimes(rows_);
    out_[name] = a;
    return static_cast<int64_t*>(a.mutable_data());
  }
  py::dict Done() { return std::move(out_); }

 private:
  size_t rows_;
  py::dict out_;
};

// Count columns of a series: int64 exact, float64 with NaN when gated.
template <typename T>
struct CountColumns {
  T *tweets = nullptr, *unique_authors = nullptr, *reach = nullptr, *retweets = nullptr, *replies = nullptr,
    *quotes = nullptr, *engagement = nullptr, *scored = nullptr, *positive = nullptr, *neutral = nullptr,
    *negative = nullptr;
  double *sentiment_mean = nullptr, *net_sentiment = nullptr;

  CountColumns(Columns* c, const MetricChoice& shown) {
    tweets = c->Add<T>("tweets");
    if (shown.authors) unique_authors = c->Add<T>("unique_authors"), reach = c->Add<T>("reach");
    if (shown.kinds) retweets = c->Add<T>("retweets"), replies = c->Add<T>("replies"), quotes = c->Add<T>("quotes");
    if (shown.engagement) engagement = c->Add<T>("engagement");
    if (shown.sentiment) {
      scored = c->Add<T>("scored"), positive = c->Add<T>("positive"), neutral = c->Add<T>("neutral");
      negative = c->Add<T>("negative");
      sentiment_mean = c->Add<double>("sentiment_mean"), net_sentiment = c->Add<double>("net_sentiment");
    }
  }
  static void Put(T*& col, uint64_t v, bool redacted) {
    if (!col) return;
    if constexpr (std::is_floating_point_v<T>) {
      *col++ = redacted ? kNaN : static_cast<T>(v);
    } else {
      *col++ = static_cast<T>(v);
    }
  }
  void Row(const Metrics& m) {
    const bool r = m.redacted;
    Put(tweets, m.tweets, r), Put(unique_authors, m.unique_authors, r), Put(reach, m.reach, r);
    Put(retweets, m.retweets, r), Put(replies, m.replies, r), Put(quotes, m.quotes, r);
    Put(engagement, m.engagement, r);
    Put(scored, m.scored, r), Put(positive, m.positive, r), Put(neutral, m.neutral, r), Put(negative, m.negative, r);
    if (sentiment_mean) {
      const bool none = r || m.scored == 0;
      *sentiment_mean++ = none ? kNaN : m.sentiment_mean;
      *net_sentiment++ = none ? kNaN : m.net_sentiment;
    }
  }
};

template <typename T>
void FillSeries(const SeriesAnswer& a, const MetricChoice& shown, Columns* c) {
  int64_t* time = c->AddTimes("time");
  CountColumns<T> counts(c, shown);
  for (const SeriesBucket& b : a.buckets) {
    *time++ = IsoToMs(b.start);
    counts.Row(b.metrics);
  }
}

py::dict BurstingDict(const BurstingValue& v) {
  py::dict d;
  if (v.redacted) {
    d["redacted"] = true;
    return d;
  }
  d["dimension"] = v.dimension, d["value"] = v.value, d["display"] = v.display, d["tweets"] = v.tweets;
  d["expected_tweets"] = v.expected_tweets, d["lift"] = v.lift, d["z"] = v.z;
  d["unique_authors"] = v.unique_authors;
  return d;
}

py::list BurstingList(const std::vector<BurstingValue>& values) {
  py::list out;
  for (const auto& v : values) out.append(BurstingDict(v));
  return out;
}

py::list ShownTweets(const std::vector<ShownTweet>& tweets) {
  py::list out;
  for (const ShownTweet& t : tweets) {
    py::dict d;
    d["created_at"] = t.created_at, d["id"] = t.id, d["text"] = t.text, d["handle"] = t.handle;
    d["retweet_count"] = t.retweet_count;
    out.append(d);
  }
  return out;
}

py::dict PlanDict(const PlanStep& s) {
  py::dict d;
  d["step"] = s.step, d["how"] = s.how, d["rows_in"] = s.rows_in, d["rows_out"] = s.rows_out;
  py::list children;
  for (const auto& c : s.children) children.append(PlanDict(c));
  d["children"] = children;
  return d;
}

py::dict ScoreDict(const ForecastScore& s) {
  py::dict d;
  d["model"] = s.model, d["origins"] = s.origins, d["points"] = s.points, d["mae"] = s.mae;
  d["mae_ratio"] = s.mae_ratio, d["mase"] = s.mase, d["smape"] = s.smape;
  d["coverage80"] = s.coverage80, d["coverage95"] = s.coverage95;
  return d;
}

py::dict FiguresDict(const BrandFigures& f) {
  py::dict d = MetricsDict(f.metrics, MetricChoice{});
  if (f.metrics.redacted) return d;
  d["share_of_voice"] = f.share_of_voice, d["share_of_file"] = f.share_of_file, d["net_sentiment"] = f.net_sentiment;
  return d;
}

}  // namespace

py::dict WithheldDict(const Withheld& w) {
  py::dict d;
  d["redacted"] = true;
  d["reason"] = w.reason;
  return d;
}

py::dict GateDict(const GateSettings& g) {
  py::dict d;
  d["enabled"] = g.enabled;
  if (!g.enabled) return d;
  d["min_answer_authors"] = g.min_answer_authors, d["min_group_authors"] = g.min_group_authors;
  d["count_quantum"] = g.count_quantum, d["show_text"] = g.show_text, d["show_handles"] = g.show_handles;
  d["origin"] = g.origin;
  return d;
}

MetricChoice Shown(MetricChoice asked, bool gated) {
  if (gated) asked.authors = true;
  return asked;
}

py::dict MetricsDict(const Metrics& m, const MetricChoice& shown) {
  py::dict d;
  if (m.redacted) {
    d["redacted"] = true;
    return d;
  }
  d["tweets"] = m.tweets;
  if (shown.authors) d["unique_authors"] = m.unique_authors, d["reach"] = m.reach;
  if (shown.kinds) d["retweets"] = m.retweets, d["replies"] = m.replies, d["quotes"] = m.quotes;
  if (shown.engagement) d["engagement"] = m.engagement;
  if (shown.sentiment) {
    d["scored"] = m.scored, d["positive"] = m.positive, d["neutral"] = m.neutral, d["negative"] = m.negative;
    d["sentiment_mean"] = MeanOrNone(m, m.sentiment_mean), d["net_sentiment"] = MeanOrNone(m, m.net_sentiment);
  }
  return d;
}

py::dict SeriesColumns(const SeriesAnswer& a, const MetricChoice& shown, bool gated) {
  Columns c(a.buckets.size());
  if (gated) {
    FillSeries<double>(a, shown, &c);
  } else {
    FillSeries<int64_t>(a, shown, &c);
  }
  return c.Done();
}

py::list TopItems(const std::vector<TopItem>& items, const MetricChoice& shown, size_t depth, size_t levels) {
  py::list out;
  for (const TopItem& item : items) {
    py::dict d;
    if (item.metrics.redacted) {
      d["redacted"] = true;
    } else {
      d["value"] = item.value;
      d.attr("update")(MetricsDict(item.metrics, shown));
      if (depth + 1 < levels) d["children"] = TopItems(item.children, shown, depth + 1, levels);
    }
    out.append(d);
  }
  return out;
}

py::dict SampleDict(const SampleAnswer& a) {
  Columns c(a.tweets.size());
  int64_t* created = c.AddTimes("created_at");
  py::list ids, handles, texts;
  for (const SampleTweet& t : a.tweets) {
    *created++ = t.created_at;
    ids.append(t.id), handles.append(t.handle), texts.append(t.text);
  }
  py::dict d = c.Done();
  // Only what the gate shows: a column stays out rather than hold blanks.
  if (a.ids_shown) d["id"] = ids;
  if (a.handles_shown) d["handle"] = handles;
  if (a.text_shown) d["text"] = texts;
  return d;
}

py::dict ExplainDict(const ExplainAnswer& a) {
  py::dict d;
  d["syntax"] = a.syntax, d["canonical"] = a.canonical;
  d["segments_total"] = a.segments_total, d["segments_scanned"] = a.segments_scanned;
  d["rows_total"] = a.rows_total, d["rows_in_segments"] = a.rows_in_segments, d["rows_visible"] = a.rows_visible;
  d["rows_in_range"] = a.rows_in_range, d["tweets"] = a.tweets, d["quantum"] = a.quantum;
  d["plan"] = PlanDict(a.plan);
  return d;
}

py::dict TrendsDict(const TrendsAnswer& a) {
  py::dict d;
  d["interval"] = a.interval, d["tz"] = a.tz, d["at"] = a.at, d["filter"] = a.filter;
  d["privacy"] = GateDict(a.gate);
  d["text_shown"] = a.text_shown, d["handles_shown"] = a.handles_shown;
  py::list trends;
  for (const TrendItem& t : a.trends) {
    py::dict x;
    if (t.redacted) {
      x["redacted"] = true;
      trends.append(x);
      continue;
    }
    x["label"] = t.label, x["score"] = t.score, x["tweets"] = t.tweets;
    x["start"] = t.start, x["peak"] = t.peak, x["end"] = t.end;
    x["values"] = BurstingList(t.values);
    // The hourly curve as two arrays; NaN marks an hour the gate redacted.
    py::array_t<double> curve(static_cast<py::ssize_t>(t.curve.size()));
    double* c = curve.mutable_data();
    for (const CurveHour& h : t.curve) *c++ = h.redacted ? kNaN : static_cast<double>(h.tweets);
    x["curve_start"] = t.curve_start;
    x["curve"] = curve;
    x["top_tweets"] = ShownTweets(t.top_tweets);
    trends.append(x);
  }
  d["trends"] = trends;
  d["empty_because"] = Strings(a.empty_because);
  return d;
}

py::dict SpikesDict(const SpikesAnswer& a) {
  py::dict d;
  d["interval"] = a.interval, d["tz"] = a.tz, d["filter"] = a.filter, d["privacy"] = GateDict(a.gate);
  d["text_shown"] = a.text_shown, d["handles_shown"] = a.handles_shown, d["buckets"] = a.buckets;
  d["dimensions"] = Strings(a.dimensions);
  py::list spikes;
  for (const SpikeItem& s : a.spikes) {
    py::dict x;
    x["start"] = s.start, x["peak"] = s.peak, x["end"] = s.end;
    x["peak_tweets"] = s.peak_tweets, x["excess_tweets"] = s.excess_tweets, x["expected_tweets"] = s.expected_tweets;
    x["magnitude"] = s.magnitude, x["score"] = s.score, x["baseline"] = s.baseline;
    py::dict explanation;
    for (const ExplainingValues& e : s.explanation) explanation[py::str(e.dimension)] = BurstingList(e.values);
    x["explanation"] = explanation;
    x["top_tweets"] = ShownTweets(s.top_tweets);
    py::list news;
    for (const NewsMatch& n : s.news) {
      py::dict m;
      m["time"] = n.time, m["headline"] = n.headline, m["url"] = n.url, m["matched"] = Strings(n.matched);
      news.append(m);
    }
    x["news"] = news;
    spikes.append(x);
  }
  d["spikes"] = spikes;
  d["empty_because"] = Strings(a.empty_because);
  return d;
}

py::dict ForecastDict(const ForecastAnswer& a) {
  py::dict d;
  d["interval"] = a.interval, d["tz"] = a.tz, d["privacy"] = GateDict(a.gate), d["model"] = a.model;
  d["combined"] = Strings(a.combined), d["horizon"] = a.horizon;
  Columns f(a.forecast.size());
  int64_t* time = f.AddTimes("time");
  double *value = f.Add<double>("value"), *lo80 = f.Add<double>("lo80"), *hi80 = f.Add<double>("hi80");
  double *lo95 = f.Add<double>("lo95"), *hi95 = f.Add<double>("hi95");
  for (const ForecastStep& s : a.forecast) {
    *time++ = IsoToMs(s.timestamp);
    *value++ = s.value, *lo80++ = s.lo80, *hi80++ = s.hi80, *lo95++ = s.lo95, *hi95++ = s.hi95;
  }
  d["forecast"] = f.Done();
  Columns h(a.history.size());
  int64_t* htime = h.AddTimes("time");
  double* hvalue = h.Add<double>("value");  // NaN where the gate redacted the bucket
  for (const HistoryBucket& b : a.history) {
    *htime++ = IsoToMs(b.timestamp);
    *hvalue++ = b.redacted ? kNaN : b.value;
  }
  d["history"] = h.Done();
  d["redacted_buckets"] = a.redacted_buckets;
  py::dict bt;
  const ForecastBacktest& b = a.backtest;
  bt["horizon"] = b.horizon, bt["origin_every"] = b.origin_every, bt["origins"] = b.origins;
  bt["first_origin"] = b.first_origin, bt["last_origin"] = b.last_origin, bt["baseline"] = b.baseline;
  bt["selected"] = ScoreDict(b.selected), bt["seasonal_naive"] = ScoreDict(b.seasonal_naive);
  py::list models;
  for (const auto& m : b.models) models.append(ScoreDict(m));
  bt["models"] = models;
  d["backtest"] = bt;
  d["warnings"] = Strings(a.warnings);
  d["empty_because"] = Strings(a.empty_because);
  return d;
}

py::dict BrandsDict(const BrandsAnswer& a) {
  py::dict d;
  d["from"] = a.from, d["to"] = a.to, d["interval"] = a.interval, d["tz"] = a.tz;
  d["compare_from"] = a.compare_from, d["compare_to"] = a.compare_to;
  d["privacy"] = GateDict(a.gate), d["handles_shown"] = a.handles_shown, d["brand_tweets"] = a.brand_tweets;
  const MetricChoice top{true, false, false, false};
  py::list brands;
  for (const BrandScorecard& b : a.brands) {
    py::dict x;
    x["name"] = b.name, x["competitive_set"] = Strings(b.competitive_set), x["matched_by"] = b.matched_by;
    x["rule"] = b.rule, x["figures"] = FiguresDict(b.figures);
    x["hashtags"] = TopItems(b.hashtags, top, 0, 1), x["terms"] = TopItems(b.terms, top, 0, 1);
    x["domains"] = TopItems(b.domains, top, 0, 1), x["languages"] = TopItems(b.languages, top, 0, 1);
    x["countries"] = TopItems(b.countries, top, 0, 1), x["authors"] = TopItems(b.authors, top, 0, 1);
    // The brand's series as columns; NaN where the gate redacted a bucket.
    Columns s(b.series.size());
    int64_t* time = s.AddTimes("time");
    double *tweets = s.Add<double>("tweets"), *net = s.Add<double>("net_sentiment");
    for (const BrandBucket& k : b.series) {
      *time++ = IsoToMs(k.start);
      *tweets++ = k.redacted ? kNaN : static_cast<double>(k.tweets);
      *net++ = k.redacted ? kNaN : k.net_sentiment;
    }
    x["series"] = s.Done();
    x["before"] = b.before ? py::object(FiguresDict(*b.before)) : py::none();
    py::list changes;
    for (const FigureChange& c : b.changes) {
      py::dict y;
      y["figure"] = c.figure, y["before"] = c.before, y["after"] = c.after, y["change"] = c.change;
      y["relative"] = c.relative ? py::object(py::float_(*c.relative)) : py::none();
      y["test"] = c.test, y["p_value"] = c.p_value, y["significant"] = c.significant;
      changes.append(y);
    }
    x["changes"] = changes;
    brands.append(x);
  }
  d["brands"] = brands;
  d["notes"] = Strings(a.notes);
  return d;
}

}  // namespace roost::python
