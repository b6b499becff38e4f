// Every metric of `series` and `top` against a straightforward reference loop
// over the same tweets: a small synthetic archive is ingested while a tee
// keeps the tweets the archive stored, then maps and sets recompute what the
// columnar code must answer.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <map>
#include <set>

#include "analysis/aggregate/breakdown.h"
#include "analysis/aggregate/selection.h"
#include "analysis/aggregate/series.h"
#include "analysis/aggregate/unique_authors.h"
#include "common/time_parse.h"
#include "enrich/enricher.h"
#include "ingest/ingest_pipeline.h"
#include "query/parser.h"
#include "storage/archive_ingest_sink.h"
#include "synth/synth.h"
#include "testing/test_util.h"

namespace roost::aggregate {
namespace {

namespace fs = std::filesystem;

// Forwards to the archive and remembers what it stored.
class TeeSink : public IngestSink {
 public:
  explicit TeeSink(IngestSink* inner) : inner_(inner) {}
  Status AddTweets(std::vector<Tweet>* batch, std::vector<bool>* dup) override {
    std::vector<Tweet> copy = *batch;
    ROOST_RETURN_IF_ERROR(inner_->AddTweets(batch, dup));
    for (size_t i = 0; i < copy.size(); ++i)
      if (!(*dup)[i]) stored.push_back(std::move(copy[i]));
    return Status::Ok();
  }
  Status AddCompliance(const ComplianceEvent& e) override {
    ++compliance;
    return inner_->AddCompliance(e);
  }
  Status Commit() override { return inner_->Commit(); }
  std::vector<Tweet> stored;
  int compliance = 0;

 private:
  IngestSink* inner_;
};

// Europe/Paris in 2012, written out by hand: CEST from 25 March 01:00 UTC
// to 28 October 01:00 UTC.
int64_t ParisOffset(TimestampMs t) {
  const TimestampMs spring = *ParseIsoTime("2012-03-25T01:00:00Z"),
                    autumn = *ParseIsoTime("2012-10-28T01:00:00Z");
  return (t >= spring && t < autumn) ? 7'200'000 : 3'600'000;
}

struct Ref {
  uint64_t tweets = 0, retweets = 0, replies = 0, quotes = 0, engagement = 0, positive = 0,
           neutral = 0, negative = 0, scored = 0;
  double sentiment_sum = 0;
  std::map<uint64_t, int64_t> authors;  // author -> largest follower count
  void Add(const Tweet& t) {
    ++tweets;
    retweets += t.retweet_of != 0;
    replies += t.reply_to != 0;
    quotes += t.quote_of != 0;
    engagement += t.retweet_count + t.favorite_count + t.reply_count + t.quote_count;
    auto [it, fresh] = authors.emplace(t.user.id, t.user.followers);
    if (!fresh) it->second = std::max(it->second, t.user.followers);
    if (t.sentiment_scored) {
      ++scored;
      sentiment_sum += t.sentiment;
      if (t.sentiment >= 0.05f)
        ++positive;
      else if (t.sentiment <= -0.05f)
        ++negative;
      else
        ++neutral;
    }
  }
  uint64_t reach() const {
    uint64_t r = 0;
    for (const auto& [a, f] : authors) r += static_cast<uint64_t>(f);
    return r;
  }
};

void ExpectSame(const Ref& ref, const TweetMetrics& m, const std::string& where) {
  SCOPED_TRACE(where);
  EXPECT_EQ(m.tweets, ref.tweets);
  EXPECT_EQ(m.unique_authors, ref.authors.size());
  EXPECT_EQ(m.reach, ref.reach());
  EXPECT_EQ(m.retweets, ref.retweets);
  EXPECT_EQ(m.replies, ref.replies);
  EXPECT_EQ(m.quotes, ref.quotes);
  EXPECT_EQ(m.engagement, ref.engagement);
  EXPECT_EQ(m.scored, ref.scored);
  EXPECT_EQ(m.positive, ref.positive);
  EXPECT_EQ(m.neutral, ref.neutral);
  EXPECT_EQ(m.negative, ref.negative);
  EXPECT_NEAR(m.sentiment_mean(), ref.scored ? ref.sentiment_sum / ref.scored : 0.0, 1e-6);
}

DimensionSpec Dim(const char* name) {
  auto d = FindDimension(name);
  EXPECT_TRUE(d.ok()) << name;
  return *d;
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

class ReferenceTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::ScratchDir();
    synth::SynthOptions so;
    so.out_dir = (*dir_ / "synth").string();
    so.seed = 11;
    so.start = "2012-03-24";  // the 25th is Paris' short day
    so.days = 2;
    so.tweets_per_day = 2500;
    so.malformed_rate = 0;
    so.delete_rate = 0;
    so.protected_user_rate = 0;
    so.user_protect_rate = 0;
    so.scrub_geo_rate = 0;
    ASSERT_TRUE(synth::RunSynth(so).ok());
    IngestOptions io;
    for (const auto& e : fs::directory_iterator(so.out_dir))
      if (e.path().filename().string().rfind("tweets-", 0) == 0)
        io.inputs.push_back(e.path().string());
    std::sort(io.inputs.begin(), io.inputs.end());
    auto enricher = Enricher::Create();
    ASSERT_TRUE(enricher.ok()) << enricher.status().message();
    static Enricher e = std::move(enricher).value();
    io.enrich = [](Tweet* t) { e.Enrich(t); };
    io.threads = 2;
    auto sink = storage::OpenArchiveForIngest((*dir_ / "archive").string(), {});
    ASSERT_TRUE(sink.ok());
    TeeSink tee(sink->get());
    ASSERT_TRUE(RunIngest(io, &tee).ok());
    ASSERT_EQ(tee.compliance, 0);  // so every stored tweet is visible
    tweets_ = new std::vector<Tweet>(std::move(tee.stored));
    auto archive = storage::Archive::Open((*dir_ / "archive").string());
    ASSERT_TRUE(archive.ok());
    archive_ = new std::shared_ptr<const storage::Archive>(*archive);
  }
  static void TearDownTestSuite() {
    delete archive_;
    delete tweets_;
    delete dir_;
  }

