#include "storage/no_archive.h"

#include <algorithm>
#include <filesystem>
#include <vector>

namespace roost::storage {

namespace fs = std::filesystem;

Status NoArchiveAt(const std::string& dir) {
  std::error_code ec;
  const fs::file_status st = fs::status(dir, ec);
  if (!fs::exists(st)) return Status::NotFound("no archive at " + dir + " (no such directory)");
  if (!fs::is_directory(st))
    return Status::NotFound("no archive at " + dir + " (a file, not a directory)");
  // One level only: an archive is a directory with a MANIFEST, and looking
  // deeper would walk a data folder of thousands of input files.
  std::vector<std::string> archives;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code sub_ec;
    if (it->is_directory(sub_ec) && fs::is_regular_file(it->path() / "MANIFEST", sub_ec))
      archives.push_back((fs::path(dir) / it->path().filename()).string());
  }
  std::sort(archives.begin(), archives.end());  // directory order is arbitrary
  if (archives.empty()) return Status::NotFound("no archive at " + dir + " (no MANIFEST in it)");
  if (archives.size() == 1)
    return Status::NotFound(dir + " holds no archive; " + archives[0] + " is one: use --archive " +
                            archives[0]);
  std::string list;
  for (size_t i = 0; i < archives.size() && i < 3; ++i) list += (i ? ", " : "") + archives[i];
  if (archives.size() > 3) list += ", ...";
  return Status::NotFound(dir + " holds no archive; these folders in it are archives: " + list +
                          " (use --archive with one of them)");
}

}  // namespace roost::storage
