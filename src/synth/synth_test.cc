#include "synth/synth.h"

#include <gtest/gtest.h>
#include <simdjson.h>
#include <zstd.h>

#include <cctype>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>

#include "parse/document_parser.h"
#include "synth/brands.h"
#include "testing/test_util.h"

namespace roost::synth {
namespace {

namespace fs = std::filesystem;
using roost::testing::ReadFileOrDie;
using roost::testing::ScratchDir;

SynthOptions SmallOptions(const fs::path& out) {
  SynthOptions o;
  o.out_dir = out.string();
  o.seed = 7;
  o.start = "2012-03-01";
  o.days = 2;
  o.tweets_per_day = 6000;
  o.compression = Compression::kNone;
  o.malformed_rate = 0.004;
  o.users = 3000;
  return o;
}

std::map<std::string, std::string> ReadDir(const fs::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& e : fs::directory_iterator(dir)) files[e.path().filename().string()] = ReadFileOrDie(e.path());
  return files;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string::npos) nl = text.size();
    lines.push_back(text.substr(start, nl - start));
    start = nl + 1;
  }
  return lines;
}

std::string Lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Whole-word, case-insensitive: the rule brands.toml promises.
bool MentionsTerm(const std::string& lower_text, const std::string& lower_term) {
  auto word = [](unsigned char c) { return std::isalnum(c) || c == '_'; };
  for (size_t p = lower_text.find(lower_term); p != std::string::npos; p = lower_text.find(lower_term, p + 1)) {
    bool left = p == 0 || !word(lower_text[p - 1]);
    size_t e = p + lower_term.size();
    bool right = e >= lower_text.size() || !word(lower_text[e]);
    if (left && right) return true;
  }
  return false;
}

TEST(SynthTest, SameSeedGivesSameBytesWhateverTheThreads) {
  ScratchDir a, b, c;
  auto o = SmallOptions(a.path());
  ASSERT_TRUE(RunSynth(o).ok());
  o.out_dir = b.path().string();
  o.threads = 2;
  ASSERT_TRUE(RunSynth(o).ok());
  auto fa = ReadDir(a.path()), fb = ReadDir(b.path());
  ASSERT_EQ(fa.size(), 6u);  // 2 days + compliance, news, brands, truth
  ASSERT_EQ(fb.size(), fa.size());
  for (const auto& [name, bytes] : fa) EXPECT_TRUE(bytes == fb[name]) << name << " differs";
  // A different seed changes the tweets.
  o.out_dir = c.path().string();
  o.seed = 8;
  ASSERT_TRUE(RunSynth(o).ok());
  auto fc = ReadDir(c.path());
  EXPECT_FALSE(fa["tweets-2012-03-01.jsonl"] == fc["tweets-2012-03-01.jsonl"]);
}

TEST(SynthTest, ZstdFilesHoldTheSameLines) {
  ScratchDir plain, packed;
  auto o = SmallOptions(plain.path());
  o.days = 1;
  ASSERT_TRUE(RunSynth(o).ok());
  o.out_dir = packed.path().string();
  o.compression = Compression::kZstd;
  ASSERT_TRUE(RunSynth(o).ok());
  std::string z = ReadFileOrDie(packed.path() / "tweets-2012-03-01.jsonl.zst");
  std::string want = ReadFileOrDie(plain.path() / "tweets-2012-03-01.jsonl");
  unsigned long long size = ZSTD_getFrameContentSize(z.data(), z.size());
  std::string got;
  if (size != ZSTD_CONTENTSIZE_UNKNOWN && size != ZSTD_CONTENTSIZE_ERROR) {
    got.resize(size);
    ASSERT_FALSE(ZSTD_isError(ZSTD_decompress(got.data(), got.size(), z.data(), z.size())));
  } else {
    ZSTD_DStream* ds = ZSTD_createDStream();
    ZSTD_inBuffer in{z.data(), z.size(), 0};
    std::string chunk(1 << 16, '\0');
    while (in.pos < in.size) {
      ZSTD_outBuffer out{chunk.data(), chunk.size(), 0};
      size_t rc = ZSTD_decompressStream(ds, &out, &in);
      ASSERT_FALSE(ZSTD_isError(rc));
      got.append(chunk.data(), out.pos);
    }
    ZSTD_freeDStream(ds);
  }
  EXPECT_EQ(got, want);
}

TEST(SynthTest, RejectsBadOptions) {
  ScratchDir dir;
  auto o = SmallOptions(dir.path());
  o.start = "March 1st";
  EXPECT_EQ(RunSynth(o).status().code(), StatusCode::kInvalidArgument);
  o = SmallOptions(dir.path());
  o.brands_file = (dir.path() / "missing.toml").string();
  EXPECT_FALSE(RunSynth(o).ok());
}

