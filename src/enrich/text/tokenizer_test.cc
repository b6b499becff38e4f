#include "enrich/text/tokenizer.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace roost::text {
namespace {

using Pairs = std::vector<std::pair<std::string, std::string>>;  // kind, text

Pairs Tok(std::string_view text, TokenizerOptions options = {}) {
  std::vector<Token> tokens;
  Tokenizer(options).Tokenize(text, &tokens);
  Pairs out;
  for (const auto& t : tokens) out.emplace_back(TokenKindName(t.kind), std::string(t.In(text)));
  return out;
}

std::vector<std::string> Words(std::string_view text, TokenizerOptions options = {}) {
  std::vector<std::string> out;
  for (auto& [kind, s] : Tok(text, options)) {
    if (kind == "word") out.push_back(s);
  }
  return out;
}

TEST(TokenizerTest, EnglishWordsNumbersAndEntities) {
  Pairs expected = {{"word", "Loving"},     {"word", "the"},          {"hashtag", "#NewiPad"},
                    {"word", "from"},       {"mention", "@Apple"},    {"cashtag", "$AAPL"},
                    {"word", "up"},         {"number", "3.5"},        {"url", "http://t.co/abc123"},
                    {"word", "don't"},      {"word", "miss"},         {"number", "1,000"}};
  EXPECT_EQ(Tok("Loving the #NewiPad from @Apple! $AAPL up 3.5% http://t.co/abc123. don't miss "
                "1,000"),
            expected);
}

TEST(TokenizerTest, NotEntities) {
  // e-mail, "#1", "$5", a hashtag glued to a word.
  EXPECT_EQ(Tok("mail me@x.org we're #1 for $5 and C#"),
            (Pairs{{"word", "mail"},
                   {"word", "me"},
                   {"url", "x.org"},
                   {"word", "we're"},
                   {"number", "1"},
                   {"word", "for"},
                   {"number", "5"},
                   {"word", "and"},
                   {"word", "C"}}));
}

TEST(TokenizerTest, LinksWithoutScheme) {
  EXPECT_EQ(Tok("see pic.twitter.com/xyz9 and nytimes.com, www.bbc.co.uk/news)."),
            (Pairs{{"word", "see"},
                   {"url", "pic.twitter.com/xyz9"},
                   {"word", "and"},
                   {"url", "nytimes.com"},
                   {"url", "www.bbc.co.uk/news"}}));
  // Prose with dots is not a link.
  EXPECT_EQ(Words("end.Start e.g. node.js"),
            (std::vector<std::string>{"end", "Start", "e", "g", "node", "js"}));
}

TEST(TokenizerTest, FrenchAccentsAndElision) {
  EXPECT_EQ(Words("L'amour d’été, aujourd'hui qu'il fait beau à Paris"),
            (std::vector<std::string>{"amour", "été", "aujourd'hui", "il", "fait", "beau", "à",
                                      "Paris"}));
  TokenizerOptions keep;
  keep.split_elision = false;
  EXPECT_EQ(Words("l'amour", keep), (std::vector<std::string>{"l'amour"}));
  // English contractions are not elisions; the possessive 's is dropped.
  EXPECT_EQ(Words("I can't, it's"), (std::vector<std::string>{"I", "can't", "it"}));
}

TEST(TokenizerTest, EnglishPossessive) {
  EXPECT_EQ(Words("the plane's wing, the plane’s tail, PLANE'S, planes'"),
            (std::vector<std::string>{"the", "plane", "wing", "the", "plane", "tail", "PLANE", "planes"}));
  TokenizerOptions keep;
  keep.strip_possessive = false;
  EXPECT_EQ(Words("plane's", keep), (std::vector<std::string>{"plane's"}));
  // Elision and possessive together: l'homme's -> homme.
  EXPECT_EQ(Words("l'homme's"), (std::vector<std::string>{"homme"}));
}

TokenizerOptions Dictionary() {
  TokenizerOptions o;
  o.cjk = CjkSegmentation::kDictionary;
  return o;
}

TEST(TokenizerTest, JapaneseScriptRunsByDefault) {
  EXPECT_EQ(Words("東京スカイツリーに行きました"),
            (std::vector<std::string>{"東京", "スカイツリー", "に", "行", "きました"}));
  // Long Han runs become bigrams; katakana with the prolonged mark stays whole.
  EXPECT_EQ(Words("東京都庁でコーヒー"),
            (std::vector<std::string>{"東京", "京都", "都庁", "で", "コーヒー"}));
  EXPECT_EQ(Words("すごーい"), (std::vector<std::string>{"すごーい"}));
}

TEST(TokenizerTest, JapaneseDictionaryYieldsWordsNotSentences) {
  auto words = Words("東京スカイツリーに行きました", Dictionary());
  ASSERT_GE(words.size(), 3u);
  for (const auto& w : words) EXPECT_LT(w.size(), std::string("東京スカイツリーに行きました").size());
  // A dictionary word comes out whole.
  EXPECT_NE(std::find(words.begin(), words.end(), "東京"), words.end());
  EXPECT_NE(std::find(words.begin(), words.end(), "行き"), words.end());
  auto weather = Words("今日は寒いですね。明日は雪が降るらしい", Dictionary());
  EXPECT_NE(std::find(weather.begin(), weather.end(), "今日"), weather.end());
  EXPECT_NE(std::find(weather.begin(), weather.end(), "明日"), weather.end());
  EXPECT_NE(std::find(weather.begin(), weather.end(), "寒い"), weather.end());
}

TEST(TokenizerTest, JapaneseBigramMode) {
  TokenizerOptions bigrams;
  bigrams.cjk = CjkSegmentation::kBigrams;
  EXPECT_EQ(Words("東京タワー", bigrams),
            (std::vector<std::string>{"東京", "京タ", "タワ", "ワー"}));
  EXPECT_EQ(Words("猫", bigrams), (std::vector<std::string>{"猫"}));
}

TEST(TokenizerTest, ChineseAndThaiAreSegmented) {
  auto zh = Words("我爱北京天安门", Dictionary());
  EXPECT_GE(zh.size(), 3u);
  auto zh_runs = Words("我爱北京天安门");  // default: Han bigrams
  EXPECT_NE(std::find(zh_runs.begin(), zh_runs.end(), "北京"), zh_runs.end());
  EXPECT_NE(std::find(zh_runs.begin(), zh_runs.end(), "天安"), zh_runs.end());
  EXPECT_NE(std::find(zh.begin(), zh.end(), "北京"), zh.end());
  auto th = Words("สวัสดีครับ ผมชื่อสมชาย");
  EXPECT_GE(th.size(), 3u);
  EXPECT_NE(std::find(th.begin(), th.end(), "สวัสดี"), th.end());
}

TEST(TokenizerTest, JapaneseHashtagAndMixedScript) {
  // The Latin word stops where the kana start; ICU segments the rest.
  auto tokens = Tok("iPhone5を買った #東京 @jp_user");
  ASSERT_GE(tokens.size(), 5u);
  EXPECT_EQ(tokens[0], (std::pair<std::string, std::string>{"word", "iPhone5"}));
  EXPECT_EQ(tokens[1], (std::pair<std::string, std::string>{"word", "を"}));
  EXPECT_EQ(tokens[tokens.size() - 2], (std::pair<std::string, std::string>{"hashtag", "#東京"}));
  EXPECT_EQ(tokens.back(), (std::pair<std::string, std::string>{"mention", "@jp_user"}));
}

TEST(TokenizerTest, Arabic) {
  EXPECT_EQ(Words("مرحبا بالعالم! كَتَبَ الوَلَدُ"),
            (std::vector<std::string>{"مرحبا", "بالعالم", "كَتَبَ", "الوَلَدُ"}));
  EXPECT_EQ(Tok("#مصر @user"), (Pairs{{"hashtag", "#مصر"}, {"mention", "@user"}}));
}

TEST(TokenizerTest, EmojiOnlyTweet) {
  EXPECT_EQ(Tok("😂😂 👍🏽 🇫🇷 👨‍👩‍👧 ❤️"),
            (Pairs{{"emoji", "😂"},
                   {"emoji", "😂"},
                   {"emoji", "👍🏽"},
                   {"emoji", "🇫🇷"},
                   {"emoji", "👨‍👩‍👧"},
                   {"emoji", "❤️"}}));
}

TEST(TokenizerTest, Emoticons) {
  EXPECT_EQ(Tok("great:) so sad :-( i &lt;3 you XD ^_^ 10:30"),
            (Pairs{{"word", "great"},
                   {"emoticon", ":)"},
                   {"word", "so"},
                   {"word", "sad"},
                   {"emoticon", ":-("},
                   {"word", "i"},
                   {"emoticon", "&lt;3"},
                   {"word", "you"},
                   {"emoticon", "XD"},
                   {"emoticon", "^_^"},
                   {"number", "10:30"}}));
}

TEST(TokenizerTest, MixedScripts) {
  EXPECT_EQ(Words("Привет world مرحبا 世界 Ελλάδα"),
            (std::vector<std::string>{"Привет", "world", "مرحبا", "世界", "Ελλάδα"}));
}

TEST(TokenizerTest, HtmlEntitiesAreSkipped) {
  EXPECT_EQ(Words("Tom &amp; Jerry &quot;hi&quot; &#39;x"),
            (std::vector<std::string>{"Tom", "Jerry", "hi", "x"}));
}

TEST(TokenizerTest, InvalidUtf8AndEmptyInput) {
  EXPECT_TRUE(Tok("").empty());
  EXPECT_EQ(Words("ab\xFF\xFE"
                  "cd"),
            (std::vector<std::string>{"ab", "cd"}));
  std::string junk;
  for (int i = 0; i < 256; ++i) junk.push_back(static_cast<char>(i));
  std::vector<Token> tokens;
  Tokenizer().Tokenize(junk, &tokens);  // must not crash or loop
  for (const auto& t : tokens) EXPECT_LE(t.end, junk.size());
}

}  // namespace
}  // namespace roost::text
