#include "query/parser.h"

#include <cctype>
#include <cstdlib>

#include "query/value_parse.h"

namespace roost::query {
namespace {

struct OpName_ {
  const char* name;
  Op op;
};
const OpName_ kOps[] = {
    {"contains", Op::kContains},        {"contains_any", Op::kContainsAny}, {"contains_all", Op::kContainsAll},
    {"contains_near", Op::kContainsNear}, {"substr", Op::kSubstr},        {"wildcard", Op::kWildcard},
    {"regex_partial", Op::kRegexPartial}, {"regex_exact", Op::kRegexExact}, {"in", Op::kIn},
    {"==", Op::kEq},                    {"!=", Op::kNe},                    {"<", Op::kLt},
    {"<=", Op::kLe},                    {">", Op::kGt},                     {">=", Op::kGe},
    {"exists", Op::kExists},            {"url_in", Op::kUrlIn},             {"geo_box", Op::kGeoBox},
    {"geo_radius", Op::kGeoRadius},     {"geo_polygon", Op::kGeoPolygon},
};

bool IsWordOp(std::string_view s, Op* op) {
  for (const OpName_& o : kOps)
    if (s == o.name) {
      if (op) *op = o.op;
      return true;
    }
  return false;
}

std::vector<std::string> OpWords() {
  std::vector<std::string> v;
  for (const OpName_& o : kOps)
    if (std::isalpha(static_cast<unsigned char>(o.name[0]))) v.push_back(o.name);
  return v;
}

bool IEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  return true;
}

bool IsTextKind(TargetKind k) {
  return k == TargetKind::kText || k == TargetKind::kString || k == TargetKind::kDim || k == TargetKind::kMultiDim;
}

// Whether `op` applies to a target of kind `k`.
bool OpApplies(Op op, const TargetInfo& t) {
  const TargetKind k = t.kind;
  switch (op) {
    case Op::kExists:
      return true;
    case Op::kContains: case Op::kContainsAny: case Op::kContainsAll: case Op::kContainsNear:
    case Op::kSubstr: case Op::kWildcard: case Op::kRegexPartial: case Op::kRegexExact:
      return IsTextKind(k);
    case Op::kEq: case Op::kNe:
      return k != TargetKind::kGeo;
    case Op::kIn:
      return k != TargetKind::kGeo && k != TargetKind::kBool;
    case Op::kLt: case Op::kLe: case Op::kGt: case Op::kGe:
      return k == TargetKind::kInt || k == TargetKind::kTime || k == TargetKind::kFloat;
    case Op::kUrlIn:
      return std::string_view(t.column) == "urls";
    case Op::kGeoBox: case Op::kGeoRadius: case Op::kGeoPolygon:
      return k == TargetKind::kGeo;
  }
  return false;
}

bool IsTextOp(Op op) {
  switch (op) {
    case Op::kContains: case Op::kContainsAny: case Op::kContainsAll: case Op::kContainsNear:
    case Op::kSubstr: case Op::kWildcard: case Op::kRegexPartial: case Op::kRegexExact: case Op::kEq:
    case Op::kNe: case Op::kIn:
      return true;
    default:
      return false;
  }
}

struct Tok {
  enum Kind { kIdent, kString, kNumber, kSymbol, kEnd };
  Kind kind = kEnd;
  std::string text;
  int line = 1, column = 1;
};

class Failure {
 public:
  explicit Failure(ParseErrorInfo* out) : out_(out) {}
  Status Fail(int line, int column, const std::string& what, const std::string& expected,
              const std::string& suggestion = "") {
    if (out_) *out_ = {line, column, expected, suggestion};
    std::string m = "line " + std::to_string(line) + ", column " + std::to_string(column) + ": " + what;
    if (!expected.empty()) m += " (expected " + expected + ")";
    if (!suggestion.empty()) m += "; did you mean '" + suggestion + "'?";
    return Status::InvalidArgument(m);
  }

