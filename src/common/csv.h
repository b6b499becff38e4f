// CSV as RFC 4180 writes it: a field holding a comma, a double quote, CR or
// LF is enclosed in double quotes, with each double quote inside doubled.
// Lines end in LF (what spreadsheets, DuckDB and pandas all read).
#ifndef ROOST_COMMON_CSV_H_
#define ROOST_COMMON_CSV_H_

#include <string>
#include <string_view>
#include <vector>

namespace roost {

// Appends one field, quoted when it must be.
void AppendCsvField(std::string* out, std::string_view field);
// One record: the fields joined by commas, then "\n".
std::string CsvLine(const std::vector<std::string>& fields);

}  // namespace roost

#endif  // ROOST_COMMON_CSV_H_
