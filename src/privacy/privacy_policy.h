// PrivacyPolicy: the PYLON-style gate on analysis answers (docs/PRIVACY.md).
// An answer with fewer than min_answer_authors unique authors is withheld as
// a whole; a bucket or item with fewer than min_group_authors is replaced by
// an explicit "redacted" marker; every count shown is rounded down to a
// multiple of count_quantum; raw text and handles appear only when allowed.
// The CLI applies the policy an archive asks for in DIR/privacy.toml.
#ifndef ROOST_PRIVACY_PRIVACY_POLICY_H_
#define ROOST_PRIVACY_PRIVACY_POLICY_H_

#include <cstdint>
#include <string>

#include "analysis/aggregate/metrics.h"
#include "roost/status.h"

namespace roost::privacy {

struct PrivacyPolicy {
  bool enabled = false;
  uint64_t min_answer_authors = 100;
  uint64_t min_group_authors = 10;
  uint64_t count_quantum = 10;
  bool show_text = false;
  bool show_handles = false;
  std::string origin;  // where the settings came from, for messages

  // The defaults above, switched on.
  static PrivacyPolicy Default();
};

inline constexpr const char* kArchivePolicyFile = "privacy.toml";

// Reads a policy file:
//   [privacy]
//   enabled = true
//   min_answer_authors = 100
//   min_group_authors = 10
//   count_quantum = 10
//   show_text = false
//   show_handles = false
// Missing keys keep their defaults; unknown keys and bad values are errors
// naming the file.
Result<PrivacyPolicy> LoadPolicyFile(const std::string& path);

// The archive's policy: DIR/privacy.toml when present, else disabled.
Result<PrivacyPolicy> ArchivePolicy(const std::string& archive_dir);

// `asked` made no looser than `floor`: when the floor is on, the gate is on
// with each threshold the larger of the two and text or handles shown only
// when both allow them (the floor's origin names it).
PrivacyPolicy Tighten(const PrivacyPolicy& floor, PrivacyPolicy asked);

// Why an answer was withheld as a whole, for people.
std::string WithheldReason(const PrivacyPolicy& p);

// Gate decisions.
inline bool AnswerAllowed(const PrivacyPolicy& p, uint64_t unique_authors) {
  return !p.enabled || unique_authors >= p.min_answer_authors;
}
inline bool GroupAllowed(const PrivacyPolicy& p, uint64_t unique_authors) {
  return !p.enabled || unique_authors >= p.min_group_authors;
}
uint64_t RoundDown(const PrivacyPolicy& p, uint64_t count);
// Every count of `m` rounded down to the quantum (means and ratios stay as
// computed from the exact counts: they do not reveal a small count).
aggregate::TweetMetrics Quantize(const PrivacyPolicy& p, aggregate::TweetMetrics m);

}  // namespace roost::privacy

#endif  // ROOST_PRIVACY_PRIVACY_POLICY_H_