 private:
  ParseErrorInfo* out_;
};

// ---- CSDL lexer ----
Status LexCsdl(std::string_view s, int line, int col, std::vector<Tok>* out, Failure* f) {
  size_t i = 0;
  auto advance = [&](size_t n) {
    for (size_t k = 0; k < n && i < s.size(); ++k, ++i) {
      if (s[i] == '\n') ++line, col = 1;
      else if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) ++col;
    }
  };
  while (i < s.size()) {
    const char c = s[i];
    if (std::isspace(static_cast<unsigned char>(c))) { advance(1); continue; }
    if (s.substr(i, 2) == "//") {
      while (i < s.size() && s[i] != '\n') advance(1);
      continue;
    }
    if (s.substr(i, 2) == "/*") {
      const int l0 = line, c0 = col;
      const size_t end = s.find("*/", i + 2);
      if (end == std::string_view::npos) return f->Fail(l0, c0, "unterminated comment", "'*/'");
      advance(end + 2 - i);
      continue;
    }
    Tok t;
    t.line = line, t.column = col;
    if (c == '"' || c == '\'') {
      t.kind = Tok::kString;
      size_t j = i + 1;
      bool closed = false;
      while (j < s.size()) {
        if (s[j] == '\\' && j + 1 < s.size()) { t.text += s[j + 1]; j += 2; continue; }
        if (s[j] == c) { closed = true; break; }
        t.text += s[j++];
      }
      if (!closed) return f->Fail(t.line, t.column, "unterminated string", std::string("a closing ") + c);
      advance(j + 1 - i);
    } else if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
      t.kind = Tok::kIdent;
      size_t j = i;
      while (j < s.size() && (std::isalnum(static_cast<unsigned char>(s[j])) || s[j] == '_' || s[j] == '.')) ++j;
      t.text = std::string(s.substr(i, j - i));
      advance(j - i);
    } else if (std::isdigit(static_cast<unsigned char>(c)) ||
               (c == '-' && i + 1 < s.size() && std::isdigit(static_cast<unsigned char>(s[i + 1])))) {
      t.kind = Tok::kNumber;
      size_t j = i + 1;
      while (j < s.size() && (std::isalnum(static_cast<unsigned char>(s[j])) || s[j] == '.' || s[j] == ':' ||
                              s[j] == '-' || s[j] == '+'))
        ++j;
      t.text = std::string(s.substr(i, j - i));
      advance(j - i);
    } else {
      static const char* kSyms[] = {"==", "!=", "<=", ">=", "<", ">", "(", ")", "="};
      bool found = false;
      for (const char* sym : kSyms) {
        if (s.substr(i, std::char_traits<char>::length(sym)) == sym) {
          t.kind = Tok::kSymbol;
          t.text = sym;
          advance(t.text.size());
          found = true;
          break;
        }
      }
      if (!found) return f->Fail(line, col, std::string("unexpected character '") + c + "'", "a target, operator or value");
    }
    out->push_back(std::move(t));
  }
  Tok end;
  end.line = line, end.column = col;
  out->push_back(end);
  return Status::Ok();
}

std::unique_ptr<Node> MakeNode(Node::Kind kind) {
  auto n = std::make_unique<Node>();
  n->kind = kind;
  return n;
}

std::unique_ptr<Node> MakePred(const char* target, Op op, std::string value, int line, int col) {
  auto n = MakeNode(Node::kPred);
  n->pred.target = FindTarget(target);
  n->pred.op = op;
  n->pred.value = std::move(value);
  n->pred.line = line, n->pred.column = col;
  return n;
}

// ---- CSDL parser ----
class CsdlParser {
 public:
  CsdlParser(std::vector<Tok> toks, Failure* f) : t_(std::move(toks)), f_(f) {}

  Result<std::unique_ptr<Node>> Parse() {
    ROOST_ASSIGN_OR_RETURN(auto root, ParseOr(0));
    if (Peek().kind != Tok::kEnd) {
      const Tok& t = Peek();
      return f_->Fail(t.line, t.column, "unexpected '" + t.text + "'", "'and', 'or' or the end of the filter");
    }
    return root;
  }

 private:
  const Tok& Peek() const { return t_[pos_]; }
  bool IsKeyword(const char* kw) const { return Peek().kind == Tok::kIdent && IEquals(Peek().text, kw); }

