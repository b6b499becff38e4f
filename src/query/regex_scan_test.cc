// Regex answers must equal a plain scan: RE2 run on every visible row's text,
// independently of the executor's granule scan and literal prefilter. The
// archive has more than one granule (kGranuleRows rows), deleted tweets and
// texts built from words chosen to hit and miss the patterns' literals.
#include <gtest/gtest.h>
#include <re2/re2.h>

#include <limits>
#include <random>
#include <set>

#include "query/executor.h"
#include "query/parser.h"
#include "storage/archive.h"
#include "storage/archive_writer.h"
#include "storage/segment_format.h"
#include "testing/test_util.h"

namespace roost::query {
namespace {

const char* kWords[] = {"you", "your", "young", "know", "knew", "kn", "the", "then", "Paris", "paris", "caf\xc3\xa9",
                        "cafe", "New", "York", "new", "york", "lol", "loool", "RT", "@bob:", "x", "y", "xy", "xxy",
                        "abc", "ac", "a", "b", "123", "4567", "(x)", "\xf0\x9f\x98\x80", "foo", "fooo", ".com", "\n"};

class RegexScanTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new roost::testing::ScratchDir();
    std::mt19937 rng(7);
    std::vector<Tweet> tweets;
    const size_t n = storage::kGranuleRows + 9000;  // two granules
    const TimestampMs t0 = 1330560000000;            // 2012-03-01T00:00:00Z
    for (size_t i = 0; i < n; ++i) {
      Tweet t;
      t.id = 1000 + i;
      t.created_at = t0 + static_cast<TimestampMs>(i) * 1000;
      t.user.id = 1 + i % 500;
      t.user.screen_name = "u" + std::to_string(t.user.id);
      const size_t words = 2 + rng() % 10;
      for (size_t w = 0; w < words; ++w) {
        if (w) t.text += ' ';
        t.text += kWords[rng() % std::size(kWords)];
      }
      tweets.push_back(std::move(t));
    }
    auto writer = storage::ArchiveWriter::Open(dir_->path().string(), storage::Partition::kDay, true);
    ASSERT_TRUE(writer.ok()) << writer.status().ToString();
    ASSERT_TRUE((*writer)->WriteSegment(std::move(tweets), t0).ok());
    for (uint64_t id = 1000; id < 1000 + n; id += 97)
      (*writer)->mutable_compliance()->Apply({ComplianceKind::kDelete, id, 0, 0, 0, {}});
    ASSERT_TRUE((*writer)->Commit().ok());
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }

  // Ids of visible tweets in [from, to) whose text RE2 matches, by a plain
  // scan of the rows read once through the storage API.
  struct Row {
    uint64_t id;
    TimestampMs time;
    std::string text;
  };
  static std::vector<Row> VisibleRows(const storage::Archive& a) {
    std::vector<Row> out;
    for (size_t i = 0; i < a.segment_count(); ++i) {
      auto seg = a.segment(i);
      auto text = (*seg)->ReadStrings("text");
      auto ids = (*seg)->ReadInts("id");
      auto times = (*seg)->ReadInts("created_at");
      auto visible = a.VisibleRows(i);
      for (uint32_t row = 0; row < text->size(); ++row)
        if (visible->Contains(row)) out.push_back({static_cast<uint64_t>((*ids)[row]), (*times)[row], (*text)[row]});
    }
    return out;
  }
  static std::set<uint64_t> PlainScan(const std::vector<Row>& rows, const std::string& pattern, bool exact,
                                      TimestampMs from, TimestampMs to) {
    RE2 re(pattern);
    EXPECT_TRUE(re.ok()) << pattern;
    std::set<uint64_t> out;
    for (const Row& r : rows) {
      if (r.time < from || r.time >= to) continue;
      if (exact ? RE2::FullMatch(r.text, re) : RE2::PartialMatch(r.text, re)) out.insert(r.id);
    }
    return out;
  }

  static roost::testing::ScratchDir* dir_;
};
roost::testing::ScratchDir* RegexScanTest::dir_ = nullptr;