TEST(SynthTest, BrandsTomlRoundTrips) {
  ScratchDir dir;
  auto brands = BuiltinBrands();
  roost::testing::WriteFileOrDie(dir / "brands.toml", BrandsToToml(brands));
  auto loaded = LoadBrandsToml((dir / "brands.toml").string());
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  ASSERT_EQ(loaded->size(), brands.size());
  for (size_t i = 0; i < brands.size(); ++i) {
    EXPECT_EQ((*loaded)[i].name, brands[i].name);
    EXPECT_EQ((*loaded)[i].aliases, brands[i].aliases);
    EXPECT_NEAR((*loaded)[i].share_of_voice, brands[i].share_of_voice, 1e-3);
    EXPECT_EQ((*loaded)[i].competitors, brands[i].competitors);
  }
  roost::testing::WriteFileOrDie(dir / "bad.toml", "[[brand]]\nname = \n");
  EXPECT_EQ(LoadBrandsToml((dir / "bad.toml").string()).status().code(), StatusCode::kParseError);
}

TEST(SynthTest, ABrandIsARuleOfItsNamesAndHandle) {
  Brand b;
  b.name = "Norva";
  b.handle = "NorvaMobile";
  b.aliases = {"Norva Mobile", "Norva"};
  b.products = {"Norva \"X2\""};
  EXPECT_EQ(BrandRule(b),
            "\"Norva\" OR \"Norva \\\"X2\\\"\" OR \"Norva Mobile\" OR @NorvaMobile OR from:NorvaMobile");
  auto found = FindBrand(BuiltinBrands(), "zELKOR");
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->name, "Zelkor");
  auto missing = FindBrand(BuiltinBrands(), "Acme");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("Zelkor"), std::string::npos);
}

// Re-reads everything written with the foundation's parser and checks it
// against truth.json: kinds, counts, language and brand shares.
TEST(SynthTest, OutputParsesAndMatchesTruth) {
  ScratchDir dir;
  auto o = SmallOptions(dir.path());
  o.days = 3;
  o.tweets_per_day = 20000;
  o.users = 8000;
  auto summary = RunSynth(o);
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();

  simdjson::dom::parser jp;
  std::string truth_text = ReadFileOrDie(dir / "truth.json");
  simdjson::dom::element truth;
  ASSERT_EQ(jp.parse(truth_text).get(truth), simdjson::SUCCESS);

  std::vector<std::string> brand_names;
  std::vector<std::vector<std::string>> brand_terms;
  std::vector<double> truth_brand_share;
  for (auto b : truth["brands"].get_array()) {
    brand_names.emplace_back(std::string_view(b["name"].get_string()));
    std::vector<std::string> terms;
    for (auto t : b["match_terms"].get_array()) terms.push_back(Lower(std::string(std::string_view(t.get_string()))));
    brand_terms.push_back(terms);
    truth_brand_share.push_back(double(b["share"]));
  }
  ASSERT_EQ(brand_names.size(), BuiltinBrands().size());

  DocumentParser parser;
  int64_t rejected = 0, tweets = 0, non_public = 0, compliance = 0, deletes = 0;
  std::map<std::string, int64_t> langs, hashtags;
  std::vector<int64_t> brand_counts(brand_names.size());
  std::set<uint64_t> ids, deleted;
  std::set<uint64_t> delete_seen_first;
  int64_t long_tweets = 0, retweets = 0, geo = 0;
  for (auto day : truth["days"].get_array()) {
    std::string file(std::string_view(day["file"].get_string()));
    for (const auto& line : Lines(ReadFileOrDie(dir / file))) {
      auto records = parser.ParseString(line);
      ASSERT_EQ(records.size(), 1u) << line.substr(0, 200);
      const auto& r = records[0];
      switch (r.kind) {
        case ParsedRecord::Kind::kRejected:
          ++rejected;
          break;
        case ParsedRecord::Kind::kCompliance:
          ++compliance;
          if (r.compliance.kind == ComplianceKind::kDelete) {
            ++deletes;
            deleted.insert(r.compliance.tweet_id);
            if (!ids.count(r.compliance.tweet_id)) delete_seen_first.insert(r.compliance.tweet_id);
          }
          break;
        case ParsedRecord::Kind::kNonPublic:
          ++non_public;
          ++tweets;
          EXPECT_TRUE(ids.insert(r.tweet.id).second) << "duplicate id " << r.tweet.id;
          break;
        case ParsedRecord::Kind::kTweet: {
          ++tweets;
          EXPECT_TRUE(ids.insert(r.tweet.id).second) << "duplicate id " << r.tweet.id;
          ++langs[r.tweet.lang];
          for (const auto& h : r.tweet.hashtags) ++hashtags[h.text];
          if (r.tweet.retweet_of) ++retweets;
          if (r.tweet.has_coordinates) ++geo;
          if (r.tweet.text.size() > 140 * 4 || line.find("\"extended_tweet\"") != std::string::npos) ++long_tweets;
          EXPECT_FALSE(r.tweet.user.screen_name.empty());
          EXPECT_GT(r.tweet.created_at, 0);
          std::string text = Lower(r.tweet.text);
          for (size_t b = 0; b < brand_terms.size(); ++b) {
            for (const auto& term : brand_terms[b]) {
              if (MentionsTerm(text, term)) {
                ++brand_counts[b];
                break;
              }
            }
          }
          break;
        }
      }
    }
  }
  const auto counts = truth["counts"];
  EXPECT_EQ(rejected, int64_t(counts["malformed"]));
  EXPECT_GT(rejected, 0);
  EXPECT_EQ(tweets, int64_t(counts["tweets"]));
  EXPECT_EQ(non_public, int64_t(counts["non_public_tweets"]));
  EXPECT_GT(non_public, 0);
  EXPECT_EQ(compliance, int64_t(counts["compliance"]));
  EXPECT_EQ(deletes, int64_t(counts["deletes"]));
  EXPECT_GT(int64_t(counts["scrub_geo"]) + int64_t(counts["user_protect"]), 0);
  EXPECT_GT(retweets, tweets / 10);
  EXPECT_GT(long_tweets, 0);
  EXPECT_GT(geo, 0);
  EXPECT_GT(delete_seen_first.size(), 0u);  // some deletes arrive before their tweet
  for (uint64_t id : delete_seen_first) EXPECT_TRUE(ids.count(id)) << "delete for unknown tweet " << id;
  // Every deleted id in truth.json was deleted in the stream.
  size_t truth_deleted = 0;
  for (auto id : truth["deleted_tweet_ids"].get_array()) {
    ++truth_deleted;
    EXPECT_TRUE(deleted.count(std::stoull(std::string(std::string_view(id.get_string())))));
  }
  EXPECT_EQ(truth_deleted, deleted.size());

  // Each planted trend: truth counts exactly the public tweets carrying its tag.
  int n_trends = 0;
  for (auto tr : truth["trends"].get_array()) {
    std::string tag(std::string_view(tr["hashtag"].get_string()));
    EXPECT_EQ(hashtags[tag], int64_t(tr["tweets"])) << tag;
    EXPECT_GT(hashtags[tag], 0) << tag;
    ++n_trends;
  }
  EXPECT_GT(n_trends, 0);

  // Language shares within 1 percentage point, brand shares within 2.
  int64_t public_tweets = tweets - non_public;
  for (auto [code, entry] : truth["languages"].get_object()) {
    double want = double(entry["share"]);
    double got = double(langs[std::string(code)]) / public_tweets;
    EXPECT_NEAR(got, want, 0.01) << code;
    EXPECT_GT(got, 0.005) << code;
  }
  int64_t brand_total = 0;
  for (int64_t n : brand_counts) brand_total += n;
  ASSERT_GT(brand_total, 500);
  for (size_t b = 0; b < brand_names.size(); ++b)
    EXPECT_NEAR(double(brand_counts[b]) / brand_total, truth_brand_share[b], 0.02) << brand_names[b];
}

