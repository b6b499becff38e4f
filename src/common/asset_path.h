// Where run-time data files (sentiment lexicons, stopword lists, sentiment
// models) live. One search order for every module, so the CLI, the tests, the
// benchmarks and an installed roost all find the same files without
// configuration.
//
// The data directory, `share/roost`, holds:
//   lexicons/<npm package>/...   the files Roost reads from pinned npm packages
//   models/sentiment/*.rsm       the learned sentiment models
//   dashboard/                   the web dashboard (installs only)
// The build fills <build dir>/share/roost from node_modules/ and models/;
// `cmake --install` copies it to PREFIX/share/roost beside PREFIX/bin/roost
// (docs/INSTALL.md).
#ifndef ROOST_COMMON_ASSET_PATH_H_
#define ROOST_COMMON_ASSET_PATH_H_

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "roost/status.h"

namespace roost {

// Candidate data directories, first match wins:
//   1. $ROOST_DATA_DIR;
//   2. share/roost in the directory of the running executable and in each of
//      its parents up to 5 levels up: build/release/roost finds
//      build/release/share/roost, PREFIX/bin/roost finds PREFIX/share/roost,
//      build/release/src/enrich/enrich_tests finds build/release/share/roost;
//   3. the same from the directory of the shared object holding this code,
//      when it is not the executable (a language binding loaded by an
//      interpreter).
// Only directories that exist are returned; duplicates are removed.
std::vector<std::filesystem::path> DataDirSearchPath();

// Directories that may hold the npm data packages, in the order searched:
//   1. $ROOST_LEXICON_DIR (a node_modules directory, or a directory holding one)
//   2. $ROOST_SOURCE_DIR/node_modules (a checkout, as the test runner sets it)
//   3. lexicons/ in each DataDirSearchPath() directory
// Only directories that exist are returned; duplicates are removed.
std::vector<std::filesystem::path> LexiconSearchPath();

// The first `<dir>/<package>` that exists along LexiconSearchPath(), e.g.
// FindNodePackage("stopwords-iso"). NotFound (listing the places tried) when
// no candidate exists.
Result<std::filesystem::path> FindNodePackage(std::string_view package);

// FindNodePackage(package) / relative_file, NotFound when that file is absent.
Result<std::filesystem::path> FindNodePackageFile(std::string_view package,
                                                  std::string_view relative_file);

// The places in `dirs` as one comma-separated string, for NotFound messages.
std::string JoinPaths(const std::vector<std::filesystem::path>& dirs);

// Where DataDirSearchPath() looks, for NotFound messages even when nothing
// there exists: "share/roost in /opt/roost/bin and its parents".
std::string DescribeDataDirSearch();

}  // namespace roost

#endif  // ROOST_COMMON_ASSET_PATH_H_
