// Brand tags equal BrandQuery: on a synthetic archive (every brand, after
// ingest and after retag) and on decoys for each part of the rule.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "brands/brand_query.h"
#include "brands/brand_retag.h"
#include "brands/brand_set.h"
#include "brands/brand_tagger.h"
#include "brands/brand_tags_state.h"
#include "enrich/enricher.h"
#include "ingest/ingest_pipeline.h"
#include "query/executor.h"
#include "query/parser.h"
#include "storage/archive.h"
#include "storage/archive_ingest_sink.h"
#include "storage/manifest.h"
#include "synth/synth.h"

namespace roost::brands {
namespace {

namespace fs = std::filesystem;

class TempDir {
 public:
  TempDir() {
    path_ = fs::temp_directory_path() / ("brand_tagging_" + std::to_string(::getpid()) + "_" + std::to_string(n_++));
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() { fs::remove_all(path_); }
  std::string operator/(const std::string& name) const { return (path_ / name).string(); }

 private:
  fs::path path_;
  static inline int n_ = 0;
};

BrandSet MustParse(const std::string& toml) {
  auto set = ParseBrandSet(toml, "brands.toml");
  EXPECT_TRUE(set.ok()) << set.status().message();
  return set.ok() ? *set : BrandSet{};
}

// What `roost ingest --brands` does: per-tweet brands while enriching, the
// brands with a filter over the new segments once they are committed.
void Ingest(const std::vector<std::string>& inputs, const std::string& archive, const BrandTagger* tagger) {
  EnricherOptions eo;
  eo.sentiment = false;
  auto enricher = Enricher::Create(eo);
  ASSERT_TRUE(enricher.ok()) << enricher.status().message();
  std::vector<std::string> before;
  if (auto m = storage::Manifest::Load(archive); m.ok())
    for (const auto& e : m->segments) before.push_back(e.file);
  storage::ArchiveIngestOptions ao;
  if (tagger) ao.brand_fingerprints = tagger->PerTweetFingerprints();
  {
    auto sink = storage::OpenArchiveForIngest(archive, ao);
    ASSERT_TRUE(sink.ok()) << sink.status().message();
    IngestOptions io;
    io.inputs = inputs;
    io.threads = 2;
    io.enrich = [&](Tweet* t) {
      enricher->Enrich(t);
      if (tagger) tagger->TagTweet(t);
    };
    auto report = RunIngest(io, sink->get());
    ASSERT_TRUE(report.ok()) << report.status().message();
  }
  if (tagger && tagger->NeedsSegments()) {
    auto after = storage::Manifest::Load(archive);
    ASSERT_TRUE(after.ok());
    std::vector<std::string> added;
    for (const auto& e : after->segments)
      if (std::find(before.begin(), before.end(), e.file) == before.end()) added.push_back(e.file);
    auto r = RetagArchive(archive, *tagger, 2, added);
    ASSERT_TRUE(r.ok()) << r.status().message();
  }
}

// Tweet ids a filter selects.
std::set<uint64_t> Ids(const storage::Archive& archive, const std::string& filter) {
  auto q = query::ParseQuery(filter);
  EXPECT_TRUE(q.ok()) << filter << ": " << q.status().message();
  if (!q.ok()) return {};
  auto r = query::Execute(archive, *q);
  EXPECT_TRUE(r.ok()) << r.status().message();
  std::set<uint64_t> ids;
  if (!r.ok()) return ids;
  for (const auto& s : r->segments) {
    auto reader = archive.segment(s.segment);
    auto col = (*reader)->ReadInts("id");
    for (uint32_t row : s.rows.ToVector()) ids.insert(static_cast<uint64_t>((*col)[row]));
  }
  EXPECT_EQ(ids.size(), r->count);
  return ids;
}

// For every brand: `brand == "Name"` selects exactly BrandQuery's tweets;
// returns the counts by brand.
std::map<std::string, size_t> ExpectTagsEqualRules(const std::string& dir, const BrandSet& set) {
  auto archive = storage::Archive::Open(dir);
  EXPECT_TRUE(archive.ok()) << archive.status().message();
  std::map<std::string, size_t> counts;
  if (!archive.ok()) return counts;
  for (const BrandDefinition& b : set.brands) {
    const std::set<uint64_t> by_rule = Ids(**archive, BrandQuery(b));
    const std::set<uint64_t> by_tag = Ids(**archive, "brand == \"" + b.name + "\"");
    EXPECT_EQ(by_tag.size(), by_rule.size()) << b.name << ": " << BrandQuery(b);
    EXPECT_TRUE(by_tag == by_rule) << b.name << ": " << BrandQuery(b);
    EXPECT_TRUE(TagsCurrent(**archive, b)) << b.name;
    counts[b.name] = by_rule.size();
  }
  return counts;
}

const char* kExtraBrands = R"(
[[brand]]
name = "Phones"
filter = "phone battery OR author.followers > 5000"
lang = ["en"]

[[brand]]
name = "Screens"
aliases = ["screen", "display"]
exclude = ["screen protector", "the screen"]
hashtags = ["rwc"]

[[brand]]
name = "Marché"
aliases = ["que"]
exclude = ["el que"]
lang = ["es", "fr"]
)";

TEST(BrandTagging, SynthArchiveTagsEqualEveryBrandQuery) {
  TempDir tmp;
  synth::SynthOptions so;
  so.out_dir = tmp / "syn";
  so.days = 2;
  so.tweets_per_day = 6000;
  so.users = 3000;
  so.seed = 9;
  so.compression = synth::Compression::kNone;
  so.brand_rate = 0.2;
  ASSERT_TRUE(synth::RunSynth(so).ok());
  auto file = LoadBrandSet(tmp / "syn/brands.toml");
  ASSERT_TRUE(file.ok()) << file.status().message();
  std::ifstream in(tmp / "syn/brands.toml");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const BrandSet set = MustParse(text + kExtraBrands);
  auto tagger = BrandTagger::Create(set);
  ASSERT_TRUE(tagger.ok()) << tagger.status().message();
  ASSERT_TRUE((*tagger)->NeedsSegments());

  const std::string dir = tmp / "a";
  Ingest({tmp / "syn"}, dir, tagger->get());
  const auto counts = ExpectTagsEqualRules(dir, set);
  for (const auto& b : set.brands) EXPECT_GT(counts.at(b.name), 0u) << b.name << " tags nothing: a weak test";

  // Retag with the same file: the same tags; with a changed definition:
  // the new rule, and the old definition is no longer current.
  auto r1 = RetagArchive(dir, **tagger, 2);
  ASSERT_TRUE(r1.ok()) << r1.status().message();
  for (size_t b = 0; b < set.brands.size(); ++b) EXPECT_EQ(r1->tagged[b], counts.at(set.brands[b].name));
  EXPECT_EQ(ExpectTagsEqualRules(dir, set), counts);

  BrandSet changed = set;
  changed.brands[0].exclude.push_back("battery");
  changed.brands[1].langs = {"en"};
  auto tagger2 = BrandTagger::Create(changed);
  ASSERT_TRUE(tagger2.ok());
  ASSERT_TRUE(RetagArchive(dir, **tagger2, 1).ok());
  ExpectTagsEqualRules(dir, changed);
  auto archive = storage::Archive::Open(dir);
  ASSERT_TRUE(archive.ok());
  EXPECT_FALSE(TagsCurrent(**archive, set.brands[0]));
  EXPECT_FALSE(TagsCurrent(**archive, set.brands[1]));
  EXPECT_TRUE(TagsCurrent(**archive, set.brands[2]));
}

TEST(BrandTagging, UntaggedAndOlderArchivesAreNotCurrent) {
  TempDir tmp;
  const std::string input = tmp / "t.jsonl";
  std::ofstream(input) << R"({"created_at":"Thu Mar 01 12:00:00 +0000 2012","id":7,"id_str":"7","text":"Norva rocks","user":{"id":1,"id_str":"1","screen_name":"a","followers_count":1,"protected":false},"lang":"en"})"
                       << "\n";
  const BrandSet set = MustParse("[[brand]]\nname = \"Norva\"\n");
  Ingest({input}, tmp / "a", nullptr);
  auto archive = storage::Archive::Open(tmp / "a");
  ASSERT_TRUE(archive.ok());
  EXPECT_FALSE(TagsCurrent(**archive, set.brands[0]));
  // A manifest line as older writers wrote it (no brands= field) reads as
  // untagged; one with the field round-trips.
  auto m = storage::Manifest::Load(tmp / "a");
  ASSERT_TRUE(m.ok());
  m->segments[0].brand_fingerprints = {BrandFingerprint(set.brands[0]), "0123456789abcdef"};
  auto back = storage::Manifest::Parse(m->Serialize(), "MANIFEST");
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->segments[0].brand_fingerprints, m->segments[0].brand_fingerprints);
}

// One decoy tweet per case, then the tags each carries.
struct Decoy {
  uint64_t id;
  std::string text, author;
  int followers = 10;
  std::string lang = "en";
  std::string reply_to = {};  // screen name replied to
};

std::string TweetJson(const Decoy& d) {
  return R"({"created_at":"Thu Mar 01 12:00:)" + std::string(d.id % 60 < 10 ? "0" : "") + std::to_string(d.id % 60) +
         R"( +0000 2012","id":)" + std::to_string(d.id) + R"(,"id_str":")" + std::to_string(d.id) +
         R"(","text":")" + d.text + R"(","user":{"id":)" + std::to_string(d.id + 100) + R"(,"id_str":")" +
         std::to_string(d.id + 100) + R"(","screen_name":")" + d.author + R"(","followers_count":)" +
         std::to_string(d.followers) + R"(,"protected":false},"lang":")" + d.lang + R"(")" +
         (d.reply_to.empty() ? "" : R"(,"in_reply_to_status_id":5,"in_reply_to_screen_name":")" + d.reply_to + "\"") + "}";
}

