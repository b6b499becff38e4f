// Reads one tweet object, in either API v1.1 or API v2 shape, into a Tweet.
// Both shapes are read by one pass over the object's fields because a
// field's name alone says which shape it belongs to (v1.1 "user" and
// "retweeted_status", v2 "author_id" and "referenced_tweets").
#ifndef ROOST_PARSE_TWEET_OBJECT_PARSER_H_
#define ROOST_PARSE_TWEET_OBJECT_PARSER_H_

#include <string>
#include <unordered_map>
#include <vector>

#include "parse/json_values.h"
#include "roost/tweet.h"

namespace roost {

// What a twarc2 page's "includes" section says about the tweets in "data".
struct V2Includes {
  std::unordered_map<uint64_t, UserInfo> users;
  std::unordered_map<uint64_t, uint64_t> tweet_authors;  // referenced tweet -> author
  std::unordered_map<std::string, Place> places;
  void Clear() {
    users.clear();
    tweet_authors.clear();
    places.clear();
  }
};

// Reads includes.users / includes.tweets / includes.places.
void ReadV2Includes(json::od::object includes, V2Includes* out);

class TweetObjectParser {
 public:
  // Fills *tweet (which is reset first) from `obj`. `includes` resolves v2
  // authors and places (may be null). Throws json::RecordError when a
  // required field is missing or unusable, simdjson_error on bad JSON.
  void Parse(json::od::object obj, const V2Includes* includes, Tweet* tweet);

  // After Parse: what the tweet was kept without, for the ingest report
  // ("its retweeted_status has no text: kept with the link only"); empty
  // when the whole object was read.
  const std::string& note() const { return note_; }

 private:
  void ParseLevel(json::od::object obj, const V2Includes* includes, Tweet* tweet, int depth);
  // Scratch tweets for embedded retweeted/quoted statuses, one per depth.
  std::vector<Tweet> embedded_;
  std::string note_;
};

}  // namespace roost

#endif  // ROOST_PARSE_TWEET_OBJECT_PARSER_H_
