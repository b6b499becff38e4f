// The admin endpoints over a real socket, on an archive the server keeps
// current (LiveDb): roles, the gate written and seen by the next analyst
// answer, compliance and ingest seen by the next count, malformed bodies,
// one write at a time, and the audit log.
#include <gtest/gtest.h>
#include <httplib.h>

#include <filesystem>
#include <fstream>
#include <mutex>
#include <thread>

#include "privacy/privacy_policy.h"
#include "server/http_server.h"
#include "storage/archive_writer.h"
#include "storage/file_util.h"
#include "testing/test_util.h"

namespace roost::server {
namespace {

constexpr TimestampMs kMarch1 = 1330560000000;  // 2012-03-01T00:00:00Z
constexpr const char* kAnalystKey = "analyst-secret-0123456789";
constexpr const char* kAdminKey = "admin-secret-0123456789";
constexpr size_t kBodyLimit = 4096;

// A v1.1 tweet line tagged #busy, 2012-03-01 12:00 UTC.
std::string BusyTweetLine(uint64_t id, uint64_t user) {
  return R"({"created_at":"Thu Mar 01 12:00:00 +0000 2012","id_str":")" + std::to_string(id) +
         R"(","text":"later #busy","entities":{"hashtags":[{"text":"busy","indices":[6,11]}]},"user":{"id_str":")" +
         std::to_string(user) + R"(","screen_name":"user)" + std::to_string(user) + R"(","protected":false}})" + "\n";
}

class AdminApiTest : public ::testing::Test {
 protected:
  // 30 tweets by 10 authors tagged #busy (ids 5000-5029); author 99 alone
  // wrote 2 tagged #solo (5030, 5031). Gate: 3 authors, groups of 2, quantum 4.
  void SetUp() override {
    std::vector<Tweet> tweets;
    for (uint64_t i = 0; i < 32; ++i) {
      Tweet t;
      t.id = 5000 + i;
      t.created_at = kMarch1 + static_cast<TimestampMs>(i) * 60000;
      const bool solo = i >= 30;
      t.user.id = solo ? 99 : 1 + i % 10;
      t.user.screen_name = "user" + std::to_string(t.user.id);
      t.text = solo ? "alone #solo" : "together #busy";
      t.hashtags.push_back({solo ? "solo" : "busy"});
      tweets.push_back(std::move(t));
    }
    auto writer = storage::ArchiveWriter::Open(archive().string(), storage::Partition::kDay, true);
    ASSERT_TRUE(writer.ok()) << writer.status().ToString();
    ASSERT_TRUE((*writer)->WriteSegment(std::move(tweets), kMarch1).ok());
    ASSERT_TRUE((*writer)->Commit().ok());
    writer->reset();
    std::ofstream(archive() / "privacy.toml")
        << "[privacy]\nmin_answer_authors = 3\nmin_group_authors = 2\ncount_quantum = 4\n";
    auto live = LiveDb::Open(archive().string(), [](const std::string&) {});
    ASSERT_TRUE(live.ok()) << live.status().ToString();
    ServerConfig config;
    config.port = 0;
    config.limits.max_body_bytes = kBodyLimit;
    config.keys.Add({"ana", Role::kAnalyst, HashKey(kAnalystKey)});
    config.keys.Add({"root", Role::kAdmin, HashKey(kAdminKey)});
    server_ = std::make_unique<HttpServer>(*live, config, [this](const std::string& line) {
      std::lock_guard<std::mutex> lock(audit_mu_);
      audit_ += line + "\n";
    });
    ASSERT_TRUE(server_->Bind().ok());
    thread_ = std::thread([this] { (void)server_->Serve(); });
  }
  void TearDown() override {
    server_->Stop();
    if (thread_.joinable()) thread_.join();
  }

  std::filesystem::path archive() const { return dir_ / "archive"; }

