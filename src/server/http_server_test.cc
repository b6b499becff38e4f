// The HTTP API over a real socket: keys and roles, gated answers, limits,
// JSON errors, paths that must never reach a file, and the audit log.
#include "server/http_server.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <thread>

#include "answer/analysis_json.h"
#include "answer/forecast_json.h"
#include "storage/archive_writer.h"
#include "testing/test_util.h"

namespace roost::server {
namespace {

constexpr TimestampMs kMarch1 = 1330560000000;  // 2012-03-01T00:00:00Z
constexpr const char* kAnalystKey = "analyst-secret-0123456789";
constexpr const char* kAdminKey = "admin-secret-0123456789";

class HttpServerTest : public ::testing::Test {
 protected:
  // 30 tweets by 10 authors tagged #busy; author 99 alone wrote 2 tagged #solo.
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
    auto writer = storage::ArchiveWriter::Open(dir_.path().string(), storage::Partition::kDay, true);
    ASSERT_TRUE(writer.ok()) << writer.status().ToString();
    ASSERT_TRUE((*writer)->WriteSegment(std::move(tweets), kMarch1).ok());
    ASSERT_TRUE((*writer)->Commit().ok());
    std::ofstream(dir_ / "privacy.toml") << "[privacy]\nmin_answer_authors = 3\nmin_group_authors = 2\ncount_quantum = 4\n";
    auto db = Db::Open(dir_.path().string());
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::shared_ptr<const Db>(std::move(db).value());

    ServerConfig config;
    config.port = 0;
    config.limits.max_filter_bytes = 256;
    config.keys.Add({"ana", Role::kAnalyst, HashKey(kAnalystKey)});
    config.keys.Add({"root", Role::kAdmin, HashKey(kAdminKey)});
    server_ = std::make_unique<HttpServer>(db_, config, [this](const std::string& line) {
      std::lock_guard<std::mutex> lock(audit_mu_);
      audit_ += line + "\n";
    });
    ASSERT_TRUE(server_->Bind().ok());
    thread_ = std::thread([this] { (void)server_->Serve(); });
    client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
  }
  void TearDown() override {
    server_->Stop();
    if (thread_.joinable()) thread_.join();
  }

  httplib::Result Get(const std::string& path, const char* key) {
    httplib::Headers h;
    if (key != nullptr) h.emplace("Authorization", std::string("Bearer ") + key);
    return client_->Get(path, h);
  }

  roost::testing::ScratchDir dir_;
  std::shared_ptr<const Db> db_;
  std::unique_ptr<HttpServer> server_;
  std::thread thread_;
  std::unique_ptr<httplib::Client> client_;
  std::mutex audit_mu_;
  std::string audit_;
};

TEST_F(HttpServerTest, NoKeyOrAWrongKeyIsRefused) {
  auto none = Get("/api/count", nullptr);
  ASSERT_TRUE(none);
  EXPECT_EQ(none->status, 401);
  EXPECT_NE(none->body.find("\"code\":\"unauthorized\""), std::string::npos) << none->body;
  auto wrong = Get("/api/count", "not-a-key");
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->status, 401);
}

TEST_F(HttpServerTest, AStopThatComesBeforeTheListenLoopIsNotLost) {
  for (int i = 0; i < 6; ++i) {  // each stop takes about a second (httplib's poll)
    ServerConfig config;
    config.port = 0;
    config.keys.Add({"ana", Role::kAnalyst, HashKey(kAnalystKey)});
    HttpServer s(db_, config);
    ASSERT_TRUE(s.Bind().ok());
    std::thread serving([&] { (void)s.Serve(); });
    if (i % 2 == 0) std::this_thread::yield();
    s.Stop();
    serving.join();  // hangs here if the stop was lost
  }
  HttpServer early(db_, ServerConfig{});
  early.Stop();  // before Serve: Serve returns at once
  ASSERT_TRUE(early.Bind().ok());
  EXPECT_TRUE(early.Serve().ok());
}