  static query::QueryResult Select(const std::string& filter) {
    query::Query q;
    if (!filter.empty()) q = std::move(query::ParseQuery(filter)).value();
    auto r = SelectRows(**archive_, q, {});
    EXPECT_TRUE(r.ok()) << r.status().message();
    return std::move(r).value();
  }
  static TimeGrid Grid(Interval interval, const std::string& tz) {
    TimestampMs from = std::numeric_limits<TimestampMs>::min(),
                to = std::numeric_limits<TimestampMs>::max();
    DefaultSeriesRange(**archive_, &from, &to);
    return std::move(TimeGrid::Make(interval, std::move(ZoneRules::Load(tz)).value(), from, to))
        .value();
  }

  ColumnCache cache_;
  static testing::ScratchDir* dir_;
  static std::vector<Tweet>* tweets_;
  static std::shared_ptr<const storage::Archive>* archive_;
};
testing::ScratchDir* ReferenceTest::dir_ = nullptr;
std::vector<Tweet>* ReferenceTest::tweets_ = nullptr;
std::shared_ptr<const storage::Archive>* ReferenceTest::archive_ = nullptr;

TEST_F(ReferenceTest, HourlySeriesInParisMatchesAReferenceLoop) {
  ASSERT_GT(tweets_->size(), 4000u);
  auto s = ComputeSeries(**archive_, Select(""), Grid(Interval::kHour, "Europe/Paris"), MetricSet{},
                         2, &cache_);
  ASSERT_TRUE(s.ok()) << s.status().message();
  std::map<std::string, Ref> ref;  // label -> metrics
  Ref total;
  for (const Tweet& t : *tweets_) {
    const int64_t off = ParisOffset(t.created_at);
    const TimestampMs start = (t.created_at + off) / 3'600'000 * 3'600'000 - off;
    ref[FormatWithOffset(start, ParisOffset(start))].Add(t);
    total.Add(t);
  }
  size_t nonempty = 0;
  for (size_t i = 0; i < s->buckets.size(); ++i) {
    const std::string label = s->grid.Label(i);
    auto it = ref.find(label);
    if (it == ref.end()) {
      EXPECT_EQ(s->buckets[i].tweets, 0u) << label;
      continue;
    }
    ExpectSame(it->second, s->buckets[i], label);
    ++nonempty;
  }
  EXPECT_EQ(nonempty, ref.size());  // every reference bucket is in the grid
  ExpectSame(total, s->total, "total");
  // 24 March (Paris): 24 hours; 25 March: 23 hours (02:00 does not exist).
  size_t on_25th = 0;
  for (size_t i = 0; i < s->grid.size(); ++i)
    on_25th += s->grid.Label(i).rfind("2012-03-25", 0) == 0;
  EXPECT_EQ(on_25th, 23u);
}

TEST_F(ReferenceTest, DailySeriesOfAHashtagFilterInParis) {
  // The most used hashtag (reference count) as the filter.
  std::map<std::string, uint64_t> counts;
  for (const Tweet& t : *tweets_) {
    std::set<std::string> seen;
    for (const auto& h : t.hashtags) seen.insert(Lower(h.text));
    for (const auto& h : seen) ++counts[h];
  }
  ASSERT_FALSE(counts.empty());
  const std::string tag = std::max_element(counts.begin(), counts.end(), [](auto& a, auto& b) {
                            return a.second < b.second;
                          })->first;
  auto s = ComputeSeries(**archive_, Select("#" + tag), Grid(Interval::kDay, "Europe/Paris"),
                         MetricSet{}, 1, &cache_);
  ASSERT_TRUE(s.ok());
  std::map<std::string, Ref> ref;
  for (const Tweet& t : *tweets_) {
    bool has = false;
    for (const auto& h : t.hashtags) has = has || Lower(h.text) == tag;
    if (!has) continue;
    const int64_t off = ParisOffset(t.created_at);
    const TimestampMs day = (t.created_at + off) / 86'400'000 * 86'400'000;
    ref[FormatIsoTime(day).substr(0, 10)].Add(t);
  }
  uint64_t sum = 0;
  for (size_t i = 0; i < s->buckets.size(); ++i) {
    const std::string day = s->grid.Label(i).substr(0, 10);
    ExpectSame(ref[day], s->buckets[i], day);
    sum += s->buckets[i].tweets;
    // Paris midnight: +01:00 before the switch, +02:00 after.
    EXPECT_EQ(s->grid.Label(i).substr(10),
              day < "2012-03-26" ? "T00:00:00+01:00" : "T00:00:00+02:00");
  }
  EXPECT_EQ(sum, counts[tag]);
}

// Every bucket and the total of a series against the reference loop, with
// buckets taken from the grid itself (the grid's own tests check its bounds):
// what is checked is how metrics, unique authors and reach add up across
// rows, buckets and segments.
void ExpectSeriesMatches(const SeriesResult& s, const std::vector<Tweet>& tweets,
                         const std::function<bool(const Tweet&)>& keep) {
  std::vector<Ref> ref(s.grid.size());
  Ref total;
  for (const Tweet& t : tweets) {
    const size_t b = s.grid.IndexOf(t.created_at);
    if (!keep(t) || b == TimeGrid::npos) continue;
    ref[b].Add(t);
    total.Add(t);
  }
  ASSERT_EQ(s.buckets.size(), ref.size());
  for (size_t b = 0; b < ref.size(); ++b) ExpectSame(ref[b], s.buckets[b], s.grid.Label(b));
  ExpectSame(total, s.total, "total");
}

TEST_F(ReferenceTest, SeriesAcrossSegmentsInEveryIntervalAndZone) {
  // Day segments in UTC: days in New York and Tokyo, weeks and months hold
  // rows of both segments; minutes and hours of one only.
  ASSERT_GE((*archive_)->segment_count(), 2u);
  const std::vector<std::pair<Interval, const char*>> grids = {
      {Interval::kMinute, "UTC"},
      {Interval::kHour, "Asia/Kolkata"},
      {Interval::kDay, "America/New_York"},
      {Interval::kDay, "Asia/Tokyo"},
      {Interval::kWeek, "UTC"},
      {Interval::kWeek, "Pacific/Auckland"},
      {Interval::kMonth, "Europe/Paris"},
      {Interval::kDay, "UTC"}};
  const std::vector<std::pair<std::string, std::function<bool(const Tweet&)>>> filters = {
      {"", [](const Tweet&) { return true; }},
      {"twitter.lang == \"fr\"", [](const Tweet& t) { return t.lang == "fr"; }},
      {"not twitter.lang == \"en\"", [](const Tweet& t) { return t.lang != "en"; }},
  };
  for (const auto& [filter, keep] : filters) {
    const query::QueryResult selected = Select(filter);
    for (const auto& [interval, tz] : grids) {
      SCOPED_TRACE(std::string(IntervalName(interval)) + " in " + tz + ", filter " + filter);
      for (int threads : {1, 2}) {
        auto s =
            ComputeSeries(**archive_, selected, Grid(interval, tz), MetricSet{}, threads, &cache_);
        ASSERT_TRUE(s.ok()) << s.status().message();
        ExpectSeriesMatches(*s, *tweets_, keep);
      }
    }
  }
}

TEST_F(ReferenceTest, SeriesOfAuthorsAloneAndWithoutAuthors) {
  MetricSet authors_only = MetricSet::TweetsOnly();
  authors_only.authors = true;
  auto s = ComputeSeries(**archive_, Select(""), Grid(Interval::kDay, "America/New_York"),
                         authors_only, 2, &cache_);
  ASSERT_TRUE(s.ok());
  std::vector<Ref> ref(s->grid.size());
  for (const Tweet& t : *tweets_) ref[s->grid.IndexOf(t.created_at)].Add(t);
  for (size_t b = 0; b < ref.size(); ++b) {
    EXPECT_EQ(s->buckets[b].unique_authors, ref[b].authors.size()) << b;
    EXPECT_EQ(s->buckets[b].reach, ref[b].reach()) << b;
    EXPECT_EQ(s->buckets[b].retweets, 0u);
  }
  auto none = ComputeSeries(**archive_, Select(""), Grid(Interval::kWeek, "UTC"),
                            MetricSet::TweetsOnly(), 2, &cache_);
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(none->total.tweets, tweets_->size());
  EXPECT_EQ(none->total.unique_authors, 0u);
  EXPECT_EQ(none->total.reach, 0u);
}

TEST_F(ReferenceTest, UniqueAuthorsOfOneOrTwoOverlappingSelections) {
  const query::QueryResult all = Select(""), fr = Select("twitter.lang == \"fr\""),
                           not_en = Select("not twitter.lang == \"en\"");
  std::set<uint64_t> ref_all, ref_fr, ref_not_en;
  for (const Tweet& t : *tweets_) {
    ref_all.insert(t.user.id);
    if (t.lang == "fr") ref_fr.insert(t.user.id);
    if (t.lang != "en") ref_not_en.insert(t.user.id);
  }
  ASSERT_LT(ref_fr.size(), ref_not_en.size());
  auto count = [&](std::vector<const std::vector<query::SegmentMatches>*> lists) {
    auto n = CountUniqueAuthors(**archive_, lists, &cache_);
    EXPECT_TRUE(n.ok()) << n.status().message();
    return n.ok() ? *n : 0;
  };
  EXPECT_EQ(count({&all.segments}), ref_all.size());
  EXPECT_EQ(count({&fr.segments}), ref_fr.size());
  EXPECT_EQ(count({&fr.segments, &not_en.segments}), ref_not_en.size());  // fr is inside not_en
  EXPECT_EQ(count({}), 0u);
}

TEST_F(ReferenceTest, TopHashtagsMatchAReferenceCount) {
  std::map<std::string, Ref> ref;
  for (const Tweet& t : *tweets_) {
    std::set<std::string> seen;
    for (const auto& h : t.hashtags) seen.insert(Lower(h.text));
    for (const auto& h : seen) ref[h].Add(t);
  }
  std::vector<std::pair<std::string, uint64_t>> order;
  for (const auto& [h, r] : ref) order.emplace_back(h, r.tweets);
  std::sort(order.begin(), order.end(), [](auto& a, auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  BreakdownSpec spec;
  spec.levels = {Dim("hashtags")};
  spec.limit = 15;
  spec.metrics = MetricSet{};
  auto r = ComputeBreakdown(**archive_, Select(""), spec, &cache_);
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->items.size(), std::min<size_t>(15, order.size()));
  EXPECT_EQ(r->distinct, ref.size());
  for (size_t i = 0; i < r->items.size(); ++i) {
    EXPECT_EQ(r->items[i].value, order[i].first) << i;
    ExpectSame(ref[r->items[i].value], r->items[i].metrics, r->items[i].value);
  }
}

TEST_F(ReferenceTest, TopHashtagsOfASmallSelectionWithEveryMetric) {
  // A filter keeping few rows measures the shown values by walking those
  // rows instead of the values' postings; both must give the same answer.
  std::map<std::string, Ref> ref;
  for (const Tweet& t : *tweets_) {
    if (t.lang != "fr") continue;
    std::set<std::string> seen;
    for (const auto& h : t.hashtags) seen.insert(Lower(h.text));
    for (const auto& h : seen) ref[h].Add(t);
  }
  BreakdownSpec spec;
  spec.levels = {Dim("hashtags")};
  spec.limit = 100000;
  spec.metrics = MetricSet{};
  const query::QueryResult selected = Select("twitter.lang == \"fr\"");
  ASSERT_GT(selected.count, 0u);
  ASSERT_LT(selected.count * 8, tweets_->size());
  auto r = ComputeBreakdown(**archive_, selected, spec, &cache_);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->items.size(), ref.size());
  for (const auto& item : r->items) ExpectSame(ref[item.value], item.metrics, item.value);
}

TEST_F(ReferenceTest, TopHashtagsOfMostButNotAllTweets) {
  // A selection of most rows takes the dense counting path, which must take
  // back the rows left out (here: every tweet with the most used hashtag).
  std::map<std::string, uint64_t> all;
  for (const Tweet& t : *tweets_) {
    std::set<std::string> seen;
    for (const auto& h : t.hashtags) seen.insert(Lower(h.text));
    for (const auto& h : seen) ++all[h];
  }
  const std::string top = std::max_element(all.begin(), all.end(), [](auto& a, auto& b) {
                            return a.second < b.second;
                          })->first;
  std::map<std::string, uint64_t> ref;
  for (const Tweet& t : *tweets_) {
    std::set<std::string> seen;
    for (const auto& h : t.hashtags) seen.insert(Lower(h.text));
    if (seen.count(top)) continue;
    for (const auto& h : seen) ++ref[h];
  }
  BreakdownSpec spec;
  spec.levels = {Dim("hashtags")};
  spec.limit = 100000;
  spec.metrics = MetricSet::TweetsOnly();
  const query::QueryResult selected = Select("not hashtags contains \"" + top + "\"");
  ASSERT_GT(selected.count * 4, tweets_->size() * 3);
  auto r = ComputeBreakdown(**archive_, selected, spec, &cache_);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->items.size(), ref.size());
  for (const auto& item : r->items) EXPECT_EQ(item.metrics.tweets, ref[item.value]) << item.value;
}

