// Roost, start here: open an archive, ask a question, get an answer.
//
//   auto db = roost::Db::Open("/data/arc");          // a snapshot of the archive
//   if (!db.ok()) return db.status();
//   roost::Question q;
//   q.filter = "#rwc2023 lang:fr";                     // CSDL or a rule; "" = every tweet
//   auto a = (*db)->Count(q, roost::Caller{});         // an analyst, the archive's gate
//   if (a.ok() && !a->redacted) use(a->tweets);
//
// Every answer passes the privacy gate (docs/PRIVACY.md) for the caller:
// an analyst gets the archive's gate (its privacy.toml), tightened when the
// caller asks for a stricter one; an admin gets exact answers unless it asks
// for the gate. No surface (the command line, the HTTP API, a binding)
// applies the gate itself, so none can forget it: each renders these
// answers and nothing else.
//
// Every call returns Result<T>: the answer on success, a Status on failure
// (kInvalidArgument for a bad filter or range, kNotFound for a missing
// archive, kCorruption or kIoError for a damaged one). A Db is safe to use
// from several threads at once.
#ifndef ROOST_ROOST_H_
#define ROOST_ROOST_H_

#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "roost/status.h"
#include "roost/tweet.h"

namespace roost {

enum class Role : uint8_t {
  kAnalyst,  // gated aggregates only
  kAdmin,    // exact answers, samples with ids, text and handles
};

// The privacy gate's settings.
struct GateSettings {
  bool enabled = true;
  uint64_t min_answer_authors = 100;  // fewer unique authors: the whole answer is withheld
  uint64_t min_group_authors = 10;    // fewer in one bucket or item: that one is redacted
  uint64_t count_quantum = 10;        // every count shown is rounded down to a multiple
  bool show_text = false;             // raw tweet text may be shown
  bool show_handles = false;          // author handles may be shown
  std::string origin;                 // where the settings come from ("privacy.toml", ...)
};

// Who asks. `stricter` can only tighten the archive's gate, never loosen it.
struct Caller {
  Role role = Role::kAnalyst;
  std::optional<GateSettings> stricter;
};

// What to look at: a filter (CSDL or a PowerTrack-style rule; empty: every
// visible tweet) over the half-open UTC range [from, to) in milliseconds.
struct Question {
  std::string filter;
  TimestampMs from = std::numeric_limits<TimestampMs>::min();
  TimestampMs to = std::numeric_limits<TimestampMs>::max();
  int threads = 0;  // 0: one per core
  // Time the call may take, in ms (0: no limit): past it the work stops and
  // the call fails with kDeadlineExceeded.
  int64_t budget_ms = 0;
};

// Set on an answer the gate held back as a whole.
struct Withheld {
  bool redacted = false;
  std::string reason;  // empty unless redacted
};

struct CountAnswer : Withheld {
  uint64_t tweets = 0;        // rounded down to the gate's quantum; 0 when redacted
  uint64_t quantum = 1;       // the rounding applied (1: exact)
  uint64_t segments_scanned = 0, segments_total = 0;
  std::vector<std::string> empty_because;  // why nothing matched, when known
};

// Tweets per tag of a tag file (docs/QUERY.md, Tags).
struct TagCount {
  std::string tag;        // full name: "brands.Acme"
  std::string ns, name;   // "brands", "Acme"
  uint64_t tweets = 0;    // rounded; 0 when redacted
  bool redacted = false;  // fewer unique authors than the gate's group minimum
};

struct TagCountAnswer : Withheld {
  std::vector<TagCount> tags;  // file order
  uint64_t tagged = 0;         // tweets with at least one tag
  uint64_t matching = 0;       // tweets that pass the filters, tagged or not
  uint64_t quantum = 1;
};

// Metrics of a group of tweets (a bucket, an item, a whole answer) as the
// gate lets them out: counts rounded down to the quantum, the mean and net
// sentiment computed from the exact counts (they reveal no small count).
struct Metrics {
  bool redacted = false;  // too few unique authors in this group: nothing else is set
  uint64_t tweets = 0, unique_authors = 0, reach = 0;
  uint64_t retweets = 0, replies = 0, quotes = 0, engagement = 0;
  uint64_t scored = 0, positive = 0, neutral = 0, negative = 0;  // sentiment classes of scored tweets
  double sentiment_mean = 0, net_sentiment = 0;
};

// Which metric families to compute besides tweets (docs/ANALYSES.md).
struct MetricChoice {
  bool authors = true, kinds = true, engagement = true, sentiment = true;
};

struct SeriesRequest {
  std::string interval = "hour";  // minute, hour, day, week or month
  std::string tz = "UTC";         // IANA zone the buckets are cut in
  MetricChoice metrics;
};

struct SeriesBucket {
  std::string start;  // ISO 8601 in the zone ("2012-03-01T00:00:00Z")
  Metrics metrics;
};

struct SeriesAnswer : Withheld {
  std::string interval, tz;
  std::vector<SeriesBucket> buckets;  // every bucket of the range, empty ones included
  Metrics totals;
  std::vector<std::string> empty_because;  // why nothing matched, when known
};

struct TopRequest {
  std::vector<std::string> levels = {"hashtags"};  // target, then up to two breakdowns
  size_t limit = 10;                               // items per level (per parent below the first)
  std::string rank_by = "tweets";                  // tweets, authors, reach or engagement
  MetricChoice metrics{true, false, false, false};
};

struct TopItem {
  std::string value;  // empty when the item is redacted
  Metrics metrics;
  std::vector<TopItem> children;
};

struct TopAnswer : Withheld {
  std::vector<TopItem> items;
  uint64_t distinct = 0;  // distinct first-level values (rounded)
  uint64_t tweets = 0;    // tweets of the answer (rounded)
  std::vector<std::string> empty_because;
};

struct SampleTweet {
  std::string id;      // decimal; empty unless the caller may see ids
  TimestampMs created_at = 0;
  std::string handle;  // empty unless handles may be shown
  std::string text;    // empty unless text may be shown
};

struct SampleAnswer : Withheld {
  bool ids_shown = false, handles_shown = false, text_shown = false;
  std::vector<SampleTweet> tweets;  // earliest first
  std::vector<std::string> empty_because;
};

// One step of a filter's plan and the rows it kept (rounded under the gate).
struct PlanStep {
  std::string step;  // "text contains \"x\"", "AND", ...
  std::string how;   // "index", "scan" or "combine", with a regex's literals
  uint64_t rows_in = 0, rows_out = 0;
  std::vector<PlanStep> children;
};

struct ExplainAnswer : Withheld {
  std::string syntax;     // "rule" or "csdl"
  std::string canonical;  // the filter as fully parenthesised CSDL
  uint64_t segments_total = 0, segments_scanned = 0;
  uint64_t rows_total = 0, rows_in_segments = 0, rows_visible = 0, rows_in_range = 0, tweets = 0;
  uint64_t quantum = 1;
  PlanStep plan;
};

// A tweet an analysis shows (a trend's or a spike's most representative):
// its id and text only when text may be shown, its handle only when handles may.
struct ShownTweet {
  std::string created_at;  // ISO 8601 in the answer's zone
  std::string id;          // decimal; empty under any gate (as in samples)
  std::string text;
  std::string handle;
  int64_t retweet_count = 0;
};

// A value over-represented in a window against its baseline windows.
struct BurstingValue {
  bool redacted = false;      // too few unique authors: nothing else is set
  std::string dimension;      // "hashtags", "terms", "phrases", "domains", "lang", "authors"
  std::string value;          // as stored: "velocar"
  std::string display;        // as shown: "#velocar", "@user"
  uint64_t tweets = 0;        // in the window, rounded
  double expected_tweets = 0; // from the baseline windows, scaled to the window's volume
  double lift = 0, z = 0;
  uint64_t unique_authors = 0;  // rounded; set under the gate only
};

// What was trending at a moment (`at`: one window from there) or over the
// question's range (cut into windows); docs/ANALYSES.md, Trends.
struct TrendsRequest {
  std::optional<TimestampMs> at;  // unset: the question's from and to, both needed
  std::string interval = "day";   // a window: hour or day
  std::string tz = "UTC";         // IANA zone the times are shown in
  std::string lang;               // only tweets in this detected language
  size_t limit = 10;              // trends per window
  size_t tweets = 3;              // top tweets per trend
  uint64_t min_support = 0;       // a value's least count in a window; 0: 20 a day, 10 an hour
  uint64_t min_sources = 5;       // distinct source tweets of a value (a retweet counts as its original)
  double min_burst_z = 8;         // a value's least burst score
};

struct CurveHour {
  bool redacted = false;  // tweets by too few unique authors
  uint64_t tweets = 0;    // rounded
};

struct TrendItem {
  bool redacted = false;  // too few unique authors, or no value to name it by: nothing else is set
  std::string label;
  double score = 0;     // burst z of its strongest value
  uint64_t tweets = 0;  // tweets of the window holding any of its values, rounded
  std::string start, peak, end;
  std::vector<BurstingValue> values;  // by z descending
  std::string curve_start;
  std::vector<CurveHour> curve;  // hourly from curve_start
  std::vector<ShownTweet> top_tweets;
};

struct TrendsAnswer : Withheld {
  std::string interval, tz;
  std::string at;      // the window's start, when one moment was asked
  std::string filter;  // the question's filter, with the language
  GateSettings gate;   // the gate the answer passed (enabled = false: exact)
  bool text_shown = false, handles_shown = false;
  std::vector<TrendItem> trends;  // one window: by score; a period: by peak
  std::vector<std::string> empty_because;
};

// Volume spikes of the question's tweets against a seasonal baseline, each
// explained by the values over-represented inside it (docs/DETECTION.md).
struct SpikesRequest {
  std::string interval = "hour";  // minute, hour or day
  std::string tz = "UTC";
  double threshold = 0.65;        // anomaly score threshold, 0 to 1
  double min_spike_z = 6;         // a bucket whose residual z reaches this is a spike too (0: score only)
  size_t limit = 5;               // explanation values per dimension
  size_t tweets = 3;              // representative tweets per spike
  std::string news_csv;           // a news timeline (time,headline,url,keywords) to match, as text
};

struct NewsMatch {
  std::string time, headline, url;
  std::vector<std::string> matched;  // its keywords among the spike's values
};

struct ExplainingValues {
  std::string dimension;
  std::vector<BurstingValue> values;  // by z descending
};

struct SpikeItem {
  std::string start, peak, end;
  uint64_t peak_tweets = 0, excess_tweets = 0;  // rounded
  double expected_tweets = 0;                   // at the peak
  double magnitude = 0, score = 0;
  std::string baseline;  // "filter", or "all tweets" when the filter matches too little on other days
  std::vector<ExplainingValues> explanation;  // one per dimension of the answer
  std::vector<ShownTweet> top_tweets;
  std::vector<NewsMatch> news;
};

struct SpikesAnswer : Withheld {
  std::string interval, tz;
  std::string filter;
  GateSettings gate;
  bool text_shown = false, handles_shown = false;
  size_t buckets = 0;                   // of the series searched
  std::vector<std::string> dimensions;  // explanation dimensions (authors only when handles may be shown)
  std::vector<SpikeItem> spikes;        // in time order
  std::vector<std::string> empty_because;
};

// A forecast of the question's tweets per bucket with 80% / 95% intervals,
// the model chosen by a rolling-origin backtest on the history itself
// (docs/FORECAST.md).
struct ForecastRequest {
  std::string interval = "hour";  // hour or day
  std::string tz = "UTC";         // IANA zone the times are shown in
  int horizon = 24;               // buckets to forecast, 1 to 10000
  int backtest_every = 0;         // buckets between backtest origins (0: the horizon)
  std::optional<double> backtest_after_days;  // history start to first scored origin; unset: earliest
  int combine = 3;                // the best N models averaged into one more candidate (< 2: none)
};

// One forecast bucket. Under the gate the value is rounded to the nearest
// multiple of the quantum, lower bounds down and upper bounds up to one.
struct ForecastStep {
  std::string timestamp;  // start of the bucket, ISO 8601 in the zone
  double value = 0, lo80 = 0, hi80 = 0, lo95 = 0, hi95 = 0;
};

// One bucket of the history the forecast was fitted on, as the gate shows it.
struct HistoryBucket {
  std::string timestamp;
  double value = 0;       // tweets (rounded under the gate); 0 when redacted
  bool redacted = false;  // too few unique authors: filled from its neighbours for the fit
};

// A model's (or the procedure's) errors over the backtest's scored origins.
struct ForecastScore {
  std::string model;
  uint64_t origins = 0, points = 0;
  double mae = 0, mae_ratio = 0, mase = 0, smape = 0;  // mae_ratio: of seasonal naive's MAE
  double coverage80 = 0, coverage95 = 0;                // share of outcomes inside the intervals
};

struct ForecastBacktest {
  int horizon = 0, origin_every = 0;
  uint64_t origins = 0;                   // scored origins; 0: too little history
  std::string first_origin, last_origin;  // set when origins > 0
  std::string baseline;                   // seasonal naive of the shortest season
  ForecastScore selected;                 // the model chosen at each origin from earlier ones
  ForecastScore seasonal_naive;
  std::vector<ForecastScore> models;      // every candidate, baselines first
};

struct ForecastAnswer : Withheld {
  std::string interval, tz;
  GateSettings gate;                  // the gate the answer passed (enabled = false: exact)
  std::string model;                  // a model name or "combination"
  std::vector<std::string> combined;  // the models averaged, for a combination
  int horizon = 0;
  std::vector<HistoryBucket> history;  // what the models were fitted on, oldest first
  uint64_t redacted_buckets = 0;
  std::vector<ForecastStep> forecast;
  ForecastBacktest backtest;
  std::vector<std::string> warnings;       // plain sentences for the user
  std::vector<std::string> empty_because;  // why nothing matched, when known
};

// Brand scorecards for a brands file (docs/BRANDS.md): each brand's
// tweets, share of voice, authors, reach, engagement and sentiment over the
// question's range, what its tweets talk about, a series, and optionally
// the change against a comparison period. q.filter narrows every brand.
struct BrandsRequest {
  std::string brands_toml;                 // the text of a brands file
  std::string brands_path = "brands.toml"; // its name in errors
  std::string interval = "day";            // of each brand's series: hour, day, week or month
  std::string tz = "UTC";
  std::string compare;                     // "", "previous", "year", or "range" (compare_from..compare_to)
  TimestampMs compare_from = 0, compare_to = 0;
  size_t limit = 5;                        // items per top list
  std::vector<std::string> only;           // brand names to report (empty: all)
};

// A brand's figures over one period, as the gate shows them.
struct BrandFigures {
  Metrics metrics;             // tweets, unique_authors, reach, engagement, sentiment classes, net
  double share_of_voice = 0;   // of the tweets of its competitive set
  double share_of_file = 0;    // of the tweets of every brand of the file
  double net_sentiment = 0;    // (positive - negative) / tweets
};

struct BrandBucket {
  std::string start;
  bool redacted = false;
  uint64_t tweets = 0;
  double net_sentiment = 0;  // (positive - negative) / tweets
};

// One figure's change against the comparison period (docs/BRANDS.md).
struct FigureChange {
  std::string figure;  // "tweets", "share_of_voice", "unique_authors", ...
  double before = 0, after = 0, change = 0;
  std::optional<double> relative;  // change / before
  std::string test;                // "poisson", "two_proportion_z", "net_sentiment_z" or "none"
  double p_value = 1;
  bool significant = false;        // beyond noise at p < 0.05
};

struct BrandScorecard {
  std::string name;
  std::vector<std::string> competitive_set;  // itself and its competitors
  std::string matched_by;                    // "tags" (current brand tags) or "rule"
  std::string rule;                          // the brand's matching rule as a filter
  BrandFigures figures;
  std::vector<TopItem> hashtags, terms, domains, languages, countries;
  std::vector<TopItem> authors;              // by reach; only when handles may be shown
  std::vector<BrandBucket> series;
  std::optional<BrandFigures> before;        // the comparison period's figures
  std::vector<FigureChange> changes;
};

struct BrandsAnswer : Withheld {
  std::string from, to, interval, tz;       // the period (ISO 8601 in the zone)
  std::string compare_from, compare_to;     // set when compared
  GateSettings gate;
  bool handles_shown = false;
  uint64_t brand_tweets = 0;                // tweets of all brands of the file (a tweet of two counts twice)
  std::vector<BrandScorecard> brands;       // file order
  std::vector<std::string> notes;           // plain sentences for the user
};

class Db {
 public:
  // Opens a snapshot of the archive at `dir` and its privacy.toml.
  static Result<std::unique_ptr<Db>> Open(const std::string& dir);
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  // The gate `caller`'s answers pass (enabled = false: none).
  GateSettings GateFor(const Caller& caller) const;

