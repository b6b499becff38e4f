// Brand fingerprints on manifest segment lines: written, read back (format
// 1 still, whose readers skip the field), kept by compaction only where every
// merged part had them, and dropped by a rewrite of stored fields.
#include <gtest/gtest.h>

#include <filesystem>

#include "storage/archive.h"
#include "storage/archive_ingest_sink.h"
#include "storage/maintenance.h"
#include "storage/manifest.h"
#include "storage/rewrite.h"
#include "storage/test_tweets.h"
#include "testing/test_util.h"

namespace roost::storage {
namespace {

using testing::MakeTweet;

void Ingest(const std::string& dir, uint64_t from, uint64_t to, std::vector<std::string> fingerprints) {
  ArchiveIngestOptions o;
  o.brand_fingerprints = std::move(fingerprints);
  auto sink = OpenArchiveForIngest(dir, o);
  ASSERT_TRUE(sink.ok()) << sink.status().ToString();
  std::vector<Tweet> batch;
  for (uint64_t i = from; i < to; ++i) batch.push_back(MakeTweet(i));
  std::vector<bool> dup;
  ASSERT_TRUE((*sink)->AddTweets(&batch, &dup).ok());
  ASSERT_TRUE((*sink)->Commit().ok());
}

std::vector<std::vector<std::string>> Fingerprints(const std::string& dir) {
  auto m = Manifest::Load(dir);
  EXPECT_TRUE(m.ok()) << m.status().ToString();
  std::vector<std::vector<std::string>> out;
  if (m.ok())
    for (const auto& e : m->segments) out.push_back(e.brand_fingerprints);
  return out;
}

TEST(BrandFingerprints, ManifestLineRoundTrips) {
  Manifest m;
  SegmentEntry e;
  e.file = "20120301-000001.rseg";
  e.meta = {10, 1, 2, 3, 4, 0};
  e.brand_fingerprints = {"881990b798514af6", "67cd391c553dd4b9"};
  m.segments.push_back(e);
  e.file = "20120302-000002.rseg";
  e.brand_fingerprints.clear();
  m.segments.push_back(e);
  const std::string text = m.Serialize();
  EXPECT_NE(text.find("roost-manifest 1\n"), std::string::npos) << "format-1 readers read it";
  EXPECT_NE(text.find(" 0 brands=881990b798514af6,67cd391c553dd4b9\n"), std::string::npos) << text;
  auto back = Manifest::Parse(text, "MANIFEST");
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->segments[0].brand_fingerprints, m.segments[0].brand_fingerprints);
  EXPECT_TRUE(back->segments[1].brand_fingerprints.empty());
  EXPECT_EQ(back->Serialize(), text);
}

TEST(BrandFingerprints, CompactionKeepsWhatEveryPartHad) {
  ::roost::testing::ScratchDir dir;
  Ingest(dir.path(), 0, 300, {"aaaa", "bbbb"});
  Ingest(dir.path(), 300, 400, {"bbbb", "cccc"});
  ASSERT_EQ(Fingerprints(dir.path()).size(), 2u);
  ASSERT_TRUE(CompactArchive(dir.path()).ok());
  const auto after = Fingerprints(dir.path());
  ASSERT_EQ(after.size(), 1u);
  EXPECT_EQ(after[0], std::vector<std::string>{"bbbb"});
}

TEST(BrandFingerprints, RewritesDropOrSetThem) {
  ::roost::testing::ScratchDir dir;
  Ingest(dir.path(), 0, 200, {"aaaa"});
  Ingest(dir.path(), 200, 300, {"aaaa"});
  // A rewrite of one segment that sets them: only that one changes.
  const std::string first = Manifest::Load(dir.path())->segments[0].file;
  auto set = RewriteSegmentsWith(
      dir.path(),
      [](const SegmentEdit& e) {
        EXPECT_EQ(*e.brand_fingerprints, std::vector<std::string>{"aaaa"});
        *e.brand_fingerprints = {"dddd"};
        return Status::Ok();
      },
      {first});
  ASSERT_TRUE(set.ok()) << set.status().ToString();
  EXPECT_EQ(set->segments, 1u);
  auto fps = Fingerprints(dir.path());
  std::sort(fps.begin(), fps.end());
  EXPECT_EQ(fps, (std::vector<std::vector<std::string>>{{"aaaa"}, {"dddd"}}));
  // A failing edit commits nothing.
  auto failed = RewriteSegmentsWith(dir.path(), [](const SegmentEdit&) { return Status::Internal("no"); });
  EXPECT_FALSE(failed.ok());
  auto again = Fingerprints(dir.path());
  std::sort(again.begin(), again.end());
  EXPECT_EQ(again, fps);
  // An edit of stored fields (rescore) may change what a filter selects.
  ASSERT_TRUE(RewriteSegments(dir.path(), [](std::vector<Tweet>*) {}).ok());
  for (const auto& f : Fingerprints(dir.path())) EXPECT_TRUE(f.empty());
}

}  // namespace
}  // namespace roost::storage
