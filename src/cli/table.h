// Table: rows of cells printed as an aligned terminal table (numbers right
// aligned) or as CSV (RFC 4180 quoting).
#ifndef ROOST_CLI_TABLE_H_
#define ROOST_CLI_TABLE_H_

#include <string>
#include <vector>

namespace roost::cli {

class Table {
 public:
  explicit Table(std::vector<std::string> header) : header_(std::move(header)) {}
  void AddRow(std::vector<std::string> cells) { rows_.push_back(std::move(cells)); }
  size_t rows() const { return rows_.size(); }
  std::string Aligned() const;
  std::string Csv() const;

 private:
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace roost::cli

#endif  // ROOST_CLI_TABLE_H_