TEST_F(ReferenceTest, NestedBreakdownLangThenSentimentClassThenKind) {
  auto kind = [](const Tweet& t) {
    return t.retweet_of ? "retweet" : t.quote_of ? "quote" : t.reply_to ? "reply" : "original";
  };
  auto sclass = [](const Tweet& t) {
    return !t.sentiment_scored     ? "unscored"
           : t.sentiment >= 0.05f  ? "positive"
           : t.sentiment <= -0.05f ? "negative"
                                   : "neutral";
  };
  std::map<std::vector<std::string>, Ref> ref;
  for (const Tweet& t : *tweets_) {
    if (t.lang.empty()) continue;
    ref[{t.lang}].Add(t);
    ref[{t.lang, sclass(t)}].Add(t);
    ref[{t.lang, sclass(t), kind(t)}].Add(t);
  }
  BreakdownSpec spec;
  spec.levels = {Dim("platform_lang"), Dim("sentiment_class"), Dim("kind")};
  spec.limit = 50;
  spec.metrics = MetricSet{};
  auto r = ComputeBreakdown(**archive_, Select(""), spec, &cache_);
  ASSERT_TRUE(r.ok()) << r.status().message();
  size_t seen = 0;
  for (const auto& a : r->items) {
    ExpectSame(ref[{a.value}], a.metrics, a.value);
    ++seen;
    for (const auto& b : a.children) {
      ExpectSame(ref[{a.value, b.value}], b.metrics, a.value + "/" + b.value);
      ++seen;
      for (const auto& c : b.children) {
        ExpectSame(ref[{a.value, b.value, c.value}], c.metrics,
                   a.value + "/" + b.value + "/" + c.value);
        ++seen;
      }
    }
  }
  EXPECT_EQ(seen, ref.size());  // limit 50 covers every path here
}

