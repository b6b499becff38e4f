// Deterministic enriched tweets for the storage tests and the golden segment.
// Header-only so that no library code depends on it.
#ifndef ROOST_STORAGE_TEST_TWEETS_H_
#define ROOST_STORAGE_TEST_TWEETS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "roost/tweet.h"

namespace roost::storage::testing {

inline constexpr TimestampMs kDay0 = 1330560000000;  // 2012-03-01T00:00:00Z

// FROZEN: tests/golden/segment_v1.rseg was written from MakeTweet(0..299) by
// format version 1, and golden_test.cc expects these exact values back from
// it. Add a new helper rather than changing this one. Values are exact in
// binary (no a + b * c) so every compiler and flag set builds the same tweets.
// Tweet number i: every field set, values cycling through small vocabularies
// so dictionaries have shared and unique values. `time` defaults to a spread
// over day 0 (deliberately not in id order within a minute).
inline Tweet MakeTweet(uint64_t i, TimestampMs time = -1) {
  static const char* kWords[] = {"rain", "obama", "game", "coffee", "love", "news", "vote", "music", "paris", "apple"};
  static const char* kTags[] = {"Obama", "nba", "Music", "london2012", "tcot"};
  static const char* kLangs[] = {"en", "fr", "es", "und"};
  Tweet t;
  t.id = 170000000000000000ull + i * 7919;
  t.created_at = time >= 0 ? time : kDay0 + static_cast<TimestampMs>((i * 7777) % 86400) * 1000;
  t.format = i % 3 == 0 ? TweetFormat::kV2 : TweetFormat::kV1;
  t.lang = kLangs[i % 4];
  t.detected_lang = kLangs[(i + 1) % 4];
  t.lang_confidence = 0.25f * static_cast<float>(i % 5);
  t.source = i % 2 ? "Twitter for iPhone" : "web";
  t.user.id = 1000 + i % 37;
  t.user.screen_name = "user" + std::to_string(i % 37);
  t.user.name = "User " + std::to_string(i % 37);
  t.user.description = i % 4 ? "likes " + std::string(kWords[i % 10]) : "";
  t.user.location = i % 5 ? "Paris" : "";
  t.user.followers = static_cast<int64_t>(i * 13 % 100000);
  t.user.friends = static_cast<int64_t>(i % 500);
  t.user.statuses = static_cast<int64_t>(i * 3);
  t.user.verified = i % 11 == 0;
  t.user.created_at = 1200000000000 + static_cast<int64_t>(i % 37) * 1000;
  t.user.utc_offset_s = (i % 3 == 0) ? -18000 : 3600;
  if (i % 5 == 1) {
    t.retweet_of = 170000000000000000ull + (i / 2) * 7919;
    t.retweet_of_user = 1000 + (i / 2) % 37;
  }
  if (i % 7 == 2) {
    t.quote_of = 160000000000000000ull + i;
    t.quote_of_user = 77;
  }
  if (i % 6 == 3) {
    t.reply_to = 150000000000000000ull + i;
    t.reply_to_user = 88;
    t.reply_to_screen_name = "Someone";
  }
  t.retweet_count = static_cast<int64_t>(i % 9);
  t.favorite_count = static_cast<int64_t>(i % 17);
  t.reply_count = static_cast<int64_t>(i % 4);
  t.quote_count = static_cast<int64_t>(i % 2);
  std::string text;
  for (uint64_t k = 0; k < 3 + i % 4; ++k) {
    std::string w = kWords[(i + k * 3) % 10];
    text += (k ? " " : "") + w;
    t.terms.push_back(w);
  }
  if (i % 4 == 0) {
    t.hashtags.push_back({kTags[i % 5]});
    text += " #" + t.hashtags.back().text;
  }
  if (i % 8 == 0) t.hashtags.push_back({kTags[(i + 1) % 5]});
  if (i % 3 == 1) t.mentions.push_back({2000 + i % 5, "Friend" + std::to_string(i % 5)});
  if (i % 10 == 4) {
    t.urls.push_back({"https://t.co/x" + std::to_string(i), i % 20 == 4 ? "https://www.nytimes.com/a" + std::to_string(i) : ""});
    t.domains.push_back(i % 20 == 4 ? "nytimes.com" : "t.co");
  }
  if (i % 13 == 0) t.cashtags.push_back(i % 2 ? "aapl" : "GOOG");
  if (i % 9 == 0) {
    Place p;
    p.id = "pl" + std::to_string(i % 3);
    p.full_name = i % 3 ? "Paris, France" : "London, England";
    p.country_code = i % 3 ? "FR" : "GB";
    p.place_type = "city";
    p.has_box = i % 2 == 0;
    if (p.has_box) {
      p.min_lon = 2.2;
      p.min_lat = 48.8;
      p.max_lon = 2.4 + static_cast<double>(i % 7) / 1024;
      p.max_lat = 48.9;
    }
    t.place = p;
  }
  if (i % 12 == 0) {
    t.has_coordinates = true;
    t.longitude = -0.1275 + static_cast<double>(i % 100) / 8192;
    t.latitude = 51.5072;
  }
  if (i % 50 == 7) t.withheld_in_countries = {"DE", "FR"};
  t.sentiment_scored = i % 4 != 3;
  t.sentiment = t.sentiment_scored ? static_cast<float>(static_cast<int>(i % 200) - 100) / 128.0f : 0.0f;
  // What the golden segments hold: every archive before learned models was lexicon-scored.
  t.sentiment_model = t.sentiment_scored ? SentimentModel::kLexicon : SentimentModel::kNone;
  if (i % 6 == 0) t.brand_tags.push_back(i % 12 ? "apple" : "nike");
  t.text = text;
  return t;
}

// The values a tweet reads back as: the normalisations FORMAT.md documents.
inline Tweet Normalised(Tweet t) {
  auto lower = [](std::string s) {
    for (char& c : s) if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
  };
  auto upper = [](std::string s) {
    for (char& c : s) if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return s;
  };
  t.user.screen_name = lower(t.user.screen_name);
  for (auto& h : t.hashtags) h.text = lower(h.text);
  for (auto& m : t.mentions) m.screen_name = lower(m.screen_name);
  for (auto& c : t.cashtags) c = upper(c);
  return t;
}

}  // namespace roost::storage::testing

#endif  // ROOST_STORAGE_TEST_TWEETS_H_
