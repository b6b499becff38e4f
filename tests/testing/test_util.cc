#include "testing/test_util.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace roost::testing {

std::filesystem::path SharedDataDir() {
  const char* env = std::getenv("ROOST_SHARED_DATA");
  std::filesystem::path dir = env ? env : "";
  if (dir.empty() || !std::filesystem::exists(dir)) {
    dir = SourceDir() / ".." / "shared" / "data";
  }
  return std::filesystem::exists(dir) ? std::filesystem::canonical(dir) : std::filesystem::path();
}

std::filesystem::path SourceDir() {
  const char* env = std::getenv("ROOST_SOURCE_DIR");
  if (env != nullptr && *env != '\0') return std::filesystem::path(env);
  return std::filesystem::path(ROOST_SOURCE_DIR_DEFAULT);
}

std::string ReadFileOrDie(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    ADD_FAILURE() << "cannot read " << path;
    return {};
  }
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

void WriteFileOrDie(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
  if (!out) ADD_FAILURE() << "cannot write " << path;
}

ScratchDir::ScratchDir() {
  std::string templ = (std::filesystem::temp_directory_path() / "roost-test-XXXXXX").string();
  if (mkdtemp(templ.data()) == nullptr) std::abort();
  path_ = templ;
}

ScratchDir::~ScratchDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

}  // namespace roost::testing
