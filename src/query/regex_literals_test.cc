#include "query/regex_literals.h"

#include <gtest/gtest.h>

namespace roost::query {
namespace {

using V = std::vector<std::string>;

TEST(RequiredLiterals, RunsOfPlainCharacters) {
  EXPECT_EQ(RequiredLiterals("you[a-z]* [a-z]+ kn"), (V{"you", " ", " kn"}));
  EXPECT_EQ(RequiredLiterals("\\bthe\\b"), (V{"the"}));
  EXPECT_EQ(RequiredLiterals("caf\\w"), (V{"caf"}));
  EXPECT_EQ(RequiredLiterals("\\.com$"), (V{".com"}));
  EXPECT_EQ(RequiredLiterals("[(]x[)]"), (V{"x"}));
  EXPECT_EQ(RequiredLiterals("^RT @\\w+:"), (V{"RT @", ":"}));
  EXPECT_EQ(RequiredLiterals("caf\xc3\xa9"), (V{"caf\xc3\xa9"}));
  EXPECT_EQ(RequiredLiterals("new\\s+york"), (V{"new", "york"}));
  EXPECT_EQ(RequiredLiterals("\\x41bc"), (V{"bc"}));
  EXPECT_EQ(RequiredLiterals("\\p{Greek}ab"), (V{"ab"}));
}

TEST(RequiredLiterals, QuantifiersDropOptionalCharacters) {
  EXPECT_EQ(RequiredLiterals("ab?c"), (V{"a", "c"}));
  EXPECT_EQ(RequiredLiterals("ab*c"), (V{"a", "c"}));
  EXPECT_EQ(RequiredLiterals("lo+l"), (V{"lo", "l"}));
  EXPECT_EQ(RequiredLiterals("o{2}x"), (V{"o", "x"}));
  EXPECT_EQ(RequiredLiterals("ao{0,2}x"), (V{"a", "x"}));
  EXPECT_EQ(RequiredLiterals("x\xc3\xa9?y"), (V{"x", "y"}));
  EXPECT_EQ(RequiredLiterals("x(abc)?y"), (V{"x", "y"}));
  EXPECT_EQ(RequiredLiterals("x(?:a|b)+y"), (V{"x", "y"}));
  EXPECT_EQ(RequiredLiterals("a+?b"), (V{"a", "b"}));
}

TEST(RequiredLiterals, GivesUpWhenUnsure) {
  EXPECT_TRUE(RequiredLiterals("abc|def").empty());
  EXPECT_TRUE(RequiredLiterals("(?i)abc").empty());
  EXPECT_TRUE(RequiredLiterals("x(?i:abc)").empty());
  EXPECT_TRUE(RequiredLiterals("\\Qa.b\\E").empty());
  EXPECT_TRUE(RequiredLiterals("(abc").empty());
  EXPECT_TRUE(RequiredLiterals(".*").empty());
}

}  // namespace
}  // namespace roost::query