TEST_F(HttpServerTest, AnAnalystIsGatedEvenWhenTheArchiveHasNoPolicy) {
  std::filesystem::remove(dir_ / "privacy.toml");
  auto open = Db::Open(dir_.path().string());
  ASSERT_TRUE(open.ok()) << open.status().ToString();
  const Api api(std::shared_ptr<const Db>(std::move(open).value()), Limits{});
  const ApiKey analyst{"ana", Role::kAnalyst, ""}, admin{"root", Role::kAdmin, ""};
  // The default gate wants 100 unique authors; #busy has 10.
  const ApiResponse gated = api.Handle("/api/count", {{"filter", "#busy"}}, analyst);
  EXPECT_EQ(gated.status, 200);
  EXPECT_NE(gated.body.find("\"redacted\":true"), std::string::npos) << gated.body;
  const ApiResponse sample = api.Handle("/api/sample", {{"filter", "#busy"}}, analyst);
  EXPECT_EQ(sample.body.find("together"), std::string::npos) << sample.body;
  const ApiResponse exact = api.Handle("/api/count", {{"filter", "#busy"}}, admin);
  EXPECT_NE(exact.body.find("\"tweets\":30"), std::string::npos) << exact.body;
}

TEST_F(HttpServerTest, AnalystsGetGatedAnswersAndAdminsExactOnes) {
  auto solo = Get("/api/count?filter=%23solo", kAnalystKey);
  ASSERT_TRUE(solo);
  EXPECT_EQ(solo->status, 200);
  EXPECT_NE(solo->body.find("\"redacted\":true"), std::string::npos) << solo->body;
  EXPECT_NE(solo->body.find("\"count\":null"), std::string::npos) << solo->body;
  auto busy = Get("/api/count?filter=%23busy", kAnalystKey);
  ASSERT_TRUE(busy);
  EXPECT_NE(busy->body.find("\"tweets\":28"), std::string::npos) << busy->body;  // 30 rounded down to 4s
  auto exact = Get("/api/count?filter=%23solo", kAdminKey);
  ASSERT_TRUE(exact);
  EXPECT_NE(exact->body.find("\"tweets\":2"), std::string::npos) << exact->body;
  // The same numbers as the answer layer gives any other surface.
  auto direct = db_->Count(Question{"#busy"}, Caller{Role::kAnalyst, std::nullopt});
  ASSERT_TRUE(direct.ok());
  EXPECT_EQ(direct->tweets, 28u);
}

TEST_F(HttpServerTest, SamplesShowIdsAndTextOnlyToAdmins) {
  auto gated = Get("/api/sample?filter=%23busy&limit=3", kAnalystKey);
  ASSERT_TRUE(gated);
  EXPECT_EQ(gated->status, 200);
  EXPECT_EQ(gated->body.find("\"id\""), std::string::npos) << gated->body;
  EXPECT_EQ(gated->body.find("together"), std::string::npos) << gated->body;
  EXPECT_EQ(gated->body.find("user"), std::string::npos) << gated->body;
  auto admin = Get("/api/sample?filter=%23busy&limit=3", kAdminKey);
  ASSERT_TRUE(admin);
  EXPECT_NE(admin->body.find("\"id\":\"5000\""), std::string::npos) << admin->body;
  EXPECT_NE(admin->body.find("together"), std::string::npos) << admin->body;
}

TEST_F(HttpServerTest, SeriesAndTopAreGated) {
  auto top = Get("/api/top?target=hashtags", kAnalystKey);
  ASSERT_TRUE(top);
  EXPECT_EQ(top->status, 200);
  EXPECT_NE(top->body.find("\"value\":\"busy\""), std::string::npos) << top->body;
  EXPECT_EQ(top->body.find("solo"), std::string::npos) << top->body;  // one author: redacted, value hidden
  auto authors = Get("/api/top?target=authors", kAnalystKey);
  ASSERT_TRUE(authors);
  EXPECT_EQ(authors->status, 400);
  auto series = Get("/api/series?interval=day&from=2012-03-01&to=2012-03-02", kAnalystKey);
  ASSERT_TRUE(series);
  EXPECT_EQ(series->status, 200);
  EXPECT_NE(series->body.find("\"start\":\"2012-03-01T00:00:00Z\""), std::string::npos) << series->body;
}

