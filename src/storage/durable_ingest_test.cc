// Durable progress of an ingest: commits during the run, inputs recorded as
// committed, atomic creation of a new archive, refusal of a folder of other
// files, removal of what a failed run created, rejects cut back after an
// interrupted run.
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

namespace fs = std::filesystem;
using testing::MakeTweet;
constexpr TimestampMs kDayMs = 86400000;

void AddRange(IngestSink* sink, uint64_t from, uint64_t to, TimestampMs day_offset = 0) {
  std::vector<Tweet> batch;
  for (uint64_t i = from; i < to; ++i) {
    Tweet t = MakeTweet(i);
    t.created_at += day_offset;
    batch.push_back(std::move(t));
  }
  std::vector<bool> dup;
  Status st = sink->AddTweets(&batch, &dup);
  ASSERT_TRUE(st.ok()) << st.ToString();
}

InputIdentity Input(const std::string& path, uint64_t size) {
  InputIdentity in;
  in.path = path;
  in.size = size;
  in.mtime_ns = 1330560000000000000;
  in.head_hash = 0x0123456789abcdefull + size;
  return in;
}

uint64_t CommittedRows(const fs::path& dir) {
  auto a = Archive::Open(dir.string());
  EXPECT_TRUE(a.ok()) << a.status().ToString();
  return a.ok() ? (*a)->manifest().total_rows() : 0;
}

ArchiveIngestOptions EverySegment(uint64_t max_rows) {
  ArchiveIngestOptions o;
  o.max_segment_rows = max_rows;
  o.commit_interval_seconds = 0;
  return o;
}

TEST(DurableIngestTest, NewArchiveIsCreatedWholeAndEmpty) {
  ::roost::testing::ScratchDir scratch;
  const fs::path dir = scratch / "new" / "arc";
  auto sink = OpenArchiveForIngest(dir.string(), {});
  ASSERT_TRUE(sink.ok()) << sink.status().ToString();
  // Valid before anything is committed: a kill now leaves an empty archive.
  EXPECT_EQ(CommittedRows(dir), 0u);
  auto report = VerifyArchive(dir.string());
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_TRUE(report->ok());
  // Nothing but the archive in the parent (the temporary name is gone).
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(scratch / "new"))
    names.push_back(e.path().filename().string());
  EXPECT_EQ(names, std::vector<std::string>{"arc"});
}

TEST(DurableIngestTest, RefusesAFolderOfOtherFiles) {
  ::roost::testing::ScratchDir scratch;
  ::roost::testing::WriteFileOrDie(scratch / "notes.txt", "mine");
  auto sink = OpenArchiveForIngest(scratch.path().string(), {});
  EXPECT_EQ(sink.status().code(), StatusCode::kInvalidArgument);
  EXPECT_FALSE(fs::exists(scratch / "MANIFEST"));
  EXPECT_FALSE(fs::exists(scratch / "segments"));
  EXPECT_EQ(::roost::testing::ReadFileOrDie(scratch / "notes.txt"), "mine");
  // A file is not a folder either.
  EXPECT_EQ(OpenArchiveForIngest((scratch / "notes.txt").string(), {}).status().code(),
            StatusCode::kInvalidArgument);
}

TEST(DurableIngestTest, AbandonRemovesOnlyWhatItCreatedAndNothingCommitted) {
  ::roost::testing::ScratchDir scratch;
  {  // A missing folder (and its missing parent) go away again.
    auto sink = OpenArchiveForIngest((scratch / "a" / "b").string(), {});
    ASSERT_TRUE(sink.ok());
    (*sink)->Abandon();
    EXPECT_FALSE(fs::exists(scratch / "a"));
  }
  {  // An empty folder that existed is left, empty.
    fs::create_directory(scratch / "empty");
    auto sink = OpenArchiveForIngest((scratch / "empty").string(), {});
    ASSERT_TRUE(sink.ok());
    (*sink)->Abandon();
    EXPECT_TRUE(fs::is_empty(scratch / "empty"));
  }
  {  // Once something is committed, the archive stays.
    auto sink = OpenArchiveForIngest((scratch / "kept").string(), EverySegment(100));
    ASSERT_TRUE(sink.ok());
    AddRange(sink->get(), 0, 250);
    ASSERT_GT(CommittedRows(scratch / "kept"), 0u);
    (*sink)->Abandon();
    EXPECT_GT(CommittedRows(scratch / "kept"), 0u);
  }
  {  // An existing archive is never removed.
    auto sink = OpenArchiveForIngest((scratch / "kept").string(), {});
    ASSERT_TRUE(sink.ok());
    (*sink)->Abandon();
    EXPECT_TRUE(fs::exists(scratch / "kept" / "MANIFEST"));
  }
}

