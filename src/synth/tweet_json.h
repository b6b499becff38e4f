// Writes v1.1 tweet and user objects as the streaming API delivered them
// (field order and null conventions follow real firehose lines).
#ifndef ROOST_SYNTH_TWEET_JSON_H_
#define ROOST_SYNTH_TWEET_JSON_H_

#include <cstdint>
#include <string>
#include <vector>

#include "synth/text_doc.h"
#include "synth/world.h"

namespace roost::synth {

inline constexpr int kMaxClassicLength = 140;

struct TweetSpec {
  uint64_t id = 0;
  int64_t ms = 0;
  int user = 0;
  bool is_protected = false;
  Lang lang = Lang::kEn;
  int source = 0;
  const TextDoc* full = nullptr;  // the whole text; > 140 code points makes it extended
  uint64_t reply_to_id = 0;
  int reply_to_user = -1;
  uint64_t quoted_id = 0;
  const std::string* quoted_json = nullptr;     // embedded quoted_status
  const std::string* retweeted_json = nullptr;  // embedded retweeted_status
  bool has_coordinates = false;
  double lat = 0, lon = 0;
  int place = -1;  // city index
  int64_t retweet_count = 0, favorite_count = 0, reply_count = 0, quote_count = 0;
};

// Where fields landed in the output, so noise lines can damage them.
struct BodyOffsets {
  size_t begin = 0;
  size_t created_begin = 0, created_end = 0;  // "created_at":"...",
  size_t id_begin = 0, id_end = 0;            // "id":..,"id_str":"..",
  size_t text_value = 0;                      // first byte inside the text string
  size_t user_begin = 0, user_end = 0;        // "user":{...},
};

// Appends the tweet object without its closing brace (callers add the
// stream-only tail or close it for embedding). `scratch` holds the display
// text of extended tweets.
void WriteTweetBody(const World& world, const TweetSpec& spec, TextDoc* scratch, std::string* out,
                    BodyOffsets* offsets);

// v2 (twarc2 page) shapes: a tweet object of "data", and the user and place
// objects of "includes". `text` is the full text (v2 has no 140 cut).
void WriteTweetV2(const World& world, const TweetSpec& spec, uint64_t retweeted_id, std::string* out,
                  BodyOffsets* offsets);
void WriteUserV2(const World& world, int user, int64_t ms, bool is_protected, std::string* out);
void WritePlaceV2(const World& world, int city, std::string* out);
// "2012-03-01T00:00:10.904Z"
std::string IsoMillis(int64_t ms);

// Appends ,"filter_level":"low","timestamp_ms":"..."} : the top-level tail.
void WriteStreamTail(int64_t ms, std::string* out);

// Relative frequency of each client ("source"), indexed like TweetSpec::source.
std::vector<double> SourceWeights();
// t.co code (10 chars) derived from `key`.
std::string TcoUrl(int64_t ms, uint64_t key);

}  // namespace roost::synth

#endif  // ROOST_SYNTH_TWEET_JSON_H_
