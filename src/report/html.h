// Small pieces of HTML text shared by the report's sections.
#ifndef ROOST_REPORT_HTML_H_
#define ROOST_REPORT_HTML_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace roost::report {

// `s` with &, <, >, " and ' escaped, safe in text and in quoted attributes.
// Invalid UTF-8 bytes become U+FFFD so a hostile label cannot break the page.
std::string HtmlEscape(std::string_view s);

// 1234567 -> "1,234,567".
std::string GroupedCount(uint64_t n);

// 0.4213 -> "+0.42", -0.1 -> "-0.10".
std::string SignedTwoDecimals(double v);

// 0.123 -> "12.3%".
std::string Percent(double share);

}  // namespace roost::report

#endif  // ROOST_REPORT_HTML_H_
