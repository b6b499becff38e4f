// The gate is the answer layer's: whatever surface asks, an analyst's count,
// sample and plan pass the archive's privacy.toml, and an admin's are exact.
#include "roost/roost.h"

#include <gtest/gtest.h>

#include <fstream>

#include "storage/archive_writer.h"
#include "testing/test_util.h"

namespace roost {
namespace {

constexpr TimestampMs kMarch1 = 1330560000000;  // 2012-03-01T00:00:00Z

class DbTest : public ::testing::Test {
 protected:
  // 47 tweets by 20 authors; author 1 alone wrote the 3 tagged #lonely.
  void Write(bool with_policy) {
    std::vector<Tweet> tweets;
    for (uint64_t i = 0; i < 47; ++i) {
      Tweet t;
      t.id = 1000 + i;
      t.created_at = kMarch1 + static_cast<TimestampMs>(i) * 60000;
      const bool lonely = i < 3;
      t.user.id = lonely ? 1 : 2 + i % 19;
      t.user.screen_name = "user" + std::to_string(t.user.id);
      t.text = lonely ? "a lonely tweet #lonely" : "a crowded tweet #crowded";
      t.hashtags.push_back({lonely ? "lonely" : "crowded"});
      tweets.push_back(std::move(t));
    }
    auto writer = storage::ArchiveWriter::Open(dir_.path().string(), storage::Partition::kDay, true);
    ASSERT_TRUE(writer.ok()) << writer.status().ToString();
    ASSERT_TRUE((*writer)->WriteSegment(std::move(tweets), kMarch1).ok());
    ASSERT_TRUE((*writer)->Commit().ok());
    if (with_policy) {
      std::ofstream(dir_ / "privacy.toml") << "[privacy]\nmin_answer_authors = 5\nmin_group_authors = 2\n"
                                              "count_quantum = 10\nshow_text = true\n";
    }
    auto db = Db::Open(dir_.path().string());
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(db).value();
  }

  static Question Q(std::string filter) {
    Question q;
    q.filter = std::move(filter);
    return q;
  }

