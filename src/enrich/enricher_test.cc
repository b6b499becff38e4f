#include "enrich/enricher.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <functional>
#include <thread>

namespace roost {
namespace {

bool Has(const TermList& v, std::string_view s) { return std::find(v.begin(), v.end(), s) != v.end(); }

class EnricherTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto e = Enricher::Create();
    if (e.ok()) {
      enricher_ = new Enricher(std::move(e).value());
    } else {
      skip_reason_ = new std::string(e.status().ToString());
    }
  }
  static void TearDownTestSuite() {
    delete enricher_;
    delete skip_reason_;
    enricher_ = nullptr;
    skip_reason_ = nullptr;
  }
  void SetUp() override {
    // The npm packages come from scripts/setup; without them there is nothing to test.
    if (enricher_ == nullptr) GTEST_SKIP() << *skip_reason_;
  }
  static Enricher* enricher_;
  static std::string* skip_reason_;
};
Enricher* EnricherTest::enricher_ = nullptr;
std::string* EnricherTest::skip_reason_ = nullptr;

TEST_F(EnricherTest, EnglishTweetWithEntities) {
  Tweet t;
  t.text = "I love the new #iPad from @Apple, it is really great! http://t.co/abc";
  t.lang = "en";
  t.urls.push_back({"http://t.co/abc", "https://WWW.Apple.com/ipad?x=1"});
  t.hashtags.push_back({"iPad"});
  enricher_->Enrich(&t);
  EXPECT_EQ(t.domains, std::vector<std::string>{"apple.com"});
  EXPECT_EQ(t.detected_lang, "en");
  EXPECT_GT(t.lang_confidence, 0.6f);
  EXPECT_TRUE(Has(t.terms, "love"));
  EXPECT_TRUE(Has(t.terms, "#ipad"));
  EXPECT_TRUE(Has(t.terms, "@apple"));
  EXPECT_FALSE(Has(t.terms, "http://t.co/abc"));
  EXPECT_TRUE(t.sentiment_scored);
  EXPECT_EQ(t.sentiment_model, SentimentModel::kLearned);
  EXPECT_GT(t.sentiment, 0.5f);
  EXPECT_TRUE(t.brand_tags.empty());
}

TEST_F(EnricherTest, FrenchTweetWithoutPlatformTag) {
  Tweet t;
  t.text = "Aujourd'hui je suis triste, l'équipe a perdu le match. Quelle déception !";
  enricher_->Enrich(&t);
  EXPECT_EQ(t.detected_lang, "fr");
  EXPECT_TRUE(Has(t.terms, "aujourd'hui"));
  EXPECT_TRUE(Has(t.terms, "equipe"));  // elision split, accent folded
  EXPECT_FALSE(Has(t.terms, "l'equipe"));
  EXPECT_TRUE(t.sentiment_scored);
  EXPECT_LT(t.sentiment, 0.0f);
}

TEST_F(EnricherTest, JapaneseAndUnscoredLanguage) {
  Tweet t;
  t.text = "今日は東京で友達と映画を見ました。とても面白かったです";
  t.lang = "ja";
  enricher_->Enrich(&t);
  EXPECT_EQ(t.detected_lang, "ja");
  EXPECT_TRUE(Has(t.terms, "東京"));
  EXPECT_FALSE(t.sentiment_scored);  // no Japanese model: not a guess
  EXPECT_EQ(t.sentiment_model, SentimentModel::kNone);
  EXPECT_EQ(t.sentiment, 0.0f);
}

TEST_F(EnricherTest, LexiconOnRequestScoresEnglishAndFrenchOnly) {
  EnricherOptions options;
  options.sentiment_model = SentimentModel::kLexicon;
  auto lexicon = Enricher::Create(options);
  ASSERT_TRUE(lexicon.ok()) << lexicon.status().ToString();
  Tweet en, es;
  en.text = "I love this phone, it is wonderful";
  en.lang = "en";
  es.text = "Me encanta este teléfono, es maravilloso y muy rápido";
  es.lang = "es";
  lexicon->Enrich(&en);
  lexicon->Enrich(&es);
  EXPECT_EQ(en.sentiment_model, SentimentModel::kLexicon);
  EXPECT_GT(en.sentiment, 0.5f);
  EXPECT_EQ(es.detected_lang, "es");
  EXPECT_FALSE(es.sentiment_scored);
  EXPECT_EQ(es.sentiment_model, SentimentModel::kNone);
  enricher_->Enrich(&es);  // the learned models cover Spanish
  EXPECT_EQ(es.sentiment_model, SentimentModel::kLearned);
  EXPECT_GT(es.sentiment, 0.05f);
}

TEST_F(EnricherTest, EmojiOnlyTweet) {
  Tweet t;
  t.text = "😂😂😂🔥";
  enricher_->Enrich(&t);
  EXPECT_EQ(t.detected_lang, "und");
  EXPECT_EQ(t.lang_confidence, 0.0f);
  EXPECT_EQ(t.terms, (TermList{"😂", "🔥"}));
}

TEST_F(EnricherTest, TextOnlyInputGetsEntitiesFromText) {
  Tweet t;
  t.text = "Reading http://www.NYTimes.com/2012/x about $AAPL with @bob #news";
  enricher_->Enrich(&t);
  ASSERT_EQ(t.urls.size(), 1u);
  EXPECT_EQ(t.domains, std::vector<std::string>{"nytimes.com"});
  ASSERT_EQ(t.cashtags.size(), 1u);
  EXPECT_EQ(t.cashtags[0], "AAPL");
  ASSERT_EQ(t.mentions.size(), 1u);
  EXPECT_EQ(t.mentions[0].screen_name, "bob");
  ASSERT_EQ(t.hashtags.size(), 1u);
  EXPECT_EQ(t.hashtags[0].text, "news");
}

