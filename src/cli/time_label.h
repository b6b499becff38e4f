// How an answer prints an instant: "2012-03-01T14:00:00Z" in UTC, and under
// --tz the local time with its offset ("2012-03-01T15:00:00+01:00"), so every
// time of one answer (buckets, spike bounds, tweets, news) reads the same way.
#ifndef ROOST_CLI_TIME_LABEL_H_
#define ROOST_CLI_TIME_LABEL_H_

#include <string>

#include "analysis/aggregate/time_grid.h"
#include "roost/tweet.h"

namespace roost::cli {

std::string FormatInZone(TimestampMs t, const aggregate::ZoneRules& zone);

}  // namespace roost::cli

#endif  // ROOST_CLI_TIME_LABEL_H_
