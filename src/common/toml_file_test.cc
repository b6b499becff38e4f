#include "common/toml_file.h"

#include <gtest/gtest.h>

namespace roost {
namespace {

TEST(TomlFileTest, ParsesAndNamesTheLineOfAnError) {
  auto ok = ParseTomlText("[privacy]\nmin_answer_authors = 5\n", "p.toml");
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  EXPECT_EQ((*ok)["privacy"]["min_answer_authors"].value_or(0), 5);
  auto bad = ParseTomlText("[privacy]\nmin_answer_authors = = 5\n", "p.toml");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kParseError);
  EXPECT_EQ(bad.status().message().rfind("p.toml:2: ", 0), 0u) << bad.status().message();
}

TEST(TomlFileTest, NonAsciiIsFineInStringsAndComments) {
  auto ok = ParseTomlText("# caf\xC3\xA9 \xE2\x82\xAC\n[brand]\nname = \"Caf\xC3\xA9\"\nalt = 'na\xC3\xAFve'\n"
                          "\"cl\xC3\xA9\" = \"\"\"multi\n\xC3\xBC line\"\"\"\nq = \"esc \\\" \xC3\xA9\"\n",
                          "b.toml");
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  EXPECT_EQ((*ok)["brand"]["name"].value_or(std::string()), "Caf\xC3\xA9");
}

TEST(TomlFileTest, NonAsciiOutsideStringsIsRefusedWithItsLine) {
  for (const char* text : {"[privacy]\n\xC3\xBC = 1\n", "[privacy]\nx = 12\xE2\xB1\xBE\n", "[privacy]\nx = 1 \xC2\xA0\n"}) {
    auto bad = ParseTomlText(text, "p.toml");
    ASSERT_FALSE(bad.ok()) << text;
    EXPECT_EQ(bad.status().message().rfind("p.toml:2: ", 0), 0u) << bad.status().message();
  }
}

TEST(TomlFileTest, AMissingFileIsNotFound) {
  auto r = ParseTomlFile("/nonexistent/roost.toml");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace roost