  roost::testing::ScratchDir dir_;
  std::unique_ptr<Db> db_;
  const Caller analyst_{Role::kAnalyst, std::nullopt};
  const Caller admin_{Role::kAdmin, std::nullopt};
};

TEST_F(DbTest, AnalystCountsAreRoundedAndSmallAnswersWithheld) {
  Write(true);
  auto all = db_->Count(Q(""), analyst_);
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  EXPECT_FALSE(all->redacted);
  EXPECT_EQ(all->tweets, 40u);
  EXPECT_EQ(all->quantum, 10u);
  auto lonely = db_->Count(Q("#lonely"), analyst_);
  ASSERT_TRUE(lonely.ok());
  EXPECT_TRUE(lonely->redacted);
  EXPECT_EQ(lonely->tweets, 0u);
  EXPECT_NE(lonely->reason.find("5 unique authors"), std::string::npos) << lonely->reason;
}

TEST_F(DbTest, AdminCountsAreExact) {
  Write(true);
  auto all = db_->Count(Q(""), admin_);
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->tweets, 47u);
  EXPECT_EQ(all->quantum, 1u);
  auto lonely = db_->Count(Q("from:user1"), admin_);
  ASSERT_TRUE(lonely.ok());
  EXPECT_FALSE(lonely->redacted);
  EXPECT_EQ(lonely->tweets, 3u);
}

TEST_F(DbTest, CallersMayTightenButNeverLoosen) {
  Write(true);
  GateSettings off;
  off.enabled = false;
  auto loose = db_->Count(Q("#lonely"), Caller{Role::kAnalyst, off});
  ASSERT_TRUE(loose.ok());
  EXPECT_TRUE(loose->redacted);
  GateSettings strict;
  strict.min_answer_authors = 1000;
  auto tight = db_->Count(Q(""), Caller{Role::kAnalyst, strict});
  ASSERT_TRUE(tight.ok());
  EXPECT_TRUE(tight->redacted);
  EXPECT_TRUE(db_->GateFor(admin_).enabled == false);
  EXPECT_TRUE(db_->GateFor(Caller{Role::kAdmin, strict}).enabled);
}

TEST_F(DbTest, GatedSamplesShowNoIds) {
  Write(true);
  auto s = db_->Sample(Q("#crowded"), 5, analyst_);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  ASSERT_EQ(s->tweets.size(), 5u);
  EXPECT_FALSE(s->ids_shown);
  EXPECT_FALSE(s->handles_shown);
  EXPECT_TRUE(s->text_shown);  // privacy.toml allows text here
  for (const SampleTweet& t : s->tweets) {
    EXPECT_EQ(t.id, "");
    EXPECT_EQ(t.handle, "");
    EXPECT_EQ(t.text, "a crowded tweet #crowded");
  }
  auto withheld = db_->Sample(Q("#lonely"), 5, analyst_);
  ASSERT_TRUE(withheld.ok());
  EXPECT_TRUE(withheld->redacted);
  EXPECT_TRUE(withheld->tweets.empty());
  auto exact = db_->Sample(Q("#lonely"), 5, admin_);
  ASSERT_TRUE(exact.ok());
  ASSERT_EQ(exact->tweets.size(), 3u);
  EXPECT_EQ(exact->tweets[0].id, "1000");
  EXPECT_EQ(exact->tweets[0].handle, "user1");
}

TEST_F(DbTest, GatedPlansRoundEveryCount) {
  Write(true);
  auto e = db_->Explain(Q("#crowded -#lonely"), analyst_);
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  EXPECT_EQ(e->tweets, 40u);
  EXPECT_EQ(e->rows_total, 40u);
  EXPECT_EQ(e->plan.step, "AND");
  for (const PlanStep& c : e->plan.children) EXPECT_EQ(c.rows_out % 10, 0u) << c.step;
  auto lonely = db_->Explain(Q("#lonely"), analyst_);
  ASSERT_TRUE(lonely.ok());
  EXPECT_TRUE(lonely->redacted);
  EXPECT_EQ(lonely->plan.rows_out, 0u);
  auto exact = db_->Explain(Q("#lonely"), admin_);
  ASSERT_TRUE(exact.ok());
  EXPECT_EQ(exact->tweets, 3u);
  EXPECT_EQ(exact->plan.rows_out, 3u);
}

TEST_F(DbTest, TagCountsRedactSmallTagsAndRoundTheRest) {
  Write(true);
  const std::string tags = "tag \"Lonely\" { #lonely }\ntag.x \"Crowded\" { #crowded }\n";
  auto a = db_->CountTags(Q(""), tags, analyst_);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  ASSERT_FALSE(a->redacted);
  ASSERT_EQ(a->tags.size(), 2u);
  EXPECT_TRUE(a->tags[0].redacted);  // one author, under the group minimum of 2
  EXPECT_EQ(a->tags[0].tweets, 0u);
  EXPECT_FALSE(a->tags[1].redacted);
  EXPECT_EQ(a->tags[1].tag, "x.Crowded");
  EXPECT_EQ(a->tags[1].tweets, 40u);  // 44 rounded down
  EXPECT_EQ(a->matching, 40u);
  auto exact = db_->CountTags(Q(""), tags, admin_);
  ASSERT_TRUE(exact.ok());
  EXPECT_EQ(exact->tags[0].tweets, 3u);
  EXPECT_EQ(exact->tags[1].tweets, 44u);
  auto only_lonely = db_->CountTags(Q(""), "tag \"L\" { #lonely }\n", analyst_);
  ASSERT_TRUE(only_lonely.ok());
  EXPECT_TRUE(only_lonely->redacted);
}

TEST_F(DbTest, SeriesBucketsAreGated) {
  Write(true);
  SeriesRequest r;
  r.interval = "hour";
  auto a = db_->Series(Q(""), r, analyst_);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  ASSERT_FALSE(a->redacted);
  EXPECT_EQ(a->interval, "hour");
  // 47 one-minute-apart tweets: hour 0 has 47, so one bucket.
  ASSERT_EQ(a->buckets.size(), 1u);
  EXPECT_EQ(a->buckets[0].start, "2012-03-01T00:00:00Z");
  EXPECT_EQ(a->buckets[0].metrics.tweets, 40u);
  EXPECT_EQ(a->totals.unique_authors, 20u);
  r.interval = "minute";
  auto minutes = db_->Series(Q(""), r, analyst_);
  ASSERT_TRUE(minutes.ok());
  ASSERT_EQ(minutes->buckets.size(), 47u);
  for (const SeriesBucket& b : minutes->buckets) EXPECT_TRUE(b.metrics.redacted) << b.start;  // one author each
  auto lonely = db_->Series(Q("#lonely"), r, analyst_);
  ASSERT_TRUE(lonely.ok());
  EXPECT_TRUE(lonely->redacted);
  auto exact = db_->Series(Q(""), r, admin_);
  ASSERT_TRUE(exact.ok());
  EXPECT_FALSE(exact->buckets[0].metrics.redacted);
  EXPECT_EQ(exact->buckets[0].metrics.tweets, 1u);
}

TEST_F(DbTest, TopItemsAreGated) {
  Write(true);
  TopRequest r;
  r.levels = {"hashtags"};
  auto a = db_->Top(Q(""), r, analyst_);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  ASSERT_EQ(a->items.size(), 2u);
  EXPECT_EQ(a->items[0].value, "crowded");
  EXPECT_EQ(a->items[0].metrics.tweets, 40u);
  EXPECT_TRUE(a->items[1].metrics.redacted);  // #lonely: one author
  EXPECT_EQ(a->items[1].value, "");           // its value hidden too
  EXPECT_EQ(a->tweets, 40u);
  r.levels = {"authors"};
  EXPECT_EQ(db_->Top(Q(""), r, analyst_).status().code(), StatusCode::kInvalidArgument);  // handles not allowed
  auto exact = db_->Top(Q(""), r, admin_);
  ASSERT_TRUE(exact.ok());
  EXPECT_EQ(exact->items[0].value, "user1");
  EXPECT_EQ(exact->items[0].metrics.tweets, 3u);
}

TEST_F(DbTest, WithoutAPolicyAnalystsGetExactAnswers) {
  Write(false);
  auto lonely = db_->Count(Q("#lonely"), analyst_);
  ASSERT_TRUE(lonely.ok());
  EXPECT_EQ(lonely->tweets, 3u);
  auto s = db_->Sample(Q("#lonely"), 1, analyst_);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->tweets.at(0).id, "1000");
}