TEST(DurableIngestTest, CommitsSegmentsDuringTheRunAndRecordsFinishedInputs) {
  ::roost::testing::ScratchDir dir;
  const InputIdentity a = Input("/data/day 1.jsonl", 1000), b = Input("/data/day2.jsonl", 2000);
  {
    auto opened = OpenArchiveForIngest(dir.path().string(), EverySegment(100));
    ASSERT_TRUE(opened.ok());
    IngestSink* sink = opened->get();
    AddRange(sink, 0, 250);  // input a: two full segments of 100, 50 buffered
    ASSERT_TRUE(sink->EndInput(a, true, 0).ok());
    // The first segment is committed (the second is staged once the next
    // build starts, or at the next batch when it is done); input a is not,
    // since 50 of its tweets are only buffered.
    const uint64_t during = CommittedRows(dir.path());
    EXPECT_GE(during, 100u);
    EXPECT_LT(during, 250u);
    auto m = Manifest::Load(dir.path().string());
    ASSERT_TRUE(m.ok());
    EXPECT_TRUE(m->inputs.empty());
    AddRange(sink, 1000, 1030, kDayMs);  // input b: another day
    ASSERT_TRUE(sink->EndInput(b, true, 0).ok());
    // Killed here: destroyed without its final commit.
  }
  const uint64_t after_kill = CommittedRows(dir.path());
  EXPECT_GE(after_kill, 100u);
  {
    auto report = VerifyArchive(dir.path().string());
    ASSERT_TRUE(report.ok());
    EXPECT_TRUE(report->ok());  // unlisted files are not damage
  }
  {
    // The next writer resumes: nothing recorded yet, so both are read again;
    // tweets already committed are duplicates.
    auto opened = OpenArchiveForIngest(dir.path().string(), EverySegment(100));
    ASSERT_TRUE(opened.ok());
    IngestSink* sink = opened->get();
    EXPECT_FALSE(sink->Committed(a));
    auto report = VerifyArchive(dir.path().string());
    ASSERT_TRUE(report.ok());
    EXPECT_TRUE(report->unlisted.empty());  // the writer removed the leftovers
    std::vector<Tweet> batch;
    for (uint64_t i = 0; i < 250; ++i) batch.push_back(MakeTweet(i));
    std::vector<bool> dup;
    ASSERT_TRUE(sink->AddTweets(&batch, &dup).ok());
    EXPECT_EQ(static_cast<uint64_t>(std::count(dup.begin(), dup.end(), true)), after_kill);
    ASSERT_TRUE(sink->EndInput(a, true, 0).ok());
    AddRange(sink, 1000, 1030, kDayMs);
    ASSERT_TRUE(sink->EndInput(b, true, 0).ok());
    ASSERT_TRUE(sink->Commit().ok());
  }
  EXPECT_EQ(CommittedRows(dir.path()), 280u);
  auto m = Manifest::Load(dir.path().string());
  ASSERT_TRUE(m.ok());
  ASSERT_EQ(m->inputs.size(), 2u);
  EXPECT_EQ(m->inputs[0], a);
  EXPECT_EQ(m->inputs[1], b);
  EXPECT_TRUE(m->rejects_file.empty());
  auto opened = OpenArchiveForIngest(dir.path().string(), {});
  ASSERT_TRUE(opened.ok());
  EXPECT_TRUE((*opened)->Committed(a));
  EXPECT_TRUE((*opened)->Committed(b));
  InputIdentity changed = a;
  changed.head_hash ^= 1;
  EXPECT_FALSE((*opened)->Committed(changed));
  changed = a;
  changed.mtime_ns += 1;
  EXPECT_FALSE((*opened)->Committed(changed));
}

TEST(DurableIngestTest, AChangedInputReplacesItsEntry) {
  ::roost::testing::ScratchDir dir;
  const InputIdentity a = Input("/data/grows.jsonl", 100);
  InputIdentity grown = a;
  grown.size = 200;
  grown.mtime_ns += 5;
  const InputIdentity other = Input("/data/other.jsonl", 7);
  for (const InputIdentity& in : {a, other, grown, grown}) {
    auto opened = OpenArchiveForIngest(dir.path().string(), {});
    ASSERT_TRUE(opened.ok());
    ASSERT_TRUE((*opened)->EndInput(in, true, 0).ok());
    ASSERT_TRUE((*opened)->Commit().ok());
  }
  auto m = Manifest::Load(dir.path().string());
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->inputs, (std::vector<InputIdentity>{grown, other}));
}