  httplib::Headers Auth(const char* key) const {
    httplib::Headers h;
    if (key != nullptr) h.emplace("Authorization", std::string("Bearer ") + key);
    return h;
  }
  // A fresh connection per call: requests from several threads at once.
  httplib::Result Send(const std::string& method, const std::string& path, const std::string& body,
                       const char* key) {
    httplib::Client c("127.0.0.1", server_->port());
    c.set_read_timeout(30, 0);
    if (method == "GET") return c.Get(path, Auth(key));
    if (method == "PUT") return c.Put(path, Auth(key), body, "application/json");
    return c.Post(path, Auth(key), body, "application/json");
  }
  // The tweets an admin counts for `filter`.
  std::string Count(const std::string& filter, const char* key = kAdminKey) {
    std::string query;  // filters here hold only letters and '#'
    for (char ch : filter) query += ch == '#' ? std::string("%23") : std::string(1, ch);
    auto r = Send("GET", "/api/count?filter=" + query, "", key);
    if (!r || r->status != 200) return "failed";
    return r->body;
  }
  std::string Audit() {
    std::lock_guard<std::mutex> lock(audit_mu_);
    return audit_;
  }

  roost::testing::ScratchDir dir_;
  std::unique_ptr<HttpServer> server_;
  std::thread thread_;
  std::mutex audit_mu_;
  std::string audit_;
};

#define EXPECT_ERROR(r, status_, code_)                                                         \
  do {                                                                                          \
    ASSERT_TRUE(r);                                                                             \
    EXPECT_EQ((r)->status, status_) << (r)->body;                                               \
    EXPECT_NE((r)->body.find(std::string("{\"error\":{\"code\":\"") + (code_) + "\""), std::string::npos) \
        << (r)->body;                                                                           \
  } while (0)

TEST_F(AdminApiTest, OnlyAdminKeysReachTheAdminEndpoints) {
  const std::string before = roost::testing::ReadFileOrDie(archive() / "privacy.toml");
  struct Call {
    const char* method;
    const char* path;
    std::string body;
  };
  const std::string file = (dir_ / "in.jsonl").string();
  roost::testing::WriteFileOrDie(file, BusyTweetLine(70000, 1));
  const Call calls[] = {{"GET", "/api/admin/gate", ""},
                        {"PUT", "/api/admin/gate", R"({"min_answer_authors": 1})"},
                        {"POST", "/api/admin/compliance", R"({"deletions": ["5000"]})"},
                        {"POST", "/api/admin/ingest", R"({"paths": [")" + file + "\"]}"}};
  for (const Call& c : calls) {
    auto analyst = Send(c.method, c.path, c.body, kAnalystKey);
    EXPECT_ERROR(analyst, 403, "forbidden");
    auto none = Send(c.method, c.path, c.body, nullptr);
    EXPECT_ERROR(none, 401, "unauthorized");
    auto wrong = Send(c.method, c.path, c.body, "not-a-key");
    EXPECT_ERROR(wrong, 401, "unauthorized");
  }
  // Nothing changed.
  EXPECT_EQ(roost::testing::ReadFileOrDie(archive() / "privacy.toml"), before);
  EXPECT_NE(Count("").find("\"tweets\":32"), std::string::npos) << Count("");
  // A wrong method or an unknown admin path, for an admin.
  auto post_gate = Send("POST", "/api/admin/gate", "{}", kAdminKey);
  EXPECT_ERROR(post_gate, 405, "method_not_allowed");
  auto get_ingest = Send("GET", "/api/admin/ingest", "", kAdminKey);
  EXPECT_ERROR(get_ingest, 405, "method_not_allowed");
  auto nothing = Send("GET", "/api/admin/nothing", "", kAdminKey);
  EXPECT_ERROR(nothing, 404, "not_found");
  auto openapi = Send("GET", "/api/openapi.json", "", nullptr);
  ASSERT_TRUE(openapi);
  for (const char* path : {"/api/admin/gate", "/api/admin/compliance", "/api/admin/ingest"})
    EXPECT_NE(openapi->body.find(std::string("\"") + path + "\""), std::string::npos) << path;
}

