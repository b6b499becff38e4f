#include "common/json_writer.h"

#include <gtest/gtest.h>

namespace roost {
namespace {

TEST(JsonWriterTest, NestedContainersAndEscapes) {
  JsonWriter w;
  w.BeginObject().Key("a").Int(-1).Key("s").String("q\"\\\n\x01").Key("l").BeginArray();
  w.Uint(18446744073709551615ull).Bool(true).Null().Double(0.5).EndArray().EndObject();
  EXPECT_EQ(w.str(), R"({"a":-1,"s":"q\"\\\n\u0001","l":[18446744073709551615,true,null,0.5]})");
}

TEST(JsonWriterTest, InvalidUtf8BecomesReplacementCharacter) {
  std::string out;
  AppendJsonString(&out, "caf\xC3\xA9 \xC3\x28 \xED\xA0\x80");
  EXPECT_EQ(out, "\"caf\xC3\xA9 \xEF\xBF\xBD( \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");
}

TEST(JsonWriterTest, NonFiniteIsNull) {
  JsonWriter w;
  w.BeginArray().Double(1.0 / 0.0).EndArray();
  EXPECT_EQ(w.str(), "[null]");
}

}  // namespace
}  // namespace roost
