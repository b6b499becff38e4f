#include "query/ast.h"

namespace roost::query {
namespace {

std::string Quote(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

// Numbers (and booleans) compared with numeric targets print bare, as
// written: `author.followers >= 1000`. Anything else (times in ISO form,
// lists for `in`) stays quoted.
bool PrintBare(const Predicate& p) {
  const TargetKind k = p.target->kind;
  if (p.op == Op::kIn || p.value.empty()) return false;
  if (k == TargetKind::kBool) return p.value == "true" || p.value == "false";
  if (k != TargetKind::kInt && k != TargetKind::kTime && k != TargetKind::kFloat) return false;
  size_t i = p.value[0] == '-' ? 1 : 0;
  bool digits = false, dot = false;
  for (; i < p.value.size(); ++i) {
    const char c = p.value[i];
    if (c >= '0' && c <= '9') digits = true;
    else if (c == '.' && !dot && digits) dot = true;
    else return false;
  }
  return digits && p.value.back() != '.';
}

}  // namespace

std::string NodeLabel(const Node& n) {
  switch (n.kind) {
    case Node::kAnd: return "AND";
    case Node::kOr: return "OR";
    case Node::kNot: return "NOT";
    case Node::kPred: break;
  }
  std::string s = n.pred.target->name;
  if (n.pred.cs) s += " cs";
  s += " ";
  s += OpName(n.pred.op);
  if (n.pred.op != Op::kExists) s += " " + (PrintBare(n.pred) ? n.pred.value : Quote(n.pred.value));
  return s;
}

std::string NodeToString(const Node& n) {
  switch (n.kind) {
    case Node::kPred: return NodeLabel(n);
    case Node::kNot: return "not " + NodeToString(*n.children[0]);
    case Node::kAnd:
    case Node::kOr: {
      std::string s = "(";
      for (size_t i = 0; i < n.children.size(); ++i) {
        if (i) s += n.kind == Node::kAnd ? " and " : " or ";
        s += NodeToString(*n.children[i]);
      }
      return s + ")";
    }
  }
  return "";
}

std::string Query::ToString() const { return root ? NodeToString(*root) : ""; }

}  // namespace roost::query
