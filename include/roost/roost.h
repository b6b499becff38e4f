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

  struct Impl;

 private:
  explicit Db(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace roost

#endif  // ROOST_ROOST_H_
