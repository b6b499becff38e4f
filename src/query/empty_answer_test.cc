#include "query/empty_answer.h"

#include <gtest/gtest.h>

#include <optional>

#include "query/parser.h"
#include "storage/archive.h"
#include "storage/archive_writer.h"
#include "testing/test_util.h"

namespace roost::query {
namespace {

constexpr TimestampMs kDay = 86400000;
constexpr TimestampMs kMarch1 = 1330560000000;  // 2012-03-01T00:00:00Z

class EmptyAnswerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::vector<Tweet> tweets;
    for (uint64_t i = 0; i < 20; ++i) {
      Tweet t;
      t.id = 100 + i;
      t.created_at = kMarch1 + static_cast<TimestampMs>(i) * 3600000;
      t.user.id = 1 + i % 4;
      t.user.screen_name = "u" + std::to_string(t.user.id);
      t.text = "hello #rugby";
      t.hashtags.push_back({"rugby"});
      t.detected_lang = "en";
      tweets.push_back(std::move(t));
    }
    auto writer = storage::ArchiveWriter::Open(dir_.path().string(), storage::Partition::kDay, true);
    ASSERT_TRUE(writer.ok()) << writer.status().ToString();
    ASSERT_TRUE((*writer)->WriteSegment(std::move(tweets), kMarch1).ok());
    ASSERT_TRUE((*writer)->Commit().ok());
    auto a = storage::Archive::Open(dir_.path().string());
    ASSERT_TRUE(a.ok()) << a.status().ToString();
    archive_ = std::move(a).value();
  }

  std::vector<std::string> Why(const std::string& filter, TimestampMs from, TimestampMs to) {
    ExecOptions exec;
    exec.from = from, exec.to = to;
    std::optional<Query> q;
    if (!filter.empty()) {
      auto parsed = ParseQuery(filter);
      EXPECT_TRUE(parsed.ok()) << parsed.status().ToString();
      q = std::move(parsed).value();
    }
    auto why = ExplainEmptyAnswer(*archive_, q ? &*q : nullptr, exec);
    EXPECT_TRUE(why.ok()) << why.status().ToString();
    return why.ok() ? *why : std::vector<std::string>{};
  }

  roost::testing::ScratchDir dir_;
  std::shared_ptr<const storage::Archive> archive_;
};

TEST_F(EmptyAnswerTest, RangeOutsideTheArchiveSaysWhereItsTweetsAre) {
  const auto why = Why("", kMarch1 + 10 * kDay, kMarch1 + 11 * kDay);
  ASSERT_EQ(why.size(), 1u);
  EXPECT_NE(why[0].find("2012-03-01T00:00:00Z"), std::string::npos) << why[0];
  EXPECT_NE(why[0].find("outside"), std::string::npos) << why[0];
}

TEST_F(EmptyAnswerTest, AValueNoTweetHasIsNamed) {
  const auto why = Why("#cricket lang:fr", kMarch1, kMarch1 + kDay);
  ASSERT_EQ(why.size(), 2u);
  EXPECT_NE(why[0].find("hashtags 'cricket'"), std::string::npos) << why[0];
  EXPECT_NE(why[1].find("lang 'fr'"), std::string::npos) << why[1];
}

TEST_F(EmptyAnswerTest, ValuesThatExistGiveNoReason) {
  // Each part matches; only an OR branch or a negation could be empty.
  EXPECT_TRUE(Why("#rugby -hello", kMarch1, kMarch1 + kDay).empty());
  EXPECT_TRUE(Why("#cricket OR #rugby", kMarch1, kMarch1 + kDay).empty());
  EXPECT_TRUE(Why("#RUGBY lang:en", kMarch1, kMarch1 + kDay).empty());
}

TEST(EmptyAnswerGapTest, ADayBetweenSegmentsIsNamedAsAGap) {
  roost::testing::ScratchDir dir;
  auto writer = storage::ArchiveWriter::Open(dir.path().string(), storage::Partition::kDay, true);
  ASSERT_TRUE(writer.ok()) << writer.status().ToString();
  for (TimestampMs day : {kMarch1, kMarch1 + 2 * kDay}) {
    Tweet t;
    t.id = 100 + static_cast<uint64_t>(day / kDay);
    t.created_at = day + 3600000;
    t.user.id = 1;
    t.user.screen_name = "u1";
    t.text = "hello";
    t.detected_lang = "en";
    std::vector<Tweet> tweets;
    tweets.push_back(std::move(t));
    ASSERT_TRUE((*writer)->WriteSegment(std::move(tweets), day).ok());
  }
  ASSERT_TRUE((*writer)->Commit().ok());
  auto a = storage::Archive::Open(dir.path().string());
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  ExecOptions exec;
  exec.from = kMarch1 + kDay, exec.to = kMarch1 + 2 * kDay;
  auto why = ExplainEmptyAnswer(**a, nullptr, exec);
  ASSERT_TRUE(why.ok()) << why.status().ToString();
  ASSERT_EQ(why->size(), 1u);
  EXPECT_NE((*why)[0].find("2012-03-03T01:00:00Z"), std::string::npos) << (*why)[0];
  EXPECT_NE((*why)[0].find("none in the time range"), std::string::npos) << (*why)[0];
}

}  // namespace
}  // namespace roost::query
