#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "storage/archive.h"
#include "storage/archive_ingest_sink.h"
#include "storage/compliance_masks.h"
#include "storage/file_util.h"
#include "storage/compliance_state.h"
#include "storage/maintenance.h"
#include "storage/test_tweets.h"
#include "testing/test_util.h"

namespace roost::storage {
namespace {

using testing::MakeTweet;

ComplianceEvent Event(ComplianceKind kind, uint64_t tweet_id, uint64_t user_id, uint64_t up_to = 0,
                      std::vector<std::string> countries = {}) {
  ComplianceEvent e;
  e.kind = kind;
  e.tweet_id = tweet_id;
  e.user_id = user_id;
  e.up_to_status_id = up_to;
  e.countries = std::move(countries);
  return e;
}

class ComplianceTest : public ::testing::Test {
 protected:
  // Ingests MakeTweet(0..n) (plus `extra`) with `before` applied first.
  void Ingest(uint64_t n, const std::vector<ComplianceEvent>& before = {}, std::vector<Tweet> extra = {}) {
    auto sink = OpenArchiveForIngest(dir_.path(), {});
    ASSERT_TRUE(sink.ok()) << sink.status().ToString();
    for (const auto& e : before) ASSERT_TRUE((*sink)->AddCompliance(e).ok());
    std::vector<Tweet> batch = std::move(extra);
    for (uint64_t i = 0; i < n; ++i) batch.push_back(MakeTweet(i));
    std::vector<bool> dup;
    ASSERT_TRUE((*sink)->AddTweets(&batch, &dup).ok());
    ASSERT_TRUE((*sink)->Commit().ok());
    for (uint64_t i = 0; i < n; ++i) tweets_.push_back(MakeTweet(i));
  }
  void Apply(std::vector<ComplianceEvent> events) { ASSERT_TRUE(ApplyCompliance(dir_.path(), events).ok()); }
  std::shared_ptr<const Archive> Open() {
    auto a = Archive::Open(dir_.path());
    EXPECT_TRUE(a.ok()) << a.status().ToString();
    return a.ok() ? *a : nullptr;
  }
  // Visible tweet ids (all segments).
  std::set<uint64_t> VisibleIds(std::string_view country = {}) {
    auto a = Open();
    std::set<uint64_t> out;
    for (size_t i = 0; i < a->segment_count(); ++i) {
      auto ids = a->segment(i).value()->ReadInts("id");
      auto vis = a->VisibleRows(i, country);
      EXPECT_TRUE(ids.ok() && vis.ok());
      for (uint32_t row : vis->ToVector()) out.insert(static_cast<uint64_t>((*ids)[row]));
    }
    return out;
  }
  std::set<uint64_t> AllIdsExcept(const std::function<bool(const Tweet&)>& drop) {
    std::set<uint64_t> out;
    for (const Tweet& t : tweets_)
      if (!drop(t)) out.insert(t.id);
    return out;
  }

