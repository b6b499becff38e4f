// Spikes answers, gated: spikes of the filtered volume series against a
// seasonal baseline (analysis/detect), each explained by the values
// over-represented inside it (analysis/trends) and matched with news; the
// gate withholds a small answer, redacts small values and rounds counts.
#ifndef ROOST_ANSWER_SPIKES_ANSWER_H_
#define ROOST_ANSWER_SPIKES_ANSWER_H_

#include <memory>
#include <vector>

#include "analysis/aggregate/time_grid.h"
#include "analysis/trends/news.h"
#include "answer/shown_values.h"
#include "privacy/privacy_policy.h"
#include "query/ast.h"
#include "query/executor.h"
#include "roost/roost.h"
#include "storage/archive.h"

namespace roost::answer {

struct SpikesRun {
  aggregate::Interval interval = aggregate::Interval::kHour;
  std::shared_ptr<const aggregate::ZoneRules> zone;
  double threshold = SpikesRequest{}.threshold;
  double min_spike_z = SpikesRequest{}.min_spike_z;
  size_t limit = 5, tweets = 3;
  std::vector<trends::NewsItem> news;
  Progress progress;  // may be empty
};

// With no range in `exec`, the archive's own (kInvalidArgument when it
// holds no tweets there). The answer's filter is left for the caller.
Result<SpikesAnswer> GatedSpikes(const storage::Archive& archive, const query::Query& query,
                                 const query::ExecOptions& exec, const SpikesRun& run,
                                 const privacy::PrivacyPolicy& policy);

}  // namespace roost::answer

#endif  // ROOST_ANSWER_SPIKES_ANSWER_H_