TEST_F(AdminApiTest, ANewGateIsWrittenAndTheNextAnalystAnswerPassesIt) {
  auto gate = Send("GET", "/api/admin/gate", "", kAdminKey);
  ASSERT_TRUE(gate);
  EXPECT_EQ(gate->status, 200) << gate->body;
  EXPECT_NE(gate->body.find("\"settings\": {\"enabled\":true,\"min_answer_authors\":3,\"min_group_authors\":2,"
                            "\"count_quantum\":4,\"show_text\":false,\"show_handles\":false}"),
            std::string::npos)
      << gate->body;
  // 30 tweets rounded down to the quantum of 4.
  EXPECT_NE(Count("#busy", kAnalystKey).find("\"tweets\":28"), std::string::npos) << Count("#busy", kAnalystKey);

  // 11 authors needed, #busy has 10: withheld.
  auto strict = Send("PUT", "/api/admin/gate", R"({"min_answer_authors": 11, "count_quantum": 4})", kAdminKey);
  ASSERT_TRUE(strict);
  EXPECT_EQ(strict->status, 200) << strict->body;
  EXPECT_NE(strict->body.find("\"min_answer_authors\":11"), std::string::npos) << strict->body;
  EXPECT_NE(Count("#busy", kAnalystKey).find("\"redacted\":true"), std::string::npos) << Count("#busy", kAnalystKey);

  // Exact counts from a gate with a quantum of 1.
  auto loose = Send("PUT", "/api/admin/gate",
                    R"({"enabled": true, "min_answer_authors": 1, "min_group_authors": 1, "count_quantum": 1,
                        "show_text": true, "show_handles": false})",
                    kAdminKey);
  ASSERT_TRUE(loose);
  EXPECT_EQ(loose->status, 200) << loose->body;
  EXPECT_NE(Count("#busy", kAnalystKey).find("\"tweets\":30"), std::string::npos) << Count("#busy", kAnalystKey);
  auto sample = Send("GET", "/api/sample?filter=%23busy&limit=1", "", kAnalystKey);
  ASSERT_TRUE(sample);
  EXPECT_NE(sample->body.find("together"), std::string::npos) << sample->body;  // show_text now

  // On disk: a privacy.toml the project's reader reads back, and no temp file.
  auto policy = privacy::ArchivePolicy(archive().string());
  ASSERT_TRUE(policy.ok()) << policy.status().ToString();
  EXPECT_TRUE(policy->enabled);
  EXPECT_EQ(policy->min_answer_authors, 1u);
  EXPECT_EQ(policy->count_quantum, 1u);
  EXPECT_TRUE(policy->show_text);
  EXPECT_FALSE(std::filesystem::exists(archive() / "privacy.toml.tmp"));

  // A gate turned off still gates analysts on a server (the default gate).
  auto off = Send("PUT", "/api/admin/gate", R"({"enabled": false})", kAdminKey);
  ASSERT_TRUE(off);
  EXPECT_EQ(off->status, 200) << off->body;
  EXPECT_NE(off->body.find("\"analysts\": {\"enabled\":true,\"min_answer_authors\":100"), std::string::npos)
      << off->body;
  EXPECT_NE(Count("#busy", kAnalystKey).find("\"redacted\":true"), std::string::npos);
  EXPECT_NE(Count("#busy").find("\"tweets\":30"), std::string::npos);  // admins: exact
}

TEST_F(AdminApiTest, ComplianceIsAppliedAndTheDeletedTweetsAreNoLongerCounted) {
  auto deleted = Send("POST", "/api/admin/compliance",
                      R"({"deletions": ["5000", "5001", "5002", "5003"], "user_deletions": ["99"],
                          "messages": [{"delete": {"status": {"id": 5004, "id_str": "5004", "user_id": 5,
                                                              "user_id_str": "5"}}}]})",
                      kAdminKey);
  ASSERT_TRUE(deleted);
  EXPECT_EQ(deleted->status, 200) << deleted->body;
  EXPECT_NE(deleted->body.find("\"applied\":6"), std::string::npos) << deleted->body;
  EXPECT_NE(deleted->body.find("\"delete\":5"), std::string::npos) << deleted->body;
  EXPECT_NE(Count("#busy").find("\"tweets\":25"), std::string::npos) << Count("#busy");
  EXPECT_NE(Count("#solo").find("\"tweets\":0"), std::string::npos) << Count("#solo");
  EXPECT_NE(Count("#busy", kAnalystKey).find("\"tweets\":24"), std::string::npos) << Count("#busy", kAnalystKey);
  // Not a compliance message: refused, nothing applied.
  auto tweet = Send("POST", "/api/admin/compliance", R"({"messages": [)" + BusyTweetLine(70001, 1) + "]}",
                    kAdminKey);
  EXPECT_ERROR(tweet, 400, "bad_request");
  EXPECT_NE(tweet->body.find("messages[0] is a tweet"), std::string::npos) << tweet->body;
  auto empty = Send("POST", "/api/admin/compliance", R"({"deletions": []})", kAdminKey);
  EXPECT_ERROR(empty, 400, "bad_request");
  EXPECT_NE(Count("#busy").find("\"tweets\":25"), std::string::npos);
}

