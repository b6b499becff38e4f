#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>

#include "storage/segment_reader.h"
#include "storage/segment_writer.h"
#include "storage/test_tweets.h"
#include "storage/tweet_matchers.h"
#include "testing/test_util.h"

namespace roost::storage {
namespace {

using testing::MakeTweet;
using testing::Normalised;

std::vector<Tweet> SortedByTime(std::vector<Tweet> ts) {
  std::sort(ts.begin(), ts.end(), [](const Tweet& a, const Tweet& b) {
    return a.created_at != b.created_at ? a.created_at < b.created_at : a.id < b.id;
  });
  return ts;
}

std::unique_ptr<SegmentReader> WriteAndOpen(const std::string& path, const std::vector<Tweet>& tweets) {
  SegmentWriter w(testing::kDay0);
  for (const Tweet& t : tweets) w.Add(t);
  auto meta = w.Finish(path);
  EXPECT_TRUE(meta.ok()) << meta.status().ToString();
  auto r = SegmentReader::Open(path);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? std::move(r).value() : nullptr;
}

TEST(SegmentTest, RoundTripsEveryColumn) {
  ::roost::testing::ScratchDir dir;
  std::vector<Tweet> in;
  // More than one granule so granule boundaries are crossed.
  for (uint64_t i = 0; i < kGranuleRows + 1000; ++i) in.push_back(MakeTweet(i));
  auto r = WriteAndOpen(dir / "a.rseg", in);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->row_count(), in.size());
  std::vector<Tweet> expect = SortedByTime(in);
  EXPECT_EQ(r->meta().min_time, expect.front().created_at);
  EXPECT_EQ(r->meta().max_time, expect.back().created_at);
  auto out = r->ReadAllTweets();
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  ASSERT_EQ(out->size(), expect.size());
  for (size_t i = 0; i < expect.size(); ++i) {
    testing::ExpectSameTweet(Normalised(expect[i]), (*out)[i]);
    if (::testing::Test::HasFailure()) break;
  }
  auto times = r->ReadInts("created_at");
  ASSERT_TRUE(times.ok());
  EXPECT_TRUE(std::is_sorted(times->begin(), times->end()));
  EXPECT_TRUE(r->VerifyAll().ok());
}

// The scorer of each row survives a round trip; a scored row that names no
// scorer reads back as lexicon (what every older archive holds), and an
// unscored row never names one.
TEST(SegmentTest, SentimentModelRoundTrips) {
  ::roost::testing::ScratchDir dir;
  const SentimentModel models[] = {SentimentModel::kNone, SentimentModel::kLexicon, SentimentModel::kLearned};
  std::vector<Tweet> in;
  for (uint64_t i = 0; i < 12; ++i) {
    Tweet t = MakeTweet(i);
    t.sentiment_scored = i % 4 != 3;
    t.sentiment_model = models[i % 3];
    in.push_back(t);
  }
  auto r = WriteAndOpen(dir / "m.rseg", in);
  ASSERT_TRUE(r);
  auto out = r->ReadAllTweets();
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  std::map<uint64_t, const Tweet*> by_id;
  for (const Tweet& t : *out) by_id[t.id] = &t;
  for (const Tweet& t : in) {
    const Tweet& got = *by_id.at(t.id);
    EXPECT_EQ(got.sentiment_scored, t.sentiment_scored) << t.id;
    const SentimentModel want = !t.sentiment_scored                        ? SentimentModel::kNone
                                : t.sentiment_model == SentimentModel::kNone ? SentimentModel::kLexicon
                                                                            : t.sentiment_model;
    EXPECT_EQ(got.sentiment_model, want) << t.id;
  }
  auto column = r->ReadInts("sentiment_scored");
  ASSERT_TRUE(column.ok());
  EXPECT_TRUE(std::count(column->begin(), column->end(), 2) > 0);
}

// Every dictionary value's bitmap equals the rows a plain loop finds.
TEST(SegmentTest, BitmapsMatchReferenceLoop) {
  ::roost::testing::ScratchDir dir;
  std::vector<Tweet> in;
  for (uint64_t i = 0; i < 5000; ++i) in.push_back(MakeTweet(i));
  auto r = WriteAndOpen(dir / "a.rseg", in);
  ASSERT_TRUE(r);
  std::vector<Tweet> rows = SortedByTime(in);
  auto values_of = [](const Tweet& t0, const std::string& col) {
    Tweet t = Normalised(t0);
    std::vector<std::string> v;
    if (col == "hashtags") for (auto& h : t.hashtags) v.push_back(h.text);
    if (col == "mentions") for (auto& m : t.mentions) v.push_back(m.screen_name);
    if (col == "terms") v = t.terms.ToVector();
    if (col == "domains") v = t.domains;
    if (col == "brand_tags") v = t.brand_tags;
    if (col == "cashtags") v = t.cashtags;
    if (col == "lang") v.push_back(t.lang);
    if (col == "country") v.push_back(t.place ? t.place->country_code : "");
    if (col == "user") v.push_back(std::to_string(t.user.id));
    if (col == "handle") v.push_back(t.user.screen_name);
    return v;
  };
  for (std::string col : {"hashtags", "mentions", "terms", "domains", "brand_tags", "cashtags", "lang", "country",
                          "user", "handle"}) {
    SCOPED_TRACE(col);
    std::map<std::string, std::set<uint32_t>> expect;
    for (uint32_t row = 0; row < rows.size(); ++row)
      for (const auto& v : values_of(rows[row], col)) expect[v].insert(row);
    auto dict = r->Dictionary(col);
    ASSERT_TRUE(dict.ok());
    ASSERT_EQ(dict->size(), expect.size());
    uint32_t id = 0;
    for (const auto& [value, want] : expect) {
      EXPECT_EQ(dict->value(id), value);
      EXPECT_EQ(dict->Find(value), std::optional<uint32_t>(id));
      auto bm = r->Lookup(col, value);
      ASSERT_TRUE(bm.ok());
      auto got = bm->ToVector();
      EXPECT_EQ(std::set<uint32_t>(got.begin(), got.end()), want) << value;
      ++id;
    }
    auto missing = r->Lookup(col, "no-such-value");
    ASSERT_TRUE(missing.ok());
    EXPECT_TRUE(missing->Empty());
  }
  // Per-row term ids agree with the terms of each row.
  auto dict = r->Dictionary("terms");
  auto lists = r->ReadDimIdLists("terms");
  ASSERT_TRUE(dict.ok() && lists.ok());
  for (uint32_t row = 0; row < rows.size(); ++row) {
    std::vector<std::string> got;
    for (uint32_t k = lists->start[row]; k < lists->start[row + 1]; ++k)
      got.emplace_back(dict->value(lists->ids[k]));
    ASSERT_EQ(got, rows[row].terms.ToVector());
  }
}

// Dimension values are told apart by their bytes and length alone, even
// when they share their first 8 bytes, differ only in trailing NULs or
// length, or are empty; thousands of distinct values grow the value table
// several times.
TEST(SegmentTest, ValuesSharingPrefixesStayDistinct) {
  ::roost::testing::ScratchDir dir;
  std::vector<std::string> family = {"", std::string(1, '\0'), std::string(2, '\0'), "a", std::string("a\0", 2),
                                     std::string("a\0\0", 3), "abcdefg", "abcdefgh", "abcdefgi", "abcdefghi",
                                     "abcdefghij", std::string("abcdefg\0", 8), std::string(15, 'x'),
                                     std::string(16, 'x'), std::string(17, 'x'), std::string(300, 'y'),
                                     "abcdefghijklmn", std::string("abcdefghijklmn\0", 15), "abcdefghijklmnop",
                                     "abcdefghijklmnoq", "abcdefghijklmnopq", "abcdefghXjklmn"};
  for (int i = 0; i < 3000; ++i) family.push_back("w" + std::to_string(i));
  std::vector<Tweet> in;
  for (uint64_t i = 0; i < 4000; ++i) {
    Tweet t = MakeTweet(i);
    t.terms.clear();
    for (uint64_t k = 0; k < 5; ++k) t.terms.push_back(family[(i * 7 + k * 13) % family.size()]);
    in.push_back(std::move(t));
  }
  auto r = WriteAndOpen(dir / "a.rseg", in);
  ASSERT_TRUE(r);
  std::vector<Tweet> rows = SortedByTime(in);
  auto dict = r->Dictionary("terms");
  auto lists = r->ReadDimIdLists("terms");
  ASSERT_TRUE(dict.ok() && lists.ok());
  EXPECT_EQ(dict->size(), std::set<std::string>(family.begin(), family.end()).size());
  for (uint32_t row = 0; row < rows.size(); ++row) {
    std::vector<std::string> got;
    for (uint32_t k = lists->start[row]; k < lists->start[row + 1]; ++k) got.emplace_back(dict->value(lists->ids[k]));
    ASSERT_EQ(got, rows[row].terms.ToVector()) << "row " << row;
  }
}

TEST(SegmentTest, IdIndexesFindRows) {
  ::roost::testing::ScratchDir dir;
  std::vector<Tweet> in;
  for (uint64_t i = 0; i < 5000; ++i) in.push_back(MakeTweet(i));
  auto r = WriteAndOpen(dir / "a.rseg", in);
  ASSERT_TRUE(r);
  std::vector<Tweet> rows = SortedByTime(in);
  std::map<uint64_t, std::vector<uint32_t>> retweets;
  for (uint32_t row = 0; row < rows.size(); ++row) {
    auto found = r->FindRow(rows[row].id);
    ASSERT_TRUE(found.ok());
    ASSERT_EQ(*found, std::optional<uint32_t>(row));
    if (rows[row].retweet_of) retweets[rows[row].retweet_of].push_back(row);
  }
  auto none = r->FindRow(rows[0].id + 1);
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->has_value());
  ASSERT_FALSE(retweets.empty());
  for (const auto& [orig, want] : retweets) {
    auto got = r->RetweetRows(orig);
    ASSERT_TRUE(got.ok());
    EXPECT_EQ(*got, want);
  }
  auto got = r->RetweetRows(1);
  ASSERT_TRUE(got.ok());
  EXPECT_TRUE(got->empty());
}

