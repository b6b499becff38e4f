#include "analysis/detect/series.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string_view>

#include "common/time_parse.h"

namespace roost::detect {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  if (s.size() >= 2 && s.front() == '"' && s.back() == '"') s = s.substr(1, s.size() - 2);
  return s;
}

bool ParseDouble(std::string_view s, double* out) {
  if (s.empty()) return false;
  std::string copy(s);
  char* end = nullptr;
  errno = 0;
  double v = std::strtod(copy.c_str(), &end);
  if (errno != 0 || end != copy.c_str() + copy.size() || !std::isfinite(v)) return false;
  *out = v;
  return true;
}

}  // namespace

Result<Series> ParseSeriesCsv(const std::string& text, const std::string& name) {
  Series series;
  size_t line_no = 0;
  size_t pos = 0;
  bool seen_row = false;
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string::npos) eol = text.size();
    std::string_view line(text.data() + pos, eol - pos);
    pos = eol + 1;
    ++line_no;
    if (Trim(line).empty()) continue;
    auto where = [&] { return name + ":" + std::to_string(line_no) + ": "; };
    size_t comma = line.find(',');
    if (comma == std::string_view::npos)
      return Status::ParseError(where() + "expected 'timestamp,value'");
    std::string_view ts = Trim(line.substr(0, comma));
    std::string_view rest = line.substr(comma + 1);
    // Extra columns are allowed (e.g. a previous detector's output).
    size_t comma2 = rest.find(',');
    std::string_view val = Trim(comma2 == std::string_view::npos ? rest : rest.substr(0, comma2));
    double v;
    bool value_ok = ParseDouble(val, &v);
    if (!seen_row && !value_ok && series.size() == 0) {
      seen_row = true;  // header line
      continue;
    }
    seen_row = true;
    if (!value_ok) return Status::ParseError(where() + "bad value '" + std::string(val) + "'");
    auto t = ParseIsoTime(ts);
    if (!t) return Status::ParseError(where() + "bad timestamp '" + std::string(ts) + "'");
    if (!series.times.empty() && *t <= series.times.back())
      return Status::ParseError(where() + "timestamp '" + std::string(ts) +
                                "' is not after the previous row");
    series.times.push_back(*t);
    series.values.push_back(v);
  }
  return series;
}

Result<Series> ReadSeriesCsv(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::FromErrno("open", path);
  std::stringstream buf;
  buf << in.rdbuf();
  if (in.bad()) return Status::FromErrno("read", path);
  return ParseSeriesCsv(buf.str(), path);
}

}  // namespace roost::detect
