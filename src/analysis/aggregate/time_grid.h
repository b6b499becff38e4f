// TimeGrid: the buckets of a time series (minute, hour, day, ISO week,
// calendar month) in a time zone, over a half-open range. Buckets follow the
// zone's wall clock, so a day in Europe/Paris is 23 or 25 hours long on DST
// days and an hourly series has 23 or 25 buckets then; the repeated hour of
// an autumn night is two buckets with the same wall-clock label and different
// offsets. Empty buckets are part of the grid.
#ifndef ROOST_ANALYSIS_AGGREGATE_TIME_GRID_H_
#define ROOST_ANALYSIS_AGGREGATE_TIME_GRID_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "roost/status.h"
#include "roost/tweet.h"

namespace roost::aggregate {

enum class Interval { kMinute, kHour, kDay, kWeek, kMonth };

Result<Interval> ParseInterval(std::string_view name);  // "minute" ... "month"
const char* IntervalName(Interval interval);

// Offsets of one IANA zone ("UTC" or empty: UTC).
class ZoneRules {
 public:
  static Result<std::shared_ptr<const ZoneRules>> Load(std::string_view tz);
  ~ZoneRules();
  const std::string& name() const { return name_; }
  bool is_utc() const { return utc_; }
  // Offset from UTC (ms) in effect at instant `utc`.
  int64_t OffsetAt(TimestampMs utc) const;
  // The instant a wall-clock time names (ICU's choice in gaps and overlaps).
  TimestampMs WallToUtc(TimestampMs wall) const;

 private:
  ZoneRules() = default;
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::string name_;
  bool utc_ = true;
};

class TimeGrid {
 public:
  // Buckets covering [from, to): the first starts at or before `from`.
  // kInvalidArgument past max_buckets (a minute series over years).
  static Result<TimeGrid> Make(Interval interval, std::shared_ptr<const ZoneRules> zone, TimestampMs from,
                               TimestampMs to, size_t max_buckets = 1'000'000);

  size_t size() const { return starts_.empty() ? 0 : starts_.size() - 1; }
  TimestampMs start(size_t i) const { return starts_[i]; }
  TimestampMs end(size_t i) const { return starts_[i + 1]; }
  // Bucket holding `t`, or npos outside the grid.
  static constexpr size_t npos = static_cast<size_t>(-1);
  size_t IndexOf(TimestampMs t) const;
  // "2012-03-25T03:00:00+02:00" (or "...Z" in UTC): the bucket's wall-clock
  // start with the offset in effect then.
  std::string Label(size_t i) const;
  Interval interval() const { return interval_; }
  const ZoneRules& zone() const { return *zone_; }

  // Start of the bucket holding `t`.
  TimestampMs BucketStart(TimestampMs t) const;

 private:
  Interval interval_ = Interval::kDay;
  std::shared_ptr<const ZoneRules> zone_;
  std::vector<TimestampMs> starts_;  // size()+1 entries: the last is the end
  int64_t fixed_ms_ = 0;             // bucket length when it never varies (UTC, minute/hour/day/week)
};

// "2012-03-01T14:00:00+01:00" for an instant and an offset (ms).
std::string FormatWithOffset(TimestampMs utc, int64_t offset_ms);

}  // namespace roost::aggregate

#endif  // ROOST_ANALYSIS_AGGREGATE_TIME_GRID_H_
