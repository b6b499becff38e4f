#include "server/json_body.h"

#include <charconv>

#include "enrich/text/utf8.h"

namespace roost::server {
namespace {

constexpr int kMaxDepth = 32;

class Reader {
 public:
  explicit Reader(std::string_view text) : s_(text) {}

  Result<JsonValue> Document() {
    SkipSpace();
    if (pos_ == s_.size()) return Fail("the body is empty, a JSON object was expected");
    JsonValue v;
    ROOST_RETURN_IF_ERROR(Value(&v, 0));
    SkipSpace();
    if (pos_ != s_.size()) return Fail("unexpected text after the JSON value");
    return v;
  }

 private:
  Status Fail(const std::string& what) const {
    return Status::InvalidArgument("invalid JSON at offset " + std::to_string(pos_) + ": " + what);
  }
  void SkipSpace() {
    while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\n' || s_[pos_] == '\r')) ++pos_;
  }
  bool Literal(std::string_view word) {
    if (s_.substr(pos_, word.size()) != word) return false;
    pos_ += word.size();
    return true;
  }

  Status Value(JsonValue* v, int depth) {
    if (depth > kMaxDepth) return Fail("nested more than " + std::to_string(kMaxDepth) + " deep");
    const size_t start = pos_;
    if (pos_ >= s_.size()) return Fail("the body ended where a value was expected");
    const char c = s_[pos_];
    Status st;
    if (c == '{') st = Object(v, depth);
    else if (c == '[') st = Array(v, depth);
    else if (c == '"') { v->type = JsonValue::Type::kString; st = String(&v->string); }
    else if (c == '-' || (c >= '0' && c <= '9')) { v->type = JsonValue::Type::kNumber; st = Number(); }
    else if (Literal("true")) { v->type = JsonValue::Type::kBool; v->boolean = true; }
    else if (Literal("false")) { v->type = JsonValue::Type::kBool; }
    else if (Literal("null")) { v->type = JsonValue::Type::kNull; }
    else st = Fail("a value was expected (object, array, string, number, true, false or null)");
    ROOST_RETURN_IF_ERROR(st);
    v->raw = s_.substr(start, pos_ - start);
    return Status::Ok();
  }

  Status Object(JsonValue* v, int depth) {
    v->type = JsonValue::Type::kObject;
    ++pos_;  // {
    SkipSpace();
    if (pos_ < s_.size() && s_[pos_] == '}') { ++pos_; return Status::Ok(); }
    while (true) {
      SkipSpace();
      if (pos_ >= s_.size() || s_[pos_] != '"') return Fail("a quoted field name was expected");
      const size_t key_at = pos_;
      std::string key;
      ROOST_RETURN_IF_ERROR(String(&key));
      if (v->Find(key) != nullptr) {
        pos_ = key_at;
        return Fail("field \"" + key + "\" is given twice");
      }
      SkipSpace();
      if (pos_ >= s_.size() || s_[pos_] != ':') return Fail("':' was expected after a field name");
      ++pos_;
      SkipSpace();
      JsonValue item;
      ROOST_RETURN_IF_ERROR(Value(&item, depth + 1));
      v->fields.emplace_back(std::move(key), std::move(item));
      SkipSpace();
      if (pos_ < s_.size() && s_[pos_] == ',') { ++pos_; continue; }
      if (pos_ < s_.size() && s_[pos_] == '}') { ++pos_; return Status::Ok(); }
      return Fail("',' or '}' was expected");
    }
  }

  Status Array(JsonValue* v, int depth) {
    v->type = JsonValue::Type::kArray;
    ++pos_;  // [
    SkipSpace();
    if (pos_ < s_.size() && s_[pos_] == ']') { ++pos_; return Status::Ok(); }
    while (true) {
      SkipSpace();
      JsonValue item;
      ROOST_RETURN_IF_ERROR(Value(&item, depth + 1));
      v->items.push_back(std::move(item));
      SkipSpace();
      if (pos_ < s_.size() && s_[pos_] == ',') { ++pos_; continue; }
      if (pos_ < s_.size() && s_[pos_] == ']') { ++pos_; return Status::Ok(); }
      return Fail("',' or ']' was expected");
    }
  }

  static bool IsDigit(char c) { return c >= '0' && c <= '9'; }

  Status Number() {
    if (s_[pos_] == '-') ++pos_;
    if (pos_ >= s_.size() || !IsDigit(s_[pos_])) return Fail("a digit was expected");
    if (s_[pos_] == '0') ++pos_;
    else while (pos_ < s_.size() && IsDigit(s_[pos_])) ++pos_;
    if (pos_ < s_.size() && s_[pos_] == '.') {
      ++pos_;
      if (pos_ >= s_.size() || !IsDigit(s_[pos_])) return Fail("a digit was expected after '.'");
      while (pos_ < s_.size() && IsDigit(s_[pos_])) ++pos_;
    }
    if (pos_ < s_.size() && (s_[pos_] == 'e' || s_[pos_] == 'E')) {
      ++pos_;
      if (pos_ < s_.size() && (s_[pos_] == '+' || s_[pos_] == '-')) ++pos_;
      if (pos_ >= s_.size() || !IsDigit(s_[pos_])) return Fail("a digit was expected in the exponent");
      while (pos_ < s_.size() && IsDigit(s_[pos_])) ++pos_;
    }
    return Status::Ok();
  }

