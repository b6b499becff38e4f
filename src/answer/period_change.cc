#include "answer/period_change.h"

#include <cmath>

namespace roost::answer {
namespace {

double TwoSidedP(double z) { return std::erfc(std::fabs(z) / std::sqrt(2.0)); }

PeriodChange Base(double before, double after, const char* test) {
  PeriodChange c;
  c.before = before, c.after = after, c.change = after - before;
  if (before != 0) c.relative = c.change / before, c.has_relative = true;
  c.test = test;
  return c;
}

void SetP(PeriodChange* c, double z) {
  c->p_value = std::isfinite(z) ? TwoSidedP(z) : 1.0;
  c->significant = c->p_value < kChangeAlpha;
}

}  // namespace

PeriodChange CountChange(uint64_t before, uint64_t after, int64_t before_ms, int64_t after_ms) {
  PeriodChange c = Base(static_cast<double>(before), static_cast<double>(after), "poisson");
  const double n = static_cast<double>(before + after);
  if (n == 0 || before_ms <= 0 || after_ms <= 0) return c;
  // Given n events in all, the later period's count is Binomial(n, p) with
  // p its share of the time when the rate did not change.
  const double p = static_cast<double>(after_ms) / static_cast<double>(before_ms + after_ms);
  const double sd = std::sqrt(n * p * (1 - p));
  // Continuity-corrected normal approximation.
  const double diff = std::fabs(static_cast<double>(after) - n * p) - 0.5;
  SetP(&c, sd > 0 ? std::max(diff, 0.0) / sd : 0.0);
  return c;
}

PeriodChange ShareChange(uint64_t part_before, uint64_t whole_before, uint64_t part_after, uint64_t whole_after) {
  const double n1 = static_cast<double>(whole_before), n2 = static_cast<double>(whole_after);
  const double p1 = n1 > 0 ? static_cast<double>(part_before) / n1 : 0;
  const double p2 = n2 > 0 ? static_cast<double>(part_after) / n2 : 0;
  PeriodChange c = Base(p1, p2, "two_proportion_z");
  if (n1 == 0 || n2 == 0) return c;
  const double pooled = static_cast<double>(part_before + part_after) / (n1 + n2);
  const double sd = std::sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  SetP(&c, sd > 0 ? (p2 - p1) / sd : 0.0);
  return c;
}

PeriodChange NetSentimentChange(uint64_t pos_before, uint64_t neg_before, uint64_t n_before, uint64_t pos_after,
                                uint64_t neg_after, uint64_t n_after) {
  auto net = [](uint64_t pos, uint64_t neg, uint64_t n) {
    return n ? (static_cast<double>(pos) - static_cast<double>(neg)) / static_cast<double>(n) : 0.0;
  };
  // Variance of a tweet's value in {-1, 0, +1}: E[x^2] - E[x]^2.
  auto var = [](uint64_t pos, uint64_t neg, uint64_t n, double mean) {
    return n ? (static_cast<double>(pos + neg) / static_cast<double>(n)) - mean * mean : 0.0;
  };
  const double m1 = net(pos_before, neg_before, n_before), m2 = net(pos_after, neg_after, n_after);
  PeriodChange c = Base(m1, m2, "net_sentiment_z");
  if (n_before < 2 || n_after < 2) return c;
  const double se = std::sqrt(var(pos_before, neg_before, n_before, m1) / static_cast<double>(n_before) +
                              var(pos_after, neg_after, n_after, m2) / static_cast<double>(n_after));
  SetP(&c, se > 0 ? (m2 - m1) / se : 0.0);
  return c;
}

PeriodChange UntestedChange(double before, double after) { return Base(before, after, "none"); }

}  // namespace roost::answer
