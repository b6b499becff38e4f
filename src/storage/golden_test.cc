// The golden segment: written once by format version 1 from MakeTweet(0..299)
// and committed under tests/golden/. Every later build must still read it
// and get the same values. Regenerate only when adding a new golden file for
// a new format version: ROOST_WRITE_GOLDEN=1 storage_tests --gtest_filter=Golden*
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <map>

#include "storage/segment_reader.h"
#include "storage/segment_writer.h"
#include "storage/test_tweets.h"
#include "storage/tweet_matchers.h"
#include "testing/test_util.h"

namespace roost::storage {
namespace {

constexpr uint64_t kGoldenRows = 300;

std::vector<Tweet> GoldenTweets() {
  std::vector<Tweet> ts;
  for (uint64_t i = 0; i < kGoldenRows; ++i) ts.push_back(testing::MakeTweet(i));
  return ts;
}

std::filesystem::path GoldenPath() { return ::roost::testing::SourceDir() / "tests/golden/segment_v1.rseg"; }

TEST(GoldenTest, FormatVersion1SegmentStillReads) {
  if (std::getenv("ROOST_WRITE_GOLDEN") != nullptr) {
    SegmentWriter w(testing::kDay0);
    for (auto& t : GoldenTweets()) w.Add(t);
    ASSERT_TRUE(w.Finish(GoldenPath().string()).ok());
  }
  auto r = SegmentReader::Open(GoldenPath().string());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ((*r)->format_version(), 1u);
  ASSERT_TRUE((*r)->VerifyAll().ok());
  ASSERT_EQ((*r)->row_count(), kGoldenRows);
  EXPECT_EQ((*r)->meta().partition_start, testing::kDay0);

  std::vector<Tweet> want = GoldenTweets();
  std::stable_sort(want.begin(), want.end(), [](const Tweet& a, const Tweet& b) {
    return a.created_at != b.created_at ? a.created_at < b.created_at : a.id < b.id;
  });
  auto got = (*r)->ReadAllTweets();
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  ASSERT_EQ(got->size(), want.size());
  for (size_t i = 0; i < want.size(); ++i) testing::ExpectSameTweet(testing::Normalised(want[i]), (*got)[i]);

  // Index answers, against a plain loop over the same tweets.
  std::map<std::string, std::vector<uint32_t>> by_tag;
  for (uint32_t row = 0; row < want.size(); ++row)
    for (const auto& h : testing::Normalised(want[row]).hashtags) by_tag[h.text].push_back(row);
  for (const auto& [tag, rows] : by_tag) {
    auto b = (*r)->Lookup("hashtags", tag);
    ASSERT_TRUE(b.ok());
    EXPECT_EQ(b->ToVector(), rows) << tag;
  }
  auto row = (*r)->FindRow(want[17].id);
  ASSERT_TRUE(row.ok());
  EXPECT_EQ(*row, std::optional<uint32_t>(17));
}

}  // namespace
}  // namespace roost::storage
