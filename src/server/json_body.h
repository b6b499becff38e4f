// Request bodies of the admin endpoints: a strict JSON reader (RFC 8259)
// whose errors name the byte offset and what was expected there, and
// helpers that check an object's fields (unknown, missing, wrong type) by
// name. Bodies are small (max_body_bytes); the reader keeps every value's
// source text, so a nested message can be handed on verbatim. simdjson,
// which ingest uses, reports no offset for malformed input.
#ifndef ROOST_SERVER_JSON_BODY_H_
#define ROOST_SERVER_JSON_BODY_H_

#include <cstdint>
#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "roost/status.h"

namespace roost::server {

struct JsonValue {
  enum class Type { kNull, kBool, kNumber, kString, kArray, kObject };
  Type type = Type::kNull;
  bool boolean = false;
  std::string string;  // a string's unescaped UTF-8
  std::vector<JsonValue> items;                 // an array's
  std::vector<std::pair<std::string, JsonValue>> fields;  // an object's, in order
  std::string_view raw;  // the value's text in the body

  const JsonValue* Find(std::string_view key) const;
};

// "a string", "a number", ... for messages.
const char* JsonTypeName(JsonValue::Type t);

// The body as one JSON object. kInvalidArgument: "invalid JSON at offset N:
// <what was expected>", or "the body must be a JSON object". Objects and
// arrays nest at most 32 deep; a key given twice is refused.
Result<JsonValue> ParseJsonBody(std::string_view body);

// kInvalidArgument naming the first field of `object` not in `known`.
Status RefuseUnknownFields(const JsonValue& object, std::initializer_list<std::string_view> known);

// A whole number in [min, max] (no fraction, no exponent); `name` in messages.
Result<int64_t> WholeNumber(const JsonValue& v, const std::string& name, int64_t min, int64_t max);

}  // namespace roost::server

#endif  // ROOST_SERVER_JSON_BODY_H_
