// Trends answers, gated: bursting values of each window grouped into trends
// (analysis/trends), then the gate withholds a small answer, redacts small
// trends, values and curve hours, rounds every count and hides text and
// handles as the policy says.
#ifndef ROOST_ANSWER_TRENDS_ANSWER_H_
#define ROOST_ANSWER_TRENDS_ANSWER_H_

#include <memory>
#include <optional>
#include <string>

#include "analysis/aggregate/time_grid.h"
#include "answer/shown_values.h"
#include "privacy/privacy_policy.h"
#include "query/ast.h"
#include "query/executor.h"
#include "roost/roost.h"
#include "storage/archive.h"

namespace roost::answer {

// `filter` restricted to one detected language (an empty `lang`: `filter`).
std::string WithLanguage(const std::string& filter, const std::string& lang);

struct TrendsRun {
  std::optional<TimestampMs> at;  // unset: exec's from and to, cut into windows
  std::string interval = "day";   // hour or day
  std::shared_ptr<const aggregate::ZoneRules> zone;
  size_t limit = 10, tweets = 3;
  uint64_t min_support = 0, min_sources = 5;
  double min_burst_z = 8;
  Progress progress;  // may be empty
};

// `query` already holds the language (WithLanguage). The answer's filter is
// left empty: the caller knows the filter's text.
Result<TrendsAnswer> GatedTrends(const storage::Archive& archive, const query::Query& query,
                                 const query::ExecOptions& exec, const TrendsRun& run,
                                 const privacy::PrivacyPolicy& policy);

}  // namespace roost::answer

#endif  // ROOST_ANSWER_TRENDS_ANSWER_H_
