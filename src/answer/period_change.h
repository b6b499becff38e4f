// How a figure changed between two periods, and whether the change is more
// than noise by a stated test: counts as Poisson events (the later count
// given the total is binomial in the periods' lengths), shares by a
// two-proportion z-test, net sentiment by a z-test on the per-tweet values
// -1, 0, +1. Figures with no fitting test (reach, engagement: sums of
// heavy-tailed values) are reported without one.
#ifndef ROOST_ANSWER_PERIOD_CHANGE_H_
#define ROOST_ANSWER_PERIOD_CHANGE_H_

#include <cstdint>
#include <string>

namespace roost::answer {

// A change is "significant" below this two-sided p-value.
inline constexpr double kChangeAlpha = 0.05;

struct PeriodChange {
  double before = 0, after = 0;
  double change = 0;            // after - before
  double relative = 0;          // change / before; 0 when before is 0
  bool has_relative = false;
  std::string test;             // "poisson", "two_proportion_z", "net_sentiment_z" or "none"
  double p_value = 1;           // two-sided; 1 under "none"
  bool significant = false;     // p_value < kChangeAlpha
};

// Counts over periods of lengths `before_ms` and `after_ms` (a volume per
// time is what is compared).
PeriodChange CountChange(uint64_t before, uint64_t after, int64_t before_ms, int64_t after_ms);

// The share `part / whole` in each period.
PeriodChange ShareChange(uint64_t part_before, uint64_t whole_before, uint64_t part_after, uint64_t whole_after);

// Net sentiment (positive - negative) / tweets in each period.
PeriodChange NetSentimentChange(uint64_t pos_before, uint64_t neg_before, uint64_t n_before, uint64_t pos_after,
                                uint64_t neg_after, uint64_t n_after);

// A change shown without a test.
PeriodChange UntestedChange(double before, double after);

}  // namespace roost::answer

#endif  // ROOST_ANSWER_PERIOD_CHANGE_H_
