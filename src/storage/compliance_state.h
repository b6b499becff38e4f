// ComplianceState: every compliance message an archive has received, folded
// into tombstones (docs/FORMAT.md, "Compliance snapshot"). Messages are never
// stored as content; only their effect is.
#ifndef ROOST_STORAGE_COMPLIANCE_STATE_H_
#define ROOST_STORAGE_COMPLIANCE_STATE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "roost/status.h"
#include "roost/tweet.h"

namespace roost::storage {

class ComplianceState {
 public:
  enum UserFlag : uint8_t { kProtected = 1, kSuspended = 2, kDeleted = 4 };

  // Folds one message in. Reversals (unprotect, unsuspend, undelete) clear
  // only their own flag; a withheld message replaces the earlier country list.
  void Apply(const ComplianceEvent& event);

  bool IsDeleted(uint64_t tweet_id) const { return deleted_.count(tweet_id) != 0; }
  // A retweet whose original was deleted (the cascade).
  bool IsRetweetOfDeleted(const Tweet& t) const { return t.retweet_of && IsDeleted(t.retweet_of); }
  // Deleted itself, or a retweet of a deleted tweet.
  bool IsDeletedTweet(const Tweet& t) const { return IsDeleted(t.id) || IsRetweetOfDeleted(t); }
  bool IsUserHidden(uint64_t user_id) const { return user_flags_.count(user_id) != 0; }
  // Highest status id whose geo must be removed for `user_id`; 0 for none.
  uint64_t ScrubGeoUpTo(uint64_t user_id) const;
  bool IsGeoScrubbed(const Tweet& t) const { return t.id <= ScrubGeoUpTo(t.user.id); }

  const std::unordered_set<uint64_t>& deleted() const { return deleted_; }
  const std::unordered_map<uint64_t, uint8_t>& hidden_users() const { return user_flags_; }
  const std::unordered_map<uint64_t, uint64_t>& scrub_geo() const { return scrub_geo_; }
  const std::unordered_map<uint64_t, std::vector<std::string>>& status_withheld() const { return status_withheld_; }
  const std::unordered_map<uint64_t, std::vector<std::string>>& user_withheld() const { return user_withheld_; }
  // Deleted ids in ascending order (built on demand and cached by the caller).
  std::vector<uint64_t> SortedDeleted() const;
  bool empty() const;

  std::string Serialize() const;
  static Result<ComplianceState> Parse(std::string_view bytes, const std::string& what);

 private:
  std::unordered_set<uint64_t> deleted_;
  std::unordered_map<uint64_t, uint8_t> user_flags_;
  std::unordered_map<uint64_t, uint64_t> scrub_geo_;
  std::unordered_map<uint64_t, std::vector<std::string>> status_withheld_;
  std::unordered_map<uint64_t, std::vector<std::string>> user_withheld_;
};

}  // namespace roost::storage

#endif  // ROOST_STORAGE_COMPLIANCE_STATE_H_
