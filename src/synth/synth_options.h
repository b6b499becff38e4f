// SynthOptions: every knob of `roost synth` (see docs/SYNTH.md). Defaults
// give a small realistic archive; the CLI maps flags one to one onto these.
#ifndef ROOST_SYNTH_SYNTH_OPTIONS_H_
#define ROOST_SYNTH_SYNTH_OPTIONS_H_

#include <cstdint>
#include <string>

namespace roost::synth {

enum class Compression { kNone, kZstd, kGzip };
enum class OutputFormat { kV1, kV2 };

struct SynthOptions {
  std::string out_dir;
  uint64_t seed = 42;
  std::string start = "2012-03-01";  // ISO 8601 date (UTC midnight) or date-time
  int days = 7;
  int64_t tweets_per_day = 100000;   // baseline average; events and trends add on top
  Compression compression = Compression::kZstd;
  int zstd_level = 1;                // fast level
  int gzip_level = 1;
  int threads = 1;
  double malformed_rate = 0.001;     // extra noise lines per tweet
  OutputFormat format = OutputFormat::kV1;
  std::string brands_file;           // empty: built-in fictional brands

  // Shares of the baseline stream (fractions of tweets).
  double retweet_rate = 0.22;
  double reply_rate = 0.12;
  double quote_rate = 0.04;
  double long_rate = 0.05;           // > 140 characters (extended_tweet)
  double geo_rate = 0.02;            // exact coordinates (plus as many place-only)
  double brand_rate = 0.06;          // baseline tweets that talk about a brand
  double delete_rate = 0.015;        // tweets later deleted
  double early_delete_share = 0.1;   // of deletes, arriving before their tweet
  double protected_user_rate = 0.01; // authors protected for the whole run
  double user_protect_rate = 0.002;  // authors who turn protected during the run
  double scrub_geo_rate = 0.01;      // geo-enabled authors who scrub their geo
  int events = -1;                   // planted news events; -1: about one per two days
  int trends = -1;                   // bursting hashtags; -1: about one per day
  int64_t users = 0;                 // 0: derived from the volume
};

}  // namespace roost::synth

#endif  // ROOST_SYNTH_SYNTH_OPTIONS_H_
