// Literal strings every match of an RE2 pattern must contain, found by a
// deliberately small reader of the pattern: runs of plain characters on the
// top level of the pattern. Anything it does not fully understand (a
// top-level '|', flags such as (?i), \Q...\E) gives no literals, which only
// costs speed: the executor then runs RE2 on every row. The executor looks
// for a literal in a whole decompressed granule at once (memmem) and runs RE2
// only on the rows that hold all of them.
#ifndef ROOST_QUERY_REGEX_LITERALS_H_
#define ROOST_QUERY_REGEX_LITERALS_H_

#include <string>
#include <string_view>
#include <vector>

namespace roost::query {

// Byte strings that occur (case-sensitively) in every string the pattern
// matches, in pattern order; empty when none can be proven.
std::vector<std::string> RequiredLiterals(std::string_view pattern);

}  // namespace roost::query

#endif  // ROOST_QUERY_REGEX_LITERALS_H_
