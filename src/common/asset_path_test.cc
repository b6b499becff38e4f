#include "common/asset_path.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>

#include "testing/test_util.h"

namespace roost {
namespace {

class EnvGuard {
 public:
  explicit EnvGuard(const char* name) : name_(name) {
    if (const char* v = getenv(name)) {
      had_ = true;
      old_ = v;
    }
  }
  ~EnvGuard() {
    if (had_) {
      setenv(name_, old_.c_str(), 1);
    } else {
      unsetenv(name_);
    }
  }

 private:
  const char* name_;
  bool had_ = false;
  std::string old_;
};

TEST(AssetPathTest, LexiconDirEnvComesFirst) {
  testing::ScratchDir dir;
  std::filesystem::create_directories(dir / "node_modules/fake-pkg");
  testing::WriteFileOrDie(dir / "node_modules/fake-pkg/data.json", "{}");
  EnvGuard guard("ROOST_LEXICON_DIR");
  setenv("ROOST_LEXICON_DIR", dir.path().c_str(), 1);
  auto found = FindNodePackageFile("fake-pkg", "data.json");
  ASSERT_TRUE(found.ok()) << found.status().ToString();
  EXPECT_EQ(found->filename(), "data.json");
  EXPECT_EQ(found->parent_path().filename(), "fake-pkg");
}

TEST(AssetPathTest, MissingPackageIsNotFound) {
  auto found = FindNodePackage("no-such-package-roost-test");
  ASSERT_FALSE(found.ok());
  EXPECT_EQ(found.status().code(), StatusCode::kNotFound);
  auto file = FindNodePackageFile("no-such-package-roost-test", "x.json");
  EXPECT_EQ(file.status().code(), StatusCode::kNotFound);
}

TEST(AssetPathTest, FindsRepositoryNodeModules) {
  // From a build directory inside the checkout, the binary's parents reach
  // <checkout>/node_modules (scripts/setup installs stopwords-iso there).
  auto found = FindNodePackageFile("stopwords-iso", "stopwords-iso.json");
  if (!found.ok() && getenv("ROOST_SOURCE_DIR") == nullptr) {
    GTEST_SKIP() << "npm packages not installed: " << found.status().ToString();
  }
  ASSERT_TRUE(found.ok()) << found.status().ToString();
  EXPECT_EQ(found->filename(), "stopwords-iso.json");
  EXPECT_FALSE(NodeModulesSearchPath().empty());
}

}  // namespace
}  // namespace roost