TEST_F(DbTest, BadQuestionsAreInvalidArguments) {
  Write(false);
  auto bad = db_->Count(Q("text contians \"x\""), analyst_);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
  Question q;
  q.from = kMarch1 + 10, q.to = kMarch1;
  EXPECT_EQ(db_->Count(q, analyst_).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(db_->Explain(Q(""), analyst_).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(Db::Open((dir_ / "missing").string()).status().code(), StatusCode::kNotFound);
}

// Eight days of two #daily tweets an hour by 30 authors; on March 6 from
// 10:00, 203 #boom tweets by 50 authors and 60 #lonely ones by one author.
class AnalysisDbTest : public ::testing::Test {
 protected:
  static constexpr TimestampMs kHour = 3600000;
  static constexpr TimestampMs kBurst = kMarch1 + 5 * 24 * kHour + 10 * kHour;  // 2012-03-06T10:00Z

  void SetUp() override {
    auto writer = storage::ArchiveWriter::Open(dir_.path().string(), storage::Partition::kDay, true);
    ASSERT_TRUE(writer.ok()) << writer.status().ToString();
    uint64_t id = 1;
    auto add = [&](std::vector<Tweet>* day, TimestampMs at, uint64_t author, const std::string& tag) {
      Tweet t;
      t.id = id++;
      t.created_at = at;
      t.user.id = author;
      t.user.screen_name = "user" + std::to_string(author);
      t.text = "news of the day #" + tag;
      t.hashtags.push_back({tag});
      day->push_back(std::move(t));
    };
    for (int d = 0; d < 8; ++d) {
      const TimestampMs day_start = kMarch1 + d * 24 * kHour;
      std::vector<Tweet> tweets;
      for (int m = 0; m < 48; ++m) add(&tweets, day_start + m * 30 * 60000, 100 + m % 30, "daily");
      if (d == 5) {
        for (int i = 0; i < 203; ++i) add(&tweets, kBurst + i * 50000, 200 + i % 50, "boom");
        for (int i = 0; i < 60; ++i) add(&tweets, kBurst + i * 60000, 999, "lonely");
      }
      ASSERT_TRUE((*writer)->WriteSegment(std::move(tweets), day_start).ok());
    }
    ASSERT_TRUE((*writer)->Commit().ok());
    std::ofstream(dir_ / "privacy.toml") << "[privacy]\nmin_answer_authors = 20\nmin_group_authors = 5\n"
                                            "count_quantum = 10\n";
    auto db = Db::Open(dir_.path().string());
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(db).value();
  }

  static const TrendItem* Find(const TrendsAnswer& a, const std::string& label) {
    for (const TrendItem& t : a.trends)
      if (t.label == label) return &t;
    return nullptr;
  }

  roost::testing::ScratchDir dir_;
  std::unique_ptr<Db> db_;
  const Caller analyst_{Role::kAnalyst, std::nullopt};
  const Caller admin_{Role::kAdmin, std::nullopt};
};

TEST_F(AnalysisDbTest, AnalystTrendsAreGated) {
  TrendsRequest r;
  r.at = kMarch1 + 5 * 24 * kHour;
  auto a = db_->Trends(Question{}, r, analyst_);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  ASSERT_FALSE(a->redacted) << a->reason;
  EXPECT_EQ(a->at, "2012-03-06T00:00:00Z");
  EXPECT_TRUE(a->gate.enabled);
  EXPECT_EQ(a->gate.count_quantum, 10u);
  EXPECT_FALSE(a->text_shown);
  const TrendItem* boom = Find(*a, "#boom");
  ASSERT_NE(boom, nullptr);
  EXPECT_EQ(boom->tweets, 200u);  // 203 rounded down
  for (const CurveHour& h : boom->curve) EXPECT_TRUE(h.redacted || h.tweets % 10 == 0) << h.tweets;
  for (const ShownTweet& t : boom->top_tweets) EXPECT_TRUE(t.text.empty() && t.id.empty() && t.handle.empty());
  // One author's burst: no label may name it, so the trend is redacted.
  EXPECT_EQ(Find(*a, "#lonely"), nullptr);
  bool redacted = false;
  for (const TrendItem& t : a->trends) redacted |= t.redacted;
  EXPECT_TRUE(redacted);
  // Fewer authors than the answer minimum: withheld whole.
  GateSettings strict;
  strict.min_answer_authors = 1000;
  auto withheld = db_->Trends(Question{}, r, Caller{Role::kAnalyst, strict});
  ASSERT_TRUE(withheld.ok());
  EXPECT_TRUE(withheld->redacted);
  EXPECT_TRUE(withheld->trends.empty());
}

TEST_F(AnalysisDbTest, AGateThatShowsTextStillHidesTweetIds) {
  std::ofstream(dir_ / "privacy.toml") << "[privacy]\nmin_answer_authors = 20\nmin_group_authors = 5\n"
                                          "count_quantum = 10\nshow_text = true\n";
  auto db = Db::Open(dir_.path().string());
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  TrendsRequest r;
  r.at = kMarch1 + 5 * 24 * kHour;
  auto a = (*db)->Trends(Question{}, r, analyst_);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_TRUE(a->text_shown);
  const TrendItem* boom = Find(*a, "#boom");
  ASSERT_NE(boom, nullptr);
  ASSERT_FALSE(boom->top_tweets.empty());
  for (const ShownTweet& t : boom->top_tweets) {
    EXPECT_FALSE(t.text.empty());
    EXPECT_TRUE(t.id.empty()) << t.id;  // an id looks up its author
  }
}

TEST_F(AnalysisDbTest, AdminTrendsAreExact) {
  TrendsRequest r;
  r.at = kMarch1 + 5 * 24 * kHour;
  auto a = db_->Trends(Question{}, r, admin_);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_FALSE(a->gate.enabled);
  const TrendItem* boom = Find(*a, "#boom");
  ASSERT_NE(boom, nullptr);
  EXPECT_EQ(boom->tweets, 203u);
  const TrendItem* lonely = Find(*a, "#lonely");
  ASSERT_NE(lonely, nullptr);
  EXPECT_EQ(lonely->tweets, 60u);
  ASSERT_FALSE(lonely->top_tweets.empty());
  EXPECT_EQ(lonely->top_tweets[0].handle, "user999");
  EXPECT_FALSE(lonely->top_tweets[0].id.empty());
}

TEST_F(AnalysisDbTest, TrendsNeedOneMomentOrARange) {
  TrendsRequest r;
  EXPECT_EQ(db_->Trends(Question{}, r, admin_).status().code(), StatusCode::kInvalidArgument);
  r.at = kBurst;
  Question q;
  q.from = kMarch1;
  q.to = kBurst;
  EXPECT_EQ(db_->Trends(q, r, admin_).status().code(), StatusCode::kInvalidArgument);
  r.at.reset();
  r.interval = "week";
  EXPECT_EQ(db_->Trends(q, r, admin_).status().code(), StatusCode::kInvalidArgument);
  r.interval = "day";
  auto period = db_->Trends(q, r, admin_);
  ASSERT_TRUE(period.ok()) << period.status().ToString();
  EXPECT_EQ(period->at, "");
}

TEST_F(AnalysisDbTest, SpikesAreGatedForAnalystsAndExactForAdmins) {
  SpikesRequest r;
  auto a = db_->Spikes(Question{}, r, analyst_);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  ASSERT_FALSE(a->redacted);
  EXPECT_EQ(a->buckets, 192u);
  ASSERT_EQ(a->spikes.size(), 1u);
  const SpikeItem& s = a->spikes[0];
  EXPECT_EQ(s.start, "2012-03-06T10:00:00Z");
  EXPECT_EQ(s.peak_tweets % 10, 0u);
  EXPECT_EQ(s.excess_tweets % 10, 0u);
  // No handles for analysts: no authors dimension, a one-author value redacted.
  EXPECT_EQ(a->dimensions, (std::vector<std::string>{"terms", "hashtags", "phrases", "domains", "lang"}));
  bool boom = false, lonely_hidden = false;
  for (const ExplainingValues& d : s.explanation)
    for (const BurstingValue& v : d.values) {
      EXPECT_NE(v.value, "lonely");
      if (v.value == "boom") boom = v.tweets == 200 && v.unique_authors == 50;
      lonely_hidden |= v.redacted && d.dimension == "hashtags";
    }
  EXPECT_TRUE(boom);
  EXPECT_TRUE(lonely_hidden);

  auto exact = db_->Spikes(Question{}, r, admin_);
  ASSERT_TRUE(exact.ok()) << exact.status().ToString();
  ASSERT_EQ(exact->spikes.size(), 1u);
  EXPECT_EQ(exact->dimensions.back(), "authors");
  uint64_t lonely = 0;
  for (const ExplainingValues& d : exact->spikes[0].explanation)
    for (const BurstingValue& v : d.values)
      if (v.value == "lonely") lonely = v.tweets;
  EXPECT_EQ(lonely, 60u);

  GateSettings strict;
  strict.min_answer_authors = 1000;
  auto withheld = db_->Spikes(Question{}, r, Caller{Role::kAnalyst, strict});
  ASSERT_TRUE(withheld.ok());
  EXPECT_TRUE(withheld->redacted);
  r.interval = "month";
  EXPECT_EQ(db_->Spikes(Question{}, r, admin_).status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace roost
