#include "parse/json_values.h"

namespace roost::json {

bool ParseDecimalId(std::string_view s, uint64_t* out) {
  if (s.empty() || s.size() > 20) return false;
  uint64_t v = 0;
  for (char c : s) {
    unsigned d = static_cast<unsigned char>(c) - '0';
    if (d > 9) return false;
    if (v > (UINT64_MAX - d) / 10) return false;
    v = v * 10 + d;
  }
  *out = v;
  return true;
}

uint64_t ReadId(od::value v, const char* field) {
  // An id_str read from its bytes in the document: digits need no
  // unescaping, so simdjson's string copy is skipped. Anything else (an
  // escape, a non-digit, a number, null) takes the general path below.
  std::string_view token = v.raw_json_token();
  if (token.size() >= 3 && token[0] == '"') {
    const size_t close = token.find('"', 1);
    uint64_t id;
    if (close != std::string_view::npos && ParseDecimalId(token.substr(1, close - 1), &id)) return id;
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
  switch (v.type()) {
    case od::json_type::number: {
      int64_t i;
      if (v.get_int64().get(i) == simdjson::SUCCESS) return i;
      return static_cast<int64_t>(double(v.get_double()));
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
