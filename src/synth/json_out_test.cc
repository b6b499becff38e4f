#include "synth/json_out.h"

#include <gtest/gtest.h>

namespace roost::synth {
namespace {

std::string Quoted(std::string_view s) {
  std::string out;
  JsonOut(&out).Str(s);
  return out;
}

TEST(JsonOutTest, EscapesWhatJsonRequires) {
  EXPECT_EQ(Quoted(""), "\"\"");
  EXPECT_EQ(Quoted("plain ascii words, long enough for a word scan"), "\"plain ascii words, long enough for a word scan\"");
  EXPECT_EQ(Quoted("a\"b"), "\"a\\\"b\"");
  EXPECT_EQ(Quoted("12345678\\9"), "\"12345678\\\\9\"");
  EXPECT_EQ(Quoted("line\nbreak\ttab\rcr"), "\"line\\nbreak\\ttab\\rcr\"");
  EXPECT_EQ(Quoted(std::string_view("nul\0x", 5)), "\"nul\\u0000x\"");
  EXPECT_EQ(Quoted("\x1f"), "\"\\u001f\"");
  // UTF-8 passes through untouched, also next to escapes inside one word.
  EXPECT_EQ(Quoted("génial 😍 \"東京\""), "\"génial 😍 \\\"東京\\\"\"");
  EXPECT_EQ(Quoted("<a href=\"x\">y</a>"), "\"<a href=\\\"x\\\">y</a>\"");
}

TEST(JsonOutTest, NumbersAndCodePoints) {
  std::string out;
  JsonOut j(&out);
  j.U64(18446744073709551615ULL).Char(',').I64(-42).Char(',').U64Str(7).Char(',').Fixed(-0.5, 3).Char(',').Bool(true);
  EXPECT_EQ(out, "18446744073709551615,-42,\"7\",-0.500,true");
  EXPECT_EQ(CodePoints("abc"), 3u);
  EXPECT_EQ(CodePoints("é😍東"), 3u);
}

}  // namespace
}  // namespace roost::synth
