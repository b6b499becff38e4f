// Expands the inputs a user names (files, directories, "-") into the list
// of files to read, in a stable order.
#ifndef ROOST_IO_INPUT_FILES_H_
#define ROOST_IO_INPUT_FILES_H_

#include <string>
#include <vector>

#include "roost/status.h"

namespace roost {

// Directories are walked recursively (symlinks followed); files inside a
// directory are sorted by path so runs are reproducible; hidden files
// (name starting with '.') inside directories are skipped. "-" stays "-"
// (standard input). A path that does not exist is a kNotFound error.
Result<std::vector<std::string>> ExpandInputs(const std::vector<std::string>& inputs);

}  // namespace roost

#endif  // ROOST_IO_INPUT_FILES_H_