  Result<CountAnswer> Count(const Question& q, const Caller& caller) const;
  // `tag_file` is the text of a tag file; q.filter restricts it further.
  Result<TagCountAnswer> CountTags(const Question& q, const std::string& tag_file, const Caller& caller) const;
  Result<SampleAnswer> Sample(const Question& q, size_t limit, const Caller& caller) const;
  // Per time bucket; with no range given, the archive's own.
  Result<SeriesAnswer> Series(const Question& q, const SeriesRequest& r, const Caller& caller) const;
  // The most frequent values, nested; targets that show handles need a
  // gate that allows handles.
  Result<TopAnswer> Top(const Question& q, const TopRequest& r, const Caller& caller) const;
  // Needs a filter.
  Result<ExplainAnswer> Explain(const Question& q, const Caller& caller) const;
  // Under the gate, trends need as many authors as the answer minimum and
  // each value the group minimum; hours, values and trends below it are redacted.
  Result<TrendsAnswer> Trends(const Question& q, const TrendsRequest& r, const Caller& caller) const;
  // With no range in q, the archive's own.
  Result<SpikesAnswer> Spikes(const Question& q, const SpikesRequest& r, const Caller& caller) const;
  // With no range in q, the archive's own. Under the gate the answer is
  // withheld below the answer's author minimum or when more than a tenth of
  // the history's buckets are redacted; the models see only the history as
  // the answer shows it (docs/FORECAST.md, Privacy).
  Result<ForecastAnswer> Forecast(const Question& q, const ForecastRequest& r, const Caller& caller) const;
  // With no range in q, the archive's own. Under the gate, a brand with too
  // few unique authors is redacted and top authors need handles shown.
  Result<BrandsAnswer> Brands(const Question& q, const BrandsRequest& r, const Caller& caller) const;

  struct Impl;

 private:
  explicit Db(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace roost

#endif  // ROOST_ROOST_H_