  Result<uint32_t> Hex4() {
    if (pos_ + 4 > s_.size()) return Fail("four hex digits were expected after \\u");
    uint32_t v = 0;
    const auto r = std::from_chars(s_.data() + pos_, s_.data() + pos_ + 4, v, 16);
    if (r.ec != std::errc() || r.ptr != s_.data() + pos_ + 4) return Fail("four hex digits were expected after \\u");
    pos_ += 4;
    return v;
  }

  Status String(std::string* out) {
    ++pos_;  // "
    while (true) {
      if (pos_ >= s_.size()) return Fail("the body ended inside a string");
      const unsigned char c = static_cast<unsigned char>(s_[pos_]);
      if (c == '"') { ++pos_; return Status::Ok(); }
      if (c < 0x20) return Fail("a control character inside a string must be escaped");
      if (c != '\\') { out->push_back(static_cast<char>(c)); ++pos_; continue; }
      ++pos_;
      if (pos_ >= s_.size()) return Fail("the body ended inside a string");
      const char e = s_[pos_++];
      switch (e) {
        case '"': out->push_back('"'); break;
        case '\\': out->push_back('\\'); break;
        case '/': out->push_back('/'); break;
        case 'b': out->push_back('\b'); break;
        case 'f': out->push_back('\f'); break;
        case 'n': out->push_back('\n'); break;
        case 'r': out->push_back('\r'); break;
        case 't': out->push_back('\t'); break;
        case 'u': {
          ROOST_ASSIGN_OR_RETURN(uint32_t cp, Hex4());
          if (cp >= 0xD800 && cp < 0xDC00) {  // a surrogate pair's first half
            if (!Literal("\\u")) return Fail("the second half of a surrogate pair was expected");
            ROOST_ASSIGN_OR_RETURN(uint32_t low, Hex4());
            if (low < 0xDC00 || low > 0xDFFF) return Fail("the second half of a surrogate pair was expected");
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            return Fail("a lone surrogate half");
          }
          text::AppendUtf8(static_cast<char32_t>(cp), out);
          break;
        }
        default:
          --pos_;
          return Fail(std::string("unknown escape \\") + e);
      }
    }
  }

  std::string_view s_;
  size_t pos_ = 0;
};

}  // namespace

const JsonValue* JsonValue::Find(std::string_view key) const {
  for (const auto& [k, v] : fields)
    if (k == key) return &v;
  return nullptr;
}

const char* JsonTypeName(JsonValue::Type t) {
  switch (t) {
    case JsonValue::Type::kNull: return "null";
    case JsonValue::Type::kBool: return "true or false";
    case JsonValue::Type::kNumber: return "a number";
    case JsonValue::Type::kString: return "a string";
    case JsonValue::Type::kArray: return "an array";
    case JsonValue::Type::kObject: return "an object";
  }
  return "?";
}

Result<JsonValue> ParseJsonBody(std::string_view body) {
  ROOST_ASSIGN_OR_RETURN(JsonValue v, Reader(body).Document());
  if (v.type != JsonValue::Type::kObject)
    return Status::InvalidArgument(std::string("the body must be a JSON object, not ") + JsonTypeName(v.type));
  return v;
}

Status RefuseUnknownFields(const JsonValue& object, std::initializer_list<std::string_view> known) {
  for (const auto& [key, value] : object.fields) {
    bool found = false;
    for (std::string_view k : known) found = found || k == key;
    if (found) continue;
    std::string list;
    for (std::string_view k : known) list += (list.empty() ? "" : ", ") + std::string(k);
    return Status::InvalidArgument("unknown field \"" + key + "\" (known: " + list + ")");
  }
  return Status::Ok();
}

Result<int64_t> WholeNumber(const JsonValue& v, const std::string& name, int64_t min, int64_t max) {
  const std::string range = " from " + std::to_string(min) + " to " + std::to_string(max);
  if (v.type != JsonValue::Type::kNumber)
    return Status::InvalidArgument(name + " must be a whole number" + range + ", not " + JsonTypeName(v.type));
  int64_t n = 0;
  const auto r = std::from_chars(v.raw.data(), v.raw.data() + v.raw.size(), n);
  if (r.ec != std::errc() || r.ptr != v.raw.data() + v.raw.size() || n < min || n > max)
    return Status::InvalidArgument(name + " must be a whole number" + range + ", not " + std::string(v.raw));
  return n;
}

}  // namespace roost::server
