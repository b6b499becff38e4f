#include "query/parser.h"

#include <cctype>
#include <cstdlib>

#include "enrich/language/language_id.h"
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
  // A string's first escape other than \\ \" \' (kept as written, for
  // regex values; an error for any other operator), and its column.
  std::string odd_escape;
  int odd_escape_column = 0;
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
// One token at a time, so a rule can lex a CSDL condition embedded in it
// ("velocar sentiment < -0.5") without lexing the rest of the rule as CSDL.
class CsdlLexer {
 public:
  CsdlLexer(std::string_view s, size_t pos, int line, int column) : s_(s), i_(pos), line_(line), col_(column) {}

  // The next token into *t (kEnd at the end of the text).
  Status Next(Tok* t, Failure* f) {
    SkipSpaceAndComments();
    if (!comment_error_.empty()) return f->Fail(comment_line_, comment_col_, comment_error_, "'*/'");
    *t = Tok{};
    t->line = line_, t->column = col_;
    if (i_ >= s_.size()) return Status::Ok();
    const char c = s_[i_];
    if (c == '"' || c == '\'') return LexString(c, t, f);
    if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
      t->kind = Tok::kIdent;
      size_t j = i_;
      while (j < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[j])) || s_[j] == '_' || s_[j] == '.')) ++j;
      t->text = std::string(s_.substr(i_, j - i_));
      Advance(j - i_);
      return Status::Ok();
    }
    if (std::isdigit(static_cast<unsigned char>(c)) ||
        (c == '-' && i_ + 1 < s_.size() && std::isdigit(static_cast<unsigned char>(s_[i_ + 1])))) {
      t->kind = Tok::kNumber;
      size_t j = i_ + 1;
      while (j < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[j])) || s_[j] == '.' || s_[j] == ':' ||
                               s_[j] == '-' || s_[j] == '+'))
        ++j;
      t->text = std::string(s_.substr(i_, j - i_));
      Advance(j - i_);
      return Status::Ok();
    }
    static const char* kSyms[] = {"==", "!=", "<=", ">=", "<", ">", "(", ")", "="};
    for (const char* sym : kSyms) {
      if (s_.substr(i_, std::char_traits<char>::length(sym)) == sym) {
        t->kind = Tok::kSymbol;
        t->text = sym;
        Advance(t->text.size());
        return Status::Ok();
      }
    }
    return f->Fail(line_, col_, std::string("unexpected character '") + c + "'", "a target, operator or value");
  }

  size_t pos() const { return i_; }
  int line() const { return line_; }
  int column() const { return col_; }

 private:
  void Advance(size_t n) {
    for (size_t k = 0; k < n && i_ < s_.size(); ++k, ++i_) {
      if (s_[i_] == '\n') ++line_, col_ = 1;
      else if ((static_cast<unsigned char>(s_[i_]) & 0xC0) != 0x80) ++col_;
    }
  }

  void SkipSpaceAndComments() {
    while (i_ < s_.size()) {
      if (std::isspace(static_cast<unsigned char>(s_[i_]))) {
        Advance(1);
      } else if (s_.substr(i_, 2) == "//") {
        while (i_ < s_.size() && s_[i_] != '\n') Advance(1);
      } else if (s_.substr(i_, 2) == "/*") {
        const size_t end = s_.find("*/", i_ + 2);
        if (end == std::string_view::npos) {
          comment_error_ = "unterminated comment", comment_line_ = line_, comment_col_ = col_;
          return;
        }
        Advance(end + 2 - i_);
      } else {
        return;
      }
    }
  }

  // \\ \" and \' are escapes; any other backslash stays as written, so a
  // regex such as "(?i)\bword\b" reaches RE2 intact (the parser refuses
  // it for operators that are not regexes).
  Status LexString(char quote, Tok* t, Failure* f) {
    t->kind = Tok::kString;
    size_t j = i_ + 1;
    int col = col_ + 1;
    bool closed = false;
    while (j < s_.size()) {
      const char c = s_[j];
      if (c == '\\' && j + 1 < s_.size()) {
        const char e = s_[j + 1];
        if (e == '\\' || e == '"' || e == '\'') {
          t->text += e;
        } else {
          if (t->odd_escape.empty()) t->odd_escape = std::string("\\") + e, t->odd_escape_column = col;
          t->text += c;
          t->text += e;
        }
        j += 2, col += 2;
        continue;
      }
      if (c == quote) {
        closed = true;
        break;
      }
      t->text += c;
      if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++col;
      ++j;
    }
    if (!closed) return f->Fail(t->line, t->column, "unterminated string", std::string("a closing ") + quote);
    Advance(j + 1 - i_);
    return Status::Ok();
  }

  std::string_view s_;
  size_t i_;
  int line_, col_;
  std::string comment_error_;
  int comment_line_ = 0, comment_col_ = 0;
};

