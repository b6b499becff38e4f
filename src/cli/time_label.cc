#include "cli/time_label.h"

#include "common/time_parse.h"

namespace roost::cli {

std::string FormatInZone(TimestampMs t, const aggregate::ZoneRules& zone) {
  if (zone.is_utc()) return FormatIsoTime(t);
  return aggregate::FormatWithOffset(t, zone.OffsetAt(t));
}

}  // namespace roost::cli
