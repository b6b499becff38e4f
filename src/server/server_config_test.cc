#include "server/server_config.h"

#include <gtest/gtest.h>

#include "testing/test_util.h"

namespace roost::server {
namespace {

TEST(ServerConfigTest, ReadsListenAndLimits) {
  testing::ScratchDir dir;
  testing::WriteFileOrDie(dir / "serve.toml", "[server]\nlisten = \"[::1]:9090\"\nmax_sample = 5\n");
  auto c = LoadServerConfig((dir / "serve.toml").string());
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->host, "::1");
  EXPECT_EQ(c->port, 9090);
  EXPECT_EQ(c->limits.max_sample, 5u);
}

// A bad listen value names the file and line like every other bad value.
TEST(ServerConfigTest, BadListenNamesFileAndLine) {
  testing::ScratchDir dir;
  const std::string path = (dir / "serve.toml").string();
  for (const char* listen : {"127.0.0.1:99999", "localhost", ":80"}) {
    testing::WriteFileOrDie(dir / "serve.toml", std::string("[server]\nlisten = \"") + listen + "\"\n");
    auto c = LoadServerConfig(path);
    ASSERT_FALSE(c.ok()) << listen;
    EXPECT_EQ(c.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(c.status().message().rfind(path + ":2: ", 0), 0u) << c.status().message();
  }
}

}  // namespace
}  // namespace roost::server