TEST_F(AdminApiTest, IngestedTweetsAreCountedByTheNextRequest) {
  std::string lines;
  for (uint64_t i = 0; i < 6; ++i) lines += BusyTweetLine(70000 + i, 1 + i);
  lines += "not json\n";
  lines += BusyTweetLine(5000, 1);  // already in the archive
  roost::testing::WriteFileOrDie(dir_ / "more.jsonl", lines);
  auto ingest = Send("POST", "/api/admin/ingest", R"({"paths": [")" + (dir_ / "more.jsonl").string() + "\"]}",
                     kAdminKey);
  ASSERT_TRUE(ingest);
  EXPECT_EQ(ingest->status, 200) << ingest->body;
  EXPECT_NE(ingest->body.find("\"read\":8,\"accepted\":6,\"duplicates\":1,\"non_public\":0,\"compliance\":0,"
                              "\"rejected\":1"),
            std::string::npos)
      << ingest->body;
  EXPECT_NE(Count("#busy").find("\"tweets\":36"), std::string::npos) << Count("#busy");
  EXPECT_NE(Count("").find("\"tweets\":38"), std::string::npos) << Count("");
  // The same file again: an earlier run committed it, so it is skipped.
  auto again = Send("POST", "/api/admin/ingest", R"({"paths": [")" + (dir_ / "more.jsonl").string() + "\"]}",
                    kAdminKey);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 200) << again->body;
  EXPECT_NE(again->body.find("\"skipped_files\":1"), std::string::npos) << again->body;
  EXPECT_NE(Count("").find("\"tweets\":38"), std::string::npos);
}

