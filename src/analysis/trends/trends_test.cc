#include "analysis/trends/trends.h"

#include <gtest/gtest.h>

namespace roost::trends {
namespace {

TEST(IsTopicalTest, WordsNumbersAndTagsNameTopicsEmojiAndEmoticonsDoNot) {
  EXPECT_TRUE(IsTopical("earthquake"));
  EXPECT_TRUE(IsTopical("東京"));
  EXPECT_TRUE(IsTopical("penalty shootout"));
  EXPECT_TRUE(IsTopical("2012"));
  EXPECT_TRUE(IsTopical("😢 earthquake"));
  EXPECT_FALSE(IsTopical("😢"));
  EXPECT_FALSE(IsTopical(":("));
  EXPECT_FALSE(IsTopical("😢 :("));
  EXPECT_FALSE(IsTopical("!!!"));
  EXPECT_FALSE(IsTopical(""));
}

}  // namespace
}  // namespace roost::trends
