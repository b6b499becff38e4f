#include <gtest/gtest.h>

#include <filesystem>

#include "storage/archive.h"
#include "storage/archive_ingest_sink.h"
#include "storage/archive_writer.h"
#include "storage/maintenance.h"
#include "storage/test_tweets.h"
#include "testing/test_util.h"

namespace roost::storage {
namespace {

using testing::kDay0;
using testing::MakeTweet;
constexpr TimestampMs kDayMs = 86400000;

std::unique_ptr<IngestSink> OpenSink(const std::string& dir, ArchiveIngestOptions o = {}) {
  auto s = OpenArchiveForIngest(dir, o);
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  return s.ok() ? std::move(s).value() : nullptr;
}

// Adds tweets [from, to) and returns how many the sink called duplicates.
size_t AddRange(IngestSink* sink, uint64_t from, uint64_t to, TimestampMs day_offset = 0) {
  std::vector<Tweet> batch;
  for (uint64_t i = from; i < to; ++i) {
    Tweet t = MakeTweet(i);
    t.created_at += day_offset;
    batch.push_back(std::move(t));
  }
  std::vector<bool> dup;
  Status st = sink->AddTweets(&batch, &dup);
  EXPECT_TRUE(st.ok()) << st.ToString();
  return std::count(dup.begin(), dup.end(), true);
}

uint64_t Visible(const std::string& dir, std::string_view country = {}) {
  auto a = Archive::Open(dir);
  EXPECT_TRUE(a.ok()) << a.status().ToString();
  auto n = (*a)->CountVisible(country);
  EXPECT_TRUE(n.ok()) << n.status().ToString();
  return n.ok() ? *n : 0;
}

TEST(ArchiveTest, IngestCommitAndReopen) {
  ::roost::testing::ScratchDir dir;
  auto sink = OpenSink(dir.path());
  ASSERT_TRUE(sink);
  EXPECT_EQ(AddRange(sink.get(), 0, 1000), 0u);
  EXPECT_EQ(AddRange(sink.get(), 1000, 1500, kDayMs), 0u);  // the next day
  // Nothing is visible before the commit: the archive is new and empty.
  {
    auto empty = Archive::Open(dir.path());
    ASSERT_TRUE(empty.ok()) << empty.status().ToString();
    EXPECT_EQ((*empty)->segment_count(), 0u);
  }
  ASSERT_TRUE(sink->Commit().ok());
  sink.reset();
  auto a = Archive::Open(dir.path());
  ASSERT_TRUE(a.ok());
  EXPECT_EQ((*a)->segment_count(), 2u);
  EXPECT_EQ((*a)->manifest().total_rows(), 1500u);
  EXPECT_EQ((*a)->SegmentsOverlapping(kDay0 + kDayMs, kDay0 + 2 * kDayMs), std::vector<size_t>{1});
  EXPECT_EQ((*a)->entry(0).file.substr(0, 9), "20120301-");
  EXPECT_EQ(Visible(dir.path()), 1500u);
}

TEST(ArchiveTest, DuplicatesAcrossRunsAndWithinBatch) {
  ::roost::testing::ScratchDir dir;
  auto sink = OpenSink(dir.path());
  EXPECT_EQ(AddRange(sink.get(), 0, 600), 0u);
  EXPECT_EQ(AddRange(sink.get(), 500, 700), 100u);  // overlaps the unflushed buffer
  ASSERT_TRUE(sink->Commit().ok());
  sink.reset();
  sink = OpenSink(dir.path());
  EXPECT_EQ(AddRange(sink.get(), 650, 900), 50u);  // overlaps the committed archive
  std::vector<Tweet> batch = {MakeTweet(5000), MakeTweet(5000)};
  std::vector<bool> dup;
  ASSERT_TRUE(sink->AddTweets(&batch, &dup).ok());
  EXPECT_EQ(dup, (std::vector<bool>{false, true}));
  ASSERT_TRUE(sink->Commit().ok());
  sink.reset();
  EXPECT_EQ(Visible(dir.path()), 901u);
  auto a = Archive::Open(dir.path());
  ASSERT_TRUE(a.ok());
  EXPECT_EQ((*a)->segment_count(), 2u);  // the day got a second segment
}

TEST(ArchiveTest, MemoryLimitFlushesSegmentsAndSplitsPastRowLimit) {
  ::roost::testing::ScratchDir dir;
  ArchiveIngestOptions o;
  o.memory_limit_bytes = 600 * 1024;
  o.max_segment_rows = 700;
  auto sink = OpenSink(dir.path(), o);
  for (uint64_t b = 0; b < 6000; b += 500) EXPECT_EQ(AddRange(sink.get(), b, b + 500), 0u);
  EXPECT_EQ(AddRange(sink.get(), 0, 6000), 6000u);  // flushed but uncommitted segments count
  ASSERT_TRUE(sink->Commit().ok());
  sink.reset();
  auto a = Archive::Open(dir.path());
  ASSERT_TRUE(a.ok());
  EXPECT_GT((*a)->segment_count(), 8u);
  for (const auto& e : (*a)->manifest().segments) EXPECT_LE(e.meta.rows, 700u);
  EXPECT_EQ(Visible(dir.path()), 6000u);
}

// Time-ordered input over the buffer budget: the complete (oldest) day is
// flushed and the current one keeps filling, so each day that fits the
// budget becomes exactly one segment.
TEST(ArchiveTest, MemoryLimitFlushesOldestDayFirst) {
  ::roost::testing::ScratchDir dir;
  ArchiveIngestOptions o;
  o.memory_limit_bytes = 1500 * 1024;  // a third: more than one day of 400 tweets, less than two
  auto sink = OpenSink(dir.path(), o);
  for (int day = 0; day < 3; ++day)
    for (uint64_t b = 0; b < 400; b += 100)
      EXPECT_EQ(AddRange(sink.get(), day * 400 + b, day * 400 + b + 100, day * kDayMs), 0u);
  ASSERT_TRUE(sink->Commit().ok());
  sink.reset();
  auto a = Archive::Open(dir.path());
  ASSERT_TRUE(a.ok());
  ASSERT_EQ((*a)->segment_count(), 3u);
  for (const auto& e : (*a)->manifest().segments) EXPECT_EQ(e.meta.rows, 400u);
  EXPECT_EQ(Visible(dir.path()), 1200u);
}

TEST(ArchiveTest, SnapshotSurvivesLaterCommitsAndCompaction) {
  ::roost::testing::ScratchDir dir;
  auto sink = OpenSink(dir.path());
  AddRange(sink.get(), 0, 300);
  ASSERT_TRUE(sink->Commit().ok());
  sink.reset();
  auto before = Archive::Open(dir.path());
  ASSERT_TRUE(before.ok());
  sink = OpenSink(dir.path());
  AddRange(sink.get(), 300, 400);
  ASSERT_TRUE(sink->Commit().ok());
  sink.reset();
  ASSERT_TRUE(CompactArchive(dir.path()).ok());  // merges and deletes the old files
  auto n = (*before)->CountVisible();
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(*n, 300u);
  auto lookup = (*before)->Lookup(0, "hashtags", "nba");
  ASSERT_TRUE(lookup.ok());
  EXPECT_GT(lookup->Cardinality(), 0u);
  EXPECT_EQ(Visible(dir.path()), 400u);
  auto after = Archive::Open(dir.path());
  EXPECT_EQ((*after)->segment_count(), 1u);
}

TEST(ArchiveTest, CrashBeforeManifestRenameLeavesOldState) {
  ::roost::testing::ScratchDir dir;
  auto sink = OpenSink(dir.path());
  AddRange(sink.get(), 0, 200);
  ASSERT_TRUE(sink->Commit().ok());
  sink.reset();
  std::string old_manifest = ::roost::testing::ReadFileOrDie(dir / "MANIFEST");
  // Simulate a writer that wrote its segment and MANIFEST.tmp, then died.
  sink = OpenSink(dir.path());
  AddRange(sink.get(), 200, 400);
  ASSERT_TRUE(sink->Commit().ok());
  sink.reset();
  std::string new_manifest = ::roost::testing::ReadFileOrDie(dir / "MANIFEST");
  ::roost::testing::WriteFileOrDie(dir / "MANIFEST.tmp", new_manifest);
  ::roost::testing::WriteFileOrDie(dir / "MANIFEST", old_manifest);
  EXPECT_EQ(Visible(dir.path()), 200u);
  // A half-written tmp file is ignored too.
  ::roost::testing::WriteFileOrDie(dir / "MANIFEST.tmp", new_manifest.substr(0, 40));
  EXPECT_EQ(Visible(dir.path()), 200u);
  // The next writer removes the orphans, and the archive verifies clean.
  auto w = ArchiveWriter::Open(dir.path(), std::nullopt, false);
  ASSERT_TRUE(w.ok());
  w->reset();
  EXPECT_FALSE(std::filesystem::exists(dir / "MANIFEST.tmp"));
  size_t files = 0;
  for (auto& e : std::filesystem::directory_iterator(dir / "segments")) files += e.is_regular_file();
  EXPECT_EQ(files, 1u);
  auto report = VerifyArchive(dir.path());
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->ok());
  // A damaged manifest is an error, not an empty archive.
  ::roost::testing::WriteFileOrDie(dir / "MANIFEST", old_manifest.substr(0, old_manifest.size() - 5));
  EXPECT_EQ(Archive::Open(dir.path()).status().code(), StatusCode::kCorruption);
}

TEST(ArchiveTest, OnlyOneWriter) {
  ::roost::testing::ScratchDir dir;
  auto sink = OpenSink(dir.path());
  auto second = OpenArchiveForIngest(dir.path(), {});
  EXPECT_EQ(second.status().code(), StatusCode::kResourceExhausted);
}

TEST(ArchiveTest, CorruptSegmentIsReportedAndOthersStayReadable) {
  ::roost::testing::ScratchDir dir;
  auto sink = OpenSink(dir.path());
  AddRange(sink.get(), 0, 2000);
  AddRange(sink.get(), 2000, 4000, kDayMs);
  ASSERT_TRUE(sink->Commit().ok());
  sink.reset();
  auto a = Archive::Open(dir.path());
  ASSERT_TRUE(a.ok());
  const std::string bad = (*a)->entry(0).file;
  const std::string path = (dir / "segments" / bad).string();
  uint64_t at = 0;
  for (const auto& b : (*a)->segment(0).value()->blocks())
    if (b.name == "hashtags.postings") at = b.offset + b.length - 3;
  a->reset();
  std::string bytes = ::roost::testing::ReadFileOrDie(path);
  bytes[at] ^= 0x5a;
  ::roost::testing::WriteFileOrDie(path, bytes);

  auto report = VerifyArchive(dir.path());
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->damaged(), 1u);
  EXPECT_EQ(report->segments[0].status.code(), StatusCode::kCorruption);
  EXPECT_NE(report->segments[0].status.message().find(bad), std::string::npos);
  EXPECT_TRUE(report->segments[1].status.ok());

  a = Archive::Open(dir.path());
  ASSERT_TRUE(a.ok());
  // The damaged page is found by a query touching it ("tcot" sorts last,
  // so its posting holds the flipped byte)...
  auto b = (*a)->Lookup(0, "hashtags", "tcot");
  EXPECT_EQ(b.status().code(), StatusCode::kCorruption);
  EXPECT_NE(b.status().message().find(bad), std::string::npos) << b.status().message();
  // ...and the other segment answers.
  auto other = (*a)->Lookup(1, "hashtags", "nba");
  ASSERT_TRUE(other.ok());
  EXPECT_GT(other->Cardinality(), 0u);
}

}  // namespace
}  // namespace roost::storage