TEST_F(AdminApiTest, MalformedBodiesAreRefusedNamingTheProblem) {
  std::filesystem::create_directory(dir_ / "folder");
  roost::testing::WriteFileOrDie(dir_ / "in.jsonl", BusyTweetLine(70000, 1));
  struct Case {
    const char* method;
    const char* path;
    std::string body;
    const char* says;
  };
  const Case cases[] = {
      {"PUT", "/api/admin/gate", "", "invalid JSON at offset 0: the body is empty"},
      {"PUT", "/api/admin/gate", R"({"count_quantum": 4,})", "invalid JSON at offset 20: a quoted field name"},
      {"PUT", "/api/admin/gate", R"({"count_quantum" 4})", "invalid JSON at offset 17: ':' was expected"},
      {"PUT", "/api/admin/gate", R"({"count_quantum": 4} x)", "invalid JSON at offset 21: unexpected text"},
      {"PUT", "/api/admin/gate", R"({"show_text": tru})", "invalid JSON at offset 14"},
      {"PUT", "/api/admin/gate", R"({"a": "x)", "invalid JSON at offset 8: the body ended inside a string"},
      {"PUT", "/api/admin/gate", R"({"count_quantum": 1, "count_quantum": 2})", "is given twice"},
      {"PUT", "/api/admin/gate", "[1]", "the body must be a JSON object, not an array"},
      {"PUT", "/api/admin/gate", R"({"count_quantum": 0})", "count_quantum must be a whole number from 1"},
      {"PUT", "/api/admin/gate", R"({"count_quantum": 2.5})", "count_quantum must be a whole number"},
      {"PUT", "/api/admin/gate", R"({"min_answer_authors": "10"})", "min_answer_authors must be a whole number"},
      {"PUT", "/api/admin/gate", R"({"min_group_authors": -1})", "min_group_authors must be a whole number from 0"},
      {"PUT", "/api/admin/gate", R"({"show_text": "yes"})", "show_text must be true or false, not a string"},
      {"PUT", "/api/admin/gate", R"({"min_authors": 10})", R"(unknown field \"min_authors\")"},
      {"POST", "/api/admin/compliance", R"({"deletions": "5000"})", "deletions must be an array, not a string"},
      {"POST", "/api/admin/compliance", R"({"deletions": [5000]})", "deletions[0] must be an id as a string"},
      {"POST", "/api/admin/compliance", R"({"deletions": ["50x"]})", "deletions[0] must be an id as a string"},
      {"POST", "/api/admin/compliance", R"({"deletes": ["5000"]})", R"(unknown field \"deletes\")"},
      {"POST", "/api/admin/compliance", R"({"messages": [{"delete": {}}]})", "messages[0] is not a valid compliance"},
      {"POST", "/api/admin/compliance", "{}", "nothing to apply"},
      {"POST", "/api/admin/ingest", "{}", R"(missing field \"paths\")"},
      {"POST", "/api/admin/ingest", R"({"paths": "/x"})", "paths must be an array of strings, not a string"},
      {"POST", "/api/admin/ingest", R"({"paths": []})", "paths must hold 1 to 1000 files"},
      {"POST", "/api/admin/ingest", R"({"paths": [7]})", "paths[0] must be a string, not a number"},
      {"POST", "/api/admin/ingest", R"({"paths": ["in.jsonl"]})", R"(paths[0]: \"in.jsonl\" is not an absolute path)"},
      {"POST", "/api/admin/ingest", R"({"paths": ["/no/such/file.jsonl"]})", "/no/such/file.jsonl does not exist"},
      {"POST", "/api/admin/ingest", R"({"paths": [")" + (dir_ / "folder").string() + "\"]}", "is not a regular file"},
      {"POST", "/api/admin/ingest", R"({"paths": ["/dev/null"]})", "/dev/null is not a regular file"},
      {"POST", "/api/admin/ingest", R"({"paths": [")" + (dir_ / "in.jsonl").string() + "\"], \"threads\": 2}",
       R"(unknown field \"threads\")"},
  };
  for (const Case& c : cases) {
    auto r = Send(c.method, c.path, c.body, kAdminKey);
    EXPECT_ERROR(r, 400, "bad_request");
    EXPECT_NE(r->body.find(c.says), std::string::npos) << c.body << " -> " << r->body;
  }
  // Over the body limit: 413 before any handler reads it.
  for (const char* path : {"/api/admin/gate", "/api/admin/compliance", "/api/admin/ingest"}) {
    const std::string big = R"({"deletions": [")" + std::string(kBodyLimit, '1') + "\"]}";
    auto r = Send(std::string(path) == "/api/admin/gate" ? "PUT" : "POST", path, big, kAdminKey);
    EXPECT_ERROR(r, 413, "resource_exhausted");
  }
  // Nothing was written.
  EXPECT_NE(Count("").find("\"tweets\":32"), std::string::npos) << Count("");
  auto policy = privacy::ArchivePolicy(archive().string());
  ASSERT_TRUE(policy.ok());
  EXPECT_EQ(policy->count_quantum, 4u);
}