  Result<std::unique_ptr<Node>> ParseOr(int depth) {
    ROOST_ASSIGN_OR_RETURN(auto left, ParseAnd(depth));
    if (!IsKeyword("or")) return left;
    auto n = MakeNode(Node::kOr);
    n->children.push_back(std::move(left));
    while (IsKeyword("or")) {
      ++pos_;
      ROOST_ASSIGN_OR_RETURN(auto right, ParseAnd(depth));
      n->children.push_back(std::move(right));
    }
    return n;
  }
  Result<std::unique_ptr<Node>> ParseAnd(int depth) {
    ROOST_ASSIGN_OR_RETURN(auto left, ParseUnary(depth));
    if (!IsKeyword("and")) return left;
    auto n = MakeNode(Node::kAnd);
    n->children.push_back(std::move(left));
    while (IsKeyword("and")) {
      ++pos_;
      ROOST_ASSIGN_OR_RETURN(auto right, ParseUnary(depth));
      n->children.push_back(std::move(right));
    }
    return n;
  }
  Result<std::unique_ptr<Node>> ParseUnary(int depth) {
    const Tok& t = Peek();
    if (depth >= kMaxDepth)
      return f_->Fail(t.line, t.column, "filter nested deeper than " + std::to_string(kMaxDepth) + " levels", "");
    if (IsKeyword("not")) {
      ++pos_;
      ROOST_ASSIGN_OR_RETURN(auto child, ParseUnary(depth + 1));
      auto n = MakeNode(Node::kNot);
      n->children.push_back(std::move(child));
      return n;
    }
    if (t.kind == Tok::kSymbol && t.text == "(") {
      ++pos_;
      ROOST_ASSIGN_OR_RETURN(auto inner, ParseOr(depth + 1));
      const Tok& c = Peek();
      if (!(c.kind == Tok::kSymbol && c.text == ")"))
        return f_->Fail(c.line, c.column, c.kind == Tok::kEnd ? "unclosed '('" : "unexpected '" + c.text + "'", "')'");
      ++pos_;
      return inner;
    }
    return ParsePredicate();
  }

  Result<std::unique_ptr<Node>> ParsePredicate() {
    const Tok target = Peek();
    if (target.kind != Tok::kIdent)
      return f_->Fail(target.line, target.column,
                      target.kind == Tok::kEnd ? "unexpected end of filter" : "unexpected '" + target.text + "'",
                      "a target");
    const TargetInfo* info = FindTarget(target.text);
    if (info == nullptr)
      return f_->Fail(target.line, target.column, "unknown target '" + target.text + "'", "a target",
                      Suggest(target.text, AllTargetNames()));
    ++pos_;
    auto n = MakeNode(Node::kPred);
    Predicate& p = n->pred;
    p.target = info;
    p.line = target.line, p.column = target.column;
    if (IsKeyword("cs")) {
      p.cs = true;
      ++pos_;
    }
    const Tok op = Peek();
    Op parsed;
    if (!((op.kind == Tok::kIdent || op.kind == Tok::kSymbol) && IsWordOp(Lower(op.text), &parsed))) {
      std::string suggestion;
      if (op.kind == Tok::kIdent) suggestion = Suggest(Lower(op.text), OpWords());
      if (op.kind == Tok::kSymbol && op.text == "=") suggestion = "==";
      return f_->Fail(op.line, op.column,
                      op.kind == Tok::kEnd ? "unexpected end of filter" : "unknown operator '" + op.text + "'",
                      "an operator after '" + target.text + "'", suggestion);
    }
    if (!OpApplies(parsed, *info))
      return f_->Fail(op.line, op.column,
                      std::string("operator '") + OpName(parsed) + "' does not apply to target '" + info->name + "'",
                      "an operator for this target");
    if (p.cs && !IsTextOp(parsed))
      return f_->Fail(op.line, op.column, std::string("'cs' does not apply to operator '") + OpName(parsed) + "'",
                      "a text operator after 'cs'");
    ++pos_;
    p.op = parsed;
    if (parsed == Op::kExists) return n;
    const Tok v = Peek();
    if (v.kind == Tok::kString || v.kind == Tok::kNumber ||
        (v.kind == Tok::kIdent && (IEquals(v.text, "true") || IEquals(v.text, "false")))) {
      p.value = v.text;
    } else {
      return f_->Fail(v.line, v.column, v.kind == Tok::kEnd ? "unexpected end of filter" : "unexpected '" + v.text + "'",
                      "a value after '" + op.text + "'");
    }
    ++pos_;
    std::string why;
    if (!ValidateValue(p, &why)) return f_->Fail(v.line, v.column, "bad value: " + why, "a valid value");
    return n;
  }

