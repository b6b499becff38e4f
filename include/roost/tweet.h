// Tweet: the one in-memory shape every input format is parsed into, and that
// enrichment completes before the segment builder stores it.
#ifndef ROOST_TWEET_H_
#define ROOST_TWEET_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "roost/term_list.h"

namespace roost {

// Milliseconds since 1970-01-01T00:00:00Z.
using TimestampMs = int64_t;

struct UserInfo {
  uint64_t id = 0;
  std::string screen_name;  // handle without '@'
  std::string name;
  std::string description;
  std::string location;
  int64_t followers = 0;
  int64_t friends = 0;
  int64_t statuses = 0;
  TimestampMs created_at = 0;  // 0 when unknown
  int32_t utc_offset_s = 0;    // v1.1 (before 2018); 0 when unknown
  bool verified = false;
  bool is_protected = false;
};

struct Hashtag {
  std::string text;  // as written, without '#'
};
struct Mention {
  uint64_t user_id = 0;  // 0 when the format did not resolve it
  std::string screen_name;
};
struct Url {
  std::string url;           // t.co link as it appears in the text
  std::string expanded_url;  // where it points (may be empty)
};

struct Place {
  std::string id;
  std::string full_name;
  std::string country_code;  // ISO 3166-1 alpha-2, upper case
  std::string place_type;
  // Bounding box (WGS84); valid only when has_box.
  bool has_box = false;
  double min_lon = 0, min_lat = 0, max_lon = 0, max_lat = 0;
};

// An optional value kept on the heap: 8 bytes in the tweet when absent.
// For fields most tweets lack (a place: 176 bytes inline as std::optional),
// since an ingest holds a whole segment's tweets in memory. Same interface
// as the std::optional subset Roost uses; copying copies the value.
template <typename T>
class Boxed {
 public:
  Boxed() = default;
  Boxed(const Boxed& o) : p_(o.p_ ? std::make_unique<T>(*o.p_) : nullptr) {}
  Boxed(Boxed&&) noexcept = default;
  Boxed& operator=(const Boxed& o) {
    if (this != &o) p_ = o.p_ ? std::make_unique<T>(*o.p_) : nullptr;
    return *this;
  }
  Boxed& operator=(Boxed&&) noexcept = default;
  Boxed& operator=(const T& v) {
    p_ = std::make_unique<T>(v);
    return *this;
  }
  Boxed& operator=(T&& v) {
    p_ = std::make_unique<T>(std::move(v));
    return *this;
  }

  bool has_value() const { return p_ != nullptr; }
  explicit operator bool() const { return p_ != nullptr; }
  T& operator*() { return *p_; }
  const T& operator*() const { return *p_; }
  T* operator->() { return p_.get(); }
  const T* operator->() const { return p_.get(); }
  T& emplace() {
    p_ = std::make_unique<T>();
    return *p_;
  }
  void reset() { p_.reset(); }

 private:
  std::unique_ptr<T> p_;
};

enum class TweetFormat : uint8_t { kV1 = 1, kV2 = 2 };

// Which scorer gave a tweet its sentiment. The values are stored in the
// segment's sentiment_scored column (docs/FORMAT.md): 0 unscored, so a
// reader that only asks "scored?" tests for non-zero.
enum class SentimentModel : uint8_t {
  kNone = 0,     // not scored: no model for the language
  kLexicon = 1,  // the VADER-style rule scorer (every archive before learned models)
  kLearned = 2,  // the learned model of the tweet's detected language
};

struct Tweet {
  uint64_t id = 0;
  TimestampMs created_at = 0;
  std::string text;  // full text (extended_tweet.full_text / note_tweet when present)
  std::string lang;  // the platform's tag ("en", "und"); empty when absent
  std::string source;  // client name, HTML stripped ("Twitter for iPhone")
  UserInfo user;

  // Conversation links; 0 = none.
  uint64_t retweet_of = 0;
  uint64_t retweet_of_user = 0;
  uint64_t quote_of = 0;
  uint64_t quote_of_user = 0;
  uint64_t reply_to = 0;
  uint64_t reply_to_user = 0;
  std::string reply_to_screen_name;

  int64_t retweet_count = 0;
  int64_t favorite_count = 0;
  int64_t reply_count = 0;
  int64_t quote_count = 0;

  std::vector<Hashtag> hashtags;
  std::vector<Mention> mentions;
  std::vector<Url> urls;
  std::vector<std::string> cashtags;  // symbols without '$'

  Boxed<Place> place;
  double longitude = 0, latitude = 0;  // valid only when has_coordinates

  std::vector<std::string> withheld_in_countries;  // ISO codes or "XX"/"XY"

  // ---- Filled by enrichment (src/enrich), empty straight after parsing. ----
  TermList terms;                    // folded tokens for matching and top terms
  std::vector<std::string> domains;  // normalised URL hosts ("nytimes.com")
  std::string detected_lang;         // CLD2 + the platform tag; "und" if unsure
  std::vector<std::string> brand_tags;
  float lang_confidence = 0;         // 0..1
  float sentiment = 0;               // -1..1; 0 and meaningless when not scored
  bool sentiment_scored = false;     // false: no scorer for the language
  SentimentModel sentiment_model = SentimentModel::kNone;  // which scorer, when scored

  // Small fields last, packed together (no padding after each).
  TweetFormat format = TweetFormat::kV1;
  bool has_coordinates = false;
};

// Compliance messages carry no content; they only change what may be shown.
enum class ComplianceKind : uint8_t {
  kDelete = 1,         // status deletion: tweet_id, user_id
  kScrubGeo,           // user_id, up_to_status_id
  kUserProtect,
  kUserUnprotect,
  kUserDelete,
  kUserUndelete,
  kUserSuspend,
  kUserUnsuspend,
  kStatusWithheld,     // tweet_id, user_id, countries
  kUserWithheld,       // user_id, countries
};

const char* ComplianceKindName(ComplianceKind kind);

struct ComplianceEvent {
  ComplianceKind kind = ComplianceKind::kDelete;
  uint64_t tweet_id = 0;         // delete, status_withheld
  uint64_t user_id = 0;
  uint64_t up_to_status_id = 0;  // scrub_geo
  TimestampMs timestamp_ms = 0;  // when the platform issued it (0 if unknown)
  std::vector<std::string> countries;  // withheld
};

}  // namespace roost

#endif  // ROOST_TWEET_H_
