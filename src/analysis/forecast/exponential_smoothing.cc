#include "analysis/forecast/exponential_smoothing.h"

#include <nlopt.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace roost::forecast {
namespace {

// Multiplicative models read y + 1: a count may be 0 and a ratio needs > 0.
constexpr double kMultiplicativeOffset = 1.0;
constexpr double kBadLoss = 1e30;
constexpr int kMaxEvaluations = 250;

struct State {
  double level = 0, trend = 0;
  std::vector<double> day, week;
};

struct Problem {
  std::span<const double> y;
  const EtsSpec* spec;
  State initial;
};

size_t ParamCount(const EtsSpec& s) { return 3 + (s.day > 0) + (s.week > 0); }

State InitialState(std::span<const double> y, const EtsSpec& s) {
  const int longest = std::max(s.day, s.week);
  // A week of data (at least two seasons) averages the daily profile over
  // weekdays and weekends alike.
  const size_t w =
      std::min(y.size(), static_cast<size_t>(longest > 0 ? std::max(2 * longest, 7 * s.day) : 8));
  State st;
  double mean = 0;
  for (size_t i = 0; i < w; ++i) mean += y[i];
  mean = w ? mean / static_cast<double>(w) : 0.0;
  if (s.multiplicative) mean = std::max(mean, 1e-6);
  st.level = mean;
  const double neutral = s.multiplicative ? 1.0 : 0.0;
  auto profile = [&](int period, auto residual) {
    std::vector<double> sum(static_cast<size_t>(period), 0.0),
        count(static_cast<size_t>(period), 0.0);
    for (size_t i = 0; i < w; ++i) {
      sum[i % period] += residual(i);
      count[i % period] += 1;
    }
    std::vector<double> out(static_cast<size_t>(period), neutral);
    for (int j = 0; j < period; ++j)
      if (count[j] > 0) out[j] = sum[j] / count[j];
    return out;
  };
  auto day_of = [&](size_t i) { return s.day > 0 ? st.day[i % s.day] : neutral; };
  if (s.day > 0)
    st.day = profile(s.day, [&](size_t i) { return s.multiplicative ? y[i] / mean : y[i] - mean; });
  if (s.week > 0)
    st.week = profile(s.week, [&](size_t i) {
      return s.multiplicative ? y[i] / (mean * std::max(day_of(i), 1e-6)) : y[i] - mean - day_of(i);
    });
  return st;
}

// Runs the recursion over y from `st`, leaving the final state in it, and
// returns the loss (lower is better).
double Run(std::span<const double> y, const EtsSpec& s, const double* p, State* st) {
  const double alpha = p[0], beta = p[1], phi = p[2];
  const double gd = s.day > 0 ? p[3] : 0.0;
  const double gw = s.week > 0 ? p[3 + (s.day > 0)] : 0.0;
  double unit = s.multiplicative ? 1.0 : 0.0, dummy_d = unit, dummy_w = unit;
  size_t id = 0, iw = 0;
  const size_t nd = st->day.size(), nw = st->week.size();
  // sum(log pred) as the log of running products (one log per 32 steps: the
  // log dominated the fit's time).
  double l = st->level, b = st->trend, sse = 0, sum_log = 0, product = 1;
  const size_t n = y.size();
  for (size_t t = 0; t < n; ++t) {
    double& sd = nd ? st->day[id] : dummy_d;
    double& sw = nw ? st->week[iw] : dummy_w;
    const double base = l + phi * b;
    if (s.multiplicative) {
      const double pred = base * sd * sw;
      if (!(pred > 1e-9) || !std::isfinite(pred)) return kBadLoss;
      const double eps = (y[t] - pred) / pred;
      l = base * (1 + alpha * eps);
      b = phi * b + beta * base * eps;
      sd *= 1 + gd * eps;
      sw *= 1 + gw * eps;
      sse += eps * eps;
      product *= pred;
      if ((t & 31) == 31) {
        sum_log += std::log(product);
        product = 1;
      }
    } else {
      const double e = y[t] - (base + sd + sw);
      l = base + alpha * e;
      b = phi * b + beta * e;
      sd += gd * e;
      sw += gw * e;
      sse += e * e;
    }
    if (nd && ++id == nd) id = 0;
    if (nw && ++iw == nw) iw = 0;
  }
  sum_log += std::log(product);
  st->level = l;
  st->trend = b;
  if (!std::isfinite(sse)) return kBadLoss;
  const double nn = static_cast<double>(std::max<size_t>(n, 1));
  double loss = std::log(sse / nn + 1e-300);
  if (s.multiplicative) loss += 2 * sum_log / nn;
  return std::isfinite(loss) ? loss : kBadLoss;
}

double Objective(unsigned, const double* x, double*, void* data) {
  const auto* pr = static_cast<const Problem*>(data);
  State st = pr->initial;
  return Run(pr->y, *pr->spec, x, &st);
}

}  // namespace

