// World: everything that is fixed for a whole run before any tweet is
// written (users, places, brands, planted news events, trends, scheduled
// account changes). Built once from the seed, then read by every day
// generator on any thread; it is never modified afterwards.
#ifndef ROOST_SYNTH_WORLD_H_
#define ROOST_SYNTH_WORLD_H_

#include "common/time_parse.h"
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "roost/status.h"
#include "synth/brands.h"
#include "synth/random.h"
#include "synth/synth_options.h"
#include "synth/vocabulary.h"

namespace roost::synth {

inline constexpr int64_t kMinuteMs = 60'000;
inline constexpr int64_t kHourMs = 3'600'000;
inline constexpr int64_t kDayMs = 86'400'000;
inline constexpr int64_t kNever = std::numeric_limits<int64_t>::max();

struct City {
  const char* name;
  const char* full_name;
  const char* country_code;
  const char* country;
  const char* time_zone;
  int utc_offset_s;
  Lang lang;
  double lat, lon;      // centre
  double half_lat, half_lon;  // bounding box half extents
  double weight;        // share among cities of the same language
  std::string place_id; // 16 hex digits
};

struct User {
  uint64_t id = 0;
  std::string screen_name;
  std::string name;
  std::string location;
  std::string description;
  std::string url;  // empty: null
  Lang lang = Lang::kEn;
  int city = 0;
  bool has_time_zone = true;
  int64_t created_ms = 0;
  int64_t followers = 0, friends = 0, listed = 0, favourites = 0, statuses_base = 0;
  double statuses_per_day = 1;
  bool verified = false;
  bool geo_enabled = false;
  bool default_profile = true;
  uint32_t profile_seed = 0;  // picks colours and image names
  int64_t protected_from_ms = kNever;  // tweets at or after this carry protected=true
  double activity = 1;        // relative tweet rate
};

struct NewsEvent {
  int64_t time_ms = 0;
  std::string headline;
  std::string url;
  std::string hashtag;  // without '#'
  std::vector<std::string> keywords;
  std::vector<int> brands;  // indices into World::brands
  double sentiment_shift = 0;  // added to brand/event polarity at the peak
  double decay_hours = 0;      // e-folding time of the volume and the shift
  double ramp_minutes = 15;
  double expected_tweets = 0;
  double lang_share[kLangCount] = {};  // languages people discuss it in
  // Expected tweets in [time_ms, t): the cumulative volume curve.
  double Cumulative(int64_t t) const;
  // Fraction of the peak effect still present at t (0 before the event).
  double Effect(int64_t t) const;
};

struct Trend {
  std::string hashtag;
  Lang lang = Lang::kEn;
  std::vector<std::string> terms;  // invented words that travel with it
  int64_t start_ms = 0, peak_ms = 0, end_ms = 0;
  double decay_hours = 0;
  double expected_tweets = 0;
  double Cumulative(int64_t t) const;
};

struct SlowTopic {
  std::string hashtag;
  Lang lang;
  double rate;  // probability per baseline tweet in that language
};

struct ScheduledCompliance {
  enum Kind { kUserProtect, kScrubGeo } kind;
  int64_t time_ms;
  int user;
};

struct World {
  SynthOptions options;
  int64_t start_ms = 0;
  std::vector<City> cities;
  std::vector<User> users;
  std::vector<Brand> brands;
  std::vector<int> brand_accounts;  // user index per brand
  std::vector<int> news_accounts;
  std::vector<std::string> news_sites;
  std::vector<NewsEvent> events;
  std::vector<Trend> trends;
  std::vector<SlowTopic> slow_topics;
  std::vector<ScheduledCompliance> scheduled;  // sorted by time
  AliasTable brand_table;                      // by share of voice
  std::vector<AliasTable> users_by_city;       // by activity
  std::vector<std::vector<int>> city_users;
  std::vector<AliasTable> users_by_lang;       // by activity
  std::vector<std::vector<int>> lang_users;
  AliasTable mention_table;                    // popular accounts get mentioned
  std::vector<double> city_activity;           // sum of activity per city
  std::vector<AliasTable> word_tables;         // Zipf per language

  int64_t DayStart(int day) const { return start_ms + day * kDayMs; }
};

// Builds the world for `options` (brands already loaded).
Result<World> BuildWorld(const SynthOptions& options, std::vector<Brand> brands);

// "2012-03-01" or "2012-03-01T06:00:00Z" -> ms since epoch.
Result<int64_t> ParseIsoTime(const std::string& text);
// ms -> "2012-03-01T06:00:00Z" and "2012-03-01".
std::string FormatIsoTime(int64_t ms);
std::string FormatIsoDate(int64_t ms);
// ms -> "Thu Mar 01 06:00:00 +0000 2012" written into out[30].
void FormatTwitterTime(int64_t ms, char out[30]);
// Days since 1970-01-01 <-> civil date (shared with the rest of Roost).
using ::roost::CivilFromDays;
using ::roost::DaysFromCivil;

}  // namespace roost::synth

#endif  // ROOST_SYNTH_WORLD_H_
