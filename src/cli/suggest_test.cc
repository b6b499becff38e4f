#include "cli/suggest.h"

#include <gtest/gtest.h>

namespace roost::cli {
namespace {

// A small app shaped like roost's: two subcommands with their own flags.
class SuggestTest : public ::testing::Test {
 protected:
  SuggestTest() : app_("test app", "roost") {
    auto* count = app_.add_subcommand("count", "count");
    count->add_option("--archive", archive_);
    count->add_option("--filter", filter_);
    count->add_flag("--json", json_);
    auto* top = app_.add_subcommand("top", "top");
    top->add_option("--target,--by", target_);
    top->add_option("--rank-by", target_);
  }
  std::optional<UnknownWord> Find(std::vector<std::string> args) {
    return FindUnknownWord(app_, args);
  }

  CLI::App app_;
  std::string archive_, filter_, target_;
  bool json_ = false;
};

TEST_F(SuggestTest, MisspeltSubcommand) {
  auto u = Find({"cuont", "--archive", "a"});  // two edits (a swap) from "count"
  ASSERT_TRUE(u.has_value());
  EXPECT_FALSE(u->is_flag);
  EXPECT_EQ(u->word, "cuont");
  EXPECT_EQ(u->suggestion, "count");
  EXPECT_EQ(u->command, "roost");
}

TEST_F(SuggestTest, FarSubcommandHasNoSuggestion) {
  auto u = Find({"frobnicate"});
  ASSERT_TRUE(u.has_value());
  EXPECT_EQ(u->suggestion, "");
  EXPECT_NE(DescribeUnknownWord(*u).find("roost --help"), std::string::npos);
}

TEST_F(SuggestTest, MisspeltFlagOfTheSubcommand) {
  auto u = Find({"count", "--archiv", "a"});
  ASSERT_TRUE(u.has_value());
  EXPECT_TRUE(u->is_flag);
  EXPECT_EQ(u->command, "roost count");
  EXPECT_EQ(u->suggestion, "--archive");
  EXPECT_EQ(DescribeUnknownWord(*u),
            "roost count: unknown flag --archiv (did you mean --archive?)");
}

TEST_F(SuggestTest, TransposedLettersAndEqualsSign) {
  auto u = Find({"count", "--archive", "a", "--fliter=#x"});
  ASSERT_TRUE(u.has_value());
  EXPECT_EQ(u->word, "--fliter");
  EXPECT_EQ(u->suggestion, "--filter");
}

TEST_F(SuggestTest, FlagsAreLookedUpInTheirOwnSubcommand) {
  // --by is top's, not count's: the nearest of count's flags is far away.
  auto u = Find({"count", "--by", "lang"});
  ASSERT_TRUE(u.has_value());
  EXPECT_EQ(u->word, "--by");
  EXPECT_EQ(u->suggestion, "");
  EXPECT_FALSE(Find({"top", "--by", "lang"}).has_value());
  // An alias's misspelling finds the alias.
  u = Find({"top", "--rank-bi", "tweets"});
  ASSERT_TRUE(u.has_value());
  EXPECT_EQ(u->suggestion, "--rank-by");
}

TEST_F(SuggestTest, KnownWordsAndPositionalsAreNotFlagged) {
  EXPECT_FALSE(Find({"count", "--archive", "a", "--json", "--help"}).has_value());
  EXPECT_FALSE(Find({"count", "extra", "words"}).has_value());
  EXPECT_FALSE(Find({"count", "--", "--not-a-flag"}).has_value());
  EXPECT_FALSE(Find({}).has_value());
}

}  // namespace
}  // namespace roost::cli
