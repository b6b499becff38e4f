#include "fuzz_check.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>

namespace roost::fuzz {

void CheckFailed(const char* condition, const char* file, int line) {
  std::fprintf(stderr, "%s:%d: fuzz invariant failed: %s\n", file, line, condition);
  std::abort();
}

const std::string& WriteScratchFile(const char* name, const uint8_t* data, size_t size) {
  static std::map<std::string, std::string> paths;
  std::string& path = paths[name];
  if (path.empty()) {
    path = (std::filesystem::temp_directory_path() /
            ("roost-fuzz-" + std::to_string(::getpid()) + "-" + name))
               .string();
    // Leaves no scratch files behind when the run ends normally.
    static bool registered = [] {
      std::atexit([] {
        std::error_code ignored;
        for (const auto& [_, p] : paths) std::filesystem::remove(p, ignored);
      });
      return true;
    }();
    (void)registered;
  }
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  out.close();
  if (!out) CheckFailed("scratch file written", __FILE__, __LINE__);
  return path;
}

}  // namespace roost::fuzz
