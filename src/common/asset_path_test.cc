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

TEST(AssetPathTest, DataDirEnvHoldsLexicons) {
  testing::ScratchDir dir;
  std::filesystem::create_directories(dir / "lexicons/fake-pkg");
  testing::WriteFileOrDie(dir / "lexicons/fake-pkg/data.json", "{}");
  EnvGuard guard("ROOST_DATA_DIR");
  setenv("ROOST_DATA_DIR", dir.path().c_str(), 1);
  ASSERT_FALSE(DataDirSearchPath().empty());
  EXPECT_EQ(DataDirSearchPath().front(), std::filesystem::weakly_canonical(dir.path()));
  auto found = FindNodePackageFile("fake-pkg", "data.json");
  ASSERT_TRUE(found.ok()) << found.status().ToString();
  EXPECT_EQ(found->parent_path().parent_path().filename(), "lexicons");
}

TEST(AssetPathTest, FindsTheBuildTreeDataDirWithoutEnvironment) {
  // The build fills <build>/share/roost before any library compiles; this
  // test binary, a few folders below, reaches it through its parents.
  EnvGuard data("ROOST_DATA_DIR"), lexicons("ROOST_LEXICON_DIR"), source("ROOST_SOURCE_DIR");
  unsetenv("ROOST_DATA_DIR");
  unsetenv("ROOST_LEXICON_DIR");
  unsetenv("ROOST_SOURCE_DIR");
  const auto dirs = DataDirSearchPath();
  ASSERT_FALSE(dirs.empty()) << "no share/roost above the test binary";
  EXPECT_EQ(dirs.front().filename(), "roost");
  EXPECT_EQ(dirs.front().parent_path().filename(), "share");
  auto found = FindNodePackageFile("stopwords-iso", "stopwords-iso.json");
  if (!found.ok()) GTEST_SKIP() << "npm packages were not installed at build time: " << found.status().ToString();
  EXPECT_EQ(found->parent_path().parent_path(), dirs.front() / "lexicons");
}

TEST(AssetPathTest, SourceDirOverrideReadsTheCheckout) {
  EnvGuard lexicons("ROOST_LEXICON_DIR"), source("ROOST_SOURCE_DIR");
  unsetenv("ROOST_LEXICON_DIR");
  const std::filesystem::path checkout = testing::SourceDir();
  if (!std::filesystem::exists(checkout / "node_modules/stopwords-iso/stopwords-iso.json"))
    GTEST_SKIP() << "npm packages not installed in " << checkout;
  setenv("ROOST_SOURCE_DIR", checkout.c_str(), 1);
  auto found = FindNodePackageFile("stopwords-iso", "stopwords-iso.json");
  ASSERT_TRUE(found.ok()) << found.status().ToString();
  EXPECT_EQ(found->parent_path().parent_path().filename(), "node_modules");
}

}  // namespace
}  // namespace roost
