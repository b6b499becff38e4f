// Helpers shared by every test binary: where the shared data lives, and a
// scratch directory that is removed when the test ends.
#ifndef ROOST_TESTS_TESTING_TEST_UTIL_H_
#define ROOST_TESTS_TESTING_TEST_UTIL_H_

#include <filesystem>
#include <string>

namespace roost::testing {

// ../shared/data beside the checkout (ROOST_SHARED_DATA overrides), or an
// empty path when it does not exist: callers GTEST_SKIP() then.
std::filesystem::path SharedDataDir();

// Directory of the source checkout (for golden files under tests/).
std::filesystem::path SourceDir();

// Reads a whole file; aborts the test on failure.
std::string ReadFileOrDie(const std::filesystem::path& path);
void WriteFileOrDie(const std::filesystem::path& path, const std::string& bytes);

class ScratchDir {
 public:
  ScratchDir();
  ~ScratchDir();
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

}  // namespace roost::testing

// Skips the current test when ../shared/data (or a file below it) is absent.
#define ROOST_REQUIRE_SHARED_DATA(relative)                                        \
  do {                                                                             \
    auto _dir = ::roost::testing::SharedDataDir();                                 \
    if (_dir.empty() || !std::filesystem::exists(_dir / (relative)))               \
      GTEST_SKIP() << "shared data not available: " << (relative);                 \
  } while (0)

#endif  // ROOST_TESTS_TESTING_TEST_UTIL_H_