TEST_F(EnricherTest, EnrichingTwiceIsStable) {
  Tweet t;
  t.text = "Great game tonight #NBA http://t.co/x";
  t.lang = "en";
  enricher_->Enrich(&t);
  Tweet once = t;
  enricher_->Enrich(&t);
  EXPECT_EQ(t.terms, once.terms);
  EXPECT_EQ(t.domains, once.domains);
  EXPECT_EQ(t.detected_lang, once.detected_lang);
  EXPECT_EQ(t.sentiment, once.sentiment);
}

// Calls same(k, rep) from four threads at once, `reps` times each; returns
// how many calls said false.
int MismatchesAcrossThreads(int reps, const std::function<bool(int, int)>& same) {
  std::atomic<int> mismatches{0};
  std::vector<std::thread> threads;
  for (int k = 0; k < 4; ++k)
    threads.emplace_back([&, k] {
      for (int rep = 0; rep < reps; ++rep)
        if (!same(k, rep)) ++mismatches;
    });
  for (auto& th : threads) th.join();
  return mismatches;
}

TEST_F(EnricherTest, SharedAcrossThreads) {
  const std::string texts[] = {"Je t'aime mon amour, quelle belle journée", "I hate Mondays so much",
                               "東京タワーに行きました", "مرحبا بكم في بيتنا الجميل"};
  std::vector<Tweet> expected;
  for (const auto& s : texts) {
    Tweet t;
    t.text = s;
    enricher_->Enrich(&t);
    expected.push_back(t);
  }
  EXPECT_EQ(MismatchesAcrossThreads(200, [&](int k, int rep) {
              Tweet t;
              t.text = texts[(k + rep) % 4];
              enricher_->Enrich(&t);
              const Tweet& e = expected[(k + rep) % 4];
              return t.terms == e.terms && t.detected_lang == e.detected_lang && t.sentiment == e.sentiment;
            }),
            0);
}

// Repeated retweet texts come from the Enricher's cache: the answer must be
// what the steps compute, including for another platform tag and for an
// Enricher with other options.
TEST_F(EnricherTest, RetweetCacheGivesWhatTheStepsCompute) {
  auto fresh = [&](const Enricher& e, const std::string& text, const std::string& lang) {
    Tweet t;
    t.text = text;
    t.lang = lang;
    e.EnrichLanguage(&t);
    e.EnrichTerms(&t);
    e.EnrichSentiment(&t);
    return t;
  };
  const std::string text = "RT @maria: I love the new station, trains are great today!";
  for (const char* lang : {"en", "en", "fr", "en"}) {
    Tweet t;
    t.text = text;
    t.lang = lang;
    enricher_->Enrich(&t);
    Tweet want = fresh(*enricher_, text, lang);
    EXPECT_EQ(t.detected_lang, want.detected_lang) << lang;
    EXPECT_EQ(t.lang_confidence, want.lang_confidence) << lang;
    EXPECT_EQ(t.terms, want.terms) << lang;
    EXPECT_EQ(t.sentiment_scored, want.sentiment_scored) << lang;
    EXPECT_EQ(t.sentiment, want.sentiment) << lang;
  }
  EnricherOptions no_sentiment;
  no_sentiment.sentiment = false;
  auto other = Enricher::Create(no_sentiment);
  ASSERT_TRUE(other.ok());
  Tweet t;
  t.text = text;
  t.lang = "en";
  other->Enrich(&t);
  EXPECT_FALSE(t.sentiment_scored);
  Tweet again;
  again.text = text;
  again.lang = "en";
  enricher_->Enrich(&again);
  EXPECT_TRUE(again.sentiment_scored);
  EXPECT_NE(again.sentiment, 0.0f);
}

// The cache is shared by the threads that enrich at once: whichever thread
// stored a retweet text's results, every other gets what the steps compute.
TEST_F(EnricherTest, RetweetCacheSharedAcrossThreads) {
  std::vector<std::pair<std::string, std::string>> keys;  // (text, platform tag)
  for (const char* body : {"I love this so much", "quel désastre, vraiment nul", "great game tonight #NBA",
                           "東京タワーに行きました", "so sad today :(", "ok", "¡Qué bueno es esto!", "meh"})
    for (const char* lang : {"en", "fr"}) keys.emplace_back(std::string("RT @someone: ") + body, lang);
  std::vector<Tweet> want;
  for (const auto& [text, lang] : keys) {
    Tweet t;
    t.text = text;
    t.lang = lang;
    enricher_->EnrichLanguage(&t);
    enricher_->EnrichTerms(&t);
    enricher_->EnrichSentiment(&t);
    want.push_back(t);
  }
  EXPECT_EQ(MismatchesAcrossThreads(500, [&](int k, int rep) {
              const size_t i = (static_cast<size_t>(k) * 7 + static_cast<size_t>(rep) * 3) % keys.size();
              Tweet t;
              t.text = keys[i].first;
              t.lang = keys[i].second;
              enricher_->Enrich(&t);
              const Tweet& w = want[i];
              return t.terms == w.terms && t.detected_lang == w.detected_lang &&
                     t.lang_confidence == w.lang_confidence && t.sentiment_scored == w.sentiment_scored &&
                     t.sentiment == w.sentiment;
            }),
            0);
}

}  // namespace
}  // namespace roost
