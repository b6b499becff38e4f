// The admin bodies' JSON reader on its own: escapes decoded to UTF-8
// (surrogate pairs joined), and malformed input refused with its offset.
#include "server/json_body.h"

#include <gtest/gtest.h>

namespace roost::server {
namespace {

TEST(JsonBodyTest, EscapesBecomeUtf8) {
  auto v = ParseJsonBody(R"({"s": "a\u00e9\u20ac\ud83d\ude00\n\"\\/"})");
  ASSERT_TRUE(v.ok()) << v.status().message();
  ASSERT_NE(v->Find("s"), nullptr);
  EXPECT_EQ(v->Find("s")->string, "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\n\"\\/");
}

TEST(JsonBodyTest, MalformedInputNamesItsOffset) {
  for (const char* body : {R"({"s": "\ud83d"})", R"({"s": "\u12"})", R"({"s": 1,})", R"({"a": 1, "a": 2})"}) {
    auto v = ParseJsonBody(body);
    ASSERT_FALSE(v.ok()) << body;
    EXPECT_EQ(v.status().code(), StatusCode::kInvalidArgument) << body;
  }
  auto bad = ParseJsonBody(R"({"s": 1,})");
  EXPECT_NE(bad.status().message().find("offset"), std::string::npos) << bad.status().message();
}

}  // namespace
}  // namespace roost::server
