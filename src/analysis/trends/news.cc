#include "analysis/trends/news.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "common/time_parse.h"

namespace roost::trends {
namespace {

std::string Lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

// One CSV record's fields ("..." quoting with "" escapes).
std::vector<std::string> SplitCsv(const std::string& line) {
  std::vector<std::string> out(1);
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        out.back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        out.back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      out.emplace_back();
    } else if (c != '\r') {
      out.back() += c;
    }
  }
  return out;
}

}  // namespace

Result<std::vector<NewsItem>> ParseNewsCsv(const std::string& text, const std::string& name) {
  std::vector<NewsItem> items;
  std::istringstream in(text);
  std::string line;
  size_t n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.empty() || (n == 1 && line.rfind("time,", 0) == 0)) continue;
    const auto f = SplitCsv(line);
    if (f.size() < 4) return Status::InvalidArgument(name + ":" + std::to_string(n) + ": expected time,headline,url,keywords");
    const auto t = ParseIsoTime(f[0]);
    if (!t) return Status::InvalidArgument(name + ":" + std::to_string(n) + ": bad time '" + f[0] + "'");
    NewsItem item{*t, f[1], f[2], {}};
    std::stringstream ks(f[3]);
    std::string k;
    while (std::getline(ks, k, ';'))
      if (!k.empty()) item.keywords.push_back(Lower(k));
    items.push_back(std::move(item));
  }
  return items;
}

Result<std::vector<NewsItem>> ReadNewsCsv(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot read news file " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ParseNewsCsv(ss.str(), path);
}

std::vector<std::string> MatchedKeywords(const NewsItem& item, const std::vector<std::string>& terms) {
  std::vector<std::string> lower;
  for (const auto& t : terms) lower.push_back(Lower(t));
  std::vector<std::string> out;
  for (const auto& k : item.keywords)
    if (std::find(lower.begin(), lower.end(), k) != lower.end()) out.push_back(k);
  return out;
}

}  // namespace roost::trends
