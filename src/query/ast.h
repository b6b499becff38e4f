// The query tree both syntaxes (CSDL and PowerTrack-style rules) compile to.
// Targets are resolved while parsing (targets.h), so a tree that exists is
// bound: every predicate names a known target and an operator it accepts.
#ifndef ROOST_QUERY_AST_H_
#define ROOST_QUERY_AST_H_

#include <memory>
#include <string>
#include <vector>

#include "query/targets.h"

namespace roost::query {

enum class Op {
  kContains, kContainsAny, kContainsAll, kContainsNear, kSubstr, kWildcard, kRegexPartial,
  kRegexExact, kIn, kEq, kNe, kLt, kLe, kGt, kGe, kExists, kUrlIn, kGeoBox, kGeoRadius, kGeoPolygon,
};
const char* OpName(Op op);

struct Predicate {
  const TargetInfo* target = nullptr;
  Op op = Op::kExists;
  bool cs = false;      // case-sensitive (and accent-sensitive) text matching
  std::string value;    // the argument as written (unquoted); empty for exists
  int line = 0, column = 0;
};

struct Node {
  enum Kind { kAnd, kOr, kNot, kPred };
  Kind kind = kPred;
  int id = 0;  // index into per-node statistics, 0..Query::node_count-1
  std::vector<std::unique_ptr<Node>> children;
  Predicate pred;
};

struct Query {
  std::unique_ptr<Node> root;
  int node_count = 0;
  bool shorthand = false;  // parsed as a PowerTrack-style rule
  // Canonical CSDL text of the tree (fully parenthesised); parses back to
  // the same tree.
  std::string ToString() const;
};

std::string NodeToString(const Node& node);
// One line for explain: "text contains \"x\"", "AND", ...
std::string NodeLabel(const Node& node);

}  // namespace roost::query

#endif  // ROOST_QUERY_AST_H_
