// Parsing and formatting of the timestamps found in tweet archives.
#ifndef ROOST_COMMON_TIME_PARSE_H_
#define ROOST_COMMON_TIME_PARSE_H_

#include <optional>
#include <string>
#include <string_view>

#include "roost/tweet.h"

namespace roost {

// "Wed Aug 27 13:08:45 +0000 2008" (Twitter API v1.1 created_at).
std::optional<TimestampMs> ParseTwitterTime(std::string_view text);

// ISO 8601 / RFC 3339 as written by API v2 and by users:
// "2022-03-01T12:34:56.000Z", "2022-03-01T12:34:56+01:00", "2022-03-01 12:34",
// "2022-03-01" (midnight). Without an offset, the time is UTC.
std::optional<TimestampMs> ParseIsoTime(std::string_view text);

// Either form.
std::optional<TimestampMs> ParseAnyTime(std::string_view text);

// "2012-03-01T00:00:00Z" (milliseconds shown only when non-zero).
std::string FormatIsoTime(TimestampMs t);

// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's
// well-known civil-date arithmetic, written out here).
int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d);
void CivilFromDays(int64_t z, int64_t* y, unsigned* m, unsigned* d);

}  // namespace roost

#endif  // ROOST_COMMON_TIME_PARSE_H_
