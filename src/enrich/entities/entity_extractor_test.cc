// Unit tests that need no shared data: multilingual hashtags, mentions in
// replies, URLs without protocol, indices in code points, domains.
#include "enrich/entities/entity_extractor.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace roost::enrich {
namespace {

std::vector<std::string> TextsOf(const std::vector<Entity>& entities, Entity::Type type) {
  std::vector<std::string> out;
  for (const Entity& e : entities) {
    if (e.type == type) out.push_back(e.text);
  }
  return out;
}

using Strings = std::vector<std::string>;

TEST(EntityExtractorTest, FrenchAccentsStayInHashtags) {
  EntityExtractor ex;
  auto entities = ex.Extract("Vive l'été ! #café #Noël #àlaune #crèmebrûlée, aujourd'hui #l'amour");
  // The apostrophe ends a hashtag: #l'amour is the hashtag "l".
  EXPECT_EQ(TextsOf(entities, Entity::kHashtag),
            (Strings{"café", "Noël", "àlaune", "crèmebrûlée", "l"}));
}

TEST(EntityExtractorTest, JapaneseHashtagsAndMentions) {
  EntityExtractor ex;
  auto entities =
      ex.Extract("今日は #東京 で #ラーメン を食べた。@tanaka_taro さんと！#日本語ハッシュタグ。");
  EXPECT_EQ(TextsOf(entities, Entity::kHashtag),
            (Strings{"東京", "ラーメン", "日本語ハッシュタグ"}));
  EXPECT_EQ(TextsOf(entities, Entity::kMention), (Strings{"tanaka_taro"}));
  // "今日は " is four code points, so #東京 spans [4, 7).
  ASSERT_FALSE(entities.empty());
  EXPECT_EQ(entities[0].start, 4);
  EXPECT_EQ(entities[0].end, 7);
}

TEST(EntityExtractorTest, ArabicHashtagsKeepUnderscoresAndNumbers) {
  EntityExtractor ex;
  auto entities = ex.Extract("عاجل #مصر #كأس_العالم #٢٠٢٢ @AlJazeera");
  EXPECT_EQ(TextsOf(entities, Entity::kHashtag), (Strings{"مصر", "كأس_العالم"}));
  EXPECT_EQ(TextsOf(entities, Entity::kMention), (Strings{"AlJazeera"}));
}

TEST(EntityExtractorTest, EmojiOnlyTweetHasNoEntitiesAndCountsTwoPerEmoji) {
  EntityExtractor ex;
  const std::string text = "😂😂🔥👨‍👩‍👧‍👦🇫🇷";
  EXPECT_TRUE(ex.Extract(text).empty());
  EXPECT_EQ(ex.WeightedLength(text), 10);  // five emoji sequences, 2 each
  EXPECT_TRUE(ex.IsValidTweet(text));
}

TEST(EntityExtractorTest, IndicesAreCodePointsNotUtf16OrBytes) {
  EntityExtractor ex;
  auto entities = ex.Extract("😀 #tag @you");
  ASSERT_EQ(entities.size(), 2u);
  EXPECT_EQ(entities[0].start, 2);  // the emoji is one code point
  EXPECT_EQ(entities[0].end, 6);
  EXPECT_EQ(entities[1].start, 7);
  EXPECT_EQ(entities[1].end, 11);
}

TEST(EntityExtractorTest, UrlsWithoutProtocol) {
  EntityExtractor ex;
  auto urls = TextsOf(ex.Extract("read lemonde.fr/politique and bbc.co.uk, not file.txt or a.b"),
                      Entity::kUrl);
  EXPECT_EQ(urls, (Strings{"lemonde.fr/politique", "bbc.co.uk"}));
  EXPECT_TRUE(ex.Extract("mail me at jean.dupont@orange.fr").empty());
}

TEST(EntityExtractorTest, UrlWithProtocolAndIdn) {
  EntityExtractor ex;
  auto entities = ex.Extract("voir https://www.例え.jp/パス?x=1 et http://café.fr/menu.");
  EXPECT_EQ(TextsOf(entities, Entity::kUrl),
            (Strings{"https://www.例え.jp/", "http://café.fr/menu"}));
}

TEST(EntityExtractorTest, ReplyAndMentionIds) {
  EntityExtractor ex;
  const std::string text = "@alice @bob_2 merci ! cc @carol";
  EXPECT_EQ(ex.ReplyScreenName(text), "alice");
  auto mentions = ex.ExtractMentions(text);
  ASSERT_EQ(mentions.size(), 3u);
  EXPECT_EQ(mentions[0], (Entity{Entity::kMention, "alice", 0, 6}));
  EXPECT_EQ(mentions[1], (Entity{Entity::kMention, "bob_2", 7, 13}));
  EXPECT_EQ(mentions[2], (Entity{Entity::kMention, "carol", 25, 31}));
  EXPECT_EQ(ex.ReplyScreenName("hello @alice"), "");
  EXPECT_EQ(ex.ReplyScreenName("RT @alice: hi"), "");
}

TEST(EntityExtractorTest, ListsAreTheirOwnKind) {
  EntityExtractor ex;
  auto entities = ex.Extract("see @nytimes/politics and @nytimes");
  ASSERT_EQ(entities.size(), 2u);
  EXPECT_EQ(entities[0].type, Entity::kList);
  EXPECT_EQ(entities[0].text, "nytimes/politics");
  EXPECT_EQ(entities[1].type, Entity::kMention);
}

TEST(EntityExtractorTest, CashtagsAndOverlapRemoval) {
  EntityExtractor ex;
  auto entities = ex.Extract("$AAPL up, $GOOG.B flat; see http://example.com/#notatag #real");
  EXPECT_EQ(TextsOf(entities, Entity::kCashtag), (Strings{"AAPL", "GOOG.B"}));
  EXPECT_EQ(TextsOf(entities, Entity::kHashtag), (Strings{"real"}));
  EXPECT_EQ(TextsOf(entities, Entity::kUrl), (Strings{"http://example.com/#notatag"}));
  for (size_t i = 1; i < entities.size(); ++i) {
    EXPECT_LE(entities[i - 1].end, entities[i].start);
  }
}

TEST(EntityExtractorTest, MixedScripts) {
  EntityExtractor ex;
  auto entities = ex.Extract("Москва #Россия vs Paris #France, 東京 #東京 — #Ελλάδα @user");
  EXPECT_EQ(TextsOf(entities, Entity::kHashtag), (Strings{"Россия", "France", "東京", "Ελλάδα"}));
}

TEST(EntityExtractorTest, InvalidUtf8IsOneReplacementCharacter) {
  EntityExtractor ex;
  auto entities = ex.Extract(std::string("\xff\xfe #ok"));
  ASSERT_EQ(entities.size(), 1u);
  EXPECT_EQ(entities[0].text, "ok");
  EXPECT_EQ(entities[0].start, 3);
}

TEST(EntityExtractorTest, ReusedOutputVectorIsCleared) {
  EntityExtractor ex;
  std::vector<Entity> out;
  ex.Extract("#one #two", &out);
  EXPECT_EQ(out.size(), 2u);
  ex.Extract("nothing here", &out);
  EXPECT_TRUE(out.empty());
}

TEST(EntityExtractorTest, WeightedLength) {
  EntityExtractor ex;
  EXPECT_EQ(ex.WeightedLength("hello"), 5);
  EXPECT_EQ(ex.WeightedLength("東京"), 4);
  EXPECT_EQ(ex.WeightedLength("see https://example.com/a/very/long/path/indeed"), 4 + 23);
  EXPECT_FALSE(ex.IsValidTweet(""));
  EXPECT_FALSE(ex.IsValidTweet(std::string(281, 'a')));
  EXPECT_TRUE(ex.IsValidTweet(std::string(280, 'a')));
}

TEST(NormalizeDomainTest, StripsSchemeWwwPortPathAndLowercases) {
  EXPECT_EQ(NormalizeDomain("HTTPS://WWW.Example.COM:8080/path?q=1#f"), "example.com");
  EXPECT_EQ(NormalizeDomain("http://www.bbc.co.uk"), "bbc.co.uk");
  EXPECT_EQ(NormalizeDomain("t.co/abcde"), "t.co");
  EXPECT_EQ(NormalizeDomain("lemonde.fr?x"), "lemonde.fr");
  EXPECT_EQ(NormalizeDomain("ELPAÍS.com"), "elpaís.com");
  EXPECT_EQ(NormalizeDomain("www.com"), "www.com");
  EXPECT_EQ(NormalizeDomain("http://user:pw@Host.example.org./x"), "host.example.org");
  EXPECT_EQ(NormalizeDomain(""), "");
}

}  // namespace
}  // namespace roost::enrich
