// --from/--to values for queries: ISO 8601 times read in a time zone, whole
// months, or epoch seconds (what filters accept for time targets).
#ifndef ROOST_QUERY_TIME_RANGE_H_
#define ROOST_QUERY_TIME_RANGE_H_

#include <string_view>

#include "roost/status.h"
#include "roost/tweet.h"

namespace roost::query {

// "2012-03-01", "2012-03-01T14:00" are wall-clock times in `tz` (an IANA
// name such as "Europe/Paris"; empty or "UTC" for UTC); a time with its own
// offset ("...Z", "...+01:00") ignores `tz`. "2012-03" is the first instant
// of that month in `tz` (so as an exclusive --to it ends February), and a
// run of digits is epoch seconds (an instant: `tz` does not apply).
// kInvalidArgument for a malformed time or an unknown zone.
Result<TimestampMs> ParseTimeInZone(std::string_view text, std::string_view tz);

}  // namespace roost::query

#endif  // ROOST_QUERY_TIME_RANGE_H_
