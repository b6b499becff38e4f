#include "brands/brand_set.h"

#include <gtest/gtest.h>

#include "brands/brand_query.h"
#include "query/parser.h"
#include "synth/brands.h"

namespace roost::brands {
namespace {

Result<BrandSet> Parse(const std::string& text) { return ParseBrandSet(text, "b.toml"); }

TEST(BrandSet, ReadsWhatSynthWrites) {
  auto set = Parse(synth::BrandsToToml(synth::BuiltinBrands()));
  ASSERT_TRUE(set.ok()) << set.status().message();
  ASSERT_EQ(set->brands.size(), synth::BuiltinBrands().size());
  const BrandDefinition& norva = set->brands[set->Find("norva")];
  EXPECT_EQ(norva.name, "Norva");
  EXPECT_EQ(norva.handles, std::vector<std::string>{"norvamobile"});
  EXPECT_EQ(norva.competitors, std::vector<std::string>{"Zelkor"});
  EXPECT_GT(norva.line, 1);
  for (const BrandDefinition& b : set->brands) {
    auto q = query::ParseQuery(BrandQuery(b));
    EXPECT_TRUE(q.ok()) << BrandQuery(b) << ": " << q.status().message();
  }
}

TEST(BrandSet, FieldsAndCompetitiveSet) {
  auto set = Parse(R"(
[[brand]]
name = "  Acme   Corp "
handles = ["@AcmeHelp", "acme"]
aliases = "Acme"
hashtags = ["#acme"]
exclude = ["acme pie"]
lang = ["EN", "fr"]
competitors = ["Bolt"]

[[brand]]
name = "Bolt"
filter = 'text contains "bolt energy"'

[[brand]]
name = "Cyan"
)");
  ASSERT_TRUE(set.ok()) << set.status().message();
  const BrandDefinition& acme = set->brands[0];
  EXPECT_EQ(acme.name, "Acme Corp");
  EXPECT_EQ(acme.handles, (std::vector<std::string>{"acmehelp", "acme"}));
  EXPECT_EQ(acme.hashtags, std::vector<std::string>{"acme"});  // "Acme" can be one, and is already
  // A name that can be a hashtag is one too; a name with a space cannot.
  EXPECT_EQ(set->brands[1].hashtags, std::vector<std::string>{"Bolt"});
  EXPECT_EQ(acme.langs, (std::vector<std::string>{"en", "fr"}));
  EXPECT_EQ(set->CompetitiveSet(0), (std::vector<size_t>{0, 1}));
  EXPECT_EQ(set->CompetitiveSet(1), (std::vector<size_t>{0, 1}));  // named by Acme
  EXPECT_EQ(set->CompetitiveSet(2), (std::vector<size_t>{2}));
  EXPECT_EQ(BrandQuery(acme),
            "(@acmehelp OR from:acmehelp OR to:acmehelp OR @acme OR from:acme OR to:acme OR #acme OR ((\"Acme Corp\" OR \"Acme\") -\"acme pie\")) "
            "(lang:en OR lang:fr)");
  // A CSDL filter joins the rule as CSDL.
  const std::string bolt = BrandQuery(set->brands[1]);
  EXPECT_NE(bolt.find("text contains \"bolt energy\""), std::string::npos) << bolt;
  EXPECT_NE(bolt.find(" or "), std::string::npos) << bolt;
  EXPECT_TRUE(query::ParseQuery(BrandQuery(acme)).ok());
  EXPECT_TRUE(query::ParseQuery(BrandQuery(set->brands[1])).ok());
  EXPECT_NE(BrandFingerprint(acme), BrandFingerprint(set->brands[1]));
  EXPECT_EQ(BrandNamingWords(set->brands[2]), std::vector<std::string>{"Cyan"});
}

void ExpectError(const std::string& text, const std::string& want) {
  auto set = Parse(text);
  ASSERT_FALSE(set.ok()) << text;
  EXPECT_NE(set.status().message().find(want), std::string::npos) << set.status().message();
}

TEST(BrandSet, ErrorsNameFileLineAndField) {
  ExpectError("[[brand]]\nname = \"A\"\nalias = [\"x\"]\n", "b.toml:3: brand field 'alias': unknown key");
  ExpectError("[[brand]]\nhandle = \"a\"\n", "b.toml:1: brand has no 'name'");
  ExpectError("[[brand]]\nname = \"  \"\n", "b.toml:2: brand field 'name': empty value");
  ExpectError("[[brand]]\nname = \"A\"\n[[brand]]\nname = \"a\"\n", "b.toml:3: brand field 'name': 'a' is defined twice");
  ExpectError("[[brand]]\nname = \"A\"\ncompetitors = [\"Q\"]\n", "b.toml:1: brand field 'competitors'");
  ExpectError("[[brand]]\nname = \"A\"\n\nfilter = \"lang:fr (\"\n", "b.toml:4: brand field 'filter': ");
  ExpectError("[[brand]]\nname = \"A\"\nhandle = \"not a handle\"\n", "b.toml:3: brand field 'handle'");
  ExpectError("[[brand]]\nname = \"A\"\naliases = [\"say \\\"hi\\\"\"]\n", "b.toml:3: brand field 'aliases'");
  ExpectError("[[brand]]\nname = \"A\"\nproducts = 3\n", "b.toml:3: brand field 'products': expected a string");
  ExpectError("title = \"x\"\n", "b.toml:1: unknown table or key 'title'");
  ExpectError("", "b.toml: no [[brand]] tables");
  ExpectError("[[brand]\nname = \"A\"\n", "b.toml:1");
}

TEST(BrandSet, FilterErrorGivesItsColumn) {
  auto set = Parse("[[brand]]\nname = \"A\"\nfilter = 'lang:english'\n");
  ASSERT_FALSE(set.ok());
  EXPECT_NE(set.status().message().find("column"), std::string::npos) << set.status().message();
}

TEST(BrandSet, MissingFileIsNotFound) {
  EXPECT_EQ(LoadBrandSet("/nonexistent/brands.toml").status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace roost::brands
