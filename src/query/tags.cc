#include "query/tags.h"

#include <cctype>
#include <map>

namespace roost::query {
namespace {

// Walks the tag file keeping the 1-based line and column (in code points,
// as the filter lexers count them) of the next byte.
class Cursor {
 public:
  explicit Cursor(std::string_view s) : s_(s) {}
  bool done() const { return i_ >= s_.size(); }
  char peek(size_t k = 0) const { return i_ + k < s_.size() ? s_[i_ + k] : '\0'; }
  size_t offset() const { return i_; }
  int line() const { return line_; }
  int column() const { return col_; }
  void Advance(size_t n = 1) {
    for (size_t k = 0; k < n && i_ < s_.size(); ++k, ++i_) {
      if (s_[i_] == '\n') ++line_, col_ = 1;
      else if ((static_cast<unsigned char>(s_[i_]) & 0xC0) != 0x80) ++col_;
    }
  }
  std::string_view Slice(size_t from, size_t to) const { return s_.substr(from, to - from); }

 private:
  std::string_view s_;
  size_t i_ = 0;
  int line_ = 1, col_ = 1;
};

Status Fail(ParseErrorInfo* error, int line, int column, const std::string& what, const std::string& expected,
            const std::string& suggestion = "") {
  if (error) *error = {line, column, expected, suggestion};
  std::string m = "line " + std::to_string(line) + ", column " + std::to_string(column) + ": " + what;
  if (!expected.empty()) m += " (expected " + expected + ")";
  if (!suggestion.empty()) m += "; did you mean '" + suggestion + "'?";
  return Status::InvalidArgument(m);
}

bool IsSpace(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }
bool IsWordChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// Skips white space and comments; fails at the start of a block comment
// left open.
Status SkipBlank(Cursor* c, ParseErrorInfo* error) {
  while (!c->done()) {
    if (IsSpace(c->peek())) {
      c->Advance();
    } else if (c->peek() == '/' && c->peek(1) == '/') {
      while (!c->done() && c->peek() != '\n') c->Advance();
    } else if (c->peek() == '/' && c->peek(1) == '*') {
      const int line = c->line(), column = c->column();
      c->Advance(2);
      while (!c->done() && !(c->peek() == '*' && c->peek(1) == '/')) c->Advance();
      if (c->done()) return Fail(error, line, column, "unterminated comment", "'*/'");
      c->Advance(2);
    } else {
      break;
    }
  }
  return Status::Ok();
}

// Moves past a quoted string starting at the cursor; false when unclosed.
bool SkipString(Cursor* c, std::string* value) {
  const char q = c->peek();
  c->Advance();
  while (!c->done() && c->peek() != q) {
    if (c->peek() == '\\' && c->peek(1) != '\0') {
      c->Advance();
      if (value) *value += c->peek();
      c->Advance();
      continue;
    }
    if (value) *value += c->peek();
    c->Advance();
  }
  if (c->done()) return false;
  c->Advance();
  return true;
}

// The body between `{` (at the cursor) and its matching `}`: strings and
// comments may hold braces. Single quotes open a string only at the start of
// a token, so a rule word such as don't stays a word.
Status ReadBody(Cursor* c, ParseErrorInfo* error, std::string_view* body, int* line, int* column) {
  const int open_line = c->line(), open_col = c->column();
  c->Advance();
  *line = c->line(), *column = c->column();
  const size_t start = c->offset();
  int depth = 1;
  char prev = ' ';
  while (!c->done()) {
    const char ch = c->peek();
    const bool token_start = IsSpace(prev) || prev == '(' || prev == '{' || prev == ')';
    if (ch == '"' || (ch == '\'' && token_start)) {
      const int l = c->line(), col = c->column();
      if (!SkipString(c, nullptr)) return Fail(error, l, col, "unterminated string", std::string("a closing ") + ch);
      prev = ch;
      continue;
    }
    if (ch == '/' && token_start && (c->peek(1) == '/' || c->peek(1) == '*')) {
      ROOST_RETURN_IF_ERROR(SkipBlank(c, error));
      prev = ' ';
      continue;
    }
    if (ch == '{') ++depth;
    if (ch == '}' && --depth == 0) {
      *body = c->Slice(start, c->offset());
      c->Advance();
      return Status::Ok();
    }
    prev = ch;
    c->Advance();
  }
  return Fail(error, open_line, open_col, "unclosed '{'", "'}'");
}

void Renumber(Node* n, int* next) {
  n->id = (*next)++;
  for (auto& c : n->children) Renumber(c.get(), next);
}

// One query from the rules of a tag: the rule itself, or the OR of them.
Query MergeRules(std::vector<Query> rules) {
  Query q;
  if (rules.size() == 1) {
    q = std::move(rules[0]);
  } else {
    q.root = std::make_unique<Node>();
    q.root->kind = Node::kOr;
    q.shorthand = true;
    for (Query& r : rules) {
      q.shorthand = q.shorthand && r.shorthand;
      q.root->children.push_back(std::move(r.root));
    }
  }
  q.node_count = 0;
  Renumber(q.root.get(), &q.node_count);
  return q;
}

}  // namespace

Result<TagSet> ParseTags(std::string_view text, ParseErrorInfo* error) {
  if (text.size() > kMaxTagFileBytes)
    return Fail(error, 1, 1,
                "tag file is " + std::to_string(text.size()) + " bytes, more than the limit of " +
                    std::to_string(kMaxTagFileBytes),
                "");
  TagSet set;
  std::map<std::string, size_t> by_name;
  std::vector<std::vector<Query>> rules_of;  // by tag
  size_t rules = 0;
  Cursor c(text);
  while (true) {
    ROOST_RETURN_IF_ERROR(SkipBlank(&c, error));
    if (c.done()) break;
    const int kw_line = c.line(), kw_col = c.column();
    const size_t kw_start = c.offset();
    while (!c.done() && (IsWordChar(c.peek()) || c.peek() == '.')) c.Advance();
    const std::string word(c.Slice(kw_start, c.offset()));
    if (word.empty())
      return Fail(error, kw_line, kw_col, std::string("unexpected '") + c.peek() + "'", "'tag' or 'return'");
    const bool is_return = word == "return";
    const bool is_tag = word == "tag" || word.compare(0, 4, "tag.") == 0;
    if (!is_return && !is_tag)
      return Fail(error, kw_line, kw_col, "unknown keyword '" + word + "'", "'tag' or 'return'",
                  Suggest(word.substr(0, word.find('.')), {"tag", "return"}));
    if (set.returned)
      return Fail(error, kw_line, kw_col, is_return ? "a second 'return' clause" : "a tag after the 'return' clause",
                  "the end of the tag file");
    Tag tag;
    tag.line = kw_line, tag.column = kw_col;
    if (is_tag) {
      if (word.size() > 3) {
        tag.ns = word.substr(4);
        // Every dotted part a non-empty word: tag.brands.cars, not tag. or tag.a..b.
        if (tag.ns.empty() || tag.ns.front() == '.' || tag.ns.back() == '.' || tag.ns.find("..") != std::string::npos)
          return Fail(error, kw_line, kw_col, "bad tag namespace '" + word + "'", "tag.NAMESPACE \"Name\"");
      }
      ROOST_RETURN_IF_ERROR(SkipBlank(&c, error));
      if (c.peek() != '"' && c.peek() != '\'')
        return Fail(error, c.line(), c.column(), c.done() ? "unexpected end of tag file" : "missing tag name",
                    "a quoted tag name after '" + word + "'");
      const int name_line = c.line(), name_col = c.column();
      if (!SkipString(&c, &tag.name)) return Fail(error, name_line, name_col, "unterminated string", "a closing quote");
      if (tag.name.empty()) return Fail(error, name_line, name_col, "empty tag name", "a non-empty name");
      if (++rules > kMaxTags)
        return Fail(error, kw_line, kw_col, "more than " + std::to_string(kMaxTags) + " tag rules", "");
    }
    ROOST_RETURN_IF_ERROR(SkipBlank(&c, error));
    if (c.peek() != '{')
      return Fail(error, c.line(), c.column(), c.done() ? "unexpected end of tag file" : "missing '{'",
                  "'{' and a filter");
    std::string_view body;
    int body_line, body_col;
    ROOST_RETURN_IF_ERROR(ReadBody(&c, error, &body, &body_line, &body_col));
    ROOST_ASSIGN_OR_RETURN(Query q, ParseQueryAt(body, body_line, body_col, error));
    if (is_return) {
      set.returned = std::move(q);
      continue;
    }
    const std::string full = tag.full_name();
    auto it = by_name.find(full);
    if (it == by_name.end()) {
      it = by_name.emplace(full, set.tags.size()).first;
      set.tags.push_back(std::move(tag));
      rules_of.emplace_back();
    }
    rules_of[it->second].push_back(std::move(q));
  }
  if (set.tags.empty()) return Fail(error, c.line(), c.column(), "no tags in the tag file", "tag \"Name\" { filter }");
  for (size_t i = 0; i < set.tags.size(); ++i) {
    set.tags[i].rules = static_cast<int>(rules_of[i].size());
    set.tags[i].filter = MergeRules(std::move(rules_of[i]));
  }
  return set;
}

Result<std::vector<TagMatches>> EvaluateTags(const storage::Archive& archive, const TagSet& tags,
                                             const ExecOptions& options, const Query* filter, TagTotals* totals) {
  std::vector<const Query*> filters;
  if (tags.returned) filters.push_back(&*tags.returned);
  if (filter != nullptr) filters.push_back(filter);
  std::vector<const Query*> queries{nullptr};  // result 0: the filters alone (totals)
  for (const Tag& t : tags.tags) queries.push_back(&t.filter);
  ROOST_ASSIGN_OR_RETURN(std::vector<QueryResult> results, ExecuteMany(archive, filters, queries, options));
  std::vector<TagMatches> out(tags.tags.size());
  std::map<size_t, storage::Bitmap> any;  // by segment: rows with some tag
  for (size_t i = 0; i < tags.tags.size(); ++i) {
    QueryResult& r = results[i + 1];
    out[i].tag = &tags.tags[i];
    out[i].count = r.count;
    if (totals)
      for (const SegmentMatches& s : r.segments) any[s.segment].OrWith(s.rows);
    out[i].segments = std::move(r.segments);
  }
  if (totals) {
    totals->matching = results[0].count;
    totals->tagged = 0;
    for (const auto& [seg, rows] : any) totals->tagged += rows.Cardinality();
  }
  return out;
}

}  // namespace roost::query
