#include "io/input_files.h"

#include <algorithm>
#include <filesystem>

namespace roost {

namespace fs = std::filesystem;

Result<std::vector<std::string>> ExpandInputs(const std::vector<std::string>& inputs) {
  std::vector<std::string> files;
  for (const std::string& input : inputs) {
    if (input == "-") {
      files.push_back(input);
      continue;
    }
    std::error_code ec;
    fs::file_status st = fs::status(input, ec);
    if (ec || !fs::exists(st)) return Status::NotFound("input " + input + ": no such file or directory");
    if (!fs::is_directory(st)) {
      files.push_back(input);
      continue;
    }
    std::vector<std::string> found;
    fs::recursive_directory_iterator it(input, fs::directory_options::follow_directory_symlink, ec);
    if (ec) return Status::IoError("cannot list " + input + ": " + ec.message());
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (ec) return Status::IoError("cannot list " + input + ": " + ec.message());
      const fs::path& p = it->path();
      if (p.filename().string().starts_with(".")) {
        if (it->is_directory()) it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file()) found.push_back(p.string());
    }
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

}  // namespace roost