  ::roost::testing::ScratchDir dir_;
  std::vector<Tweet> tweets_;
};

TEST_F(ComplianceTest, DeleteHidesTweetAndItsRetweetsAtOnce) {
  Ingest(500);
  // MakeTweet(i) with i % 5 == 1 retweets MakeTweet(i / 2).
  const Tweet original = MakeTweet(10);
  ASSERT_EQ(MakeTweet(21).retweet_of, original.id);
  Apply({Event(ComplianceKind::kDelete, original.id, original.user.id)});
  auto want = AllIdsExcept([&](const Tweet& t) { return t.id == original.id || t.retweet_of == original.id; });
  EXPECT_EQ(VisibleIds(), want);
  EXPECT_EQ(want.size(), 498u);
  // Index lookups obey it too.
  auto a = Open();
  for (const auto& term : original.terms) {
    auto b = a->Lookup(0, "terms", term);
    ASSERT_TRUE(b.ok());
    auto row = a->segment(0).value()->FindRow(original.id);
    ASSERT_TRUE(row.ok() && row->has_value());
    EXPECT_FALSE(b->Contains(**row));
  }
  // Compaction removes them physically; the answer does not change.
  auto stats = CompactArchive(dir_.path());
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->rows_after, 498u);
  EXPECT_EQ(VisibleIds(), want);
  auto all = Open()->segment(0).value()->ReadAllTweets();
  ASSERT_TRUE(all.ok());
  for (const Tweet& t : *all) EXPECT_NE(t.id, original.id);
}

TEST_F(ComplianceTest, DeleteBeforeTweetIsAppliedOnArrival) {
  const Tweet early = MakeTweet(7);
  const Tweet original = MakeTweet(30);  // retweeted by MakeTweet(61)
  ASSERT_EQ(MakeTweet(61).retweet_of, original.id);
  // Deletes arrive in an earlier run than their tweets...
  Ingest(0, {Event(ComplianceKind::kDelete, early.id, early.user.id)});
  Apply({Event(ComplianceKind::kDelete, original.id, original.user.id)});
  // ...and within one run, after the tweet but before the commit.
  Tweet late = MakeTweet(100);
  auto sink = OpenArchiveForIngest(dir_.path(), {});
  ASSERT_TRUE(sink.ok());
  std::vector<Tweet> batch;
  for (uint64_t i = 0; i < 200; ++i) batch.push_back(MakeTweet(i));
  std::vector<bool> dup;
  ASSERT_TRUE((*sink)->AddTweets(&batch, &dup).ok());
  ASSERT_TRUE((*sink)->AddCompliance(Event(ComplianceKind::kDelete, late.id, late.user.id)).ok());
  ASSERT_TRUE((*sink)->Commit().ok());
  sink->reset();
  for (uint64_t i = 0; i < 200; ++i) tweets_.push_back(MakeTweet(i));
  auto want = AllIdsExcept([&](const Tweet& t) {
    return t.id == early.id || t.id == original.id || t.retweet_of == original.id || t.id == late.id;
  });
  EXPECT_EQ(VisibleIds(), want);
  EXPECT_EQ(want.size(), 196u);
  // The early-deleted tweets were never stored at all.
  auto a = Open();
  auto row = a->segment(0).value()->FindRow(early.id);
  ASSERT_TRUE(row.ok());
  EXPECT_FALSE(row->has_value());
}

TEST_F(ComplianceTest, UserHideFlagsAreReversible) {
  Ingest(300);
  const uint64_t user = MakeTweet(3).user.id;
  auto without_user = AllIdsExcept([&](const Tweet& t) { return t.user.id == user; });
  auto all = AllIdsExcept([](const Tweet&) { return false; });
  struct Case {
    ComplianceKind on, off;
    const char* name;
  };
  for (Case c : {Case{ComplianceKind::kUserProtect, ComplianceKind::kUserUnprotect, "protect"},
                 Case{ComplianceKind::kUserSuspend, ComplianceKind::kUserUnsuspend, "suspend"},
                 Case{ComplianceKind::kUserDelete, ComplianceKind::kUserUndelete, "delete"}}) {
    SCOPED_TRACE(c.name);
    Apply({Event(c.on, 0, user)});
    EXPECT_EQ(VisibleIds(), without_user);
    Apply({Event(c.off, 0, user)});
    EXPECT_EQ(VisibleIds(), all);
  }
  // Flags are independent: unsuspend does not lift a protect.
  Apply({Event(ComplianceKind::kUserProtect, 0, user), Event(ComplianceKind::kUserSuspend, 0, user),
         Event(ComplianceKind::kUserUnsuspend, 0, user)});
  EXPECT_EQ(VisibleIds(), without_user);
  // Hidden tweets survive compaction (the hide is reversible).
  ASSERT_TRUE(CompactArchive(dir_.path()).ok());
  Apply({Event(ComplianceKind::kUserUnprotect, 0, user)});
  EXPECT_EQ(VisibleIds(), all);
}

TEST_F(ComplianceTest, ScrubGeoClearsGeoUpToAnId) {
  Ingest(400);
  // Users with geo: MakeTweet(i) has a place when i % 9 == 0, coordinates when i % 12 == 0.
  const uint64_t user = MakeTweet(36).user.id;
  std::vector<Tweet> geo;
  for (const Tweet& t : tweets_)
    if (t.user.id == user && (t.place || t.has_coordinates)) geo.push_back(t);
  ASSERT_GE(geo.size(), 2u);
  const uint64_t up_to = geo[geo.size() / 2].id;
  Apply({Event(ComplianceKind::kScrubGeo, 0, user, up_to)});
  auto a = Open();
  auto scrubbed = a->GeoScrubbedRows(0);
  ASSERT_TRUE(scrubbed.ok());
  auto ids = a->segment(0).value()->ReadInts("id");
  ASSERT_TRUE(ids.ok());
  std::set<uint64_t> got, want;
  for (uint32_t row : scrubbed->ToVector()) got.insert(static_cast<uint64_t>((*ids)[row]));
  for (const Tweet& t : tweets_)
    if (t.user.id == user && t.id <= up_to) want.insert(t.id);
  EXPECT_EQ(got, want);
  // Geo lookups no longer find scrubbed rows; other lookups still do.
  for (const Tweet& t : geo) {
    if (!t.place) continue;
    auto b = a->Lookup(0, "country", t.place->country_code);
    ASSERT_TRUE(b.ok());
    auto row = a->segment(0).value()->FindRow(t.id);
    EXPECT_EQ(b->Contains(**row), t.id > up_to) << t.id;
  }
  EXPECT_EQ(VisibleIds().size(), 400u);
  // Compaction removes the geo physically.
  ASSERT_TRUE(CompactArchive(dir_.path()).ok());
  auto all = Open()->segment(0).value()->ReadAllTweets();
  ASSERT_TRUE(all.ok());
  for (const Tweet& t : *all) {
    if (t.user.id != user) continue;
    if (t.id <= up_to) {
      EXPECT_FALSE(t.place.has_value());
      EXPECT_FALSE(t.has_coordinates);
    }
  }
  // Tweets arriving later that fall under the scrub are stored without geo.
  Tweet late = MakeTweet(36);
  late.id = up_to - 1;  // same user, older id, not yet in the archive
  late.place = MakeTweet(36).place;
  ASSERT_TRUE(late.place.has_value());
  auto sink = OpenArchiveForIngest(dir_.path(), {});
  std::vector<Tweet> batch = {late};
  std::vector<bool> dup;
  ASSERT_TRUE((*sink)->AddTweets(&batch, &dup).ok());
  ASSERT_TRUE((*sink)->Commit().ok());
  sink->reset();
  a = Open();
  for (size_t i = 0; i < a->segment_count(); ++i) {
    auto ts = a->segment(i).value()->ReadAllTweets();
    for (const Tweet& t : *ts)
      if (t.id == late.id) {
        EXPECT_FALSE(t.place.has_value());
      }
  }
}

TEST_F(ComplianceTest, WithheldHidesOnlyInListedCountries) {
  Ingest(300);
  const Tweet status = MakeTweet(5);
  const uint64_t user = MakeTweet(8).user.id;
  Apply({Event(ComplianceKind::kStatusWithheld, status.id, status.user.id, 0, {"tr"}),
         Event(ComplianceKind::kUserWithheld, 0, user, 0, {"RU", "TR"})});
  auto all = AllIdsExcept([](const Tweet&) { return false; });
  EXPECT_EQ(VisibleIds(), all);  // no viewer country: nothing withheld
  // The tweets' own withheld_in_countries ({"DE","FR"} when i % 50 == 7) count too.
  EXPECT_EQ(VisibleIds("TR"),
            AllIdsExcept([&](const Tweet& t) { return t.id == status.id || t.user.id == user; }));
  EXPECT_EQ(VisibleIds("RU"), AllIdsExcept([&](const Tweet& t) { return t.user.id == user; }));
  EXPECT_EQ(VisibleIds("DE"), AllIdsExcept([&](const Tweet& t) { return !t.withheld_in_countries.empty(); }));
  EXPECT_EQ(VisibleIds("US"), all);
  // An empty list lifts a user's withholding.
  Apply({Event(ComplianceKind::kUserWithheld, 0, user, 0, {})});
  EXPECT_EQ(VisibleIds("RU"), all);
}

TEST(ComplianceStateTest, SerializesAndDetectsDamage) {
  ComplianceState s;
  s.Apply(Event(ComplianceKind::kDelete, 42, 1));
  s.Apply(Event(ComplianceKind::kDelete, 7, 1));
  s.Apply(Event(ComplianceKind::kUserSuspend, 0, 9));
  s.Apply(Event(ComplianceKind::kScrubGeo, 0, 3, 100));
  s.Apply(Event(ComplianceKind::kScrubGeo, 0, 3, 50));  // a lower bound does not shrink the scrub
  s.Apply(Event(ComplianceKind::kStatusWithheld, 11, 2, 0, {"de"}));
  s.Apply(Event(ComplianceKind::kUserWithheld, 0, 4, 0, {"FR", "XX"}));
  std::string bytes = s.Serialize();
  auto back = ComplianceState::Parse(bytes, "c");
  ASSERT_TRUE(back.ok());
  EXPECT_TRUE(back->IsDeleted(42) && back->IsDeleted(7) && !back->IsDeleted(8));
  EXPECT_TRUE(back->IsUserHidden(9));
  EXPECT_EQ(back->ScrubGeoUpTo(3), 100u);
  EXPECT_EQ(back->status_withheld().at(11), std::vector<std::string>{"DE"});
  EXPECT_EQ(back->user_withheld().at(4), (std::vector<std::string>{"FR", "XX"}));
  EXPECT_EQ(back->Serialize(), bytes);
  bytes[14] ^= 1;
  EXPECT_EQ(ComplianceState::Parse(bytes, "c").status().code(), StatusCode::kCorruption);
}

// Every commit stores the compliance masks; answers from the stored masks
// equal answers computed from the compliance state when the file is gone.
TEST_F(ComplianceTest, StoredMasksGiveTheSameAnswersAsComputedOnes) {
  const Tweet original = MakeTweet(30);
  const Tweet author = MakeTweet(44);
  const Tweet scrubbed = MakeTweet(52);
  Ingest(300, {Event(ComplianceKind::kDelete, MakeTweet(3).id, MakeTweet(3).user.id)});
  Apply({Event(ComplianceKind::kDelete, original.id, original.user.id),
         Event(ComplianceKind::kUserProtect, 0, author.user.id),
         Event(ComplianceKind::kScrubGeo, 0, scrubbed.user.id, scrubbed.id)});
  const std::string masks = ComplianceDir(dir_.path()) + "/" + MasksFileName(Open()->manifest().version);
  ASSERT_TRUE(std::filesystem::exists(masks));
  auto geo = [&] {
    auto a = Open();
    auto b = a->GeoScrubbedRows(0);
    EXPECT_TRUE(b.ok());
    return b.ok() ? b->ToVector() : std::vector<uint32_t>{};
  };
  const std::set<uint64_t> stored = VisibleIds();
  const std::vector<uint32_t> stored_geo = geo();
  auto want = AllIdsExcept([&](const Tweet& t) {
    return t.id == MakeTweet(3).id || t.retweet_of == MakeTweet(3).id || t.id == original.id ||
           t.retweet_of == original.id || t.user.id == author.user.id;
  });
  EXPECT_EQ(stored, want);
  EXPECT_FALSE(stored_geo.empty());
  std::filesystem::remove(masks);
  EXPECT_EQ(VisibleIds(), stored);
  EXPECT_EQ(geo(), stored_geo);
  // A damaged file is ignored, not trusted.
  ASSERT_TRUE(WriteFileDurably(masks, "ROOSTMSK garbage that fails its checksum").ok());
  EXPECT_EQ(VisibleIds(), stored);
}

}  // namespace
}  // namespace roost::storage
