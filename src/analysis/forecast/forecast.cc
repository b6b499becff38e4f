#include "analysis/forecast/forecast.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>

#include "analysis/forecast/intervals.h"
#include "analysis/forecast/model.h"

namespace roost::forecast {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr int kMaxHorizon = 100000;

// What every candidate (and the combination, the last slot) did at one origin.
struct Origin {
  size_t at = 0;  // index of the first forecast step
  bool complete = false;
  bool scored = false;
  std::vector<std::vector<double>> forecasts;  // empty: not eligible
  std::vector<std::vector<double>> residuals;  // when complete
  std::vector<Bands> bands;
  std::vector<std::string> combined;
  int chosen = -1;
  double mase_scale = kNaN;
};

struct Accumulator {
  size_t origins = 0, points = 0, smape_points = 0, mase_points = 0;
  double abs_err = 0, base_abs_err = 0, smape = 0, mase = 0, in80 = 0, in95 = 0;
};

double MeanAbsNaive(std::span<const double> y, size_t period) {
  double sum = 0;
  size_t n = 0;
  for (size_t t = period; t < y.size(); ++t, ++n) sum += std::abs(y[t] - y[t - period]);
  return n && sum > 0 ? sum / static_cast<double>(n) : kNaN;
}

class Engine {
 public:
  Engine(const RegularSeries& s, const ForecastOptions& o) : s_(s), o_(o) {
    const Periods periods = PeriodsForStep(s.step_ms);
    nonnegative_ = std::all_of(s.values.begin(), s.values.end(), [](double v) { return v >= 0; });
    scale_.log_ratio = nonnegative_;
    for (auto& m : CandidateModels(periods))
      if (nonnegative_ || !m->NeedsNonNegative()) models_.push_back(std::move(m));
    baseline_period_ = periods.day > 0 ? periods.day : periods.week > 0 ? periods.week : 1;
    combo_ = models_.size();
    states_.resize(models_.size());
    horizon_ = static_cast<size_t>(o.horizon);
    every_ = static_cast<size_t>(o.origin_every > 0 ? o.origin_every : o.horizon);
  }

  ForecastResult Run() {
    PlanOrigins();
    for (size_t k = 0; k < origins_.size(); ++k) RunOrigin(k);
    ForecastResult r;
    r.step_ms = s_.step_ms;
    Score(&r.backtest);
    // The forecast itself: one more origin at the end of the series.
    Origin last;
    last.at = s_.values.size();
    origins_.push_back(std::move(last));
    RunOrigin(origins_.size() - 1);
    const Origin& f = origins_.back();
    const int c = f.chosen;
    r.model = c == static_cast<int>(combo_) ? "combination" : models_[c]->name();
    if (c == static_cast<int>(combo_)) r.combined = f.combined;
    for (size_t h = 0; h < horizon_; ++h) {
      ForecastPoint p;
      p.time = s_.time(f.at + h);
      p.value = f.forecasts[c][h];
      p.lo80 = std::min(p.value, f.bands[c].lo80[h]);
      p.hi80 = std::max(p.value, f.bands[c].hi80[h]);
      p.lo95 = std::min(p.lo80, f.bands[c].lo95[h]);
      p.hi95 = std::max(p.hi80, f.bands[c].hi95[h]);
      r.forecast.push_back(p);
    }
    Warn(&r);
    return r;
  }

 private:
  size_t MinStart() const {
    size_t m = std::numeric_limits<size_t>::max();
    for (const auto& model : models_) m = std::min(m, model->MinHistory());
    return std::max<size_t>(m, 2);
  }