// Many ids at once give the rows that hold them, whatever the mix
// of present, absent and out-of-range ids, including an original retweeted
// by more rows than an index group holds (its keys span groups).
TEST(SegmentTest, RowsOfManyIdsAreTheRowsHoldingThem) {
  ::roost::testing::ScratchDir dir;
  std::vector<Tweet> in;
  for (uint64_t i = 0; i < 3 * kIndexGroup + 500; ++i) {
    Tweet t = MakeTweet(i);
    if (i % 3 == 0) t.retweet_of = 42;  // one original, retweeted ~1,200 times
    in.push_back(std::move(t));
  }
  auto r = WriteAndOpen(dir / "a.rseg", in);
  ASSERT_TRUE(r);
  const std::vector<Tweet> rows = SortedByTime(in);
  std::vector<uint64_t> all_ids{1, 42, r->meta().max_id + 1};
  for (const Tweet& t : in) {
    all_ids.push_back(t.id);
    all_ids.push_back(t.id + 1);  // absent
    if (t.retweet_of) all_ids.push_back(t.retweet_of);
  }
  std::sort(all_ids.begin(), all_ids.end());
  all_ids.erase(std::unique(all_ids.begin(), all_ids.end()), all_ids.end());
  for (size_t stride : {1, 2, 7, 500, 5000}) {
    SCOPED_TRACE(stride);
    std::vector<uint64_t> ids;
    for (size_t k = 0; k < all_ids.size(); k += stride) ids.push_back(all_ids[k]);
    const std::set<uint64_t> wanted(ids.begin(), ids.end());
    std::set<uint32_t> want_rows, want_retweets;
    for (uint32_t row = 0; row < rows.size(); ++row) {
      if (wanted.count(rows[row].id)) want_rows.insert(row);
      if (rows[row].retweet_of && wanted.count(rows[row].retweet_of)) want_retweets.insert(row);
    }
    auto found = r->RowsOfIds(ids);
    auto retweets = r->RetweetRowsOf(ids);
    ASSERT_TRUE(found.ok() && retweets.ok());
    EXPECT_EQ(std::set<uint32_t>(found->begin(), found->end()), want_rows);
    EXPECT_EQ(found->size(), want_rows.size());
    EXPECT_EQ(std::set<uint32_t>(retweets->begin(), retweets->end()), want_retweets);
    EXPECT_EQ(retweets->size(), want_retweets.size());
    if (stride == 1) {
      EXPECT_GT(want_retweets.size(), kIndexGroup);
    }
  }
}