  static std::string Lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  }

  std::vector<Tok> t_;
  size_t pos_ = 0;
  Failure* f_;
};

// ---- Rule (PowerTrack-style) lexer and parser ----
struct RTok {
  enum Kind { kWord, kPhrase, kLParen, kRParen, kOr, kNeg, kEnd };
  Kind kind = kEnd;
  std::string text;   // word or phrase; for "key:" words, the key with ':'
  std::string value;  // for key:"quoted value"
  int line = 1, column = 1;
};

Status LexRule(std::string_view s, int line, int col, std::vector<RTok>* out, Failure* f) {
  size_t i = 0;
  auto advance = [&](size_t n) {
    for (size_t k = 0; k < n && i < s.size(); ++k, ++i) {
      if (s[i] == '\n') ++line, col = 1;
      else if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) ++col;
    }
  };
  auto quoted = [&](RTok* t) -> Status {
    const int l0 = line, c0 = col;
    const size_t end = s.find('"', i + 1);
    if (end == std::string_view::npos) return f->Fail(l0, c0, "unterminated phrase", "a closing \"");
    t->value = std::string(s.substr(i + 1, end - i - 1));
    advance(end + 1 - i);
    return Status::Ok();
  };
  while (i < s.size()) {
    const char c = s[i];
    if (std::isspace(static_cast<unsigned char>(c))) { advance(1); continue; }
    RTok t;
    t.line = line, t.column = col;
    if (c == '(') { t.kind = RTok::kLParen; advance(1); }
    else if (c == ')') { t.kind = RTok::kRParen; advance(1); }
    else if (c == '-' && i + 1 < s.size() && !std::isspace(static_cast<unsigned char>(s[i + 1]))) {
      t.kind = RTok::kNeg;
      advance(1);
    } else if (c == '"') {
      t.kind = RTok::kPhrase;
      ROOST_RETURN_IF_ERROR(quoted(&t));
      t.text = t.value;
    } else {
      t.kind = RTok::kWord;
      size_t j = i;
      while (j < s.size() && !std::isspace(static_cast<unsigned char>(s[j])) && s[j] != '(' && s[j] != ')' &&
             s[j] != '"')
        ++j;
      t.text = std::string(s.substr(i, j - i));
      advance(j - i);
      if (t.text == "OR") t.kind = RTok::kOr;
      else if (t.text.back() == ':' && i < s.size() && s[i] == '"') ROOST_RETURN_IF_ERROR(quoted(&t));
    }
    out->push_back(std::move(t));
  }
  RTok end;
  end.line = line, end.column = col;
  out->push_back(end);
  return Status::Ok();
}

const char* kRuleKeys[] = {"from", "to", "lang", "place_country", "place", "has", "is", "url", "bio", "bio_location",
                           "source"};

class RuleParser {
 public:
  RuleParser(std::vector<RTok> toks, Failure* f) : t_(std::move(toks)), f_(f) {}

  Result<std::unique_ptr<Node>> Parse() {
    ROOST_ASSIGN_OR_RETURN(auto root, ParseOr(0));
    if (Peek().kind != RTok::kEnd) return f_->Fail(Peek().line, Peek().column, "unexpected ')'", "a term or the end");
    return root;
  }

 private:
  const RTok& Peek() const { return t_[pos_]; }