TEST_F(HttpServerTest, TrendsAndSpikesAreTheAnswerLayersGatedAnswers) {
  const Caller analyst{Role::kAnalyst, std::nullopt};
  TrendsRequest tr;
  tr.at = kMarch1;
  tr.interval = "hour";
  tr.min_support = 2;
  auto trends = Get("/api/trends?at=2012-03-01&interval=hour&min_support=2", kAnalystKey);
  ASSERT_TRUE(trends);
  EXPECT_EQ(trends->status, 200) << trends->body;
  auto direct = db_->Trends(Question{}, tr, analyst);
  ASSERT_TRUE(direct.ok()) << direct.status().ToString();
  EXPECT_EQ(trends->body, answer::TrendsJson(*direct));
  EXPECT_NE(trends->body.find("\"privacy\":{\"enabled\":true"), std::string::npos) << trends->body;
  auto spikes = Get("/api/spikes?interval=minute&filter=%23busy", kAnalystKey);
  ASSERT_TRUE(spikes);
  EXPECT_EQ(spikes->status, 200) << spikes->body;
  SpikesRequest sr;
  sr.interval = "minute";
  auto gated = db_->Spikes(Question{"#busy"}, sr, analyst);
  ASSERT_TRUE(gated.ok()) << gated.status().ToString();
  EXPECT_EQ(spikes->body, answer::SpikesJson(*gated));
  EXPECT_NE(spikes->body.find("\"filter\":\"#busy\""), std::string::npos) << spikes->body;
  // One author's tweets: the whole answer is withheld for analysts, not for admins.
  auto solo = Get("/api/spikes?interval=minute&filter=%23solo", kAnalystKey);
  ASSERT_TRUE(solo);
  EXPECT_NE(solo->body.find("\"redacted\":true"), std::string::npos) << solo->body;
  auto exact = Get("/api/spikes?interval=minute&filter=%23solo", kAdminKey);
  ASSERT_TRUE(exact);
  EXPECT_EQ(exact->body.find("\"redacted\""), std::string::npos) << exact->body;
  EXPECT_NE(exact->body.find("\"privacy\":{\"enabled\":false}"), std::string::npos) << exact->body;
  for (const char* bad : {"/api/trends", "/api/trends?at=2012-03-01&from=2012-03-01", "/api/trends?at=2012-03-01&interval=week",
                          "/api/trends?at=2012-03-01&limit=65", "/api/trends?at=2012-03-01&min_burst_z=-1",
                          "/api/spikes?interval=month", "/api/spikes?threshold=2", "/api/spikes?tweets=1.5"}) {
    auto r = Get(bad, kAnalystKey);
    ASSERT_TRUE(r) << bad;
    EXPECT_EQ(r->status, 400) << bad << ": " << r->body;
    EXPECT_NE(r->body.find("\"code\":\"invalid_argument\""), std::string::npos) << bad << ": " << r->body;
  }
}

// Two days of hours, 30 tweets by 10 authors each: the fixture's half hour
// is too short a history to forecast.
class ForecastServerTest : public HttpServerTest {
 protected:
  void SetUp() override {
    HttpServerTest::SetUp();
    std::vector<Tweet> tweets;
    for (uint64_t i = 0; i < 48 * 30; ++i) {
      Tweet t;
      t.id = 20000 + i;
      t.created_at = kMarch1 + static_cast<TimestampMs>(i / 30) * 3'600'000 + static_cast<TimestampMs>(i % 30) * 1000;
      t.user.id = 1 + i % 10;
      t.user.screen_name = "user" + std::to_string(t.user.id);
      t.text = "hourly #steady";
      t.hashtags.push_back({"steady"});
      tweets.push_back(std::move(t));
    }
    auto writer = storage::ArchiveWriter::Open(hourly_.path().string(), storage::Partition::kDay, true);
    ASSERT_TRUE(writer.ok()) << writer.status().ToString();
    ASSERT_TRUE((*writer)->WriteSegment(std::move(tweets), kMarch1).ok());
    ASSERT_TRUE((*writer)->Commit().ok());
    std::filesystem::copy_file(dir_ / "privacy.toml", hourly_ / "privacy.toml");
    auto db = Db::Open(hourly_.path().string());
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    hourly_db_ = std::shared_ptr<const Db>(std::move(db).value());
    ServerConfig config;
    config.port = 0;
    config.keys.Add({"ana", Role::kAnalyst, HashKey(kAnalystKey)});
    config.keys.Add({"root", Role::kAdmin, HashKey(kAdminKey)});
    hourly_server_ = std::make_unique<HttpServer>(hourly_db_, config);
    ASSERT_TRUE(hourly_server_->Bind().ok());
    hourly_thread_ = std::thread([this] { (void)hourly_server_->Serve(); });
    hourly_client_ = std::make_unique<httplib::Client>("127.0.0.1", hourly_server_->port());
  }
  void TearDown() override {
    hourly_server_->Stop();
    if (hourly_thread_.joinable()) hourly_thread_.join();
    HttpServerTest::TearDown();
  }
  httplib::Result Ask(const std::string& path, const char* key) {
    return hourly_client_->Get(path, {{"Authorization", std::string("Bearer ") + key}});
  }

