#include "parse/json_values.h"

namespace roost::json {

namespace {

// Up to 19 leading digits of [p, end) as a number (19 digits cannot
// overflow 64 bits); *digits is how many were read.
uint64_t LeadingDigits(const char* p, const char* end, size_t* digits) {
  uint64_t v = 0;
  size_t n = 0;
  for (; p + n < end && n < 19; ++n) {
    const unsigned d = static_cast<unsigned char>(p[n]) - '0';
    if (d > 9) break;
    v = v * 10 + d;
  }
  *digits = n;
  return v;
}

}  // namespace

bool ParseDecimalId(std::string_view s, uint64_t* out) {
  if (s.empty() || s.size() > 20) return false;
  size_t n;
  uint64_t v = LeadingDigits(s.data(), s.data() + s.size(), &n);
  if (n == s.size()) {
    *out = v;
    return true;
  }
  if (n != 19) return false;  // a non-digit
  // A 20th digit: the only length that can overflow.
  const unsigned d = static_cast<unsigned char>(s[19]) - '0';
  if (d > 9 || v > (UINT64_MAX - d) / 10) return false;
  *out = v * 10 + d;
  return true;
}

uint64_t ReadId(od::value v, const char* field) {
  // An id_str read from its bytes in the document: digits need no
  // unescaping, so simdjson's string copy is skipped. Anything else (an
  // escape, a non-digit, a number, null) takes the general path below.
  const std::string_view token = v.raw_json_token();
  if (token.size() >= 3 && token[0] == '"') {
    size_t n;
    const uint64_t id = LeadingDigits(token.data() + 1, token.data() + token.size(), &n);
    if (n > 0 && n + 1 < token.size() && token[n + 1] == '"') return id;
  }
  switch (v.type()) {
    case od::json_type::null:
      return 0;
    case od::json_type::string: {
      uint64_t id;
      std::string_view s = v.get_string();
      if (!ParseDecimalId(s, &id)) {
        throw RecordError{RejectReason::kBadId, std::string(field) + " is not a 64-bit id: \"" +
                                                    std::string(s.substr(0, 40)) + "\""};
      }
      return id;
    }
    case od::json_type::number: {
      uint64_t id;
      if (v.get_uint64().get(id) != simdjson::SUCCESS) {
        throw RecordError{RejectReason::kBadId, std::string(field) + " is not an unsigned integer"};
      }
      return id;
    }
    default:
      throw RecordError{RejectReason::kBadId, std::string(field) + " has the wrong type"};
  }
}

uint64_t IdFromToken(std::string_view token, const char* field) {
  while (!token.empty() && (token.back() == ' ' || token.back() == '\n' || token.back() == '\t' ||
                            token.back() == '\r' || token.back() == ',' || token.back() == '}')) {
    token.remove_suffix(1);
  }
  if (token.empty() || token == "null") return 0;
  if (token.size() >= 2 && token.front() == '"' && token.back() == '"') token = token.substr(1, token.size() - 2);
  uint64_t id;
  if (!ParseDecimalId(token, &id)) {
    throw RecordError{RejectReason::kBadId, std::string(field) + " is not a 64-bit id: " +
                                                std::string(token.substr(0, 40))};
  }
  return id;
}

int64_t ReadInt(od::value v) {
  // A plain non-negative integer (counts, offsets: nearly every call) is
  // read from its bytes; signs, fractions, exponents, strings and nulls take
  // the general path.
  const std::string_view token = v.raw_json_token();
  if (!token.empty()) {
    size_t n;
    const uint64_t i = LeadingDigits(token.data(), token.data() + token.size(), &n);
    // The token runs to the next structural character, so a number alone
    // is followed by nothing or whitespace; "0123" is left to simdjson.
    const bool ends = n == token.size() || token[n] == ' ' || token[n] == '\n' || token[n] == '\r' ||
                      token[n] == '\t';
    if (n > 0 && n < 19 && ends && (token[0] != '0' || n == 1)) return static_cast<int64_t>(i);
  }
  switch (v.type()) {
    case od::json_type::number: {
      int64_t i;
      if (v.get_int64().get(i) == simdjson::SUCCESS) return i;
      // A fraction is cut to its integer part; a number no int64 holds
      // (1e300, a huge negative) reads as 0, like a value of the wrong type.
      const double d = double(v.get_double());  // a number simdjson cannot read rejects the record
      if (!(d > -9.2e18 && d < 9.2e18)) return 0;
      return static_cast<int64_t>(d);
    }
    case od::json_type::string: {
      uint64_t u;
      return ParseDecimalId(v.get_string(), &u) ? static_cast<int64_t>(u) : 0;
    }
    default:
      return 0;
  }
}

double ReadDouble(od::value v) {
  if (v.type() != od::json_type::number) return 0;
  return v.get_double();
}

bool ReadBool(od::value v) {
  if (v.type() != od::json_type::boolean) return false;
  return v.get_bool();
}

std::string_view StripSourceHtml(std::string_view s) {
  if (s.empty() || s[0] != '<') return s;
  size_t open_end = s.find('>');
  if (open_end == std::string_view::npos) return s;
  size_t close = s.find("</", open_end);
  if (close == std::string_view::npos) close = s.size();
  return s.substr(open_end + 1, close - open_end - 1);
}

}  // namespace roost::json
