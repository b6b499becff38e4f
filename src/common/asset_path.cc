#include "common/asset_path.h"

#include <dlfcn.h>

#include <cstdlib>
#include <string>
#include <system_error>

namespace roost {
namespace {

namespace fs = std::filesystem;

// build/release/src/enrich/sentiment/x reaches build/release in 3 steps.
constexpr int kParentLevels = 5;

bool IsDir(const fs::path& p) {
  std::error_code ec;
  return fs::is_directory(p, ec);
}

void AddUnique(std::vector<fs::path>* out, const fs::path& dir) {
  if (!IsDir(dir)) return;
  std::error_code ec;
  fs::path canonical = fs::weakly_canonical(dir, ec);
  if (ec) canonical = dir;
  for (const auto& p : *out) {
    if (p == canonical) return;
  }
  out->push_back(canonical);
}

// `dir/share/roost`, then the same in each parent.
void AddDataDirsUpFrom(std::vector<fs::path>* out, fs::path dir) {
  for (int i = 0; i <= kParentLevels && !dir.empty(); ++i) {
    AddUnique(out, dir / "share" / "roost");
    fs::path parent = dir.parent_path();
    if (parent == dir) break;
    dir = parent;
  }
}

fs::path ExecutableDir() {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::path() : exe.parent_path();
}

// The folder of the executable or shared object this function was linked
// into; empty when unknown or not absolute (dladdr names the main program
// as it was invoked).
fs::path ThisModuleDir() {
  Dl_info info;
  if (dladdr(reinterpret_cast<void*>(&ThisModuleDir), &info) == 0 || info.dli_fname == nullptr)
    return {};
  fs::path module(info.dli_fname);
  return module.is_absolute() ? module.parent_path() : fs::path();
}

}  // namespace

std::vector<fs::path> DataDirSearchPath() {
  std::vector<fs::path> out;
  if (const char* env = std::getenv("ROOST_DATA_DIR"); env && *env) AddUnique(&out, env);
  const fs::path exe_dir = ExecutableDir();
  if (!exe_dir.empty()) AddDataDirsUpFrom(&out, exe_dir);
  if (fs::path module_dir = ThisModuleDir(); !module_dir.empty() && module_dir != exe_dir)
    AddDataDirsUpFrom(&out, module_dir);
  return out;
}

std::vector<fs::path> LexiconSearchPath() {
  std::vector<fs::path> out;
  if (const char* env = std::getenv("ROOST_LEXICON_DIR"); env && *env) {
    fs::path dir(env);
    if (dir.filename() == "node_modules") {
      AddUnique(&out, dir);
    } else {
      AddUnique(&out, dir / "node_modules");
      AddUnique(&out, dir);  // a directory holding the packages themselves
    }
  }
  if (const char* src = std::getenv("ROOST_SOURCE_DIR"); src && *src) {
    AddUnique(&out, fs::path(src) / "node_modules");
  }
  for (const fs::path& data : DataDirSearchPath()) AddUnique(&out, data / "lexicons");
  return out;
}

std::string JoinPaths(const std::vector<fs::path>& dirs) {
  std::string out;
  for (const auto& d : dirs) {
    if (!out.empty()) out += ", ";
    out += d.string();
  }
  return out;
}

std::string DescribeDataDirSearch() {
  std::string out = "share/roost in ";
  const fs::path exe_dir = ExecutableDir();
  out += exe_dir.empty() ? std::string("the executable's folder (unknown)") : exe_dir.string();
  out += " and its parents";
  if (fs::path module_dir = ThisModuleDir(); !module_dir.empty() && module_dir != exe_dir)
    out += ", and in " + module_dir.string() + " and its parents";
  return out;
}

Result<fs::path> FindNodePackage(std::string_view package) {
  const std::vector<fs::path> dirs = LexiconSearchPath();
  for (const auto& dir : dirs) {
    fs::path candidate = dir / std::string(package);
    if (IsDir(candidate)) return candidate;
  }
  return Status::NotFound(
      "data package '" + std::string(package) + "' not found (searched: " +
      (dirs.empty() ? "lexicons/ of " + DescribeDataDirSearch() : JoinPaths(dirs)) +
      "); install roost with its share/roost directory (docs/INSTALL.md), or set ROOST_DATA_DIR");
}

Result<fs::path> FindNodePackageFile(std::string_view package, std::string_view relative_file) {
  ROOST_ASSIGN_OR_RETURN(fs::path dir, FindNodePackage(package));
  fs::path file = dir / std::string(relative_file);
  std::error_code ec;
  if (!fs::is_regular_file(file, ec)) {
    return Status::NotFound("data package file missing: " + file.string());
  }
  return file;
}

}  // namespace roost
