#include "query/time_range.h"

#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include <memory>
#include <string>

#include "common/time_parse.h"

namespace roost::query {
namespace {

// At most 12 digits: epoch seconds up to year 33658, and no overflow once
// multiplied by 1000.
bool IsEpochSeconds(std::string_view s) {
  if (s.empty() || s.size() > 12) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

// "YYYY-MM": the month as a whole, named by its first day.
bool IsMonth(std::string_view s) {
  if (s.size() != 7 || s[4] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6})
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

bool HasOffset(std::string_view s) {
  const size_t t = s.find_first_of("T ");
  if (t == std::string_view::npos) return false;
  return s.find_first_of("Z+-", t) != std::string_view::npos;
}

}  // namespace

Result<TimestampMs> ParseTimeInZone(std::string_view text, std::string_view tz) {
  if (IsEpochSeconds(text)) return static_cast<TimestampMs>(std::stoll(std::string(text))) * 1000;
  const std::string month_start = IsMonth(text) ? std::string(text) + "-01" : std::string();
  const std::string_view iso = month_start.empty() ? text : std::string_view(month_start);
  const auto wall = ParseIsoTime(iso);
  if (!wall)
    return Status::InvalidArgument("bad time '" + std::string(text) +
                                   "' (expected ISO 8601 such as 2012-03-01T14:00, a month such as 2012-03, or epoch "
                                   "seconds)");
  if (tz.empty() || tz == "UTC" || HasOffset(iso)) return *wall;
  std::unique_ptr<icu::TimeZone> zone(
      icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(icu::StringPiece(tz.data(), static_cast<int32_t>(tz.size())))));
  icu::UnicodeString id;
  zone->getID(id);
  if (id == icu::UnicodeString(UCAL_UNKNOWN_ZONE_ID)) return Status::InvalidArgument("unknown time zone '" + std::string(tz) + "'");
  int32_t raw = 0, dst = 0;
  UErrorCode status = U_ZERO_ERROR;
  zone->getOffset(static_cast<UDate>(*wall), /*local=*/true, raw, dst, status);
  if (U_FAILURE(status)) return Status::InvalidArgument("cannot resolve time zone '" + std::string(tz) + "'");
  return *wall - raw - dst;
}

}  // namespace roost::query
