// The golden segments: written once by each format version from
// MakeTweet(0..299) and committed under tests/golden/ (segment_vN.rseg).
// Every later build must still read them and get the same values. Only the
// current version's file is ever written, when adding it:
// ROOST_WRITE_GOLDEN=1 storage_tests --gtest_filter=Golden*
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

std::filesystem::path GoldenPath(uint32_t version) {
  return ::roost::testing::SourceDir() / ("tests/golden/segment_v" + std::to_string(version) + ".rseg");
}

void CheckGolden(uint32_t version) {
  if (version == kFormatVersion && std::getenv("ROOST_WRITE_GOLDEN") != nullptr) {
    SegmentWriter w(testing::kDay0);
    for (auto& t : GoldenTweets()) w.Add(t);
    ASSERT_TRUE(w.Finish(GoldenPath(version).string()).ok());
  }
  auto r = SegmentReader::Open(GoldenPath(version).string());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ((*r)->format_version(), version);
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
  // Handles: through the user column in version 2, a dimension of their own in 1.
  for (uint32_t i = 0; i < want.size(); i += 7) {
    auto b = (*r)->Lookup("handle", testing::Normalised(want[i]).user.screen_name);
    ASSERT_TRUE(b.ok());
    EXPECT_TRUE(b->Contains(i)) << i;
  }
}

TEST(GoldenTest, FormatVersion1SegmentStillReads) { CheckGolden(1); }

TEST(GoldenTest, FormatVersion2SegmentStillReads) { CheckGolden(2); }

TEST(GoldenTest, FormatVersion3SegmentStillReads) { CheckGolden(3); }

}  // namespace
}  // namespace roost::storage