TEST(SegmentTest, FlippedByteIsCorruption) {
  ::roost::testing::ScratchDir dir;
  std::vector<Tweet> in;
  for (uint64_t i = 0; i < 3000; ++i) in.push_back(MakeTweet(i));
  std::string path = dir / "seg.rseg";
  ASSERT_TRUE(WriteAndOpen(path, in));
  std::string bytes = ::roost::testing::ReadFileOrDie(path);
  // A byte inside the text column's granules.
  auto clean = SegmentReader::Open(path);
  ASSERT_TRUE(clean.ok());
  uint64_t at = 0;
  for (const auto& b : (*clean)->blocks())
    if (b.name == "text.data") at = b.offset + b.length / 2;
  ASSERT_GT(at, 0u);
  bytes[at] ^= 0x20;
  ::roost::testing::WriteFileOrDie(path, bytes);
  auto r = SegmentReader::Open(path);
  ASSERT_TRUE(r.ok());  // the footer is intact
  Status st = (*r)->VerifyAll();
  EXPECT_EQ(st.code(), StatusCode::kCorruption);
  EXPECT_NE(st.message().find("seg.rseg"), std::string::npos) << st.message();
  EXPECT_EQ((*r)->ReadStrings("text").status().code(), StatusCode::kCorruption);
  EXPECT_EQ((*r)->ReadAllTweets().status().code(), StatusCode::kCorruption);
}

