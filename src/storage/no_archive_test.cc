#include "storage/no_archive.h"

#include <gtest/gtest.h>

#include "storage/archive.h"
#include "testing/test_util.h"

namespace roost::storage {
namespace {

bool Contains(const Status& s, const std::string& phrase) {
  return s.message().find(phrase) != std::string::npos;
}

TEST(NoArchiveTest, MissingDirectory) {
  ::roost::testing::ScratchDir tmp;
  const std::string dir = (tmp / "nowhere").string();
  const Status s = NoArchiveAt(dir);
  EXPECT_EQ(s.code(), StatusCode::kNotFound);
  EXPECT_TRUE(Contains(s, "no archive at " + dir)) << s.message();
}

TEST(NoArchiveTest, EmptyDirectoryAndFile) {
  ::roost::testing::ScratchDir tmp;
  EXPECT_TRUE(Contains(NoArchiveAt(tmp.path().string()), "no archive at "));
  ::roost::testing::WriteFileOrDie(tmp / "file", "x");
  EXPECT_TRUE(Contains(NoArchiveAt((tmp / "file").string()), "no archive at "));
}

TEST(NoArchiveTest, NamesTheArchiveOneLevelDown) {
  ::roost::testing::ScratchDir tmp;
  std::filesystem::create_directories(tmp / "other");  // a folder, not an archive
  std::filesystem::create_directories(tmp / "arc");
  ::roost::testing::WriteFileOrDie(tmp / "arc" / "MANIFEST", "");
  const std::string dir = tmp.path().string();
  const Status s = NoArchiveAt(dir);
  EXPECT_EQ(s.code(), StatusCode::kNotFound);
  EXPECT_TRUE(Contains(s, "use --archive " + dir + "/arc")) << s.message();
  EXPECT_FALSE(Contains(s, "other")) << s.message();
}

TEST(NoArchiveTest, OpenReportsIt) {
  // Archive::Open meets the missing MANIFEST first; the person sees why.
  ::roost::testing::ScratchDir tmp;
  auto opened = Archive::Open((tmp / "nowhere").string());
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.status().code(), StatusCode::kNotFound);
  EXPECT_TRUE(Contains(opened.status(), "no archive at ")) << opened.status().message();
  EXPECT_FALSE(Contains(opened.status(), "MANIFEST:")) << opened.status().message();
}

}  // namespace
}  // namespace roost::storage
