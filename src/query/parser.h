// Parses a filter into a bound Query tree. Two syntaxes, one tree:
//   CSDL:  interaction.content contains "rugby" and not language.tag == "en"
//   rules: #rugby (from:alice OR @bob) -lang:en "coupe du monde"
// A filter is CSDL when its first predicate starts with a target (known, dotted,
// or a near-miss of a known one) followed by an operator; otherwise it is a
// rule. Errors are kInvalidArgument with "line L, column C: ..." and, for a
// misspelt target or operator, a "did you mean" suggestion.
#ifndef ROOST_QUERY_PARSER_H_
#define ROOST_QUERY_PARSER_H_

#include <string>
#include <string_view>

#include "query/ast.h"
#include "roost/status.h"

namespace roost::query {

inline constexpr size_t kMaxQueryBytes = 64 * 1024;
inline constexpr int kMaxDepth = 64;

// Where a parse failed (1-based), for tests and editors.
struct ParseErrorInfo {
  int line = 0, column = 0;
  std::string expected;    // what the parser wanted there
  std::string suggestion;  // closest known word, or ""
};

Result<Query> ParseQuery(std::string_view text, ParseErrorInfo* error = nullptr);
// The same for a filter embedded in a larger text (a tag file's braces):
// positions in errors count from `line`, `column`, where `text` starts.
Result<Query> ParseQueryAt(std::string_view text, int line, int column, ParseErrorInfo* error = nullptr);

}  // namespace roost::query

#endif  // ROOST_QUERY_PARSER_H_