Status LexCsdl(std::string_view s, int line, int col, std::vector<Tok>* out, Failure* f) {
  CsdlLexer lexer(s, 0, line, col);
  while (true) {
    Tok t;
    ROOST_RETURN_IF_ERROR(lexer.Next(&t, f));
    const bool end = t.kind == Tok::kEnd;
    out->push_back(std::move(t));
    if (end) return Status::Ok();
  }
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

std::string AsciiLowerCopy(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool IsRegexOp(Op op) { return op == Op::kRegexPartial || op == Op::kRegexExact; }

// Values as the user meant them, for both syntaxes: a sigil typed before a
// handle, hashtag or cashtag is dropped (from:@nasa, hashtags == "#rwc"),
// and a detected language is named by the code the archive stores
// (lang:EN and lang:en-GB -> en); a language name is refused with its code
// as the hint (lang:english -> did you mean 'en'), never a quiet 0.
Status BindValue(Predicate* p, int line, int column, Failure* f) {
  if (p->op != Op::kEq && p->op != Op::kNe && p->op != Op::kIn) return Status::Ok();
  const std::string_view col = p->target->column;
  char sigil = 0;
  if (col == "hashtags") sigil = '#';
  else if (col == "mentions" || col == "handle" || col == "reply_to_screen_name") sigil = '@';
  else if (col == "cashtags") sigil = '$';
  const bool lang = col == "detected_lang";
  if (sigil == 0 && !lang) return Status::Ok();
  std::vector<std::string> items = p->op == Op::kIn ? SplitList(p->value) : std::vector<std::string>{p->value};
  for (std::string& v : items) {
    if (sigil != 0 && v.size() > 1 && v[0] == sigil) v.erase(0, 1);
    if (!lang) continue;
    const std::string code = language::LanguageCodeFor(v);
    const bool is_code = code == "und" ? AsciiLowerCopy(v) == "und"
                                       : !code.empty() && language::NormalizePlatformTag(v) == code;
    if (!is_code)
      return f->Fail(line, column, "unknown language code '" + v + "'",
                     "an ISO 639-1 code such as en, fr or ja, or und", code);
    v = code;
  }
  std::string joined;
  for (const std::string& v : items) joined += (joined.empty() ? "" : ",") + v;
  p->value = std::move(joined);
  return Status::Ok();
}

// `sentiment_class == "positive"` (or != / in) as ranges of the score, with
// the cut-offs every answer classifies by (enrich/sentiment/sentiment_model.h):
// positive >= 0.05, negative <= -0.05, neutral between, unscored: no score.
Result<std::unique_ptr<Node>> SentimentClassNode(const Predicate& p, int line, int column, Failure* f) {
  if (p.op != Op::kEq && p.op != Op::kNe && p.op != Op::kIn)
    return f->Fail(line, column, std::string("operator '") + OpName(p.op) + "' does not apply to sentiment_class",
                   "==, != or in");
  const std::string cut = "0.05", neg_cut = "-0.05";
  auto one = [&](const std::string& cls) -> Result<std::unique_ptr<Node>> {
    const std::string c = AsciiLowerCopy(cls);
    if (c == "positive") return MakePred("sentiment", Op::kGe, cut, p.line, p.column);
    if (c == "negative") return MakePred("sentiment", Op::kLe, neg_cut, p.line, p.column);
    if (c == "neutral") {
      auto n = MakeNode(Node::kAnd);
      n->children.push_back(MakePred("sentiment", Op::kGt, neg_cut, p.line, p.column));
      n->children.push_back(MakePred("sentiment", Op::kLt, cut, p.line, p.column));
      return n;
    }
    if (c == "unscored") {
      auto n = MakeNode(Node::kNot);
      n->children.push_back(MakePred("sentiment", Op::kExists, "", p.line, p.column));
      return n;
    }
    return f->Fail(line, column, "unknown sentiment class '" + cls + "'", "positive, neutral, negative or unscored",
                   Suggest(c, {"positive", "neutral", "negative", "unscored"}));
  };
  const std::vector<std::string> values = p.op == Op::kIn ? SplitList(p.value) : std::vector<std::string>{p.value};
  std::unique_ptr<Node> root;
  if (values.size() == 1) {
    ROOST_ASSIGN_OR_RETURN(root, one(values[0]));
  } else {
    root = MakeNode(Node::kOr);
    for (const std::string& v : values) {
      ROOST_ASSIGN_OR_RETURN(auto n, one(v));
      root->children.push_back(std::move(n));
    }
  }
  if (p.op != Op::kNe) return root;
  auto n = MakeNode(Node::kNot);
  n->children.push_back(std::move(root));
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
    if (parsed == Op::kExists && std::string_view(info->column) == "sentiment_class")
      return f_->Fail(op.line, op.column, "operator 'exists' does not apply to sentiment_class", "==, != or in");
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
    if (!v.odd_escape.empty() && !IsRegexOp(parsed))
      return f_->Fail(v.line, v.odd_escape_column, "unknown escape '" + v.odd_escape + "' in a string",
                      "\\\\, \\\" or \\' (other backslashes only in regex_partial and regex_exact values)");
    std::string why;
    if (!ValidateValue(p, &why)) return f_->Fail(v.line, v.column, "bad value: " + why, "a valid value");
    ROOST_RETURN_IF_ERROR(BindValue(&p, v.line, v.column, f_));
    if (std::string_view(info->column) == "sentiment_class") return SentimentClassNode(p, v.line, v.column, f_);
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
  enum Kind { kWord, kPhrase, kLParen, kRParen, kOr, kAnd, kNeg, kCsdl, kEnd };
  Kind kind = kEnd;
  std::string text;   // word or phrase; for "key:" words, the key with ':'
  std::string value;  // for key:"quoted value"
  std::vector<Tok> csdl;  // kCsdl: one embedded CSDL condition, then kEnd
  int line = 1, column = 1;
};

// A CSDL condition inside a rule ("velocar sentiment < -0.5"): a known
// target, an optional cs, an operator and a value (none after exists). On
// a match its tokens go to *t and the position moves past it; anything else
// leaves the position alone and is read as rule words.
bool LexEmbeddedCsdl(std::string_view s, size_t* i, int* line, int* col, RTok* t) {
  CsdlLexer lexer(s, *i, *line, *col);
  Failure quiet(nullptr);
  auto next = [&](Tok* tok) { return lexer.Next(tok, &quiet).ok(); };
  std::vector<Tok> toks(1);
  if (!next(&toks[0]) || toks[0].kind != Tok::kIdent || FindTarget(toks[0].text) == nullptr) return false;
  Tok op;
  if (!next(&op)) return false;
  if (op.kind == Tok::kIdent && IEquals(op.text, "cs")) {
    toks.push_back(op);
    if (!next(&op)) return false;
  }
  Op parsed;
  if (!((op.kind == Tok::kIdent || op.kind == Tok::kSymbol) && IsWordOp(AsciiLowerCopy(op.text), &parsed)))
    return false;
  toks.push_back(op);
  if (parsed != Op::kExists) {
    Tok v;
    if (!next(&v)) return false;
    if (!(v.kind == Tok::kString || v.kind == Tok::kNumber ||
          (v.kind == Tok::kIdent && (IEquals(v.text, "true") || IEquals(v.text, "false")))))
      return false;
    toks.push_back(v);
  }
  Tok end;
  end.line = lexer.line(), end.column = lexer.column();
  toks.push_back(end);
  *i = lexer.pos(), *line = lexer.line(), *col = lexer.column();
  t->kind = RTok::kCsdl;
  t->csdl = std::move(toks);
  return true;
}

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
    // As in CSDL (`contains ""`): an empty phrase matches nothing useful.
    if (end == i + 1) return f->Fail(l0, c0, "empty phrase", "words between the quotes");
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
    } else if (std::isalpha(static_cast<unsigned char>(c)) && LexEmbeddedCsdl(s, &i, &line, &col, &t)) {
      // t holds the condition's tokens.
    } else {
      t.kind = RTok::kWord;
      size_t j = i;
      while (j < s.size() && !std::isspace(static_cast<unsigned char>(s[j])) && s[j] != '(' && s[j] != ')' &&
             s[j] != '"')
        ++j;
      t.text = std::string(s.substr(i, j - i));
      advance(j - i);
      // Operators in any case, as CSDL writes them: "zelkor or norva",
      // "zelkor NOT norva". To search for these words, quote them.
      if (IEquals(t.text, "or")) t.kind = RTok::kOr;
      else if (IEquals(t.text, "and")) t.kind = RTok::kAnd;
      else if (IEquals(t.text, "not")) t.kind = RTok::kNeg;
      else if (t.text.back() == ':' && i < s.size() && s[i] == '"') ROOST_RETURN_IF_ERROR(quoted(&t));
    }
    out->push_back(std::move(t));
  }
  RTok end;
  end.line = line, end.column = col;
  out->push_back(end);
  return Status::Ok();
}

