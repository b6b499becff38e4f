// JsonWriter: builds the JSON that commands and the HTTP API print. Keys
// keep the order they are written in, so outputs are stable for scripts.
#ifndef ROOST_COMMON_JSON_WRITER_H_
#define ROOST_COMMON_JSON_WRITER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace roost {

// Appends `s` as a JSON string literal (quotes included). Invalid UTF-8
// bytes become U+FFFD so the output is always valid JSON.
void AppendJsonString(std::string* out, std::string_view s);

class JsonWriter {
 public:
  JsonWriter& BeginObject();
  JsonWriter& EndObject();
  JsonWriter& BeginArray();
  JsonWriter& EndArray();
  JsonWriter& Key(std::string_view key);
  JsonWriter& String(std::string_view value);
  JsonWriter& Int(int64_t value);
  JsonWriter& Uint(uint64_t value);
  JsonWriter& Double(double value);  // non-finite values become null
  JsonWriter& Bool(bool value);
  JsonWriter& Null();

  const std::string& str() const { return out_; }

 private:
  void Separate();
  std::string out_;
  std::vector<bool> first_;  // per open container: no element written yet
  bool after_key_ = false;
};

}  // namespace roost

#endif  // ROOST_COMMON_JSON_WRITER_H_
