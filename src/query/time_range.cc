#include "query/time_range.h"

#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include <memory>
#include <string>

#include "common/time_parse.h"

namespace roost::query {
namespace {

bool HasOffset(std::string_view s) {
  const size_t t = s.find_first_of("T ");
  if (t == std::string_view::npos) return false;
  return s.find_first_of("Z+-", t) != std::string_view::npos;
}

}  // namespace

Result<TimestampMs> ParseTimeInZone(std::string_view text, std::string_view tz) {
  const auto wall = ParseIsoTime(text);
  if (!wall) return Status::InvalidArgument("bad time '" + std::string(text) + "' (expected ISO 8601, e.g. 2012-03-01T14:00)");
  if (tz.empty() || tz == "UTC" || HasOffset(text)) return *wall;
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
