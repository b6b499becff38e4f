#include "common/toml_file.h"

#include <fstream>
#include <sstream>

namespace roost {
namespace {

// The line of the first byte >= 0x80 outside a string or a comment, or 0.
size_t LineOfStrayNonAscii(std::string_view t) {
  size_t line = 1;
  for (size_t i = 0; i < t.size(); ++i) {
    const char c = t[i];
    if (c == '\n') {
      ++line;
    } else if (c == '#') {
      while (i + 1 < t.size() && t[i + 1] != '\n') ++i;
    } else if (c == '"' || c == '\'') {
      const bool multi = t.compare(i, 3, std::string(3, c)) == 0;
      const std::string close = multi ? std::string(3, c) : std::string(1, c);
      i += close.size();
      for (; i < t.size(); ++i) {
        if (t[i] == '\n') {
          if (!multi) return 0;  // toml++ refuses the unclosed string itself
          ++line;
        } else if (c == '"' && t[i] == '\\') {
          ++i;  // an escaped character, maybe a quote
          if (i < t.size() && t[i] == '\n') ++line;
        } else if (t.compare(i, close.size(), close) == 0) {
          i += close.size() - 1;
          break;
        }
      }
    } else if (static_cast<unsigned char>(c) >= 0x80) {
      return line;
    }
  }
  return 0;
}

}  // namespace

Result<toml::table> ParseTomlText(std::string_view text, const std::string& path) {
  if (const size_t line = LineOfStrayNonAscii(text); line != 0)
    return Status::ParseError(path + ":" + std::to_string(line) +
                              ": a character outside ASCII where only keys, numbers and punctuation may be "
                              "(quote keys and values that need one)");
  try {
    return toml::parse(text, path);
  } catch (const toml::parse_error& e) {
    return Status::ParseError(path + ":" + std::to_string(e.source().begin.line) + ": " +
                              std::string(e.description()));
  }
}

Result<toml::table> ParseTomlFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot open " + path);
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return Status::IoError("cannot read " + path);
  return ParseTomlText(text.str(), path);
}

std::string TomlWhere(const std::string& path, const toml::node& node) {
  return path + ":" + std::to_string(node.source().begin.line) + ": ";
}

}  // namespace roost
