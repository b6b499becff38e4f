// Data-driven query tests: every tests/queries/*.test file describes tweets
// (enriched as the ingest would), compliance messages, then queries with the
// tweet ids they must return (written by hand, never computed by the engine)
// or the line and column of the error they must raise. Format: README in
// tests/queries/README.md.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#include "common/time_parse.h"
#include "enrich/enricher.h"
#include "query/executor.h"
#include "query/parser.h"
#include "query/tags.h"
#include "storage/archive.h"
#include "storage/archive_writer.h"
#include "testing/test_util.h"

namespace roost::query {
namespace {

namespace fs = std::filesystem;

// key=value pairs; values may be "quoted" (with \" and \n escapes).
std::map<std::string, std::string> ParseFields(std::string_view s) {
  std::map<std::string, std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    const size_t eq = s.find('=', i);
    if (eq == std::string_view::npos) break;
    std::string key(s.substr(i, eq - i));
    i = eq + 1;
    std::string value;
    if (i < s.size() && s[i] == '"') {
      ++i;
      while (i < s.size() && s[i] != '"') {
        if (s[i] == '\\' && i + 1 < s.size()) {
          value += s[i + 1] == 'n' ? '\n' : s[i + 1];
          i += 2;
        } else {
          value += s[i++];
        }
      }
      ++i;
    } else {
      while (i < s.size() && s[i] != ' ') value += s[i++];
    }
    out[key] = value;
  }
  return out;
}

std::vector<double> Numbers(const std::string& s) {
  std::vector<double> v;
  std::stringstream ss(s);
  std::string item;
  while (std::getline(ss, item, ',')) v.push_back(std::stod(item));
  return v;
}

Tweet MakeTweet(const std::map<std::string, std::string>& f, int line) {
  Tweet t;
  auto get = [&](const char* k) -> std::string {
    auto it = f.find(k);
    return it == f.end() ? "" : it->second;
  };
  auto num = [&](const char* k) -> int64_t { return get(k).empty() ? 0 : std::stoll(get(k)); };
  t.id = static_cast<uint64_t>(num("id"));
  auto when = ParseIsoTime(get("time"));
  EXPECT_TRUE(when.has_value()) << "line " << line << ": bad time";
  t.created_at = when.value_or(0);
  t.text = get("text");
  t.lang = get("lang");
  t.source = get("source");
  t.user.id = static_cast<uint64_t>(num("user"));
  t.user.screen_name = get("handle");
  t.user.name = get("name");
  t.user.description = get("description");
  t.user.location = get("location");
  t.user.followers = num("followers");
  t.user.friends = num("friends");
  t.user.statuses = num("statuses");
  t.user.verified = num("verified") != 0;
  if (!get("created").empty()) t.user.created_at = ParseIsoTime(get("created")).value_or(0);
  t.retweet_of = static_cast<uint64_t>(num("retweet_of"));
  t.quote_of = static_cast<uint64_t>(num("quote_of"));
  t.reply_to = static_cast<uint64_t>(num("reply_to"));
  t.reply_to_screen_name = get("reply_to_handle");
  t.retweet_count = num("rts");
  t.favorite_count = num("favs");
  t.reply_count = num("replies");
  t.quote_count = num("quotes");
  if (!get("country").empty() || !get("place").empty()) {
    Place p;
    p.country_code = get("country");
    p.full_name = get("place");
    p.id = "p" + p.full_name;
    if (!get("box").empty()) {
      const auto b = Numbers(get("box"));  // min_lon,min_lat,max_lon,max_lat
      p.has_box = true;
      p.min_lon = b.at(0), p.min_lat = b.at(1), p.max_lon = b.at(2), p.max_lat = b.at(3);
    }
    t.place = p;
  }
  if (!get("geo").empty()) {
    const auto g = Numbers(get("geo"));  // lat,lon
    t.has_coordinates = true;
    t.latitude = g.at(0), t.longitude = g.at(1);
  }
  return t;
}

struct Case {
  int line = 0;
  std::string query;  // the filter, or the tag file for a tags case
  bool tags = false;
  std::string filter;  // tags case: the --filter beside the tag file
  std::vector<std::pair<std::string, std::set<uint64_t>>> tag_ids;  // by tag, in file order
  bool check_totals = false;
  uint64_t matching = 0, tagged = 0;
  bool expect_error = false;
  int error_line = 0, error_column = 0;
  std::set<uint64_t> ids;
  TimestampMs from = std::numeric_limits<TimestampMs>::min(), to = std::numeric_limits<TimestampMs>::max();
};

fs::path QueriesDir() { return roost::testing::SourceDir() / "tests/queries"; }

class QueryDataTest : public ::testing::TestWithParam<std::string> {};

TEST_P(QueryDataTest, Cases) {
  const fs::path path = QueriesDir() / GetParam();
  std::ifstream in(path);
  ASSERT_TRUE(in) << path;
  std::vector<Tweet> tweets;
  std::vector<std::pair<std::vector<std::string>, std::map<std::string, std::string>>> brand_fix;
  std::vector<ComplianceEvent> events;
  std::vector<Case> cases;
  TimestampMs from = std::numeric_limits<TimestampMs>::min(), to = std::numeric_limits<TimestampMs>::max();
  std::string line;
  int n = 0;
  std::map<uint64_t, std::vector<std::string>> brands;
  while (std::getline(in, line)) {
    ++n;
    if (line.empty() || line[0] == '#') continue;
    const size_t sp = line.find(' ');
    const std::string word = line.substr(0, sp);
    const std::string rest = sp == std::string::npos ? "" : line.substr(sp + 1);
    if (word == "tweet") {
      const auto f = ParseFields(rest);
      tweets.push_back(MakeTweet(f, n));
      if (f.count("brand")) {
        std::stringstream ss(f.at("brand"));
        std::string b;
        while (std::getline(ss, b, ',')) brands[tweets.back().id].push_back(b);
      }
    } else if (word == "delete") {
      events.push_back({ComplianceKind::kDelete, std::stoull(rest), 0, 0, 0, {}});
    } else if (word == "hide_user") {
      events.push_back({ComplianceKind::kUserSuspend, 0, std::stoull(rest), 0, 0, {}});
    } else if (word == "scrub_geo") {
      std::stringstream ss(rest);
      uint64_t user, up_to;
      ss >> user >> up_to;
      events.push_back({ComplianceKind::kScrubGeo, 0, user, up_to, 0, {}});
    } else if (word == "range") {
      if (rest == "-") {
        from = std::numeric_limits<TimestampMs>::min(), to = std::numeric_limits<TimestampMs>::max();
      } else {
        std::stringstream ss(rest);
        std::string a, b;
        ss >> a >> b;
        from = ParseIsoTime(a).value(), to = ParseIsoTime(b).value();
      }
    } else if (word == "query") {
      Case c;
      c.line = n, c.query = rest, c.from = from, c.to = to;
      cases.push_back(c);
    } else if (word == "tagfile") {
      Case c;
      c.line = n, c.query = rest, c.from = from, c.to = to, c.tags = true;
      cases.push_back(c);
    } else if (word == "filter") {
      ASSERT_FALSE(cases.empty());
      cases.back().filter = rest;
    } else if (word == "expect_tag") {
      ASSERT_FALSE(cases.empty());
      std::stringstream ss(rest);
      std::string name, id;
      ss >> name;
      std::set<uint64_t> ids;
      while (ss >> id)
        if (id != "none") ids.insert(std::stoull(id));
      cases.back().tag_ids.emplace_back(name, ids);
    } else if (word == "expect_totals") {
      ASSERT_FALSE(cases.empty());
      std::stringstream ss(rest);
      cases.back().check_totals = true;
      ss >> cases.back().matching >> cases.back().tagged;
    } else if (word == "|") {
      ASSERT_FALSE(cases.empty());
      if (cases.back().query.empty()) cases.back().query = rest;
      else cases.back().query += "\n" + rest;
    } else if (word == "query_nested") {  // query_nested DEPTH: (((... text contains "a" ...)))
      Case c;
      c.line = n, c.from = from, c.to = to;
      const int depth = std::stoi(rest);
      c.query = std::string(static_cast<size_t>(depth), '(') + "text contains \"a\"" + std::string(static_cast<size_t>(depth), ')');
      cases.push_back(c);
    } else if (word == "query_sized") {  // query_sized BYTES: text contains "aaaa..."
      Case c;
      c.line = n, c.from = from, c.to = to;
      const size_t bytes = std::stoul(rest);
      c.query = "text contains \"" + std::string(bytes - 17, 'a') + "\"";
      cases.push_back(c);
    } else if (word == "expect") {
      ASSERT_FALSE(cases.empty());
      std::stringstream ss(rest);
      std::string id;
      while (ss >> id)
        if (id != "none") cases.back().ids.insert(std::stoull(id));
    } else if (word == "error") {
      ASSERT_FALSE(cases.empty());
      std::stringstream ss(rest);
      cases.back().expect_error = true;
      ss >> cases.back().error_line >> cases.back().error_column;
    } else {
      FAIL() << path << ":" << n << ": unknown directive '" << word << "'";
    }
  }

  auto enricher = Enricher::Create();
  ASSERT_TRUE(enricher.ok()) << enricher.status().ToString();
  for (Tweet& t : tweets) {
    enricher->Enrich(&t);
    t.brand_tags = brands[t.id];
  }

  roost::testing::ScratchDir dir;
  {
    auto writer = storage::ArchiveWriter::Open(dir.path().string(), storage::Partition::kDay, true);
    ASSERT_TRUE(writer.ok()) << writer.status().ToString();
    std::map<TimestampMs, std::vector<Tweet>> parts;
    for (const Tweet& t : tweets) parts[storage::PartitionStart(storage::Partition::kDay, t.created_at)].push_back(t);
    for (auto& [start, list] : parts) ASSERT_TRUE((*writer)->WriteSegment(std::move(list), start).ok());
    for (const auto& e : events) (*writer)->mutable_compliance()->Apply(e);
    ASSERT_TRUE((*writer)->Commit().ok());
  }
  auto archive = storage::Archive::Open(dir.path().string());
  ASSERT_TRUE(archive.ok()) << archive.status().ToString();

  auto ids_of = [&](const std::vector<SegmentMatches>& segments) {
    std::set<uint64_t> got;
    for (const auto& sm : segments) {
      auto seg = (*archive)->segment(sm.segment);
      EXPECT_TRUE(seg.ok());
      if (!seg.ok()) continue;
      auto ids = (*seg)->ReadInts("id");
      EXPECT_TRUE(ids.ok());
      if (!ids.ok()) continue;
      for (uint32_t row : sm.rows.ToVector()) got.insert(static_cast<uint64_t>((*ids)[row]));
    }
    return got;
  };

  // Shared by every case of the file, so later cases (and the second run of
  // each) are answered from postings decoded for earlier ones.
  PostingCache postings;
  for (const Case& c : cases) {
    SCOPED_TRACE(GetParam() + ":" + std::to_string(c.line) + ": " + c.query.substr(0, 200));
    ParseErrorInfo err;
    if (c.tags) {
      auto set = ParseTags(c.query, &err);
      if (c.expect_error) {
        ASSERT_FALSE(set.ok()) << "parsed " << set->tags.size() << " tags";
        EXPECT_EQ(set.status().code(), StatusCode::kInvalidArgument);
        EXPECT_EQ(err.line, c.error_line) << set.status().ToString();
        EXPECT_EQ(err.column, c.error_column) << set.status().ToString();
        continue;
      }
      ASSERT_TRUE(set.ok()) << set.status().ToString();
      std::optional<Query> filter;
      if (!c.filter.empty()) {
        auto q = ParseQuery(c.filter);
        ASSERT_TRUE(q.ok()) << q.status().ToString();
        filter = std::move(q).value();
      }
      ASSERT_EQ(set->tags.size(), c.tag_ids.size()) << "every tag of the file needs an expect_tag line";
      for (int threads : {1, 3}) {
        ExecOptions o;
        o.from = c.from, o.to = c.to, o.threads = threads;
        TagTotals totals;
        auto r = EvaluateTags(**archive, *set, o, filter ? &*filter : nullptr, &totals);
        ASSERT_TRUE(r.ok()) << r.status().ToString();
        ASSERT_EQ(r->size(), c.tag_ids.size());
        for (size_t i = 0; i < r->size(); ++i) {
          const TagMatches& m = (*r)[i];
          EXPECT_EQ(m.tag->full_name(), c.tag_ids[i].first);
          EXPECT_EQ(ids_of(m.segments), c.tag_ids[i].second) << "tag " << m.tag->full_name() << ": "
                                                               << m.tag->filter.ToString();
          EXPECT_EQ(m.count, c.tag_ids[i].second.size());
        }
        if (c.check_totals) {
          EXPECT_EQ(totals.matching, c.matching);
          EXPECT_EQ(totals.tagged, c.tagged);
        }
      }
      continue;
    }
    auto q = ParseQuery(c.query, &err);
    if (c.expect_error) {
      ASSERT_FALSE(q.ok()) << "parsed as " << q->ToString();
      EXPECT_EQ(q.status().code(), StatusCode::kInvalidArgument);
      EXPECT_EQ(err.line, c.error_line) << q.status().ToString();
      EXPECT_EQ(err.column, c.error_column) << q.status().ToString();
      continue;
    }
    ASSERT_TRUE(q.ok()) << q.status().ToString();
    // The canonical text parses back to the same tree.
    auto again = ParseQuery(q->ToString());
    ASSERT_TRUE(again.ok()) << q->ToString() << ": " << again.status().ToString();
    EXPECT_EQ(again->ToString(), q->ToString());
    for (int run = 0; run < 3; ++run) {
      ExecOptions o;
      o.from = c.from, o.to = c.to, o.threads = run == 1 ? 3 : 1;
      o.postings = run == 0 ? nullptr : &postings;  // run 2: warm
      auto r = Execute(**archive, *q, o);
      ASSERT_TRUE(r.ok()) << r.status().ToString();
      EXPECT_EQ(ids_of(r->segments), c.ids) << "tree: " << q->ToString();
      EXPECT_EQ(r->count, c.ids.size());
    }
  }
  if (postings.misses() > 0) {
    EXPECT_GT(postings.hits(), 0u);
  }
}

std::vector<std::string> TestFiles() {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(QueriesDir()))
    if (e.path().extension() == ".test") out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

INSTANTIATE_TEST_SUITE_P(Files, QueryDataTest, ::testing::ValuesIn(TestFiles()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name = info.param.substr(0, info.param.size() - 5);
                           for (char& ch : name)
                             if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
                           return name;
                         });

}  // namespace
}  // namespace roost::query
