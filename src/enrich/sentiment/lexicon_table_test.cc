#include "enrich/sentiment/lexicon_table.h"

#include <gtest/gtest.h>

#include <string>

#include "enrich/sentiment/emoji_index.h"

namespace roost::sentiment {
namespace {

TEST(LexiconTableTest, FindsWhatWasInsertedAcrossGrowth) {
  LexiconTable table;
  for (int i = 0; i < 5000; ++i) {
    LexEntry& e = table.Upsert("w" + std::to_string(i));
    e.flags = kHasValence;
    e.valence = static_cast<float>(i);
  }
  EXPECT_EQ(table.size(), 5000u);
  for (int i = 0; i < 5000; i += 7) {
    const LexEntry* e = table.Find("w" + std::to_string(i));
    ASSERT_NE(e, nullptr) << i;
    EXPECT_EQ(e->valence, static_cast<float>(i));
  }
  EXPECT_EQ(table.Find("w5000"), nullptr);
  EXPECT_EQ(table.Find(""), nullptr);
}

TEST(LexiconTableTest, UpsertReturnsTheExistingEntry) {
  LexiconTable table;
  table.Upsert("good").valence = 1.9f;
  table.Upsert("good").flags |= kBooster;
  ASSERT_NE(table.Find("good"), nullptr);
  EXPECT_EQ(table.Find("good")->valence, 1.9f);
  EXPECT_EQ(table.Find("good")->flags, static_cast<uint32_t>(kBooster));
  EXPECT_EQ(table.size(), 1u);
}

TEST(LexiconTableTest, KeysSharingAPrefixStayDistinct) {
  LexiconTable table;
  const std::string keys[] = {"goo", "good", "goods", "good ", "goodgoodgoodgood", "goodgoodgoodgoods"};
  for (size_t i = 0; i < std::size(keys); ++i) table.Upsert(keys[i]).valence = static_cast<float>(i);
  for (int i = 0; i < 3000; ++i) table.Upsert("filler" + std::to_string(i));  // several growths
  for (size_t i = 0; i < std::size(keys); ++i) {
    const LexEntry* e = table.Find(keys[i]);
    ASSERT_NE(e, nullptr) << keys[i];
    EXPECT_EQ(e->valence, static_cast<float>(i)) << keys[i];
  }
  EXPECT_EQ(table.Find("go"), nullptr);
  EXPECT_EQ(table.Find("goodgoodgoodgoo"), nullptr);
  EXPECT_EQ(table.size(), std::size(keys) + 3000);
}

TEST(EmojiIndexTest, MatchesSequencesAndIgnoresSkinTonesAndSelectors) {
  EmojiIndex index;
  index.Add("\xF0\x9F\x91\x8D\xEF\xB8\x8F").valence = 2.0f;  // 👍️ (with FE0F)
  index.Add("\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7").valence = 0.5f;  // 🇫🇷
  std::string scratch;
  const LexEntry* e = nullptr;
  std::string thumbs_tone = "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD!";  // 👍🏽 then '!'
  size_t n = index.Match(thumbs_tone.data(), thumbs_tone.data() + thumbs_tone.size(), &e, &scratch);
  EXPECT_EQ(n, 8u);  // emoji + skin tone, not the '!'
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->valence, 2.0f);
  std::string flag = "\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7";
  n = index.Match(flag.data(), flag.data() + flag.size(), &e, &scratch);
  EXPECT_EQ(n, 8u);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->valence, 0.5f);
  std::string word = "good";
  EXPECT_EQ(index.Match(word.data(), word.data() + word.size(), &e, &scratch), 0u);
}

}  // namespace
}  // namespace roost::sentiment