TEST_F(ReferenceTest, TopTermsSkipStopwordsAndRankAuthorsByReach) {
  BreakdownSpec spec;
  spec.levels = {Dim("terms")};
  spec.limit = 30;
  auto r = ComputeBreakdown(**archive_, Select(""), spec, &cache_);
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_FALSE(r->items.empty());
  for (const auto& item : r->items) {
    EXPECT_NE(item.value, "the");
    EXPECT_NE(item.value, "and");
    EXPECT_EQ(item.value.find(' '), std::string::npos);
    EXPECT_NE(item.value[0], '#');
  }
  // Authors by reach: the reference's largest follower counts, in order.
  std::map<std::string, int64_t> followers;
  std::map<std::string, uint64_t> tweets_by;
  for (const Tweet& t : *tweets_) {
    int64_t& f = followers[Lower(t.user.screen_name)];
    f = std::max(f, t.user.followers);
    ++tweets_by[Lower(t.user.screen_name)];
  }
  std::vector<std::pair<int64_t, std::string>> order;
  for (const auto& [h, f] : followers) order.emplace_back(-f, h);
  std::sort(order.begin(), order.end());
  spec.levels = {Dim("authors")};
  spec.rank_by = RankBy::kReach;
  spec.limit = 5;
  // Each segment hands over only its leaders: the tweets of the authors shown
  // and the distinct authors must still be the whole archive's, whatever the
  // metrics asked for.
  for (const MetricSet& metrics : {MetricSet::TweetsOnly(), MetricSet{}}) {
    spec.metrics = metrics;
    r = ComputeBreakdown(**archive_, Select(""), spec, &cache_);
    ASSERT_TRUE(r.ok());
    ASSERT_EQ(r->items.size(), 5u);
    EXPECT_EQ(r->distinct, followers.size());
    for (size_t i = 0; i < 5; ++i) {
      // Ties in follower counts may order differently; the counts may not.
      EXPECT_EQ(r->items[i].metrics.reach, static_cast<uint64_t>(-order[i].first)) << i;
      EXPECT_EQ(static_cast<int64_t>(r->items[i].metrics.reach), followers[r->items[i].value])
          << r->items[i].value;
      EXPECT_EQ(r->items[i].metrics.tweets, tweets_by[r->items[i].value]) << r->items[i].value;
    }
  }
  ASSERT_GE((*archive_)->segment_count(), 2u);
}