TEST(DurableIngestTest, IncompleteInputIsNotRecorded) {
  ::roost::testing::ScratchDir dir;
  const InputIdentity a = Input("/data/cut.jsonl.zst", 10);
  {
    auto opened = OpenArchiveForIngest(dir.path().string(), EverySegment(100));
    ASSERT_TRUE(opened.ok());
    AddRange(opened->get(), 0, 10);
    ASSERT_TRUE((*opened)->EndInput(a, /*complete=*/false, 0).ok());
    ASSERT_TRUE((*opened)->Commit().ok());
  }
  auto opened = OpenArchiveForIngest(dir.path().string(), {});
  ASSERT_TRUE(opened.ok());
  EXPECT_FALSE((*opened)->Committed(a));
  EXPECT_EQ(CommittedRows(dir.path()), 10u);
}

TEST(DurableIngestTest, InterruptedRunsRejectsAreCutBackToItsCommittedInputs) {
  ::roost::testing::ScratchDir dir;
  const fs::path rejects = dir / "rejects" / "run.rejects";
  const InputIdentity a = Input("/data/a.jsonl", 1), b = Input("/data/b.jsonl", 2);
  {
    auto opened = OpenArchiveForIngest(dir.path().string(), EverySegment(1000));
    ASSERT_TRUE(opened.ok());
    IngestSink* sink = opened->get();
    int syncs = 0;
    ASSERT_TRUE(sink->StartRejects(rejects.string(), 0,
                                   [&] {
                                     ++syncs;
                                     return Status::Ok();
                                   })
                    .ok());
    fs::create_directories(rejects.parent_path());
    ::roost::testing::WriteFileOrDie(rejects, std::string(100, 'a'));  // a's rejects
    AddRange(sink, 0, 10);
    ASSERT_TRUE(sink->EndInput(a, true, 100).ok());
    ::roost::testing::WriteFileOrDie(rejects,
                                     std::string(100, 'a') + std::string(50, 'b'));  // part of b's
    AddRange(sink, 10, 20);
    // a is committed only once its tweets are in a segment: the memory
    // limit is far away, so nothing is; a's rejects are not yet committed.
    auto m = Manifest::Load(dir.path().string());
    ASSERT_TRUE(m.ok());
    EXPECT_EQ(m->rejects_file, fs::absolute(rejects).lexically_normal().string());
    EXPECT_EQ(m->rejects_bytes, 0u);
  }
  // Killed: nothing but the start was committed, so the file goes (it is in
  // the archive's own rejects folder and holds nothing committed).
  {
    auto opened = OpenArchiveForIngest(dir.path().string(), {});
    ASSERT_TRUE(opened.ok());
    EXPECT_FALSE(fs::exists(rejects));
  }
  {
    auto opened = OpenArchiveForIngest(dir.path().string(), EverySegment(10));
    ASSERT_TRUE(opened.ok());
    IngestSink* sink = opened->get();
    ASSERT_TRUE(sink->StartRejects(rejects.string(), 0, [] { return Status::Ok(); }).ok());
    fs::create_directories(rejects.parent_path());
    ::roost::testing::WriteFileOrDie(rejects, std::string(100, 'a'));
    AddRange(sink, 0, 10);  // one full segment: a's tweets are all in it
    ASSERT_TRUE(sink->EndInput(a, true, 100).ok());
    ::roost::testing::WriteFileOrDie(rejects, std::string(100, 'a') + std::string(50, 'b'));
    // b's first segment starts: a's is staged and committed, with a.
    AddRange(sink, 10, 20);
    auto m = Manifest::Load(dir.path().string());
    ASSERT_TRUE(m.ok());
    ASSERT_EQ(m->inputs.size(), 1u);
    EXPECT_EQ(m->rejects_bytes, 100u);
  }
  // Killed while reading b: the file keeps a's rejects only.
  auto opened = OpenArchiveForIngest(dir.path().string(), {});
  ASSERT_TRUE(opened.ok());
  EXPECT_EQ(::roost::testing::ReadFileOrDie(rejects), std::string(100, 'a'));
  EXPECT_TRUE((*opened)->Committed(a));
  EXPECT_FALSE((*opened)->Committed(b));
}

}  // namespace
}  // namespace roost::storage
