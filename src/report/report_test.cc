// The report shows the gated answers and nothing the gate holds back.
#include "report/report.h"

#include <gtest/gtest.h>

#include <fstream>

#include "report/html.h"
#include "storage/archive_writer.h"
#include "testing/test_util.h"

namespace roost::report {
namespace {

constexpr TimestampMs kMarch1 = 1330560000000;  // 2012-03-01T00:00:00Z
constexpr TimestampMs kDay = 86400000;

class ReportTest : public ::testing::Test {
 protected:
  // Day 1: 400 tweets by 40 authors (#busy); day 2: 30 tweets by 3 authors
  // (#quiet), under the group minimum of 10 authors.
  void SetUp() override {
    std::vector<Tweet> tweets;
    uint64_t id = 1000;
    auto add = [&](TimestampMs at, uint64_t user, const std::string& tag) {
      Tweet t;
      t.id = id++;
      t.created_at = at;
      t.user.id = user;
      t.user.screen_name = "person" + std::to_string(user);
      t.text = "secret words of person" + std::to_string(user) + " #" + tag;
      t.hashtags.push_back({tag});
      tweets.push_back(std::move(t));
    };
    for (int i = 0; i < 400; ++i) add(kMarch1 + i * 60000, 1 + i % 40, "busy");
    for (int i = 0; i < 30; ++i) add(kMarch1 + kDay + i * 60000, 100 + i % 3, "quiet");
    auto writer = storage::ArchiveWriter::Open(dir_.path().string(), storage::Partition::kDay, true);
    ASSERT_TRUE(writer.ok()) << writer.status().ToString();
    std::vector<Tweet> day1(tweets.begin(), tweets.begin() + 400), day2(tweets.begin() + 400, tweets.end());
    ASSERT_TRUE((*writer)->WriteSegment(std::move(day1), kMarch1).ok());
    ASSERT_TRUE((*writer)->WriteSegment(std::move(day2), kMarch1 + kDay).ok());
    ASSERT_TRUE((*writer)->Commit().ok());
    std::ofstream(dir_ / "privacy.toml") << "[privacy]\nmin_answer_authors = 20\nmin_group_authors = 10\n"
                                            "count_quantum = 100\n";
    auto db = Db::Open(dir_.path().string());
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(db).value();
    request_.question.from = kMarch1;
    request_.question.to = kMarch1 + 2 * kDay;
  }

  roost::testing::ScratchDir dir_;
  std::unique_ptr<Db> db_;
  ReportRequest request_;
  const Caller analyst_{Role::kAnalyst, std::nullopt};
};

TEST_F(ReportTest, ShowsTheGatedFiguresAndWithholdsSmallGroups) {
  auto html = BuildReportHtml(*db_, request_, analyst_);
  ASSERT_TRUE(html.ok()) << html.status().ToString();
  auto count = db_->Count(request_.question, analyst_);
  ASSERT_TRUE(count.ok());
  EXPECT_EQ(count->tweets, 400u);  // 430 rounded down to the quantum
  EXPECT_NE(html->find("<b>" + GroupedCount(count->tweets) + "</b><span>tweets</span>"), std::string::npos);
  EXPECT_NE(html->find(">busy<"), std::string::npos);
  EXPECT_NE(html->find("id=\"trends\""), std::string::npos);
  EXPECT_NE(html->find("id=\"spikes\""), std::string::npos);
  // #quiet has 3 authors: its row is withheld and its value never shown.
  EXPECT_EQ(html->find("quiet"), std::string::npos);
  EXPECT_NE(html->find("03-02: withheld by the privacy gate"), std::string::npos);
  // No tweet text, no handle, nothing to fetch.
  EXPECT_EQ(html->find("secret words"), std::string::npos);
  EXPECT_EQ(html->find("person1"), std::string::npos);
  EXPECT_EQ(html->find("src="), std::string::npos);
  EXPECT_EQ(html->find("<script"), std::string::npos);
  // Mentioned accounts are handles, which this gate does not show.
  const size_t mentions = html->find("id=\"top-mentions\"");
  ASSERT_NE(mentions, std::string::npos);
  EXPECT_NE(html->find("handles, which this gate keeps private", mentions), std::string::npos);
}

TEST_F(ReportTest, AnAnswerTooSmallForTheGateIsWithheldAsAWhole) {
  request_.question.filter = "#quiet";
  auto html = BuildReportHtml(*db_, request_, analyst_);
  ASSERT_TRUE(html.ok()) << html.status().ToString();
  EXPECT_NE(html->find("The whole period withheld by the privacy gate"), std::string::npos);
  EXPECT_EQ(html->find("<svg"), std::string::npos);
}

TEST_F(ReportTest, TheFilterAndTitleAreEscaped) {
  request_.question.filter = "\"<script>alert(1)</script>\"";
  request_.title = "Q1 <b>report</b>";
  auto html = BuildReportHtml(*db_, request_, analyst_);
  ASSERT_TRUE(html.ok()) << html.status().ToString();
  EXPECT_EQ(html->find("<script>"), std::string::npos);
  EXPECT_NE(html->find("Q1 &lt;b&gt;report&lt;/b&gt;"), std::string::npos);
}

TEST_F(ReportTest, ABadFilterIsAnError) {
  request_.question.filter = "text contains";
  auto html = BuildReportHtml(*db_, request_, analyst_);
  ASSERT_FALSE(html.ok());
  EXPECT_EQ(html.status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace roost::report
