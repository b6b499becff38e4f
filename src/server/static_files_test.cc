// The dashboard's files: loaded once, served from memory with their types
// and security headers, and no request path (dot segments, percent- or
// double-encoded, backslashed, absolute) ever reaches a file: only JSON 404s.
#include "server/static_files.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>
#include <thread>

#include "server/http_server.h"
#include "storage/archive_writer.h"
#include "testing/test_util.h"

namespace roost::server {
namespace {

constexpr TimestampMs kMarch1 = 1330560000000;  // 2012-03-01T00:00:00Z
constexpr const char* kSecret = "TOP-SECRET-NOT-SERVED";
constexpr const char* kAdminKey = "admin-secret-0123456789";

struct RawResponse {
  int status = 0;
  std::string head;  // status line and headers, lower-cased
  std::string body;
};

// One request written byte for byte on a socket, so no client library
// normalises or encodes the path first.
RawResponse RawGet(int port, const std::string& target, const std::string& extra_headers = "") {
  RawResponse out;
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close(fd);
    return out;
  }
  const std::string req = "GET " + target +
                          " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n" + extra_headers +
                          "\r\n";
  (void)!write(fd, req.data(), req.size());
  std::string all;
  char buf[4096];
  for (ssize_t n; (n = read(fd, buf, sizeof buf)) > 0;) all.append(buf, static_cast<size_t>(n));
  close(fd);
  const size_t split = all.find("\r\n\r\n");
  if (all.size() < 12 || split == std::string::npos) return out;
  out.status = std::stoi(all.substr(9, 3));
  out.head = all.substr(0, split);
  for (char& c : out.head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  out.body = all.substr(split + 4);
  return out;
}

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // A file beside the dashboard and one hidden inside it: neither may be served.
    testing::WriteFileOrDie(scratch_ / "secret.txt", kSecret);
    const auto dash = scratch_ / "dashboard";
    std::filesystem::create_directories(dash / "assets");
    std::filesystem::create_directories(dash / ".git");
    testing::WriteFileOrDie(dash / "index.html", "<!doctype html><title>Roost</title>");
    testing::WriteFileOrDie(dash / "app.js", "export const x = 1;");
    testing::WriteFileOrDie(dash / "app.css", "body { margin: 0 }");
    testing::WriteFileOrDie(dash / "assets" / "logo.svg",
                            "<svg xmlns='http://www.w3.org/2000/svg'/>");
    testing::WriteFileOrDie(dash / "notes.unknownext", "x");
    testing::WriteFileOrDie(dash / ".git" / "config", kSecret);
    testing::WriteFileOrDie(dash / ".env", kSecret);
  }

  // A server over a one-tweet archive, with `files` as its dashboard.
  void Start(std::shared_ptr<const StaticFiles> files) {
    Tweet t;
    t.id = 1;
    t.created_at = kMarch1;
    t.user.id = 7;
    t.user.screen_name = "someone";
    t.text = "hello";
    std::vector<Tweet> tweets{t};
    auto writer = storage::ArchiveWriter::Open((scratch_ / "archive").string(),
                                               storage::Partition::kDay, true);
    ASSERT_TRUE(writer.ok()) << writer.status().ToString();
    ASSERT_TRUE((*writer)->WriteSegment(std::move(tweets), kMarch1).ok());
    ASSERT_TRUE((*writer)->Commit().ok());
    auto db = Db::Open((scratch_ / "archive").string());
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    ServerConfig config;
    config.port = 0;
    config.keys.Add({"root", Role::kAdmin, HashKey(kAdminKey)});
    server_ = std::make_unique<HttpServer>(std::shared_ptr<const Db>(std::move(db).value()), config,
                                           [](const std::string&) {});
    server_->ServeDashboard(std::move(files));
    ASSERT_TRUE(server_->Bind().ok());
    thread_ = std::thread([this] { (void)server_->Serve(); });
  }
  void TearDown() override {
    if (server_) server_->Stop();
    if (thread_.joinable()) thread_.join();
  }

  std::shared_ptr<const StaticFiles> LoadOrDie() {
    auto files = StaticFiles::Load(scratch_ / "dashboard");
    EXPECT_TRUE(files.ok()) << files.status().ToString();
    return std::make_shared<const StaticFiles>(std::move(files).value());
  }

  testing::ScratchDir scratch_;
  std::unique_ptr<HttpServer> server_;
  std::thread thread_;
};

