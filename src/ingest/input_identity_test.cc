#include "ingest/input_identity.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "testing/test_util.h"

namespace roost {
namespace {

namespace fs = std::filesystem;

TEST(InputIdentityTest, SameFileSameIdentityAndAnyChangeShows) {
  ::roost::testing::ScratchDir dir;
  const std::string big(kInputHeadBytes + 100, 'x');
  ::roost::testing::WriteFileOrDie(dir / "a.jsonl", big);
  auto first = IdentifyInput((dir / "a.jsonl").string());
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(first->size, big.size());
  EXPECT_TRUE(fs::path(first->path).is_absolute());
  auto again = IdentifyInput((dir / "a.jsonl").string());
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*first, *again);
  // Through a relative path with "..": the same absolute path.
  const fs::path cwd = fs::current_path();
  fs::current_path(dir.path());
  auto relative = IdentifyInput("../" + dir.path().filename().string() + "/./a.jsonl");
  fs::current_path(cwd);
  ASSERT_TRUE(relative.ok());
  EXPECT_EQ(relative->path, first->path);

  // A byte changed inside the first MiB, with size and time put back.
  std::string changed = big;
  changed[10] = 'y';
  const auto mtime = fs::last_write_time(dir / "a.jsonl");
  ::roost::testing::WriteFileOrDie(dir / "a.jsonl", changed);
  fs::last_write_time(dir / "a.jsonl", mtime);
  auto edited = IdentifyInput((dir / "a.jsonl").string());
  ASSERT_TRUE(edited.ok());
  EXPECT_EQ(edited->size, first->size);
  EXPECT_EQ(edited->mtime_ns, first->mtime_ns);
  EXPECT_NE(edited->head_hash, first->head_hash);
  // A byte changed past the first MiB: not in the hash, so the time tells.
  ::roost::testing::WriteFileOrDie(dir / "a.jsonl", big);
  fs::last_write_time(dir / "a.jsonl", mtime);
  auto restored = IdentifyInput((dir / "a.jsonl").string());
  ASSERT_TRUE(restored.ok());
  EXPECT_EQ(*restored, *first);
  std::string tail = big;
  tail.back() = 'z';
  ::roost::testing::WriteFileOrDie(dir / "a.jsonl", tail);
  fs::last_write_time(dir / "a.jsonl", mtime + std::chrono::seconds(1));
  auto touched = IdentifyInput((dir / "a.jsonl").string());
  ASSERT_TRUE(touched.ok());
  EXPECT_EQ(touched->head_hash, first->head_hash);
  EXPECT_NE(*touched, *first);
}

TEST(InputIdentityTest, MissingFileAndStdin) {
  ::roost::testing::ScratchDir dir;
  EXPECT_EQ(IdentifyInput((dir / "none").string()).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(IdentifyInput("-").status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace roost
