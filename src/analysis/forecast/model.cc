#include "analysis/forecast/model.h"

#include "analysis/forecast/exponential_smoothing.h"
#include "analysis/forecast/seasonal_naive.h"
#include "analysis/forecast/spike_cleaning.h"

namespace roost::forecast {

Periods PeriodsForStep(int64_t step_ms) {
  constexpr int64_t kDayMs = 86'400'000;
  Periods p;
  if (step_ms <= 0) return p;
  // Seasons longer than this many steps cost more than they tell.
  constexpr int64_t kMaxPeriod = 2016;
  if (step_ms < kDayMs && kDayMs % step_ms == 0 && kDayMs / step_ms <= kMaxPeriod)
    p.day = static_cast<int>(kDayMs / step_ms);
  if (step_ms <= kDayMs && (7 * kDayMs) % step_ms == 0 && 7 * kDayMs / step_ms <= kMaxPeriod)
    p.week = static_cast<int>(7 * kDayMs / step_ms);
  return p;
}

const std::vector<double>& History::Cleaned() const {
  if (!cleaned_) cleaned_ = ReplaceSpikes(values_, start_, step_ms_);
  return *cleaned_;
}

std::vector<std::unique_ptr<Model>> CandidateModels(const Periods& periods) {
  std::vector<std::unique_ptr<Model>> m;
  if (periods.day > 0)
    m.push_back(std::make_unique<SeasonalNaive>("seasonal_naive_day", periods.day));
  if (periods.week > 0)
    m.push_back(std::make_unique<SeasonalNaive>("seasonal_naive_week", periods.week));
  if (m.empty()) m.push_back(std::make_unique<SeasonalNaive>("naive", 1));
  for (bool robust : {false, true})
    for (bool multiplicative : {false, true}) {
      EtsSpec s;
      s.multiplicative = multiplicative;
      s.robust = robust;
      if (periods.day > 0) {
        s.day = periods.day;
        m.push_back(std::make_unique<ExponentialSmoothing>(s));
      }
      if (periods.week > 0) {
        s.week = periods.week;
        m.push_back(std::make_unique<ExponentialSmoothing>(s));
      }
      if (periods.day == 0 && periods.week == 0)
        m.push_back(std::make_unique<ExponentialSmoothing>(s));
    }
  return m;
}

}  // namespace roost::forecast