TEST(SegmentTest, DamagedFooterFailsOpen) {
  ::roost::testing::ScratchDir dir;
  std::string path = dir / "seg.rseg";
  ASSERT_TRUE(WriteAndOpen(path, {MakeTweet(1), MakeTweet(2)}));
  std::string bytes = ::roost::testing::ReadFileOrDie(path);
  bytes[bytes.size() - 30] ^= 1;
  ::roost::testing::WriteFileOrDie(path, bytes);
  EXPECT_EQ(SegmentReader::Open(path).status().code(), StatusCode::kCorruption);
  ::roost::testing::WriteFileOrDie(path, bytes.substr(0, 100));
  EXPECT_EQ(SegmentReader::Open(path).status().code(), StatusCode::kCorruption);
}

// Blocks built on several threads land in the same file as on one.
TEST(SegmentTest, ThreadCountDoesNotChangeTheFile) {
  ::roost::testing::ScratchDir dir;
  std::vector<Tweet> in;
  for (uint64_t i = 0; i < 3000; ++i) in.push_back(MakeTweet(i));
  std::string bytes[2];
  for (int k = 0; k < 2; ++k) {
    SegmentWriter w(testing::kDay0);
    w.set_threads(k == 0 ? 1 : 3);
    for (const Tweet& t : in) w.Add(t);
    const std::string path = dir / ("t" + std::to_string(k) + ".rseg");
    ASSERT_TRUE(w.Finish(path).ok());
    std::ifstream f(path, std::ios::binary);
    bytes[k].assign(std::istreambuf_iterator<char>(f), {});
  }
  EXPECT_FALSE(bytes[0].empty());
  EXPECT_TRUE(bytes[0] == bytes[1]);
}

// FindValue (page-checked binary search) agrees with the whole-block view.
TEST(SegmentTest, FindValueAgreesWithDictionary) {
  ::roost::testing::ScratchDir dir;
  std::vector<Tweet> in;
  for (uint64_t i = 0; i < 2000; ++i) in.push_back(MakeTweet(i));
  auto r = WriteAndOpen(dir / "a.rseg", in);
  ASSERT_TRUE(r);
  for (const char* col : {"hashtags", "terms", "user", "lang"}) {
    auto dict = r->Dictionary(col);
    ASSERT_TRUE(dict.ok());
    for (uint32_t id = 0; id < dict->size(); ++id) {
      auto found = r->FindValue(col, dict->value(id));
      ASSERT_TRUE(found.ok());
      EXPECT_EQ(*found, std::optional<uint32_t>(id)) << col;
    }
    for (const char* absent : {"", "zzzz-not-there", "\x01"}) {
      auto found = r->FindValue(col, absent);
      ASSERT_TRUE(found.ok());
      EXPECT_EQ(found->has_value(), dict->Find(absent).has_value()) << col << " " << absent;
    }
  }
}

