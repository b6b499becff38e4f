#include "analysis/detect/detector.h"

#include <algorithm>
#include <cmath>
#include <deque>

namespace roost::detect {
namespace {

constexpr double kDaySeconds = 86400.0;
constexpr double kScaleFloor = 1.0;      // Poisson noise in Anscombe units
constexpr double kZClip = 30.0;          // keeps one absurd row from ruling the mean
constexpr double kMeanAbsToSigma = 1.2533141373155;  // sqrt(pi/2)

double Anscombe(double x) { return 2.0 * std::sqrt(std::max(x, 0.0) + 0.375); }
double InverseAnscombe(double y) { return std::max(0.0, y * y / 4.0 - 0.375); }

// -log10 of the standard normal upper tail at x >= 0; the asymptotic form
// takes over before erfc underflows.
double MinusLog10Tail(double x) {
  if (x < 8.0) return -std::log10(0.5 * std::erfc(x / std::sqrt(2.0)));
  return (x * x / 2.0 + std::log(x * std::sqrt(2.0 * M_PI))) / std::log(10.0);
}

// Scan statistic of the last rows' z: the most unusual recent run, max over
// j of sum(last j z) / sqrt(j). A one-row burst and a slow build both count.
// Keeps at most `rows` values in `recent`, `z` included.
double PushAndScan(std::deque<double>* recent, double z, int rows) {
  recent->push_back(z);
  if (static_cast<int>(recent->size()) > rows) recent->pop_front();
  double best = -kZClip, sum = 0;
  int j = 0;
  for (auto it = recent->rbegin(); it != recent->rend(); ++it) {
    sum += *it;
    ++j;
    best = std::max(best, sum / std::sqrt(static_cast<double>(j)));
  }
  return best;
}

// EWMA weight per row for a half-life given in hours.
double Alpha(double half_life_hours, double interval_s) {
  if (half_life_hours <= 0) return 1.0;
  return 1.0 - std::exp2(-interval_s / (half_life_hours * 3600.0));
}

double Median(std::vector<double>* v) {
  auto mid = v->begin() + v->size() / 2;
  std::nth_element(v->begin(), mid, v->end());
  double hi = *mid;
  if (v->size() % 2 == 1) return hi;
  double lo = *std::max_element(v->begin(), mid);
  return 0.5 * (lo + hi);
}

// Values seen in one seasonal slot, the most recent `capacity` kept, and
// how many distinct periods (days or weeks) contributed.
struct Slot {
  std::deque<double> values;
  int64_t last_period = INT64_MIN;
  int periods = 0;
};

class Model {
 public:
  Model(const DetectorOptions& o, double interval_s) : o_(o), interval_s_(interval_s) {
    // Slots are at least an hour wide so each gets several rows a day.
    double slot_s = std::max(interval_s, 3600.0);
    daily_ = slot_s < kDaySeconds;
    slots_per_day_ = daily_ ? std::max(1, static_cast<int>(std::lround(kDaySeconds / slot_s))) : 1;
    slot_s_ = kDaySeconds / slots_per_day_;
    int rows_per_slot = std::max(1, static_cast<int>(std::lround(slot_s_ / interval_s)));
    daily_capacity_ = static_cast<size_t>(rows_per_slot) * std::max(1, o.season_days);
    weekly_capacity_ = static_cast<size_t>(rows_per_slot) * std::max(1, o.season_weeks);
    daily_slots_.resize(slots_per_day_);
    weekly_slots_.resize(7 * slots_per_day_);
    a_level_ = Alpha(o.level_half_life_hours, interval_s);
    a_scale_ = Alpha(o.scale_half_life_hours, interval_s);
    a_lik_ = Alpha(o.likelihood_half_life_hours, interval_s);
    short_rows_ = std::max(1, static_cast<int>(std::lround(o.short_window_minutes * 60.0 / interval_s)));
  }

  // Forget the level (kept: seasonal profile, scale, likelihood statistics).
  void RestartLevel() {
    have_level_ = false;
    recent_z_.clear();
    recent_zd_.clear();
  }

