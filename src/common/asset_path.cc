#include "common/asset_path.h"

#include <unistd.h>

#include <cstdlib>
#include <string>
#include <system_error>

namespace roost {
namespace {

namespace fs = std::filesystem;

constexpr int kParentLevels = 4;

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

// `dir/node_modules`, then the same in each parent.
void AddWithParents(std::vector<fs::path>* out, fs::path dir) {
  for (int i = 0; i <= kParentLevels && !dir.empty(); ++i) {
    AddUnique(out, dir / "node_modules");
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

}  // namespace

std::vector<fs::path> NodeModulesSearchPath() {
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
  if (fs::path exe_dir = ExecutableDir(); !exe_dir.empty()) AddWithParents(&out, exe_dir);
  std::error_code ec;
  if (fs::path cwd = fs::current_path(ec); !ec) AddWithParents(&out, cwd);
  return out;
}

Result<fs::path> FindNodePackage(std::string_view package) {
  std::string tried;
  for (const auto& dir : NodeModulesSearchPath()) {
    fs::path candidate = dir / std::string(package);
    if (IsDir(candidate)) return candidate;
    if (!tried.empty()) tried += ", ";
    tried += dir.string();
  }
  return Status::NotFound("npm package '" + std::string(package) +
                          "' not found (set ROOST_LEXICON_DIR or ROOST_SOURCE_DIR; searched: " +
                          (tried.empty() ? std::string("no node_modules directory") : tried) +
                          ")");
}

Result<fs::path> FindNodePackageFile(std::string_view package, std::string_view relative_file) {
  ROOST_ASSIGN_OR_RETURN(fs::path dir, FindNodePackage(package));
  fs::path file = dir / std::string(relative_file);
  std::error_code ec;
  if (!fs::is_regular_file(file, ec)) {
    return Status::NotFound("npm package file missing: " + file.string());
  }
  return file;
}

}  // namespace roost
