// Field-by-field comparison of tweets for the storage tests.
#ifndef ROOST_STORAGE_TWEET_MATCHERS_H_
#define ROOST_STORAGE_TWEET_MATCHERS_H_

#include <gtest/gtest.h>

#include "roost/tweet.h"

namespace roost::storage::testing {

inline void ExpectSameTweet(const Tweet& a, const Tweet& b) {
  SCOPED_TRACE("tweet id " + std::to_string(a.id));
  EXPECT_EQ(a.id, b.id);
  EXPECT_EQ(a.created_at, b.created_at);
  EXPECT_EQ(a.format, b.format);
  EXPECT_EQ(a.text, b.text);
  EXPECT_EQ(a.lang, b.lang);
  EXPECT_EQ(a.source, b.source);
  EXPECT_EQ(a.user.id, b.user.id);
  EXPECT_EQ(a.user.screen_name, b.user.screen_name);
  EXPECT_EQ(a.user.name, b.user.name);
  EXPECT_EQ(a.user.description, b.user.description);
  EXPECT_EQ(a.user.location, b.user.location);
  EXPECT_EQ(a.user.followers, b.user.followers);
  EXPECT_EQ(a.user.friends, b.user.friends);
  EXPECT_EQ(a.user.statuses, b.user.statuses);
  EXPECT_EQ(a.user.verified, b.user.verified);
  EXPECT_EQ(a.user.is_protected, b.user.is_protected);
  EXPECT_EQ(a.user.created_at, b.user.created_at);
  EXPECT_EQ(a.user.utc_offset_s, b.user.utc_offset_s);
  EXPECT_EQ(a.retweet_of, b.retweet_of);
  EXPECT_EQ(a.retweet_of_user, b.retweet_of_user);
  EXPECT_EQ(a.quote_of, b.quote_of);
  EXPECT_EQ(a.quote_of_user, b.quote_of_user);
  EXPECT_EQ(a.reply_to, b.reply_to);
  EXPECT_EQ(a.reply_to_user, b.reply_to_user);
  EXPECT_EQ(a.reply_to_screen_name, b.reply_to_screen_name);
  EXPECT_EQ(a.retweet_count, b.retweet_count);
  EXPECT_EQ(a.favorite_count, b.favorite_count);
  EXPECT_EQ(a.reply_count, b.reply_count);
  EXPECT_EQ(a.quote_count, b.quote_count);
  ASSERT_EQ(a.hashtags.size(), b.hashtags.size());
  for (size_t i = 0; i < a.hashtags.size(); ++i) EXPECT_EQ(a.hashtags[i].text, b.hashtags[i].text);
  ASSERT_EQ(a.mentions.size(), b.mentions.size());
  for (size_t i = 0; i < a.mentions.size(); ++i) {
    EXPECT_EQ(a.mentions[i].user_id, b.mentions[i].user_id);
    EXPECT_EQ(a.mentions[i].screen_name, b.mentions[i].screen_name);
  }
  ASSERT_EQ(a.urls.size(), b.urls.size());
  for (size_t i = 0; i < a.urls.size(); ++i) {
    EXPECT_EQ(a.urls[i].url, b.urls[i].url);
    EXPECT_EQ(a.urls[i].expanded_url, b.urls[i].expanded_url);
  }
  EXPECT_EQ(a.cashtags, b.cashtags);
  ASSERT_EQ(a.place.has_value(), b.place.has_value());
  if (a.place) {
    EXPECT_EQ(a.place->id, b.place->id);
    EXPECT_EQ(a.place->full_name, b.place->full_name);
    EXPECT_EQ(a.place->country_code, b.place->country_code);
    EXPECT_EQ(a.place->place_type, b.place->place_type);
    EXPECT_EQ(a.place->has_box, b.place->has_box);
    EXPECT_EQ(a.place->min_lon, b.place->min_lon);
    EXPECT_EQ(a.place->min_lat, b.place->min_lat);
    EXPECT_EQ(a.place->max_lon, b.place->max_lon);
    EXPECT_EQ(a.place->max_lat, b.place->max_lat);
  }
  EXPECT_EQ(a.has_coordinates, b.has_coordinates);
  EXPECT_EQ(a.longitude, b.longitude);
  EXPECT_EQ(a.latitude, b.latitude);
  EXPECT_EQ(a.withheld_in_countries, b.withheld_in_countries);
  EXPECT_EQ(a.terms, b.terms);
  EXPECT_EQ(a.domains, b.domains);
  EXPECT_EQ(a.detected_lang, b.detected_lang);
  EXPECT_EQ(a.lang_confidence, b.lang_confidence);
  EXPECT_EQ(a.sentiment_scored, b.sentiment_scored);
  EXPECT_EQ(a.sentiment_model, b.sentiment_model);
  EXPECT_EQ(a.sentiment, b.sentiment);
  EXPECT_EQ(a.brand_tags, b.brand_tags);
}

}  // namespace roost::storage::testing

#endif  // ROOST_STORAGE_TWEET_MATCHERS_H_
