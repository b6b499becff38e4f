#include "analysis/forecast/predict.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "analysis/forecast/regression.h"

namespace roost::forecast {
namespace {

// Fewer outcomes per coefficient than this make a fit that mostly remembers noise.
constexpr size_t kRowsPerCoefficient = 10;

int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

}  // namespace

Result<PredictResult> Predict(const std::vector<FeatureSeries>& features, TimestampMs start,
                              int64_t step_ms, const detect::Series& outcome,
                              const PredictOptions& o) {
  if (features.empty()) return Status::InvalidArgument("give at least one feature");
  if (o.min_lag < 0 || o.max_lag < o.min_lag)
    return Status::InvalidArgument("lags must be 0 <= from <= to");
  if (step_ms <= 0) return Status::InvalidArgument("the feature grid has no step");
  const size_t buckets = features.front().values.size();
  for (const auto& f : features)
    if (f.values.size() != buckets) return Status::InvalidArgument("features must share one grid");
  const size_t lags = static_cast<size_t>(o.max_lag - o.min_lag + 1);
  const size_t p = 1 + features.size() * lags;

  std::vector<std::vector<double>> rows;
  std::vector<double> y;
  for (size_t i = 0; i < outcome.size(); ++i) {
    const int64_t b = FloorDiv(outcome.times[i] - start, step_ms);
    if (b - o.max_lag < 0 || b - o.min_lag >= static_cast<int64_t>(buckets)) continue;
    std::vector<double> row{1.0};
    for (const auto& f : features)
      for (int lag = o.min_lag; lag <= o.max_lag; ++lag)
        row.push_back(f.values[static_cast<size_t>(b - lag)]);
    rows.push_back(std::move(row));
    y.push_back(outcome.values[i]);
  }
  const size_t n = rows.size();
  if (n < p + 4)
    return Status::InvalidArgument(
        fmt::format("{} outcomes fall where the features are known, too few for {} coefficients "
                    "(at least {} are needed): use fewer "
                    "features or lags, or a longer range",
                    n, p, p + 4));
  auto matrix = [&](size_t from, size_t to) {
    Eigen::MatrixXd m(static_cast<Eigen::Index>(to - from), static_cast<Eigen::Index>(p));
    for (size_t r = from; r < to; ++r)
      for (size_t c = 0; c < p; ++c)
        m(static_cast<Eigen::Index>(r - from), static_cast<Eigen::Index>(c)) = rows[r][c];
    return m;
  };
  auto vector = [&](size_t from, size_t to) {
    return Eigen::Map<const Eigen::VectorXd>(y.data() + from, static_cast<Eigen::Index>(to - from))
        .eval();
  };

  PredictResult r;
  r.rows = n;
  r.parameters = p;
  const LinearFit all = FitLeastSquares(matrix(0, n), vector(0, n));
  r.r2_in_sample = all.r2;
  const double t = StudentT975(all.dof);
  std::vector<std::string> names{"intercept"};
  for (const auto& f : features)
    for (int lag = o.min_lag; lag <= o.max_lag; ++lag)
      names.push_back(fmt::format("{}[lag {}]", f.name, lag));
  for (size_t c = 0; c < p; ++c) {
    Coefficient k;
    k.name = names[c];
    k.estimate = all.beta(static_cast<Eigen::Index>(c));
    k.std_error = all.std_error(static_cast<Eigen::Index>(c));
    k.lo95 = k.estimate - t * k.std_error;
    k.hi95 = k.estimate + t * k.std_error;
    r.coefficients.push_back(k);
  }

  // Expanding-window cross-validation over the later half (at least p + 3
  // rows train the first fold).
  const size_t first_test = std::max(p + 3, n / 2);
  const size_t folds =
      std::clamp<size_t>(static_cast<size_t>(std::max(o.folds, 1)), 1, n - first_test);
  double sse = 0, sse_mean = 0, abs_err = 0, base_abs_err = 0;
  for (size_t k = 0; k < folds; ++k) {
    const size_t from = first_test + (n - first_test) * k / folds,
                 to = first_test + (n - first_test) * (k + 1) / folds;
    if (from >= to) continue;
    const LinearFit fit = FitLeastSquares(matrix(0, from), vector(0, from));
    const double train_mean = vector(0, from).mean();
    const Eigen::VectorXd pred = matrix(from, to) * fit.beta;
    for (size_t i = from; i < to; ++i) {
      const double e = y[i] - pred(static_cast<Eigen::Index>(i - from));
      sse += e * e;
      sse_mean += (y[i] - train_mean) * (y[i] - train_mean);
      abs_err += std::abs(e);
      base_abs_err += std::abs(y[i] - y[i - 1]);
      ++r.test_rows;
    }
  }
  const double m = static_cast<double>(std::max<size_t>(r.test_rows, 1));
  r.r2_out_of_sample = sse_mean > 0 ? 1 - sse / sse_mean : 0.0;
  r.mae = abs_err / m;
  r.baseline_mae = base_abs_err / m;
  r.mae_ratio = base_abs_err > 0 ? abs_err / base_abs_err : (abs_err > 0 ? INFINITY : 1.0);

  if (n < kRowsPerCoefficient * p)
    r.warnings.push_back(
        fmt::format("only {} outcomes for {} coefficients: too few to trust the fit (about {} per "
                    "coefficient are needed); use "
                    "fewer features or lags",
                    n, p, kRowsPerCoefficient));
  if (r.mae_ratio >= 1)
    r.warnings.push_back(
        fmt::format("out of sample the model does not beat the previous outcome as a prediction "
                    "(MAE ratio {:.3f}): the tweet "
                    "features add nothing usable here",
                    r.mae_ratio));
  if (r.r2_out_of_sample <= 0)
    r.warnings.push_back(fmt::format(
        "out-of-sample R^2 is {:.3f}: the model predicts worse than the average outcome",
        r.r2_out_of_sample));
  return r;
}

}  // namespace roost::forecast
