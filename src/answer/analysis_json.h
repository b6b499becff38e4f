// Trends and spikes answers as JSON: the one rendering that `roost trends
// --json`, `roost spikes --json` and the API's /api/trends and /api/spikes
// print, so their shapes and numbers cannot drift apart.
#ifndef ROOST_ANSWER_ANALYSIS_JSON_H_
#define ROOST_ANSWER_ANALYSIS_JSON_H_

#include <optional>
#include <string>

#include "roost/roost.h"

namespace roost::answer {

// An answer withheld as a whole reads {"privacy", "redacted", "reason"};
// `elapsed_ms`, when given, ends any other answer.
std::string TrendsJson(const TrendsAnswer& a, std::optional<double> elapsed_ms = std::nullopt);
std::string SpikesJson(const SpikesAnswer& a, std::optional<double> elapsed_ms = std::nullopt);

}  // namespace roost::answer

#endif  // ROOST_ANSWER_ANALYSIS_JSON_H_