  Result<std::unique_ptr<Node>> ParseOr(int depth) {
    ROOST_ASSIGN_OR_RETURN(auto left, ParseAnd(depth));
    if (Peek().kind != RTok::kOr) return left;
    auto n = MakeNode(Node::kOr);
    n->children.push_back(std::move(left));
    while (Peek().kind == RTok::kOr) {
      ++pos_;
      ROOST_ASSIGN_OR_RETURN(auto right, ParseAnd(depth));
      n->children.push_back(std::move(right));
    }
    return n;
  }
  Result<std::unique_ptr<Node>> ParseAnd(int depth) {
    std::vector<std::unique_ptr<Node>> parts;
    while (Peek().kind != RTok::kEnd && Peek().kind != RTok::kOr && Peek().kind != RTok::kRParen) {
      ROOST_ASSIGN_OR_RETURN(auto part, ParseUnary(depth));
      parts.push_back(std::move(part));
    }
    if (parts.empty()) {
      const RTok& t = Peek();
      return f_->Fail(t.line, t.column, t.kind == RTok::kEnd ? "unexpected end of rule" : "unexpected token",
                      "a term");
    }
    if (parts.size() == 1) return std::move(parts[0]);
    auto n = MakeNode(Node::kAnd);
    n->children = std::move(parts);
    return n;
  }
  Result<std::unique_ptr<Node>> ParseUnary(int depth) {
    const RTok t = Peek();
    if (depth >= kMaxDepth)
      return f_->Fail(t.line, t.column, "rule nested deeper than " + std::to_string(kMaxDepth) + " levels", "");
    if (t.kind == RTok::kNeg) {
      ++pos_;
      ROOST_ASSIGN_OR_RETURN(auto child, ParseUnary(depth + 1));
      auto n = MakeNode(Node::kNot);
      n->children.push_back(std::move(child));
      return n;
    }
    if (t.kind == RTok::kLParen) {
      ++pos_;
      ROOST_ASSIGN_OR_RETURN(auto inner, ParseOr(depth + 1));
      if (Peek().kind != RTok::kRParen) return f_->Fail(Peek().line, Peek().column, "unclosed '('", "')'");
      ++pos_;
      return inner;
    }
    ++pos_;
    if (t.kind == RTok::kPhrase) return MakePred("text", Op::kContains, t.text, t.line, t.column);
    return Word(t);
  }

  Result<std::unique_ptr<Node>> Word(const RTok& t) {
    const std::string& w = t.text;
    auto pred = [&](const char* target, Op op, std::string v) { return MakePred(target, op, std::move(v), t.line, t.column); };
    if (w.size() > 1 && w[0] == '#') return pred("hashtags", Op::kEq, w.substr(1));
    if (w.size() > 1 && w[0] == '@') return pred("mentions", Op::kEq, w.substr(1));
    if (w.size() > 1 && w[0] == '$' && std::isalpha(static_cast<unsigned char>(w[1]))) return pred("cashtags", Op::kEq, w.substr(1));
    const size_t colon = w.find(':');
    const bool keyish = colon != std::string::npos && colon > 0 &&
                        std::isalpha(static_cast<unsigned char>(w[0])) &&
                        w.find_first_not_of("abcdefghijklmnopqrstuvwxyz_") == colon;
    if (!keyish) return pred("text", Op::kContains, w);
    const std::string key = w.substr(0, colon);
    const std::string value = t.value.empty() ? w.substr(colon + 1) : t.value;
    const int vcol = t.column + static_cast<int>(colon) + 1;
    if (value.empty()) return f_->Fail(t.line, vcol, "missing value after '" + key + ":'", "a value");
    if (key == "from") return pred("author.handle", Op::kEq, value);
    if (key == "to") return pred("reply_to", Op::kEq, value);
    if (key == "lang") return pred("lang", Op::kEq, value);
    if (key == "place_country") return pred("country", Op::kEq, value);
    if (key == "place") return pred("place", Op::kContains, value);
    if (key == "url") return pred("urls", Op::kSubstr, value);
    if (key == "bio") return pred("author.description", Op::kContains, value);
    if (key == "bio_location") return pred("author.location", Op::kContains, value);
    if (key == "source") return pred("source", Op::kContains, value);
    if (key == "has") {
      static const std::pair<const char*, const char*> kHas[] = {
          {"links", "urls"}, {"geo", "geo"}, {"mentions", "mentions"}, {"hashtags", "hashtags"}, {"cashtags", "cashtags"}};
      std::vector<std::string> names;
      for (auto [k, target] : kHas) {
        if (value == k) return pred(target, Op::kExists, "");
        names.push_back(k);
      }
      return f_->Fail(t.line, vcol, "unknown has: value '" + value + "'", "links, geo, mentions, hashtags or cashtags",
                      Suggest(value, names));
    }
    if (key == "is") {
      static const std::pair<const char*, const char*> kIs[] = {
          {"retweet", "is_retweet"}, {"reply", "is_reply"}, {"quote", "is_quote"}, {"verified", "author.verified"}};
      std::vector<std::string> names;
      for (auto [k, target] : kIs) {
        if (value == k) return pred(target, Op::kExists, "");
        names.push_back(k);
      }
      return f_->Fail(t.line, vcol, "unknown is: value '" + value + "'", "retweet, reply, quote or verified",
                      Suggest(value, names));
    }
    std::vector<std::string> keys(std::begin(kRuleKeys), std::end(kRuleKeys));
    return f_->Fail(t.line, t.column, "unknown operator '" + key + ":'", "a rule operator", Suggest(key, keys) + (Suggest(key, keys).empty() ? "" : ":"));
  }