TEST(BrandTagging, Decoys) {
  TempDir tmp;
  const BrandSet set = MustParse(R"(
[[brand]]
name = "Apple"
exclude = ["apple pie", "Big Apple"]

[[brand]]
name = "Café Nero"

[[brand]]
name = "Norva"
handle = "NorvaMobile"
hashtags = ["NorvaLove"]

[[brand]]
name = "Zelkor"
lang = "fr"

[[brand]]
name = "Bigco"
filter = "author.followers >= 1000"
lang = ["en"]
)");
  const std::vector<Decoy> decoys = {
      {1, "Apple shares rise today", "u1"},
      {2, "I love apple pie so much", "u2"},
      {3, "Apple stock up, and apple pie for dessert", "u3"},  // an exclude vetoes every word match
      {4, "New York is the big apple", "u4"},
      {5, "CAFÉ Nero opens downtown", "u5"},
      {6, "meet me at cafe nero", "u6"},
      {7, "cafenero is not it, nor is Nero cafe", "u7"},
      {8, "Norvaland is a place", "u8"},
      {9, "the norva's new phone", "u9"},
      {10, "thanks @NorvaMobile for the fix", "u10"},
      {11, "our new phone is out", "NorvaMobile"},
      {12, "loving it #NorvaLove", "u12"},
      {13, "#norvalovers is another tag", "u13"},
      {14, "Zelkor est une marque française très connue", "u14", 10, "fr"},
      {15, "Zelkor is a brand that people know well here", "u15"},
      {16, "just an ordinary day at the office with friends", "u16", 5000},
      {17, "un jour ordinaire au bureau avec des amis et la famille", "u17", 5000, "fr"},
      {18, "apple pie from @NorvaMobile", "u18"},  // vetoed words, but the handle still counts
      {19, "thanks, that fixed it", "u19", 10, "en", "NorvaMobile"},  // a reply addresses the brand
  };
  const std::map<uint64_t, std::set<std::string>> want = {
      {1, {"Apple"}}, {5, {"Café Nero"}}, {6, {"Café Nero"}}, {9, {"Norva"}}, {10, {"Norva"}},
      {11, {"Norva"}}, {12, {"Norva"}}, {14, {"Zelkor"}}, {16, {"Bigco"}}, {18, {"Norva"}}, {19, {"Norva"}},
  };
  std::string lines;
  for (const Decoy& d : decoys) lines += TweetJson(d) + "\n";
  const std::string input = tmp / "decoys.jsonl";
  std::ofstream(input) << lines;
  auto tagger = BrandTagger::Create(set);
  ASSERT_TRUE(tagger.ok()) << tagger.status().message();
  const std::string dir = tmp / "a";
  Ingest({input}, dir, tagger->get());
  auto check = [&](const char* when) {
    auto archive = storage::Archive::Open(dir);
    ASSERT_TRUE(archive.ok());
    std::map<uint64_t, std::set<std::string>> got;
    for (size_t i = 0; i < (*archive)->segment_count(); ++i) {
      auto r = (*archive)->segment(i);
      auto tweets = (*r)->ReadAllTweets();
      ASSERT_TRUE(tweets.ok());
      for (const Tweet& t : *tweets)
        if (!t.brand_tags.empty()) got[t.id] = {t.brand_tags.begin(), t.brand_tags.end()};
    }
    ASSERT_EQ(got.size(), 11u) << when << " (tweet 14's language: check the detector if this moves)";
    EXPECT_EQ(got, want) << when;
    ExpectTagsEqualRules(dir, set);
    // The tag answers in any case, with or without the accent.
    EXPECT_EQ(Ids(**archive, "brand == \"CAFE NERO\"").size(), 2u);
    EXPECT_EQ(Ids(**archive, "brand:norva").size(), 6u);
    EXPECT_EQ(Ids(**archive, "brand:NORVA").size(), 6u);
  };
  check("after ingest");
  auto r = RetagArchive(dir, **tagger, 2);
  ASSERT_TRUE(r.ok());
  check("after retag");
}

