// --from/--to values for queries: ISO 8601 times read in a time zone.
#ifndef ROOST_QUERY_TIME_RANGE_H_
#define ROOST_QUERY_TIME_RANGE_H_

#include <string_view>

#include "roost/status.h"
#include "roost/tweet.h"

namespace roost::query {

// "2012-03-01", "2012-03-01T14:00" are wall-clock times in `tz` (an IANA
// name such as "Europe/Paris"; empty or "UTC" for UTC); a time with its own
// offset ("...Z", "...+01:00") ignores `tz`. kInvalidArgument for a
// malformed time or an unknown zone.
Result<TimestampMs> ParseTimeInZone(std::string_view text, std::string_view tz);

}  // namespace roost::query

#endif  // ROOST_QUERY_TIME_RANGE_H_