TEST_F(AdminApiTest, OneWriteAtATime) {
  // Another writer (a roost ingest or comply) holds the archive: every write
  // is answered 409 at once and changes nothing.
  roost::testing::WriteFileOrDie(dir_ / "in.jsonl", BusyTweetLine(70000, 1));
  const std::string ingest_body = R"({"paths": [")" + (dir_ / "in.jsonl").string() + "\"]}";
  {
    auto lock = storage::DirLock::Acquire(archive().string());
    ASSERT_TRUE(lock.ok()) << lock.status().ToString();
    auto gate = Send("PUT", "/api/admin/gate", R"({"count_quantum": 1})", kAdminKey);
    EXPECT_ERROR(gate, 409, "conflict");
    auto comply = Send("POST", "/api/admin/compliance", R"({"deletions": ["5000"]})", kAdminKey);
    EXPECT_ERROR(comply, 409, "conflict");
    auto ingest = Send("POST", "/api/admin/ingest", ingest_body, kAdminKey);
    EXPECT_ERROR(ingest, 409, "conflict");
    EXPECT_NE(Count("").find("\"tweets\":32"), std::string::npos);
  }
  // A long ingest in this server: writes that come meanwhile get 409. Long
  // enough (about half a second on a quiet machine) to outlast the pause below.
  std::string many;
  for (uint64_t i = 0; i < 100000; ++i) many += BusyTweetLine(200000 + i, 1 + i % 50);
  roost::testing::WriteFileOrDie(dir_ / "many.jsonl", many);
  std::atomic<bool> done{false};
  int long_status = 0;
  std::thread writer([&] {
    auto r = Send("POST", "/api/admin/ingest", R"({"paths": [")" + (dir_ / "many.jsonl").string() + "\"]}",
                  kAdminKey);
    long_status = r ? r->status : -1;
    done = true;
  });
  int conflicts = 0, other = 0;
  std::this_thread::sleep_for(std::chrono::milliseconds(50));  // the ingest has begun
  while (!done) {
    // A tweet the archive does not hold: whenever one gets through, no count changes.
    auto r = Send("POST", "/api/admin/compliance", R"({"deletions": ["1"]})", kAdminKey);
    ASSERT_TRUE(r);
    if (r->status == 409 && !done) ++conflicts;
    else if (!done) ++other;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  writer.join();
  EXPECT_EQ(long_status, 200);
  EXPECT_GT(conflicts, 0);
  EXPECT_EQ(other, 0);  // none of them ran beside the ingest
  EXPECT_NE(Count("").find("\"tweets\":100032"), std::string::npos) << Count("");
  auto after = Send("POST", "/api/admin/compliance", R"({"deletions": ["5000"]})", kAdminKey);
  ASSERT_TRUE(after);
  EXPECT_EQ(after->status, 200) << after->body;
  EXPECT_NE(Count("").find("\"tweets\":100031"), std::string::npos) << Count("");
}

TEST_F(AdminApiTest, TheAuditLogHasOneLinePerAdminRequestAndNoBodies) {
  ASSERT_TRUE(Send("PUT", "/api/admin/gate", R"({"count_quantum": 7})", kAdminKey));
  ASSERT_TRUE(Send("POST", "/api/admin/compliance", R"({"deletions": ["5017"]})", kAdminKey));
  ASSERT_TRUE(Send("POST", "/api/admin/compliance", R"({"deletions": ["5018"]})", kAnalystKey));
  ASSERT_TRUE(Send("POST", "/api/admin/ingest", R"({"paths": ["/secret/place.jsonl"]})", kAdminKey));
  ASSERT_TRUE(Send("GET", "/api/admin/gate", "", kAdminKey));
  ASSERT_TRUE(Send("PUT", "/api/admin/gate", std::string(kBodyLimit + 1, ' '), kAdminKey));
  const std::string audit = Audit();
  EXPECT_NE(audit.find("audit key=root endpoint=/api/admin/gate status=200"), std::string::npos) << audit;
  EXPECT_NE(audit.find("method=PUT"), std::string::npos) << audit;
  EXPECT_NE(audit.find("audit key=root endpoint=/api/admin/compliance status=200"), std::string::npos) << audit;
  EXPECT_NE(audit.find("audit key=ana endpoint=/api/admin/compliance status=403"), std::string::npos) << audit;
  EXPECT_NE(audit.find("audit key=root endpoint=/api/admin/ingest status=400"), std::string::npos) << audit;
  EXPECT_NE(audit.find("audit key=root endpoint=/api/admin/gate status=413"), std::string::npos) << audit;
  size_t lines = 0;
  for (char c : audit) lines += c == '\n';
  EXPECT_EQ(lines, 6u) << audit;
  for (const char* secret : {kAdminKey, kAnalystKey, "5017", "5018", "secret/place", "count_quantum"})
    EXPECT_EQ(audit.find(secret), std::string::npos) << secret << " in " << audit;
}

}  // namespace
}  // namespace roost::server