std::vector<double> EtsFitAndForecast(std::span<const double> raw, const EtsSpec& spec, int horizon,
                                      std::vector<double>* params, bool refit) {
  std::vector<double> shifted;
  std::span<const double> y = raw;
  if (spec.multiplicative) {
    shifted.reserve(raw.size());
    for (double v : raw) shifted.push_back(std::max(v, 0.0) + kMultiplicativeOffset);
    y = shifted;
  }
  Problem problem{y, &spec, InitialState(y, spec)};
  const size_t k = ParamCount(spec);
  std::vector<double> lower(k, 0.0), upper(k, 0.5);
  lower[0] = 1e-3;
  upper[0] = 0.95;
  upper[1] = 0.1;
  lower[2] = 0.8;
  upper[2] = 0.98;
  std::vector<double> x{0.2, 0.005, 0.95, 0.1, 0.1};
  x.resize(k);
  if (params != nullptr && params->size() == k) x = *params;
  for (size_t i = 0; i < k; ++i) x[i] = std::clamp(x[i], lower[i], upper[i]);

  std::vector<double> best = x;
  if (refit || params == nullptr || params->size() != k) {
    nlopt_opt opt = nlopt_create(NLOPT_LN_BOBYQA, static_cast<unsigned>(k));
    nlopt_set_lower_bounds(opt, lower.data());
    nlopt_set_upper_bounds(opt, upper.data());
    nlopt_set_min_objective(opt, Objective, &problem);
    nlopt_set_maxeval(opt, kMaxEvaluations);
    nlopt_set_xtol_rel(opt, 1e-2);  // smoothing weights need no more digits
    double f = 0;
    if (nlopt_optimize(opt, x.data(), &f) > 0 && f < kBadLoss) best = x;
    nlopt_destroy(opt);
  }
  if (params != nullptr) *params = best;

  State st = problem.initial;
  Run(y, spec, best.data(), &st);
  const double phi = best[2];
  const size_t n = y.size();
  std::vector<double> out(static_cast<size_t>(std::max(horizon, 0)));
  double damp = 0, power = 1;
  for (size_t h = 0; h < out.size(); ++h) {
    power *= phi;
    damp += power;
    const double base = st.level + damp * st.trend;
    const size_t t = n + h;
    const double unit = spec.multiplicative ? 1.0 : 0.0;
    const double sd = st.day.empty() ? unit : st.day[t % st.day.size()];
    const double sw = st.week.empty() ? unit : st.week[t % st.week.size()];
    out[h] = spec.multiplicative ? base * sd * sw - kMultiplicativeOffset : base + sd + sw;
    if (!std::isfinite(out[h])) out[h] = raw.empty() ? 0.0 : raw.back();
  }
  return out;
}

std::string ExponentialSmoothing::name() const {
  std::string n = spec_.robust ? "robust_ets_" : "ets_";
  n += spec_.multiplicative ? "mul" : "add";
  if (spec_.day > 0) n += "_day";
  if (spec_.week > 0) n += "_week";
  return n;
}

size_t ExponentialSmoothing::MinHistory() const {
  return static_cast<size_t>(2 * std::max({spec_.day, spec_.week, 4}));
}

std::vector<double> ExponentialSmoothing::Forecast(const History& history, int horizon,
                                                   ModelState* state) const {
  std::span<const double> y =
      spec_.robust ? std::span<const double>(history.Cleaned()) : history.values();
  if (state == nullptr) return EtsFitAndForecast(y, spec_, horizon, nullptr);
  const bool refit = state->NeedsRefit(y.size());
  if (refit) state->fitted_on = y.size();
  return EtsFitAndForecast(y, spec_, horizon, &state->params, refit);
}

}  // namespace roost::forecast