  void PlanOrigins() {
    const size_t n = s_.values.size(), w = static_cast<size_t>(std::max(o_.selection_window, 1));
    if (n < MinStart() + horizon_) return;
    // Origins are aligned on the first scored one, or on the last complete one.
    int64_t anchor = static_cast<int64_t>(n - horizon_);
    if (o_.first_scored) {
      const int64_t steps = (*o_.first_scored - s_.start + s_.step_ms - 1) / s_.step_ms;
      anchor = std::clamp<int64_t>(steps, 0, static_cast<int64_t>(n - horizon_));
    }
    const int64_t e = static_cast<int64_t>(every_);
    int64_t first = anchor - ((anchor - static_cast<int64_t>(MinStart())) / e) * e;
    std::vector<size_t> ats;
    for (int64_t a = first; a + static_cast<int64_t>(horizon_) <= static_cast<int64_t>(n); a += e)
      ats.push_back(static_cast<size_t>(a));
    // Origins that only train the selection: a window's worth before the
    // first scored one (plus the origins whose outcomes are still open).
    const size_t lag = (horizon_ + every_ - 1) / every_;
    size_t first_scored = 0;
    if (o_.first_scored) {
      while (first_scored < ats.size() && static_cast<int64_t>(ats[first_scored]) < anchor)
        ++first_scored;
    } else {
      first_scored =
          std::min(ats.size(), static_cast<size_t>(std::max(o_.min_selection_origins, 0)) + lag);
    }
    const size_t max_scored = static_cast<size_t>(std::max(o_.max_scored_origins, 1));
    if (ats.size() - first_scored > max_scored) first_scored = ats.size() - max_scored;
    const size_t keep_from = first_scored > w + lag ? first_scored - w - lag : 0;
    for (size_t i = keep_from; i < ats.size(); ++i) {
      Origin o;
      o.at = ats[i];
      o.complete = true;
      o.scored = i >= first_scored;
      origins_.push_back(std::move(o));
    }
  }

  // Completed origins whose outcomes were known at origin k, most recent last.
  std::vector<size_t> Usable(size_t k) const {
    std::vector<size_t> u;
    for (size_t j = 0; j < k; ++j)
      if (origins_[j].complete && origins_[j].at + horizon_ <= origins_[k].at) u.push_back(j);
    const size_t w = static_cast<size_t>(std::max(o_.selection_window, 1));
    if (u.size() > w) u.erase(u.begin(), u.end() - static_cast<std::ptrdiff_t>(w));
    return u;
  }

  double PastMae(const std::vector<size_t>& at, size_t c) const {
    double sum = 0;
    for (size_t j : at) {
      const Origin& o = origins_[j];
      for (size_t h = 0; h < horizon_; ++h)
        sum += std::abs(s_.values[o.at + h] - o.forecasts[c][h]);
    }
    return at.empty() ? kNaN : sum / static_cast<double>(at.size() * horizon_);
  }

  void RunOrigin(size_t k) {
    Origin& o = origins_[k];
    const size_t slots = models_.size() + 1;
    o.forecasts.assign(slots, {});
    o.residuals.assign(slots, {});
    o.bands.assign(slots, {});
    const std::span<const double> past(s_.values.data(), o.at);
    History history(past, s_.start, s_.step_ms);
    for (size_t c = 0; c < models_.size(); ++c) {
      // The baseline always forecasts (a history shorter than its season
      // repeats the last value), so every origin has an answer.
      if (c > 0 && o.at < models_[c]->MinHistory()) continue;
      o.forecasts[c] = models_[c]->Forecast(history, static_cast<int>(horizon_), &states_[c]);
      if (nonnegative_)
        for (double& v : o.forecasts[c]) v = std::max(v, 0.0);
    }
    Select(k);
    // Intervals of every candidate from its own past residuals.
    const std::vector<size_t> usable = Usable(k);
    std::vector<double> fallback = InSampleNaiveResiduals(past, baseline_period_, scale_);
    if (fallback.size() < 20) {  // a few seasons only: day-to-day changes say more than nothing
      const std::vector<double> steps = InSampleNaiveResiduals(past, 1, scale_);
      fallback.insert(fallback.end(), steps.begin(), steps.end());
    }
    for (size_t c = 0; c < slots; ++c) {
      if (o.forecasts[c].empty()) continue;
      std::vector<const std::vector<double>*> rows;
      for (size_t j : usable)
        if (!origins_[j].residuals[c].empty()) rows.push_back(&origins_[j].residuals[c]);
      o.bands[c] = IntervalsFromResiduals(rows, o.forecasts[c], fallback, scale_);
    }
    if (o.complete) {
      for (size_t c = 0; c < slots; ++c) {
        if (o.forecasts[c].empty()) continue;
        o.residuals[c].resize(horizon_);
        for (size_t h = 0; h < horizon_; ++h)
          o.residuals[c][h] = scale_.Residual(s_.values[o.at + h], o.forecasts[c][h]);
      }
      o.mase_scale = MeanAbsNaive(past, static_cast<size_t>(baseline_period_));
    }
  }

