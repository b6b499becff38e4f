#include "privacy/privacy_policy.h"

#include <gtest/gtest.h>

#include "testing/test_util.h"

namespace roost::privacy {
namespace {

TEST(PrivacyPolicyTest, GatesAtAndAroundEachThreshold) {
  PrivacyPolicy p = PrivacyPolicy::Default();
  p.min_answer_authors = 100;
  p.min_group_authors = 10;
  EXPECT_FALSE(AnswerAllowed(p, 99));
  EXPECT_TRUE(AnswerAllowed(p, 100));
  EXPECT_TRUE(AnswerAllowed(p, 101));
  EXPECT_FALSE(GroupAllowed(p, 9));
  EXPECT_TRUE(GroupAllowed(p, 10));
  EXPECT_TRUE(GroupAllowed(p, 11));
  p.enabled = false;
  EXPECT_TRUE(AnswerAllowed(p, 0));
  EXPECT_TRUE(GroupAllowed(p, 0));
}

TEST(PrivacyPolicyTest, CountsRoundDownToTheQuantum) {
  PrivacyPolicy p = PrivacyPolicy::Default();
  p.count_quantum = 10;
  EXPECT_EQ(RoundDown(p, 9), 0u);
  EXPECT_EQ(RoundDown(p, 10), 10u);
  EXPECT_EQ(RoundDown(p, 19), 10u);
  aggregate::TweetMetrics m;
  m.tweets = 57;
  m.unique_authors = 31;
  m.positive = 12;
  m.negative = 8;
  m.scored = 20;
  m.sentiment_sum = 4;
  const auto q = Quantize(p, m);
  EXPECT_EQ(q.tweets, 50u);
  EXPECT_EQ(q.unique_authors, 30u);
  EXPECT_EQ(q.positive, 10u);
  EXPECT_EQ(q.negative, 0u);
  p.enabled = false;
  EXPECT_EQ(Quantize(p, m).tweets, 57u);
}

TEST(PrivacyPolicyTest, ReadsPolicyFilesAndNamesBadLines) {
  testing::ScratchDir dir;
  testing::WriteFileOrDie(dir / "privacy.toml",
                          "[privacy]\nmin_answer_authors = 50\nmin_group_authors = 5\ncount_quantum = 5\n"
                          "show_handles = true\n");
  auto p = ArchivePolicy(dir.path().string());
  ASSERT_TRUE(p.ok()) << p.status().message();
  EXPECT_TRUE(p->enabled);
  EXPECT_EQ(p->min_answer_authors, 50u);
  EXPECT_EQ(p->min_group_authors, 5u);
  EXPECT_EQ(p->count_quantum, 5u);
  EXPECT_TRUE(p->show_handles);
  EXPECT_FALSE(p->show_text);

  testing::WriteFileOrDie(dir / "bad.toml", "[privacy]\nenabled = true\ncount_quantum = 0\n");
  auto bad = LoadPolicyFile((dir / "bad.toml").string());
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("bad.toml:3"), std::string::npos) << bad.status().message();
  testing::WriteFileOrDie(dir / "typo.toml", "[privacy]\nmin_autors = 3\n");
  auto typo = LoadPolicyFile((dir / "typo.toml").string());
  ASSERT_FALSE(typo.ok());
  EXPECT_NE(typo.status().message().find("unknown setting 'min_autors'"), std::string::npos);

  testing::ScratchDir empty;
  auto none = ArchivePolicy(empty.path().string());
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->enabled);
}

}  // namespace
}  // namespace roost::privacy