  std::vector<RTok> t_;
  size_t pos_ = 0;
  Failure* f_;
};

// CSDL when the first predicate is "target [cs] operator" with a plausible
// target (known, dotted, or one edit or so from a known one).
// `strict`: the operator must be there even after a known target (used when
// lexing as CSDL failed, so "lang:fr" stays a rule).
bool LooksLikeCsdl(const std::vector<Tok>& toks, bool strict = false) {
  size_t i = 0;
  while (i < toks.size() && ((toks[i].kind == Tok::kSymbol && toks[i].text == "(") ||
                             (toks[i].kind == Tok::kIdent && IEquals(toks[i].text, "not"))))
    ++i;
  if (i >= toks.size() || toks[i].kind != Tok::kIdent) return false;
  const std::string& first = toks[i].text;
  const bool known = FindTarget(first) != nullptr || first.find('.') != std::string::npos;
  if (known && !strict) return true;
  if (!known && Suggest(first, AllTargetNames()).empty()) return false;
  size_t j = i + 1;
  if (j < toks.size() && toks[j].kind == Tok::kIdent && IEquals(toks[j].text, "cs")) ++j;
  if (j >= toks.size()) return false;
  std::string op = toks[j].text;
  for (char& c : op) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return (toks[j].kind == Tok::kIdent || toks[j].kind == Tok::kSymbol) && IsWordOp(op, nullptr);
}

void Number(Node* n, int* next) {
  n->id = (*next)++;
  for (auto& c : n->children) Number(c.get(), next);
}

}  // namespace

const char* OpName(Op op) {
  for (const OpName_& o : kOps)
    if (o.op == op) return o.name;
  return "?";
}

Result<Query> ParseQuery(std::string_view text, ParseErrorInfo* error) { return ParseQueryAt(text, 1, 1, error); }

Result<Query> ParseQueryAt(std::string_view text, int line, int column, ParseErrorInfo* error) {
  Failure f(error);
  if (text.size() > kMaxQueryBytes)
    return f.Fail(line, column, "filter is " + std::to_string(text.size()) + " bytes, more than the limit of " +
                            std::to_string(kMaxQueryBytes), "");
  Query q;
  std::vector<Tok> toks;
  ParseErrorInfo lex_error;
  Failure lex_f(&lex_error);
  const Status lexed = LexCsdl(text, line, column, &toks, &lex_f);
  if (!lexed.ok()) {
    // A CSDL filter with a lexical error (unclosed comment or string) still
    // reports as CSDL when what came before it reads as CSDL.
    toks.push_back(Tok{});
    if (LooksLikeCsdl(toks, /*strict=*/true)) {
      if (error) *error = lex_error;
      return lexed;
    }
  }
  if (lexed.ok() && LooksLikeCsdl(toks)) {
    CsdlParser p(std::move(toks), &f);
    ROOST_ASSIGN_OR_RETURN(q.root, p.Parse());
  } else {
    std::vector<RTok> rtoks;
    ROOST_RETURN_IF_ERROR(LexRule(text, line, column, &rtoks, &f));
    RuleParser p(std::move(rtoks), &f);
    ROOST_ASSIGN_OR_RETURN(q.root, p.Parse());
    q.shorthand = true;
  }
  Number(q.root.get(), &q.node_count);
  return q;
}

}  // namespace roost::query
