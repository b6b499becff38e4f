// /api/brands over a real socket: the answer layer's gated scorecards for
// the server's brands file, the same bytes as `roost brands --json` renders.
#include <gtest/gtest.h>
#include <httplib.h>

#include <fstream>
#include <thread>

#include "answer/brands_json.h"
#include "server/api.h"
#include "server/http_server.h"
#include "storage/archive_writer.h"
#include "testing/test_util.h"

namespace roost::server {
namespace {

constexpr TimestampMs kMarch1 = 1330560000000;  // 2012-03-01T00:00:00Z
constexpr const char* kAnalystKey = "analyst-secret-0123456789";
constexpr const char* kAdminKey = "admin-secret-0123456789";
constexpr const char* kBrands =
    "[[brand]]\nname = \"Busy\"\nhashtags = [\"busy\"]\ncompetitors = [\"Solo\"]\n\n"
    "[[brand]]\nname = \"Solo\"\nhashtags = [\"solo\"]\n";

class BrandsApiTest : public ::testing::Test {
 protected:
  // Two days: 30 tweets by 10 authors tagged #busy each day; one author's 2 #solo.
  void SetUp() override {
    std::vector<Tweet> tweets;
    for (uint64_t i = 0; i < 64; ++i) {
      Tweet t;
      t.id = 5000 + i;
      const bool solo = i % 32 >= 30;
      t.created_at = kMarch1 + static_cast<TimestampMs>(i / 32) * 86'400'000 + static_cast<TimestampMs>(i % 32) * 60000;
      t.user.id = solo ? 99 : 1 + i % 10;
      t.user.screen_name = "user" + std::to_string(t.user.id);
      t.text = solo ? "alone #solo" : "together #busy";
      t.hashtags.push_back({solo ? "solo" : "busy"});
      tweets.push_back(std::move(t));
    }
    auto writer = storage::ArchiveWriter::Open(dir_.path().string(), storage::Partition::kDay, true);
    ASSERT_TRUE(writer.ok()) << writer.status().ToString();
    std::vector<Tweet> day2(tweets.begin() + 32, tweets.end());
    tweets.resize(32);
    ASSERT_TRUE((*writer)->WriteSegment(std::move(tweets), kMarch1).ok());
    ASSERT_TRUE((*writer)->WriteSegment(std::move(day2), kMarch1 + 86'400'000).ok());
    ASSERT_TRUE((*writer)->Commit().ok());
    std::ofstream(dir_ / "privacy.toml") << "[privacy]\nmin_answer_authors = 3\nmin_group_authors = 2\ncount_quantum = 4\n";
    auto db = Db::Open(dir_.path().string());
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::shared_ptr<const Db>(std::move(db).value());
  }
  void Start(bool with_brands) {
    ServerConfig config;
    config.port = 0;
    config.keys.Add({"ana", Role::kAnalyst, HashKey(kAnalystKey)});
    config.keys.Add({"root", Role::kAdmin, HashKey(kAdminKey)});
    if (with_brands) config.brands_toml = kBrands, config.brands_path = "brands.toml";
    server_ = std::make_unique<HttpServer>(db_, config, [](const std::string&) {});
    ASSERT_TRUE(server_->Bind().ok());
    thread_ = std::thread([this] { (void)server_->Serve(); });
    client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
  }
  void TearDown() override {
    if (!server_) return;
    server_->Stop();
    if (thread_.joinable()) thread_.join();
  }
  httplib::Result Get(const std::string& path, const char* key) {
    return client_->Get(path, {{"Authorization", std::string("Bearer ") + key}});
  }
  static BrandsRequest Request() {
    BrandsRequest r;
    r.brands_toml = kBrands;
    return r;
  }

  roost::testing::ScratchDir dir_;
  std::shared_ptr<const Db> db_;
  std::unique_ptr<HttpServer> server_;
  std::thread thread_;
  std::unique_ptr<httplib::Client> client_;
};

TEST_F(BrandsApiTest, AnalystsGetTheAnswerLayersGatedScorecards) {
  Start(true);
  auto doc = Get("/api/openapi.json", kAnalystKey);
  ASSERT_TRUE(doc);
  EXPECT_NE(doc->body.find("\"/api/brands\""), std::string::npos);
  auto gated = Get("/api/brands", kAnalystKey);
  ASSERT_TRUE(gated);
  ASSERT_EQ(gated->status, 200) << gated->body;
  auto direct = db_->Brands(Question{}, Request(), AnalystCaller(*db_));
  ASSERT_TRUE(direct.ok()) << direct.status().ToString();
  EXPECT_EQ(gated->body, answer::BrandsJson(*direct));
  ASSERT_EQ(direct->brands.size(), 2u);
  EXPECT_EQ(direct->brands[0].figures.metrics.tweets, 60u);  // 60 tweets, a multiple of the quantum
  EXPECT_TRUE(direct->brands[1].figures.metrics.redacted);   // one author
  EXPECT_DOUBLE_EQ(direct->brands[0].figures.share_of_voice, 1.0);
  EXPECT_EQ(gated->body.find("\"authors\""), std::string::npos) << "no handles under the gate";
}

TEST_F(BrandsApiTest, AdminsGetExactScorecardsAndComparisons) {
  Start(true);
  auto exact = Get("/api/brands?from=2012-03-02&to=2012-03-03&compare=previous", kAdminKey);
  ASSERT_TRUE(exact);
  ASSERT_EQ(exact->status, 200) << exact->body;
  EXPECT_NE(exact->body.find("\"compare\":{\"from\":\"2012-03-01T00:00:00Z\",\"to\":\"2012-03-02T00:00:00Z\"}"),
            std::string::npos)
      << exact->body;
  EXPECT_NE(exact->body.find("\"name\":\"Solo\""), std::string::npos);
  EXPECT_NE(exact->body.find("\"tweets\":2,"), std::string::npos) << exact->body;
  EXPECT_NE(exact->body.find("\"changes\":{\"tweets\":{\"before\":30,\"after\":30,\"change\":0,"), std::string::npos)
      << exact->body;
  auto one = Get("/api/brands?brand=solo", kAdminKey);
  ASSERT_TRUE(one);
  EXPECT_EQ(one->status, 200);
  EXPECT_EQ(one->body.find("\"name\":\"Busy\""), std::string::npos) << one->body;
}

TEST_F(BrandsApiTest, BadQuestionsAndAMissingFileGetJsonErrors) {
  Start(true);
  for (const char* path : {"/api/brands?compare=lastweek", "/api/brands?brand=Nobody", "/api/brands?limit=0",
                           "/api/brands?interval=minute", "/api/brands?compare=2012-03-02..2012-03-01"}) {
    auto r = Get(path, kAnalystKey);
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(r->status, 400) << path << " " << r->body;
    EXPECT_NE(r->body.find("\"error\""), std::string::npos) << r->body;
  }
  TearDown();
  Start(false);
  auto none = Get("/api/brands", kAnalystKey);
  ASSERT_TRUE(none);
  EXPECT_EQ(none->status, 404);
  EXPECT_NE(none->body.find("--brands"), std::string::npos) << none->body;
}

}  // namespace
}  // namespace roost::server