TEST(BrandTagging, FilterOnBrandTagsIsRefused) {
  const BrandSet set = MustParse("[[brand]]\nname = \"A\"\nfilter = \"brand == \\\"B\\\"\"\n");
  auto tagger = BrandTagger::Create(set);
  ASSERT_FALSE(tagger.ok());
  EXPECT_NE(tagger.status().message().find("brands.toml:1: brand 'A' field 'filter'"), std::string::npos) << tagger.status().message();
}

TEST(BrandTagging, NamesWhoseTagsWouldCompareEqualAreOneBrand) {
  // `brand == "cafe"` would select both tags: the file may not hold both.
  auto set = ParseBrandSet("[[brand]]\nname = \"Café\"\n[[brand]]\nname = \"CAFE\"\n", "brands.toml");
  ASSERT_FALSE(set.ok());
  EXPECT_NE(set.status().message().find("defined twice"), std::string::npos) << set.status().message();
  auto ok = ParseBrandSet("[[brand]]\nname = \"Café\"\n", "brands.toml");
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->Find("CAFE"), 0u);
}

TEST(BrandMatcher, TokenStreamFramesFoldedTokens) {
  std::string s;
  BrandMatcher::TokenStream("CAFÉ Nero's #Rugby, http://x.co/a", &s);
  EXPECT_EQ(s, "\x1f" "cafe\x1fnero\x1f#rugby\x1f");
}

}  // namespace
}  // namespace roost::brands