  // Past MAE of slot c relative to the baseline's on the usable origins
  // where c forecast (models join as their history allows); NaN when c has
  // too few of them.
  double PastRatio(const std::vector<size_t>& usable, size_t c) const {
    std::vector<size_t> where;
    for (size_t j : usable)
      if (!origins_[j].forecasts[c].empty()) where.push_back(j);
    if (where.size() < static_cast<size_t>(std::max(o_.min_selection_origins, 1))) return kNaN;
    const double base = PastMae(where, 0);
    return base > 0 ? PastMae(where, c) / base : (PastMae(where, c) > 0 ? kNaN : 1.0);
  }

  // The model with the lowest past error, or the mean of the best few when
  // that mean did better on the origins where it was formed.
  void Select(size_t k) {
    Origin& o = origins_[k];
    o.chosen = 0;
    const std::vector<size_t> usable = Usable(k);
    if (usable.size() < static_cast<size_t>(std::max(o_.min_selection_origins, 1))) return;
    std::vector<std::pair<double, size_t>> ranked;
    for (size_t c = 0; c < models_.size(); ++c) {
      if (o.forecasts[c].empty()) continue;
      const double ratio = PastRatio(usable, c);
      if (std::isfinite(ratio)) ranked.push_back({ratio, c});
    }
    if (ranked.empty()) return;
    std::sort(ranked.begin(), ranked.end());
    o.chosen = static_cast<int>(ranked.front().second);
    const size_t members = std::min(ranked.size(), static_cast<size_t>(std::max(o_.combine, 0)));
    if (members < 2) return;
    std::vector<double>& mean = o.forecasts[combo_];
    mean.assign(horizon_, 0.0);
    for (size_t i = 0; i < members; ++i) {
      const size_t c = ranked[i].second;
      o.combined.push_back(models_[c]->name());
      for (size_t h = 0; h < horizon_; ++h)
        mean[h] += o.forecasts[c][h] / static_cast<double>(members);
    }
    const double combo_ratio = PastRatio(usable, combo_);
    if (std::isfinite(combo_ratio) && combo_ratio < ranked.front().first)
      o.chosen = static_cast<int>(combo_);
  }

  void Add(const Origin& o, size_t c, Accumulator* a) const {
    const auto& f = o.forecasts[c];
    const Bands& b = o.bands[c];
    ++a->origins;
    for (size_t h = 0; h < horizon_; ++h) {
      const double y = s_.values[o.at + h], e = std::abs(y - f[h]);
      ++a->points;
      a->abs_err += e;
      a->base_abs_err += std::abs(y - o.forecasts[0][h]);
      if (std::abs(y) + std::abs(f[h]) > 0) {
        a->smape += 200 * e / (std::abs(y) + std::abs(f[h]));
        ++a->smape_points;
      }
      if (std::isfinite(o.mase_scale)) {
        a->mase += e / o.mase_scale;
        ++a->mase_points;
      }
      const double lo80 = std::min(f[h], b.lo80[h]), hi80 = std::max(f[h], b.hi80[h]);
      const double lo95 = std::min(lo80, b.lo95[h]), hi95 = std::max(hi80, b.hi95[h]);
      a->in80 += y >= lo80 && y <= hi80;
      a->in95 += y >= lo95 && y <= hi95;
    }
  }