  roost::testing::ScratchDir hourly_;
  std::shared_ptr<const Db> hourly_db_;
  std::unique_ptr<HttpServer> hourly_server_;
  std::thread hourly_thread_;
  std::unique_ptr<httplib::Client> hourly_client_;
};

TEST_F(ForecastServerTest, ForecastsAreTheAnswerLayersGatedForecasts) {
  auto doc = Ask("/api/openapi.json", kAnalystKey);
  ASSERT_TRUE(doc);
  EXPECT_NE(doc->body.find("\"/api/forecast\""), std::string::npos);
  const char* path = "/api/forecast?filter=%23steady&horizon=3";
  auto gated = Ask(path, kAnalystKey);
  ASSERT_TRUE(gated);
  EXPECT_EQ(gated->status, 200) << gated->body;
  ForecastRequest r;
  r.horizon = 3;
  auto direct = hourly_db_->Forecast(Question{"#steady"}, r, Caller{Role::kAnalyst, std::nullopt});
  ASSERT_TRUE(direct.ok()) << direct.status().ToString();
  EXPECT_EQ(gated->body, answer::ForecastJson(*direct));
  EXPECT_EQ(direct->history.size(), 48u);
  EXPECT_EQ(direct->history[0].value, 28);  // 30 tweets, rounded down to the quantum of 4
  ASSERT_EQ(direct->forecast.size(), 3u);
  EXPECT_EQ(direct->forecast[0].timestamp, "2012-03-03T00:00:00Z");
  EXPECT_NE(gated->body.find("\"privacy\":{\"enabled\":true"), std::string::npos) << gated->body;
  auto exact = Ask(path, kAdminKey);
  ASSERT_TRUE(exact);
  EXPECT_EQ(exact->status, 200) << exact->body;
  EXPECT_NE(exact->body.find("{\"timestamp\":\"2012-03-01T00:00:00Z\",\"value\":30}"), std::string::npos)
      << exact->body;
  EXPECT_NE(exact->body.find("\"privacy\":{\"enabled\":false}"), std::string::npos) << exact->body;
  // A zone moves every label.
  auto paris = Ask("/api/forecast?filter=%23steady&horizon=1&tz=Europe/Paris", kAdminKey);
  ASSERT_TRUE(paris);
  EXPECT_NE(paris->body.find("\"timestamp\":\"2012-03-03T01:00:00+01:00\""), std::string::npos) << paris->body;
  // One author's tweets: withheld for analysts, not for admins.
  auto solo = Get("/api/forecast?filter=%23solo&interval=day", kAnalystKey);
  ASSERT_TRUE(solo);
  EXPECT_EQ(solo->status, 200);
  EXPECT_NE(solo->body.find("\"redacted\":true"), std::string::npos) << solo->body;
  EXPECT_EQ(solo->body.find("\"forecast\""), std::string::npos) << solo->body;
  for (const char* bad : {"/api/forecast?interval=minute", "/api/forecast?horizon=0", "/api/forecast?horizon=1.5",
                          "/api/forecast?horizon=10001", "/api/forecast?combine=21", "/api/forecast?backtest_every=-1",
                          "/api/forecast?backtest_after=x", "/api/forecast?tz=Mars/Base"}) {
    auto b = Ask(bad, kAnalystKey);
    ASSERT_TRUE(b) << bad;
    EXPECT_EQ(b->status, 400) << bad << ": " << b->body;
    EXPECT_NE(b->body.find("\"code\":\"invalid_argument\""), std::string::npos) << bad << ": " << b->body;
  }
}