const char* kRuleKeys[] = {"from", "to", "lang", "brand", "place_country", "place", "has", "is", "url", "bio", "bio_location",
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
  static bool EndsTerms(RTok::Kind k) { return k == RTok::kEnd || k == RTok::kOr || k == RTok::kRParen; }

  Result<std::unique_ptr<Node>> ParseAnd(int depth) {
    std::vector<std::unique_ptr<Node>> parts;
    while (!EndsTerms(Peek().kind)) {
      if (Peek().kind == RTok::kAnd) {  // AND is what a space means already
        const RTok& a = Peek();
        if (parts.empty()) return f_->Fail(a.line, a.column, "'" + a.text + "' with nothing before it", "a term");
        ++pos_;
        if (EndsTerms(Peek().kind) || Peek().kind == RTok::kAnd)
          return f_->Fail(a.line, a.column, "'" + a.text + "' with nothing after it", "a term after '" + a.text + "'");
        continue;
      }
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
      const RTok::Kind next = Peek().kind;
      if (EndsTerms(next) || next == RTok::kAnd)
        return f_->Fail(t.line, t.column, "nothing to negate after '" + (t.text.empty() ? "-" : t.text) + "'",
                        "a term");
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
    if (t.kind == RTok::kCsdl) return CsdlParser(t.csdl, f_).Parse();
    if (t.kind == RTok::kWord && IsComparison(t.text)) return Comparison(t);
    return Word(t);
  }

  // A comparison standing alone in a rule ("velocar followers > 100"): the
  // word before it is no target, so no condition was read. Searched as
  // text it could never match, so it is refused, naming the target meant.
  static bool IsComparison(std::string_view w) {
    return w == "==" || w == "!=" || w == "<" || w == "<=" || w == ">" || w == ">=" || w == "=";
  }
  Status Comparison(const RTok& t) {
    const RTok* before = pos_ >= 2 && t_[pos_ - 2].kind == RTok::kWord ? &t_[pos_ - 2] : nullptr;
    const std::string quote = "\"" + t.text + "\" to search for it";
    if (before == nullptr)
      return f_->Fail(t.line, t.column, "'" + t.text + "' with no target before it",
                      "target " + t.text + " value, or " + quote);
    return f_->Fail(before->line, before->column, "'" + before->text + "' is not a filter target, so '" + t.text +
                    "' compares nothing", "a target such as author.followers or sentiment (docs/QUERY.md), or " + quote,
                    TargetMeant(before->text));
  }
  // The target a word probably names: one whose dotted alias ends in it
  // (followers -> author.followers, retweet_count -> retweets), one it
  // starts with (sentiment_score -> sentiment), or a near spelling.
  static std::string TargetMeant(const std::string& word) {
    const std::string w = AsciiLowerCopy(word);
    for (const std::string& name : AllTargetNames()) {
      const size_t dot = name.rfind('.');
      if (dot != std::string::npos && name.substr(dot + 1) == w) return FindTarget(name)->name;
    }
    for (const std::string& name : AllTargetNames())
      if (name.find('.') == std::string::npos && w.size() > name.size() + 1 && w.compare(0, name.size(), name) == 0 &&
          w[name.size()] == '_')
        return FindTarget(name)->name;
    const std::string near = Suggest(w, AllTargetNames());
    return near.empty() ? "" : FindTarget(near)->name;
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
    auto bound = [&](const char* target, Op op) -> Result<std::unique_ptr<Node>> {
      auto n = pred(target, op, value);
      ROOST_RETURN_IF_ERROR(BindValue(&n->pred, t.line, vcol, f_));
      return n;
    };
    if (key == "from") return bound("author.handle", Op::kEq);
    if (key == "to") return bound("reply_to", Op::kEq);
    if (key == "lang") return bound("lang", Op::kEq);
    if (key == "brand") return bound("brand", Op::kEq);
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