  static ModelScore ToScore(const std::string& name, const Accumulator& a) {
    ModelScore m;
    m.model = name;
    m.origins = a.origins;
    m.points = a.points;
    if (a.points == 0) return m;
    const double n = static_cast<double>(a.points);
    m.mae = a.abs_err / n;
    m.mae_ratio = a.base_abs_err > 0 ? a.abs_err / a.base_abs_err : kNaN;
    m.smape = a.smape_points ? a.smape / static_cast<double>(a.smape_points) : kNaN;
    m.mase = a.mase_points ? a.mase / static_cast<double>(a.mase_points) : kNaN;
    m.coverage80 = a.in80 / n;
    m.coverage95 = a.in95 / n;
    return m;
  }

  void Score(Backtest* b) const {
    b->horizon = static_cast<int>(horizon_);
    b->origin_every = static_cast<int>(every_);
    b->baseline = models_[0]->name();
    std::vector<Accumulator> per(models_.size() + 1);
    Accumulator selected;
    bool first = true;
    for (const Origin& o : origins_) {
      if (!o.scored) continue;
      if (first) b->first_origin = s_.time(o.at);
      first = false;
      b->last_origin = s_.time(o.at);
      ++b->origins;
      for (size_t c = 0; c < per.size(); ++c)
        if (!o.forecasts[c].empty()) Add(o, c, &per[c]);
      Add(o, static_cast<size_t>(o.chosen), &selected);
    }
    b->selected = ToScore("selected", selected);
    for (size_t c = 0; c < models_.size(); ++c)
      if (per[c].points) b->models.push_back(ToScore(models_[c]->name(), per[c]));
    if (per[combo_].points) b->models.push_back(ToScore("combination", per[combo_]));
    if (!b->models.empty()) b->seasonal_naive = b->models.front();
  }

  void Warn(ForecastResult* r) const {
    const Backtest& b = r->backtest;
    if (b.origins == 0) {
      r->warnings.push_back(
          fmt::format("too little history to backtest ({} steps): the forecast is {} and its "
                      "intervals are untested",
                      s_.values.size(), r->model));
      return;
    }
    if (b.origins < 5)
      r->warnings.push_back(
          fmt::format("the backtest has only {} origins: its figures are rough", b.origins));
    if (b.selected.mae_ratio >= 1)
      r->warnings.push_back(
          fmt::format("in the backtest the forecast did not beat seasonal naive (MAE ratio "
                      "{:.3f}): treat it as no better than "
                      "repeating the last season",
                      b.selected.mae_ratio));
    if (b.selected.coverage80 < 0.7 || b.selected.coverage80 > 0.9)
      r->warnings.push_back(
          fmt::format("in the backtest the 80% intervals held {:.0f}% of the time",
                      100 * b.selected.coverage80));
  }

  const RegularSeries& s_;
  const ForecastOptions& o_;
  bool nonnegative_ = true;
  ErrorScale scale_;
  std::vector<std::unique_ptr<Model>> models_;
  std::vector<ModelState> states_;
  int baseline_period_ = 1;
  size_t combo_ = 0;
  size_t horizon_ = 0, every_ = 0;
  std::vector<Origin> origins_;
};

}  // namespace

Result<ForecastResult> Forecast(const RegularSeries& series, const ForecastOptions& options) {
  if (options.horizon < 1 || options.horizon > kMaxHorizon)
    return Status::InvalidArgument(
        fmt::format("the horizon must be between 1 and {} steps", kMaxHorizon));
  if (options.origin_every < 0)
    return Status::InvalidArgument("origins must be at least one step apart");
  if (series.step_ms <= 0) return Status::InvalidArgument("the series has no step");
  if (series.values.size() < 2)
    return Status::InvalidArgument("a forecast needs at least two values");
  for (size_t i = 0; i < series.values.size(); ++i)
    if (!std::isfinite(series.values[i]))
      return Status::InvalidArgument(
          fmt::format("value {} of the series is not a finite number", i + 1));
  Engine engine(series, options);
  return engine.Run();
}

}  // namespace roost::forecast
