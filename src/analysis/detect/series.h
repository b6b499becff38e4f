// A univariate time series (timestamps + values) and its CSV reader.
#ifndef ROOST_ANALYSIS_DETECT_SERIES_H_
#define ROOST_ANALYSIS_DETECT_SERIES_H_

#include <string>
#include <vector>

#include "roost/status.h"
#include "roost/tweet.h"

namespace roost::detect {

struct Series {
  std::vector<TimestampMs> times;  // strictly increasing
  std::vector<double> values;
  size_t size() const { return values.size(); }
};

// Reads `timestamp,value` rows (an optional header line whose second field
// is not a number is skipped; blank lines are ignored). Timestamps are ISO
// 8601 ("2015-02-26 21:42:53" as in NAB). On failure the status names the
// file and line: "data.csv:17: bad value 'x'".
Result<Series> ReadSeriesCsv(const std::string& path);

// Same, from text already in memory; `name` is used in error messages.
Result<Series> ParseSeriesCsv(const std::string& text, const std::string& name);

}  // namespace roost::detect

#endif  // ROOST_ANALYSIS_DETECT_SERIES_H_