  // Scores row (t, x) from the state so far, then learns from it.
  void Step(TimestampMs t, double x, bool score_it, double* score, double* expected, double* z_out) {
    double y = Anscombe(x);
    int64_t day = FloorDiv(t, 86400000);
    double sec_of_day = static_cast<double>(t - day * 86400000) / 1000.0;
    int tod = std::min(slots_per_day_ - 1, static_cast<int>(sec_of_day / slot_s_));
    int64_t dow = ((day % 7) + 7) % 7;
    int64_t week = FloorDiv(day + 3, 7);  // any fixed week boundary works
    Slot& ds = daily_slots_[tod];
    Slot& ws = weekly_slots_[dow * slots_per_day_ + tod];

    double season = Season(ds, ws);
    if (!have_level_) {
      level_ = y - season;
      have_level_ = true;
    }
    double baseline = level_ + season;
    double scale = std::max(kScaleFloor, kMeanAbsToSigma * abs_dev_);
    double r = y - baseline;
    double z = r / scale;
    double expected_count = InverseAnscombe(baseline);
    if (z > 0 && x - expected_count < o_.min_excess) z = 0;  // minimum support
    z = std::clamp(z, -kZClip, kZClip);
    // Drops (two-sided mode): the same scan on -z, with the same support.
    const double zd = (z < 0 && expected_count - x >= o_.min_excess) ? -z : 0.0;
    const double md = PushAndScan(&recent_zd_, zd, short_rows_);
    const double m = PushAndScan(&recent_z_, z, short_rows_);

    double s = 0;
    if (score_it) {
      double dev = (m - lik_mean_) / std::sqrt(std::max(lik_var_, 1e-6));
      // Only rows above their baseline can be a spike's part.
      if (dev > 0 && z > 0) s = 1.0 - std::exp(-MinusLog10Tail(dev) / o_.score_decades);
      if (o_.two_sided && zd > 0) {
        double devd = (md - likd_mean_) / std::sqrt(std::max(likd_var_, 1e-6));
        if (devd > 0) s = std::max(s, 1.0 - std::exp(-MinusLog10Tail(devd) / o_.score_decades));
      }
    }
    *score = std::clamp(s, 0.0, 1.0);
    *expected = expected_count;
    *z_out = z;

    // Learn. Early rows use running means so the state settles quickly.
    ++n_;
    double warm = 1.0 / static_cast<double>(n_);
    double clipped = std::clamp(r, -o_.clip_scales * scale, o_.clip_scales * scale);
    abs_dev_ += std::max(a_scale_, warm) * (std::abs(clipped) - abs_dev_);
    AddToSlot(&ds, day, daily_capacity_, y - level_);
    AddToSlot(&ws, week, weekly_capacity_, y - level_);
    level_ += std::max(a_level_, warm) * clipped;
    double a = std::max(a_lik_, warm);
    double dm = m - lik_mean_;
    lik_mean_ += a * dm;
    lik_var_ = (1 - a) * (lik_var_ + a * dm * dm);
    double dmd = md - likd_mean_;
    likd_mean_ += a * dmd;
    likd_var_ = (1 - a) * (likd_var_ + a * dmd * dmd);
  }

 private:
  static int64_t FloorDiv(int64_t a, int64_t b) {
    int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
  }

  double Season(const Slot& ds, const Slot& ws) {
    double daily = 0, weekly = 0;
    bool has_daily = daily_ && ds.periods >= 1, has_weekly = ws.periods >= 2;
    if (has_daily) {
      scratch_.assign(ds.values.begin(), ds.values.end());
      daily = Median(&scratch_);
    }
    if (has_weekly) {
      scratch_.assign(ws.values.begin(), ws.values.end());
      weekly = Median(&scratch_);
    }
    if (has_daily && has_weekly) return (1 - o_.weekly_weight) * daily + o_.weekly_weight * weekly;
    if (has_weekly) return weekly;
    return daily;
  }