TEST_F(RegexScanTest, EqualsPlainScan) {
  auto archive = storage::Archive::Open(dir_->path().string());
  ASSERT_TRUE(archive.ok()) << archive.status().ToString();
  const std::vector<std::string> patterns = {
      "you[a-z]* [a-z]+ kn", "\\bthe\\b", "caf\xc3\xa9", "^RT @", "(?i)PARIS", "abc|4567", "lo+l", "o{2}",
      "new\\s+york",         "\\d{3}",    "x+y",          "ab?c", "[(]x[)]",   ".com$",    "\xf0\x9f\x98\x80 you",
      "kn\nthe",             "y x",       "zzz",
  };
  const std::vector<Row> rows = VisibleRows(**archive);
  ASSERT_GT(rows.size(), storage::kGranuleRows);
  size_t nonempty = 0;
  const TimestampMs t0 = 1330560000000;
  struct Range {
    TimestampMs from, to;
  };
  // Everything; the second granule only; a slice inside the first.
  const Range ranges[] = {{std::numeric_limits<TimestampMs>::min(), std::numeric_limits<TimestampMs>::max()},
                          {t0 + static_cast<TimestampMs>(storage::kGranuleRows) * 1000 + 5000, t0 + 10000000000},
                          {t0 + 100000, t0 + 130000}};
  for (const std::string& p : patterns) {
    for (bool exact : {false, true}) {
      for (const Range& r : ranges) {
        std::string escaped;
        for (char c : p) {
          if (c == '\\' || c == '"') escaped += '\\';
          escaped += c;
        }
        const std::string filter =
            std::string("text ") + (exact ? "regex_exact" : "regex_partial") + " \"" + escaped + "\"";
        SCOPED_TRACE(filter);
        auto q = ParseQuery(filter);
        ASSERT_TRUE(q.ok()) << q.status().ToString();
        ExecOptions o;
        o.from = r.from, o.to = r.to, o.threads = 2;
        auto res = Execute(**archive, *q, o);
        ASSERT_TRUE(res.ok()) << res.status().ToString();
        std::set<uint64_t> got;
        for (const auto& sm : res->segments) {
          auto seg = (*archive)->segment(sm.segment);
          ASSERT_TRUE(seg.ok());
          auto ids = (*seg)->ReadInts("id");
          for (uint32_t row : sm.rows.ToVector()) got.insert(static_cast<uint64_t>((*ids)[row]));
        }
        const std::set<uint64_t> want = PlainScan(rows, p, exact, r.from, r.to);
        nonempty += !want.empty();
        EXPECT_EQ(got, want);
        EXPECT_EQ(res->count, want.size());
      }
    }
  }
  EXPECT_GT(nonempty, 40u);  // most cases match something: the comparison is not vacuous
}

TEST_F(RegexScanTest, APassedDeadlineStopsTheScan) {
  auto archive = storage::Archive::Open(dir_->path().string());
  ASSERT_TRUE(archive.ok()) << archive.status().ToString();
  auto q = ParseQuery("text regex_partial \"(?i)y.*o\"");
  ASSERT_TRUE(q.ok()) << q.status().ToString();
  ExecOptions o;
  o.deadline = Deadline::At(Deadline::Clock::now() - std::chrono::milliseconds(1));
  auto late = Execute(**archive, *q, o);
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.status().code(), StatusCode::kDeadlineExceeded);
  o.deadline = Deadline::In(60000);
  auto in_time = Execute(**archive, *q, o);
  ASSERT_TRUE(in_time.ok()) << in_time.status().ToString();
  EXPECT_GT(in_time->count, 0u);
  EXPECT_FALSE(Deadline{}.passed());
  EXPECT_FALSE(Deadline::In(0).set());
  EXPECT_TRUE(Deadline::In(60000).Check().ok());
  EXPECT_EQ(Deadline::At(Deadline::Clock::now()).Check().code(), StatusCode::kDeadlineExceeded);
}

}  // namespace
}  // namespace roost::query
