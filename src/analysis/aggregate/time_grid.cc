#include "analysis/aggregate/time_grid.h"

#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdio>

#include "common/time_parse.h"

namespace roost::aggregate {
namespace {

constexpr int64_t kMinuteMs = 60'000, kHourMs = 3'600'000, kDayMs = 86'400'000;

int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

// Start of the wall-clock bucket holding wall time `wall`.
int64_t FloorWall(Interval interval, int64_t wall) {
  switch (interval) {
    case Interval::kMinute: return FloorDiv(wall, kMinuteMs) * kMinuteMs;
    case Interval::kHour: return FloorDiv(wall, kHourMs) * kHourMs;
    case Interval::kDay: return FloorDiv(wall, kDayMs) * kDayMs;
    case Interval::kWeek: {
      const int64_t day = FloorDiv(wall, kDayMs);
      const int64_t monday = day - ((day % 7 + 7 + 3) % 7);  // 1970-01-01 was a Thursday
      return monday * kDayMs;
    }
    case Interval::kMonth: {
      int64_t y;
      unsigned m, d;
      CivilFromDays(FloorDiv(wall, kDayMs), &y, &m, &d);
      return DaysFromCivil(y, m, 1) * kDayMs;
    }
  }
  return wall;
}

// A step that always lands inside the next bucket, whatever DST does.
int64_t StepPastBucket(Interval interval) {
  switch (interval) {
    case Interval::kMinute: return kMinuteMs;
    case Interval::kHour: return kHourMs;
    case Interval::kDay: return kDayMs + kHourMs;
    case Interval::kWeek: return 7 * kDayMs + kHourMs;
    case Interval::kMonth: return 32 * kDayMs;
  }
  return kDayMs;
}

}  // namespace

Result<Interval> ParseInterval(std::string_view name) {
  if (name == "minute") return Interval::kMinute;
  if (name == "hour") return Interval::kHour;
  if (name == "day") return Interval::kDay;
  if (name == "week") return Interval::kWeek;
  if (name == "month") return Interval::kMonth;
  return Status::InvalidArgument("unknown interval '" + std::string(name) + "' (expected minute, hour, day, week or month)");
}

const char* IntervalName(Interval interval) {
  switch (interval) {
    case Interval::kMinute: return "minute";
    case Interval::kHour: return "hour";
    case Interval::kDay: return "day";
    case Interval::kWeek: return "week";
    case Interval::kMonth: return "month";
  }
  return "?";
}

struct ZoneRules::Impl {
  std::unique_ptr<icu::TimeZone> zone;
};

ZoneRules::~ZoneRules() = default;

Result<std::shared_ptr<const ZoneRules>> ZoneRules::Load(std::string_view tz) {
  std::shared_ptr<ZoneRules> rules(new ZoneRules());
  rules->impl_ = std::make_unique<Impl>();
  if (tz.empty() || tz == "UTC" || tz == "Z") {
    rules->name_ = "UTC";
    return std::shared_ptr<const ZoneRules>(std::move(rules));
  }
  rules->impl_->zone.reset(icu::TimeZone::createTimeZone(
      icu::UnicodeString::fromUTF8(icu::StringPiece(tz.data(), static_cast<int32_t>(tz.size())))));
  icu::UnicodeString id;
  rules->impl_->zone->getID(id);
  if (id == icu::UnicodeString(UCAL_UNKNOWN_ZONE_ID)) return Status::InvalidArgument("unknown time zone '" + std::string(tz) + "'");
  rules->name_ = std::string(tz);
  rules->utc_ = false;
  return std::shared_ptr<const ZoneRules>(std::move(rules));
}

int64_t ZoneRules::OffsetAt(TimestampMs utc) const {
  if (utc_) return 0;
  int32_t raw = 0, dst = 0;
  UErrorCode status = U_ZERO_ERROR;
  impl_->zone->getOffset(static_cast<UDate>(utc), /*local=*/false, raw, dst, status);
  return U_FAILURE(status) ? 0 : int64_t{raw} + dst;
}

TimestampMs ZoneRules::WallToUtc(TimestampMs wall) const {
  if (utc_) return wall;
  int32_t raw = 0, dst = 0;
  UErrorCode status = U_ZERO_ERROR;
  impl_->zone->getOffset(static_cast<UDate>(wall), /*local=*/true, raw, dst, status);
  return U_FAILURE(status) ? wall : wall - raw - dst;
}

TimestampMs TimeGrid::BucketStart(TimestampMs t) const {
  const int64_t off = zone_->OffsetAt(t);
  const int64_t wall_start = FloorWall(interval_, t + off);
  if (interval_ == Interval::kMinute || interval_ == Interval::kHour) return wall_start - off;
  const TimestampMs start = zone_->WallToUtc(wall_start);
  // Midnight inside a DST gap: ICU may resolve past t; keep t's own offset.
  return start <= t ? start : wall_start - off;
}

Result<TimeGrid> TimeGrid::Make(Interval interval, std::shared_ptr<const ZoneRules> zone, TimestampMs from,
                                TimestampMs to, size_t max_buckets) {
  if (from >= to) return Status::InvalidArgument("empty time range for the series");
  TimeGrid g;
  g.interval_ = interval;
  g.zone_ = std::move(zone);
  if (g.zone_->is_utc() && interval != Interval::kMonth) {
    g.fixed_ms_ = interval == Interval::kMinute ? kMinuteMs
                  : interval == Interval::kHour ? kHourMs
                  : interval == Interval::kDay  ? kDayMs
                                                : 7 * kDayMs;
    const TimestampMs first = g.BucketStart(from);
    const int64_t n = FloorDiv(to - 1 - first, g.fixed_ms_) + 1;
    if (static_cast<uint64_t>(n) > max_buckets) {
      return Status::InvalidArgument("the series would have " + std::to_string(n) + " buckets (limit " +
                                     std::to_string(max_buckets) + "); use a longer --interval or a shorter range");
    }
    g.starts_.reserve(n + 1);
    for (int64_t i = 0; i <= n; ++i) g.starts_.push_back(first + i * g.fixed_ms_);
    return g;
  }
  TimestampMs b = g.BucketStart(from);
  while (b < to) {
    if (g.starts_.size() >= max_buckets) {
      return Status::InvalidArgument("the series would have more than " + std::to_string(max_buckets) +
                                     " buckets; use a longer --interval or a shorter range");
    }
    g.starts_.push_back(b);
    const TimestampMs next = g.BucketStart(b + StepPastBucket(interval));
    if (next <= b) return Status::Internal("time grid did not advance at " + FormatIsoTime(b));
    b = next;
  }
  g.starts_.push_back(b);
  return g;
}

size_t TimeGrid::IndexOf(TimestampMs t) const {
  if (starts_.size() < 2 || t < starts_.front() || t >= starts_.back()) return npos;
  if (fixed_ms_ > 0) return static_cast<size_t>((t - starts_.front()) / fixed_ms_);
  return static_cast<size_t>(std::upper_bound(starts_.begin(), starts_.end(), t) - starts_.begin()) - 1;
}

std::string TimeGrid::Label(size_t i) const {
  if (zone_->is_utc()) return FormatIsoTime(starts_[i]);
  return FormatWithOffset(starts_[i], zone_->OffsetAt(starts_[i]));
}

std::string FormatWithOffset(TimestampMs utc, int64_t offset_ms) {
  std::string s = FormatIsoTime(utc + offset_ms);
  if (!s.empty() && s.back() == 'Z') s.pop_back();
  const int64_t minutes = (offset_ms < 0 ? -offset_ms : offset_ms) / kMinuteMs;
  char buf[8];
  std::snprintf(buf, sizeof buf, "%c%02d:%02d", offset_ms < 0 ? '-' : '+', static_cast<int>(minutes / 60),
                static_cast<int>(minutes % 60));
  return s + buf;
}

}  // namespace roost::aggregate