// Without distinct values, one-level top lists merge only each segment's
// leaders: the same items and counts as counting every value, for values
// that lead everywhere, somewhere or nowhere.
TEST_F(ReferenceTest, TopFromSegmentLeadersEqualsCountingEveryValue) {
  ASSERT_GE((*archive_)->segment_count(), 2u);
  for (const char* filter : {"", "twitter.lang == \"en\"", "not twitter.lang == \"fr\""}) {
    const query::QueryResult selected = Select(filter);
    for (const char* dim : {"terms", "hashtags", "domains", "lang", "mentions"}) {
      for (size_t limit : {1, 3, 10, 40}) {
        SCOPED_TRACE(std::string(dim) + " limit " + std::to_string(limit) + " filter " + filter);
        BreakdownSpec spec;
        spec.levels = {Dim(dim)};
        spec.limit = limit;
        spec.metrics = MetricSet::TweetsOnly();
        auto all = ComputeBreakdown(**archive_, selected, spec, &cache_);
        spec.distinct = false;
        auto leaders = ComputeBreakdown(**archive_, selected, spec, &cache_);
        ASSERT_TRUE(all.ok() && leaders.ok());
        EXPECT_EQ(leaders->distinct, 0u);
        ASSERT_EQ(leaders->items.size(), all->items.size());
        for (size_t i = 0; i < all->items.size(); ++i) {
          EXPECT_EQ(leaders->items[i].value, all->items[i].value) << i;
          EXPECT_EQ(leaders->items[i].metrics.tweets, all->items[i].metrics.tweets) << i;
        }
      }
    }
  }
}

}  // namespace
}  // namespace roost::aggregate