// v2: twarc2 pages; every tweet record parses, protected authors come out
// non-public, and the records add up to truth.json.
TEST(SynthTest, V2PagesParse) {
  ScratchDir dir;
  auto o = SmallOptions(dir.path());
  o.days = 1;
  o.format = OutputFormat::kV2;
  auto summary = RunSynth(o);
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  simdjson::dom::parser jp;
  std::string truth_text = ReadFileOrDie(dir / "truth.json");
  simdjson::dom::element truth;
  ASSERT_EQ(jp.parse(truth_text).get(truth), simdjson::SUCCESS);
  DocumentParser parser;
  int64_t tweets = 0, non_public = 0, compliance = 0, rejected = 0, pages = 0;
  std::set<uint64_t> ids;
  for (const auto& line : Lines(ReadFileOrDie(dir / "tweets-2012-03-01.jsonl"))) {
    if (line.rfind("{\"data\":[", 0) == 0 && line.find("\"__twarc\"") != std::string::npos) ++pages;
    for (const auto& r : parser.ParseString(line)) {
      switch (r.kind) {
        case ParsedRecord::Kind::kTweet:
          ++tweets;
          EXPECT_TRUE(ids.insert(r.tweet.id).second);
          EXPECT_FALSE(r.tweet.user.screen_name.empty());
          EXPECT_EQ(r.tweet.format, TweetFormat::kV2);
          break;
        case ParsedRecord::Kind::kNonPublic:
          ++non_public;
          EXPECT_TRUE(ids.insert(r.tweet.id).second);
          break;
        case ParsedRecord::Kind::kCompliance:
          ++compliance;
          break;
        case ParsedRecord::Kind::kRejected:
          ++rejected;
          break;
      }
    }
  }
  const auto counts = truth["counts"];
  EXPECT_GT(pages, 40);
  EXPECT_EQ(tweets, int64_t(counts["public_tweets"]));
  EXPECT_EQ(non_public, int64_t(counts["non_public_tweets"]));
  EXPECT_GT(non_public, 0);
  EXPECT_EQ(compliance, int64_t(counts["compliance"]));
  EXPECT_EQ(rejected, int64_t(counts["malformed"]));
  EXPECT_EQ(tweets + non_public + compliance + rejected, int64_t(counts["records"]));
}

}  // namespace
}  // namespace roost::synth