// Handles are stored through the user column when users and handles are
// one-to-one, as a dimension of their own otherwise (a renamed user, a
// reused handle); lookups and per-row ids answer the same either way.
TEST(SegmentTest, HandlesWithAndWithoutUsersOneToOne) {
  ::roost::testing::ScratchDir dir;
  auto has_block = [](const SegmentReader& r, const std::string& name) {
    for (const auto& b : r.blocks())
      if (b.name == name) return true;
    return false;
  };
  for (bool one_to_one : {true, false}) {
    SCOPED_TRACE(one_to_one);
    std::vector<Tweet> in;
    for (uint64_t i = 0; i < 300; ++i) {
      Tweet t = MakeTweet(i);
      if (!one_to_one && i % 37 == 5) t.user.screen_name = i < 150 ? "Old5" : "new5";  // a rename
      if (!one_to_one && i % 37 == 6) t.user.screen_name = "user7";                   // a reused handle
      in.push_back(t);
    }
    auto r = WriteAndOpen(dir / (one_to_one ? "a.rseg" : "b.rseg"), in);
    ASSERT_TRUE(r);
    EXPECT_EQ(has_block(*r, "handle.user"), one_to_one);
    EXPECT_EQ(has_block(*r, "handle.postings"), !one_to_one);
    std::vector<Tweet> rows = SortedByTime(in);
    std::map<std::string, std::vector<uint32_t>> expect;
    for (uint32_t row = 0; row < rows.size(); ++row) expect[Normalised(rows[row]).user.screen_name].push_back(row);
    auto dict = r->Dictionary("handle");
    auto ids = r->ReadDimIds("handle");
    ASSERT_TRUE(dict.ok() && ids.ok());
    ASSERT_EQ(dict->size(), expect.size());
    for (const auto& [handle, want] : expect) {
      auto b = r->Lookup("handle", handle);
      ASSERT_TRUE(b.ok());
      EXPECT_EQ(b->ToVector(), want) << handle;
      for (uint32_t row : want) EXPECT_EQ(dict->value((*ids)[row]), handle);
    }
  }
}

// Ids that grow with time are stored once, as `id.keys` (id column and id
// index in one); otherwise as `id.data` plus `id.index`. Both answer alike.
TEST(SegmentTest, IdKeysWhenIdsGrowWithTime) {
  ::roost::testing::ScratchDir dir;
  for (bool growing : {true, false}) {
    SCOPED_TRACE(growing);
    std::vector<Tweet> in;
    for (uint64_t i = 0; i < 3000; ++i) in.push_back(MakeTweet(i, growing ? testing::kDay0 + static_cast<TimestampMs>(i) * 500 : -1));
    auto r = WriteAndOpen(dir / (growing ? "a.rseg" : "b.rseg"), in);
    ASSERT_TRUE(r);
    bool keys = false, data = false;
    for (const auto& b : r->blocks()) {
      keys = keys || b.name == "id.keys";
      data = data || b.name == "id.data";
    }
    EXPECT_EQ(keys, growing);
    EXPECT_EQ(data, !growing);
    std::vector<Tweet> rows = SortedByTime(in);
    auto ids = r->ReadInts("id");
    ASSERT_TRUE(ids.ok());
    ASSERT_EQ(ids->size(), rows.size());
    for (uint32_t row = 0; row < rows.size(); ++row) {
      EXPECT_EQ(static_cast<uint64_t>((*ids)[row]), rows[row].id);
      auto found = r->FindRow(rows[row].id);
      ASSERT_TRUE(found.ok());
      ASSERT_EQ(*found, std::optional<uint32_t>(row));
      auto none = r->FindRow(rows[row].id + 1);
      ASSERT_TRUE(none.ok());
      EXPECT_FALSE(none->has_value());
    }
  }
}

}  // namespace
}  // namespace roost::storage