TEST_F(StaticFilesTest, LoadsVisibleFilesWithTheirTypes) {
  auto files = LoadOrDie();
  EXPECT_EQ(files->size(), 5u);  // index.html, app.js, app.css, assets/logo.svg, notes.unknownext
  ASSERT_NE(files->Find("/"), nullptr);
  EXPECT_EQ(files->Find("/"), files->Find("/index.html"));
  EXPECT_EQ(files->Find("/index.html")->content_type, "text/html; charset=utf-8");
  EXPECT_EQ(files->Find("/app.js")->content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(files->Find("/app.css")->content_type, "text/css; charset=utf-8");
  EXPECT_EQ(files->Find("/assets/logo.svg")->content_type, "image/svg+xml");
  EXPECT_EQ(files->Find("/notes.unknownext")->content_type, "application/octet-stream");
  EXPECT_EQ(files->Find("/.env"), nullptr);
  EXPECT_EQ(files->Find("/.git/config"), nullptr);
  EXPECT_EQ(files->Find("app.js"), nullptr);
  EXPECT_NE(files->Find("/app.js")->etag, files->Find("/app.css")->etag);
}

TEST_F(StaticFilesTest, ADirectoryWithoutIndexOrAMissingOneIsRefused) {
  auto missing = StaticFiles::Load(scratch_ / "nowhere");
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  std::filesystem::create_directories(scratch_ / "empty");
  auto empty = StaticFiles::Load(scratch_ / "empty");
  EXPECT_EQ(empty.status().code(), StatusCode::kNotFound);
  EXPECT_NE(empty.status().message().find("index.html"), std::string::npos);
}

TEST_F(StaticFilesTest, ServesAssetsWithTypeCacheAndSecurityHeaders) {
  Start(LoadOrDie());
  const RawResponse index = RawGet(server_->port(), "/");
  EXPECT_EQ(index.status, 200);
  EXPECT_EQ(index.body, "<!doctype html><title>Roost</title>");
  EXPECT_NE(index.head.find("content-type: text/html; charset=utf-8"), std::string::npos)
      << index.head;
  EXPECT_NE(index.head.find("content-security-policy: default-src 'none'"), std::string::npos)
      << index.head;
  EXPECT_NE(index.head.find("x-content-type-options: nosniff"), std::string::npos);
  EXPECT_NE(index.head.find("cache-control: no-cache"), std::string::npos);
  const RawResponse js = RawGet(server_->port(), "/app.js");
  EXPECT_EQ(js.status, 200);
  EXPECT_NE(js.head.find("content-type: text/javascript"), std::string::npos) << js.head;
  const RawResponse svg = RawGet(server_->port(), "/assets/logo.svg");
  EXPECT_EQ(svg.status, 200);
  EXPECT_NE(svg.head.find("content-type: image/svg+xml"), std::string::npos) << svg.head;

  // A client holding the same bytes gets 304 and no body.
  const size_t at = js.head.find("etag: ");
  ASSERT_NE(at, std::string::npos);
  const std::string etag = js.head.substr(at + 6, js.head.find("\r\n", at) - at - 6);
  const RawResponse again = RawGet(server_->port(), "/app.js", "If-None-Match: " + etag + "\r\n");
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
  EXPECT_EQ(RawGet(server_->port(), "/app.js", "If-None-Match: \"0000\"\r\n").status, 200);
}

TEST_F(StaticFilesTest, NoRequestPathReachesAFileOutsideTheMap) {
  Start(LoadOrDie());
  const std::string absolute = (scratch_ / "secret.txt").string();
  for (const std::string& path : {std::string("/../secret.txt"),
                                  std::string("/../../../../etc/passwd"),
                                  std::string("/assets/../../secret.txt"),
                                  std::string("/%2e%2e/secret.txt"),
                                  std::string("/%2E%2E/%2e%2e/etc/passwd"),
                                  std::string("/..%2fsecret.txt"),
                                  std::string("/assets/..%2f..%2fsecret.txt"),
                                  std::string("/%252e%252e/secret.txt"),
                                  std::string("/%252e%252e%252fsecret.txt"),
                                  std::string("/..\\secret.txt"),
                                  std::string("/..%5csecret.txt"),
                                  std::string("/assets\\..\\..\\secret.txt"),
                                  std::string("/%5c..%5c..%5csecret.txt"),
                                  "/" + absolute,
                                  "//" + absolute,
                                  std::string("//etc/passwd"),
                                  std::string("/.env"),
                                  std::string("/.git/config"),
                                  std::string("/%2egit/config"),
                                  std::string("/index.html/../../secret.txt"),
                                  std::string("/secret.txt"),
                                  std::string("/dashboard/index.html"),
                                  std::string("/./app.js/.."),
                                  std::string("/app.js%00.html")}) {
    const RawResponse r = RawGet(server_->port(), path);
    EXPECT_EQ(r.status, 404) << path;
    EXPECT_NE(r.head.find("content-type: application/json"), std::string::npos) << path << "\n"
                                                                                << r.head;
    EXPECT_NE(r.body.find("\"error\""), std::string::npos) << path;
    EXPECT_EQ(r.body.find(kSecret), std::string::npos) << path;
    EXPECT_EQ(r.body.find("root:"), std::string::npos) << path;
  }
}

TEST_F(StaticFilesTest, WithoutADashboardTheApiStillAnswers) {
  Start(nullptr);
  const RawResponse index = RawGet(server_->port(), "/");
  EXPECT_EQ(index.status, 404);
  EXPECT_NE(index.body.find("no dashboard"), std::string::npos) << index.body;
  const RawResponse count = RawGet(server_->port(), "/api/count",
                                   std::string("Authorization: Bearer ") + kAdminKey + "\r\n");
  EXPECT_EQ(count.status, 200);
  EXPECT_NE(count.body.find("\"tweets\":1"), std::string::npos) << count.body;
}

TEST(ContentTypeTest, ByExtension) {
  EXPECT_EQ(ContentTypeFor("a.mjs"), "text/javascript; charset=utf-8");
  EXPECT_EQ(ContentTypeFor("a.map"), "application/json");
  EXPECT_EQ(ContentTypeFor("a.png"), "image/png");
  EXPECT_EQ(ContentTypeFor("html"), "application/octet-stream");
}

}  // namespace
}  // namespace roost::server
