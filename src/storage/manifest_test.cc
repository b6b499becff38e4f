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

TEST(ManifestTest, InputsAndRejectsNeedFormat2AndRoundTrip) {
  Manifest m;
  m.version = 3;
  m.next_seq = 5;
  EXPECT_EQ(m.Serialize().substr(0, 17),
            "roost-manifest 1\n");  // still readable by format-1 readers
  InputIdentity in;
  in.path = "/data/march 1st/tweets 01.jsonl.zst";  // spaces are kept
  in.size = 123456789;
  in.mtime_ns = 1330560000123456789;
  in.head_hash = 0xfedcba9876543210ull;
  m.inputs.push_back(in);
  m.rejects_file = "/arc/rejects/ingest 1.rejects";
  m.rejects_bytes = 4242;
  const std::string text = m.Serialize();
  EXPECT_EQ(text.substr(0, 17), "roost-manifest 2\n");
  EXPECT_NE(text.find("input 123456789 1330560000123456789 fedcba9876543210 /data/march 1st/tweets "
                      "01.jsonl.zst\n"),
            std::string::npos);
  auto back = Manifest::Parse(text, "MANIFEST");
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  ASSERT_EQ(back->inputs.size(), 1u);
  EXPECT_EQ(back->inputs[0], in);
  EXPECT_EQ(back->rejects_file, m.rejects_file);
  EXPECT_EQ(back->rejects_bytes, 4242u);
  EXPECT_EQ(back->Serialize(), text);
}

TEST(ManifestTest, ReadsFormat1WrittenBeforeInputsExisted) {
  // Without inputs the text is what format-1 writers wrote (same lines).
  Manifest m;
  m.version = 2;
  m.next_seq = 3;
  m.segments.push_back({"20120301-000001.rseg", {10, kMar1, kMar1 + 5, 1, 9, kMar1}, 512});
  const std::string text = m.Serialize();
  ASSERT_EQ(text.substr(0, 17), "roost-manifest 1\n");
  auto back = Manifest::Parse(text, "MANIFEST");
  ASSERT_TRUE(back.ok());
  EXPECT_TRUE(back->inputs.empty());
  EXPECT_TRUE(back->rejects_file.empty());
  EXPECT_EQ(back->segments.size(), 1u);
}

}  // namespace
}  // namespace roost::storage
