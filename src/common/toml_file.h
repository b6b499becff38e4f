// Reading a TOML settings file (privacy.toml, server.toml, brands.toml) with
// errors that name the file and line. Characters outside the ASCII range are
// refused where TOML allows none (bare keys, numbers, between values)
// before toml++ sees them: Debian's toml++ 3.3.0 reaches undefined
// behaviour on some of them there, so no file may get that far.
#ifndef ROOST_COMMON_TOML_FILE_H_
#define ROOST_COMMON_TOML_FILE_H_

#include <string>
#include <string_view>

#include <toml++/toml.h>

#include "roost/status.h"

namespace roost {

// The parsed table, or kParseError "PATH:LINE: reason" (kNotFound or
// kIoError when the file cannot be read).
Result<toml::table> ParseTomlFile(const std::string& path);

// The same for text already read; `path` names it in errors.
Result<toml::table> ParseTomlText(std::string_view text, const std::string& path);

// "PATH:LINE: " for a node of a parsed file, to begin an error message.
std::string TomlWhere(const std::string& path, const toml::node& node);

}  // namespace roost

#endif  // ROOST_COMMON_TOML_FILE_H_
