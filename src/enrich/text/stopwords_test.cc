#include "enrich/text/stopwords.h"

#include <gtest/gtest.h>

#include "testing/test_util.h"

namespace roost::text {
namespace {

TEST(StopwordsTest, ListsAreFoldedAndPerLanguage) {
  auto set = StopwordSet::FromLists({{"fr", {"Après", "le", "aujourd’hui"}}, {"en", {"The"}}});
  EXPECT_TRUE(set.Contains("fr", "apres"));
  EXPECT_TRUE(set.Contains("fr", "aujourd'hui"));
  EXPECT_TRUE(set.Contains("en", "the"));
  EXPECT_FALSE(set.Contains("fr", "the"));
  EXPECT_FALSE(set.Contains("de", "the"));
  EXPECT_TRUE(set.Contains("en-GB", "the"));
  EXPECT_EQ(set.ForLanguage("xx"), nullptr);
}

TEST(StopwordsTest, LoadsFileAndRejectsBadShape) {
  testing::ScratchDir dir;
  testing::WriteFileOrDie(dir / "ok.json", R"({"es": ["el", "la", "qué"], "de": ["und"]})");
  auto set = StopwordSet::LoadFile(dir / "ok.json");
  ASSERT_TRUE(set.ok()) << set.status().ToString();
  EXPECT_TRUE(set->Contains("es", "que"));
  EXPECT_TRUE(set->Contains("de", "und"));
  EXPECT_EQ(set->ForLanguage("es")->size(), 3u);

  testing::WriteFileOrDie(dir / "bad.json", R"({"es": "el"})");
  EXPECT_EQ(StopwordSet::LoadFile(dir / "bad.json").status().code(), StatusCode::kParseError);
  EXPECT_FALSE(StopwordSet::LoadFile(dir / "missing.json").ok());
}

TEST(StopwordsTest, PackagedListsLoad) {
  auto set = StopwordSet::LoadDefault();
  if (!set.ok()) GTEST_SKIP() << set.status().ToString();  // node_modules not installed
  EXPECT_GE(set->Languages().size(), 50u);
  EXPECT_TRUE(set->Contains("en", "the"));
  EXPECT_TRUE(set->Contains("fr", "le"));
  EXPECT_TRUE(set->Contains("es", "el"));
  EXPECT_TRUE(set->Contains("de", "und"));
  EXPECT_TRUE(set->Contains("ja", "これ"));
  EXPECT_FALSE(set->Contains("en", "obama"));
  EXPECT_FALSE(set->Contains("fr", "amour"));
}

}  // namespace
}  // namespace roost::text