TEST_F(HttpServerTest, BadRequestsGetJsonErrors) {
  auto bad_filter = Get("/api/count?filter=text%20contians%20%22x%22", kAnalystKey);
  ASSERT_TRUE(bad_filter);
  EXPECT_EQ(bad_filter->status, 400);
  EXPECT_NE(bad_filter->body.find("\"code\":\"invalid_argument\""), std::string::npos) << bad_filter->body;
  auto long_filter = Get("/api/count?filter=" + std::string(300, 'a'), kAnalystKey);
  ASSERT_TRUE(long_filter);
  EXPECT_EQ(long_filter->status, 413);
  auto bad_limit = Get("/api/sample?limit=0", kAdminKey);
  ASSERT_TRUE(bad_limit);
  EXPECT_EQ(bad_limit->status, 400);
  auto no_budget = Get("/api/count?budget_ms=0", kAnalystKey);  // a budget can be lowered, not removed
  ASSERT_TRUE(no_budget);
  EXPECT_EQ(no_budget->status, 400);
  auto bad_time = Get("/api/count?from=yesterday", kAnalystKey);
  ASSERT_TRUE(bad_time);
  EXPECT_EQ(bad_time->status, 400);
  auto unknown = Get("/api/nothing", kAnalystKey);
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 404);
  EXPECT_NE(unknown->body.find("\"error\""), std::string::npos);
  auto post = client_->Post("/api/count", "{}", "application/json");
  ASSERT_TRUE(post);
  EXPECT_GE(post->status, 400);
  EXPECT_NE(post->body.find("\"error\""), std::string::npos) << post->body;
}

TEST_F(HttpServerTest, PathsNeverReachFiles) {
  for (const char* path : {"/../../etc/passwd", "/api/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd",
                           "/static/..%2f..%2fetc%2fpasswd", "/api/%2e%2e%2fprivacy.toml", "/privacy.toml"}) {
    auto r = Get(path, kAdminKey);
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(r->status == 404 || r->status == 400, true) << path << " -> " << r->status;
    EXPECT_EQ(r->body.find("root:"), std::string::npos) << path;
    EXPECT_EQ(r->body.find("min_answer_authors"), std::string::npos) << path;
  }
}

TEST_F(HttpServerTest, OpenApiListsPathsThatAnswer) {
  auto doc = Get("/api/openapi.json", nullptr);
  ASSERT_TRUE(doc);
  EXPECT_EQ(doc->status, 200);
  for (const char* path : {"/api/info", "/api/count", "/api/sample", "/api/explain", "/api/series", "/api/top",
                           "/api/trends", "/api/spikes"}) {
    EXPECT_NE(doc->body.find(std::string("\"") + path + "\""), std::string::npos) << path;
    const std::string when = std::string(path) == "/api/trends" ? "&at=2012-03-01" : "";
    auto r = Get(std::string(path) + "?filter=%23busy" + when, kAdminKey);
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(r->status, 200) << path << ": " << r->body;
  }
}

TEST_F(HttpServerTest, TheAuditLogNamesKeysNeverSecrets) {
  ASSERT_TRUE(Get("/api/count?filter=%23busy", kAnalystKey));
  ASSERT_TRUE(Get("/api/count", "wrong-secret"));
  std::lock_guard<std::mutex> lock(audit_mu_);
  EXPECT_NE(audit_.find("key=ana endpoint=/api/count status=200"), std::string::npos) << audit_;
  EXPECT_NE(audit_.find("key=- endpoint=/api/count status=401"), std::string::npos) << audit_;
  EXPECT_EQ(audit_.find(kAnalystKey), std::string::npos);
  EXPECT_EQ(audit_.find("wrong-secret"), std::string::npos);
  EXPECT_EQ(audit_.find("busy"), std::string::npos);  // no filter text
}