  // A slot's values count as one more period once a new day/week starts.
  static void AddToSlot(Slot* s, int64_t period, size_t capacity, double v) {
    if (period != s->last_period) {
      if (s->last_period != INT64_MIN) ++s->periods;
      s->last_period = period;
    }
    s->values.push_back(v);
    if (s->values.size() > capacity) s->values.pop_front();
  }

  const DetectorOptions& o_;
  double interval_s_;
  bool daily_ = true;
  int slots_per_day_ = 24;
  double slot_s_ = 3600;
  size_t daily_capacity_ = 0, weekly_capacity_ = 0;
  std::vector<Slot> daily_slots_, weekly_slots_;
  double a_level_, a_scale_, a_lik_;
  int short_rows_ = 1;
  bool have_level_ = false;
  double level_ = 0, abs_dev_ = 1.0 / kMeanAbsToSigma;
  double lik_mean_ = 0, lik_var_ = 1;
  double likd_mean_ = 0, likd_var_ = 1;  // the same for drops
  std::deque<double> recent_z_, recent_zd_;
  int64_t n_ = 0;
  std::vector<double> scratch_;
};

double Evidence(double score) { return -std::log(std::max(1e-300, 1.0 - score)); }

double TypicalInterval(const Series& s) {
  std::vector<double> d;
  for (size_t i = 1; i < s.size(); ++i) d.push_back(static_cast<double>(s.times[i] - s.times[i - 1]) / 1000.0);
  if (d.empty()) return 3600.0;
  return std::max(1.0, Median(&d));
}

}  // namespace

Result<Detection> Detect(const Series& series, const DetectorOptions& options) {
  if (series.size() == 0) return Status::InvalidArgument("empty series");
  if (series.times.size() != series.values.size())
    return Status::InvalidArgument("timestamps and values differ in length");
  for (size_t i = 1; i < series.size(); ++i)
    if (series.times[i] <= series.times[i - 1])
      return Status::InvalidArgument("timestamps are not increasing at row " + std::to_string(i + 1));

  Detection out;
  out.interval_seconds = TypicalInterval(series);
  const size_t n = series.size();
  out.scores.resize(n);
  out.expected.resize(n);
  out.z.resize(n);
  Model model(options, out.interval_seconds);
  double s, e, z;
  bool warmed = false;
  if (!options.causal) {
    for (size_t i = 0; i < n; ++i) model.Step(series.times[i], series.values[i], false, &s, &e, &z);
    model.RestartLevel();
    warmed = true;
  }
  const TimestampMs warm_until =
      series.times[0] + static_cast<TimestampMs>(options.warmup_hours * 3600e3);
  for (size_t i = 0; i < n; ++i) {
    bool score_it = warmed || (i >= 8 && series.times[i] >= warm_until);
    model.Step(series.times[i], series.values[i], score_it, &out.scores[i], &out.expected[i], &out.z[i]);
  }
  // Onset emphasis (uses earlier rows only, so it stays causal).
  if (options.hold_hours > 0 && options.hold_factor < 1) {
    const TimestampMs hold = static_cast<TimestampMs>(options.hold_hours * 3600e3);
    std::vector<double> raw = out.scores;
    std::deque<size_t> window;  // indices with decreasing raw score
    for (size_t i = 0; i < n; ++i) {
      while (!window.empty() && series.times[window.front()] < series.times[i] - hold) window.pop_front();
      // Compared as evidence, -log(1 - score) (proportional to -log10 Q): a
      // row re-alarms only when it beats the recent maximum by the margin, so
      // the rising rows of one burst do not each raise an alarm.
      if (!window.empty() && Evidence(raw[i]) <= Evidence(raw[window.front()]) * (1 + options.hold_margin))
        out.scores[i] = raw[i] * options.hold_factor;
      while (!window.empty() && raw[window.back()] <= raw[i]) window.pop_back();
      window.push_back(i);
    }
  }
  return out;
}

}  // namespace roost::detect
