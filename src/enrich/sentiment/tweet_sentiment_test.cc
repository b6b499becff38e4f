#include "enrich/sentiment/tweet_sentiment.h"

#include <gtest/gtest.h>

#include <optional>

namespace roost {
namespace {

const TweetSentimentScorer* Load(SentimentModel model) {
  TweetSentimentOptions options;
  options.model = model;
  options.ignore_words = {"Joy", "@joyshop"};
  auto loaded = TweetSentimentScorer::Load(options);
  return loaded.ok() ? new TweetSentimentScorer(std::move(loaded).value()) : nullptr;
}

const TweetSentimentScorer* Learned() {
  static const TweetSentimentScorer* s = Load(SentimentModel::kLearned);
  return s;
}
const TweetSentimentScorer* Lexicon() {
  static const TweetSentimentScorer* s = Load(SentimentModel::kLexicon);
  return s;
}

TEST(TweetSentiment, EachLanguageGetsItsScorerOrNone) {
  if (Learned() == nullptr || Lexicon() == nullptr) GTEST_SKIP() << "lexicons or models not found";
  EXPECT_EQ(Learned()->ModelFor("en"), SentimentModel::kLearned);
  EXPECT_EQ(Learned()->ModelFor("pt-BR"), SentimentModel::kLearned);
  EXPECT_EQ(Learned()->ModelFor("ja"), SentimentModel::kNone);
  EXPECT_EQ(Learned()->ModelFor("und"), SentimentModel::kNone);
  EXPECT_EQ(Lexicon()->ModelFor("fr"), SentimentModel::kLexicon);
  EXPECT_EQ(Lexicon()->ModelFor("de"), SentimentModel::kNone);

  SentimentModel model = SentimentModel::kLexicon;
  SentimentResult r = Learned()->Score("Ich liebe diesen Tag, einfach wunderbar", "de", &model);
  EXPECT_TRUE(r.scored);
  EXPECT_EQ(model, SentimentModel::kLearned);
  EXPECT_EQ(r.label, 1);
  r = Lexicon()->Score("Ich liebe diesen Tag, einfach wunderbar", "de", &model);
  EXPECT_FALSE(r.scored);
  EXPECT_EQ(model, SentimentModel::kNone);
  EXPECT_EQ(r.compound, 0.0f);
  r = Learned()->Score("今日はいい天気", "ja", &model);
  EXPECT_FALSE(r.scored);
  EXPECT_EQ(model, SentimentModel::kNone);
}

// Brand names and handles carry no sentiment in either scorer.
TEST(TweetSentiment, IgnoredWordsInBothScorers) {
  if (Learned() == nullptr || Lexicon() == nullptr) GTEST_SKIP() << "lexicons or models not found";
  for (const TweetSentimentScorer* s : {Learned(), Lexicon()}) {
    SentimentModel m1, m2;
    const SentimentResult with = s->Score("Joy opened a store downtown @joyshop", "en", &m1);
    // A handle stays a <user> placeholder in the learned model: any handle.
    const SentimentResult without = s->Score("opened a store downtown @someone", "en", &m2);
    EXPECT_NEAR(with.compound, without.compound, 1e-6) << SentimentModelName(m1);
    EXPECT_EQ(m1, m2);
  }
  EXPECT_EQ(Lexicon()->ignored().words().size(), 2u);  // "joy", "joyshop"
}

TEST(TweetSentiment, NoModelIsAnError) {
  TweetSentimentOptions options;
  options.model = SentimentModel::kNone;
  EXPECT_EQ(TweetSentimentScorer::Load(options).status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace roost