TEST_F(HttpServerTest, ANewCommitIsPickedUpAndOldSnapshotsKeepAnswering) {
  std::vector<std::string> log;
  auto live = LiveDb::Open(dir_.path().string(), [&](const std::string& line) { log.push_back(line); });
  ASSERT_TRUE(live.ok()) << live.status().ToString();
  const Caller admin{Role::kAdmin, std::nullopt};
  const std::shared_ptr<const Db> before = (*live)->Current();
  EXPECT_FALSE((*live)->Refresh());  // nothing changed
  std::vector<Tweet> more;
  for (uint64_t i = 0; i < 5; ++i) {
    Tweet t;
    t.id = 9000 + i;
    t.created_at = kMarch1 + 86400000 + static_cast<TimestampMs>(i) * 60000;
    t.user.id = 1;
    t.user.screen_name = "user1";
    t.text = "next day #busy";
    t.hashtags.push_back({"busy"});
    more.push_back(std::move(t));
  }
  auto writer = storage::ArchiveWriter::Open(dir_.path().string(), std::nullopt, false);
  ASSERT_TRUE(writer.ok()) << writer.status().ToString();
  ASSERT_TRUE((*writer)->WriteSegment(std::move(more), kMarch1 + 86400000).ok());
  ASSERT_TRUE((*writer)->Commit().ok());
  writer->reset();  // the writer's lock
  EXPECT_TRUE((*live)->Refresh());
  EXPECT_EQ((*live)->generation(), 2u);
  ASSERT_EQ(log.size(), 1u);
  auto now = (*live)->Current()->Count(Question{}, admin);
  ASSERT_TRUE(now.ok());
  EXPECT_EQ(now->tweets, 37u);
  auto then = before->Count(Question{}, admin);  // a request in flight keeps its snapshot
  ASSERT_TRUE(then.ok());
  EXPECT_EQ(then->tweets, 32u);
}

// A raw connection that sends nothing: it holds a worker (or a queue place).
int IdleConnection(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  EXPECT_EQ(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  std::this_thread::sleep_for(std::chrono::milliseconds(200));  // accepted and handed out
  return fd;
}

TEST_F(HttpServerTest, ConnectionsBeyondTheWorkersAndTheQueueGet503AtOnce) {
  ServerConfig config;
  config.port = 0;
  config.limits.max_concurrent = 1;
  config.limits.max_queued = 1;
  config.keys.Add({"ana", Role::kAnalyst, HashKey(kAnalystKey)});
  HttpServer busy(db_, config, [](const std::string&) {});
  ASSERT_TRUE(busy.Bind().ok());
  std::thread serving([&] { (void)busy.Serve(); });
  const int served = IdleConnection(busy.port());   // the one worker
  const int waiting = IdleConnection(busy.port());  // the one queue place
  httplib::Client client("127.0.0.1", busy.port());
  const auto start = std::chrono::steady_clock::now();
  auto refused = client.Get("/api/count", {{"Authorization", std::string("Bearer ") + kAnalystKey}});
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 503);
  EXPECT_NE(refused->body.find("\"code\":\"unavailable\""), std::string::npos) << refused->body;
  EXPECT_EQ(refused->get_header_value("Retry-After"), "1");
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));  // not left waiting
  ::close(served);
  ::close(waiting);
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  httplib::Client again("127.0.0.1", busy.port());
  auto ok = again.Get("/api/count", {{"Authorization", std::string("Bearer ") + kAnalystKey}});
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200) << ok->body;
  busy.Stop();
  serving.join();
}

TEST(ServerConfigTest, ListenAndKeys) {
  roost::testing::ScratchDir dir;
  const std::string hash = HashKey("k");
  std::ofstream(dir / "s.toml") << "[server]\nlisten = \"[::1]:9001\"\nmax_concurrent = 4\nrequest_budget_ms = 250\n"
                                   "[[key]]\nid = \"a\"\nrole = \"admin\"\nhash = \"" + hash + "\"\n";
  auto c = LoadServerConfig((dir / "s.toml").string());
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->host, "::1");
  EXPECT_EQ(c->port, 9001);
  EXPECT_EQ(c->limits.max_concurrent, 4);
  EXPECT_EQ(c->limits.request_budget_ms, 250);
  ASSERT_NE(c->keys.Find("k"), nullptr);
  EXPECT_EQ(c->keys.Find("k")->role, Role::kAdmin);
  EXPECT_EQ(c->keys.Find("K"), nullptr);
  std::ofstream(dir / "bad.toml") << "[server]\nlisten = \"127.0.0.1:8080\"\nmax_concurent = 4\n";
  auto bad = LoadServerConfig((dir / "bad.toml").string());
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("bad.toml:3"), std::string::npos) << bad.status().message();
}

}  // namespace
}  // namespace roost::server
