// Small readers for the value shapes tweet JSON uses, on top of simdjson
// On-Demand (exceptions enabled: a malformed value throws simdjson_error,
// a well-formed but unusable one throws RecordError).
#ifndef ROOST_PARSE_JSON_VALUES_H_
#define ROOST_PARSE_JSON_VALUES_H_

#include <simdjson.h>

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "parse/document_parser.h"

namespace roost::json {

namespace od = simdjson::ondemand;

// A record that is valid JSON but cannot become a tweet.
struct RecordError {
  RejectReason reason;
  std::string detail;
};

inline bool IsNull(od::value& v) { return v.is_null(); }

// A field's key as written (escapes left as they are). Comparing string
// views rejects most candidates on length alone, which a chain of
// raw_json_string comparisons cannot do.
// The key ends at the last quote before the ':' that precedes the field's
// value, whose position simdjson's structural index already holds: a step
// back over `":` (and any whitespace) instead of a forward search for an
// unescaped quote, which cost a call per key.
inline std::string_view KeyOf(simdjson::simdjson_result<od::field>& field) {
  // A broken document yields an error here; it throws as field.key() would.
  if (field.error()) throw simdjson::simdjson_error(field.error());
  od::field& f = field.value_unsafe();
  const char* begin = f.key().raw();
  const char* p = f.value().raw_json_token().data() - 1;
  // simdjson validated the document: a ':' and the closing quote are there.
  while (*p != ':') --p;
  --p;
  while (*p != '"') --p;
  return std::string_view(begin, static_cast<size_t>(p - begin));
}

// Decimal string or JSON number -> 64-bit id; null -> 0.
uint64_t ReadId(od::value v, const char* field);
// Decimal digits -> uint64; false on anything else or overflow.
bool ParseDecimalId(std::string_view s, uint64_t* out);

// Numeric ids come before id_str in v1.1, so the numeric one is kept as its
// raw token and converted only when no id_str follows.
inline std::string_view IdToken(od::value v) { return v.raw_json_token(); }
// The token as an id: a JSON number or a quoted decimal string; null -> 0.
uint64_t IdFromToken(std::string_view token, const char* field);

inline std::string_view ReadString(od::value v) {
  if (v.is_null()) return {};
  return v.get_string();
}
int64_t ReadInt(od::value v);
double ReadDouble(od::value v);
bool ReadBool(od::value v);

// `<a href="..." rel="nofollow">Twitter for iPhone</a>` -> "Twitter for iPhone".
std::string_view StripSourceHtml(std::string_view source);

}  // namespace roost::json

#endif  // ROOST_PARSE_JSON_VALUES_H_
