// DayGenerator: writes one UTC day of the stream (tweets, compliance and
// noise lines in arrival order) and counts what it wrote. A day depends only
// on the World and the day number, so days run on any thread in any order
// and the bytes do not change.
#ifndef ROOST_SYNTH_DAY_GENERATOR_H_
#define ROOST_SYNTH_DAY_GENERATOR_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "roost/status.h"
#include "synth/world.h"

namespace roost::synth {

enum NoiseKind { kNoiseTruncated = 0, kNoiseInvalidUtf8, kNoiseMissingId, kNoiseMissingCreatedAt,
                 kNoiseMissingUser, kNoiseKinds };
const char* NoiseKindName(int kind);

struct ScrubGeoRecord {
  uint64_t user_id;
  uint64_t up_to_status_id;
  int64_t time_ms;
};
struct UserProtectRecord {
  uint64_t user_id;
  int64_t time_ms;
};

// What one day wrote. Shares and id lists in truth.json are sums of these.
struct DayStats {
  int day = 0;
  std::string date;  // 2012-03-01
  std::string file;  // file name inside --out
  int64_t lines = 0;
  int64_t tweets = 0;          // well-formed tweet lines (public or not)
  int64_t public_tweets = 0;
  int64_t non_public_tweets = 0;
  int64_t retweets = 0, replies = 0, quotes = 0, extended = 0;
  int64_t with_coordinates = 0, with_place = 0, with_urls = 0, with_hashtags = 0, with_mentions = 0;
  int64_t with_cashtags = 0;
  int64_t compliance = 0, deletes = 0, deletes_before_tweet = 0;
  int64_t malformed[kNoiseKinds] = {};
  int64_t lang[kLangCount] = {};  // public tweets per language
  std::vector<int64_t> brand_tweets;   // public tweets mentioning each brand
  std::vector<int64_t> brand_positive, brand_negative;  // planted polarity of those
  std::vector<int64_t> brand_event_tweets;  // of those, part of a news event's burst
  std::vector<int64_t> event_tweets, event_url_tweets;
  std::vector<int64_t> trend_tweets;
  std::vector<int64_t> slow_topic_tweets;
  std::vector<int64_t> hourly_tweets;  // public tweets per UTC hour (24)
  std::vector<uint64_t> deleted_ids;
  std::vector<uint64_t> deleted_before_ids;  // delete line precedes the tweet
  std::vector<uint64_t> non_public_ids;
  std::vector<ScrubGeoRecord> scrub_geo;
  std::vector<UserProtectRecord> user_protect;
  uint64_t bytes = 0;             // uncompressed bytes written
  uint64_t bytes_compressed = 0;  // bytes on disk
  int64_t malformed_total() const;
};

class DayGenerator {
 public:
  explicit DayGenerator(const World& world);
  ~DayGenerator();
  DayGenerator(const DayGenerator&) = delete;
  DayGenerator& operator=(const DayGenerator&) = delete;

  // Writes day `day` to `tweets_path` (compressed per the options) and its
  // compliance messages to `compliance_path` (plain JSON lines).
  Status Generate(int day, const std::string& tweets_path, const std::string& compliance_path,
                  DayStats* stats);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace roost::synth

#endif  // ROOST_SYNTH_DAY_GENERATOR_H_
