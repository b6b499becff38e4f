#include "storage/manifest.h"

#include <gtest/gtest.h>

namespace roost::storage {
namespace {

constexpr TimestampMs kMar1 = 1330560000000;  // 2012-03-01T00:00:00Z, a Thursday
constexpr TimestampMs kHour = 3600000;

TEST(PartitionTest, StartsAndKeys) {
  const TimestampMs t = kMar1 + 14 * kHour + 30 * 60000;  // 14:30
  EXPECT_EQ(PartitionStart(Partition::kDay, t), kMar1);
  EXPECT_EQ(PartitionStart(Partition::kHour, t), kMar1 + 14 * kHour);
  EXPECT_EQ(PartitionStart(Partition::kWeek, t), kMar1 - 3 * 24 * kHour);  // Monday 2012-02-27
  EXPECT_EQ(PartitionKey(Partition::kDay, kMar1), "20120301");
  EXPECT_EQ(PartitionKey(Partition::kHour, kMar1 + 14 * kHour), "20120301T14");
  EXPECT_EQ(PartitionKey(Partition::kWeek, kMar1 - 3 * 24 * kHour), "20120227W");
  // Before 1970 too (floor, not truncation).
  EXPECT_EQ(PartitionStart(Partition::kDay, -1), -24 * kHour);
  EXPECT_EQ(PartitionKey(Partition::kDay, -24 * kHour), "19691231");
  EXPECT_FALSE(ParsePartition("month").ok());
}

TEST(ManifestTest, RoundTripsAndRejectsDamage) {
  Manifest m;
  m.version = 7;
  m.partition = Partition::kHour;
  m.next_seq = 12;
  m.compliance_file = "c-000011.rcs";
  SegmentEntry e;
  e.file = "20120301T14-000003.rseg";
  e.meta = {100, kMar1 + 1, kMar1 + 99, 5, 900, kMar1};
  e.bytes = 4096;
  m.segments.push_back(e);
  std::string text = m.Serialize();
  auto back = Manifest::Parse(text, "MANIFEST");
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->Serialize(), text);
  EXPECT_EQ(back->segments.at(0).meta.max_id, 900u);
  EXPECT_EQ(back->partition, Partition::kHour);
  std::string bad = text;
  bad[text.find("100")] = '2';
  EXPECT_EQ(Manifest::Parse(bad, "MANIFEST").status().code(), StatusCode::kCorruption);
  EXPECT_EQ(Manifest::Parse(text.substr(0, text.size() / 2), "MANIFEST").status().code(), StatusCode::kCorruption);
}

}  // namespace
}  // namespace roost::storage
