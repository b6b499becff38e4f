#include "cli/table.h"

#include <algorithm>

#include "cli/display_width.h"
#include "common/csv.h"

namespace roost::cli {
namespace {

bool LooksNumeric(const std::string& s) {
  if (s.empty()) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || c == ',' || c == '.' || c == '-' || c == '+'; });
}

}  // namespace

std::string Table::Aligned() const {
  std::vector<size_t> width(header_.size(), 0);
  for (size_t c = 0; c < header_.size(); ++c) width[c] = DisplayWidth(header_[c]);
  for (const auto& r : rows_)
    for (size_t c = 0; c < r.size() && c < width.size(); ++c) width[c] = std::max(width[c], DisplayWidth(r[c]));
  auto line = [&](const std::vector<std::string>& cells, bool header) {
    std::string out;
    for (size_t c = 0; c < width.size(); ++c) {
      const std::string cell = c < cells.size() ? cells[c] : "";
      const std::string pad(width[c] - DisplayWidth(cell), ' ');
      const bool right = !header && LooksNumeric(cell);
      out += right ? pad + cell : cell + pad;
      out += c + 1 < width.size() ? "  " : "";
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + "\n";
  };
  std::string out = line(header_, true);
  for (const auto& r : rows_) out += line(r, false);
  return out;
}

std::string Table::Csv() const {
  std::string out = CsvLine(header_);
  for (const auto& r : rows_) out += CsvLine(r);
  return out;
}

}  // namespace roost::cli
