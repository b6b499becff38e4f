// Weighted tweet length (twitter-text parseTweet). The configurations are a
// few numbers, encoded here: v3 is the current one (280 weighted characters,
// code points outside the Latin/General-punctuation ranges and every emoji
// sequence weigh 2, every URL weighs 23).
#ifndef ROOST_ENRICH_ENTITIES_TWEET_LENGTH_H_
#define ROOST_ENRICH_ENTITIES_TWEET_LENGTH_H_

#include <cstdint>

namespace roost::enrich {

struct LengthConfig {
  struct Range {
    char32_t start, end;  // inclusive
    int weight;
  };
  int version;
  int max_weighted_length;
  int scale;
  int default_weight;
  bool emoji_parsing;
  int transformed_url_length;
  const Range* ranges;
  int range_count;
};

extern const LengthConfig kLengthV1;
extern const LengthConfig kLengthV2;
extern const LengthConfig kLengthV3;

// Indices are UTF-16 code units, as twitter-text reports them.
struct TweetLength {
  int weighted_length = 0;
  bool valid = false;
  int permillage = 0;
  int display_range_start = 0;
  int display_range_end = 0;
  int valid_range_start = 0;
  int valid_range_end = 0;
};

}  // namespace roost::enrich

#endif  // ROOST_ENRICH_ENTITIES_TWEET_LENGTH_H_
