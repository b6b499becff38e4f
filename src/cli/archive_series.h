// The per-bucket series of a filter, drawn from an archive for the commands
// that model it (forecast, predict), under the privacy gate.
#ifndef ROOST_CLI_ARCHIVE_SERIES_H_
#define ROOST_CLI_ARCHIVE_SERIES_H_

#include <memory>
#include <string>

#include "analysis/aggregate/metrics.h"
#include "analysis/aggregate/series.h"
#include "cli/privacy_options.h"
#include "cli/query_options.h"
#include "privacy/privacy_policy.h"

namespace roost::cli {

struct ArchiveSeries {
  aggregate::SeriesResult series;
  std::shared_ptr<const aggregate::ZoneRules> zone;
  privacy::PrivacyPolicy policy;
  bool withheld = false;  // too few unique authors: the answer must not be shown
};

// Buckets of `interval` ("hour", "day") over --from/--to (default: the
// archive's span) with `metrics`; unique authors are always counted, for
// the gate.
Result<ArchiveSeries> LoadArchiveSeries(const QueryOptions& query, const PrivacyOptions& privacy,
                                        const std::string& interval, aggregate::MetricSet metrics);

}  // namespace roost::cli

#endif  // ROOST_CLI_ARCHIVE_SERIES_H_
