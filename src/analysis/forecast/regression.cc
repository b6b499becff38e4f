#include "analysis/forecast/regression.h"

#include <cmath>
#include <limits>

namespace roost::forecast {

LinearFit FitLeastSquares(const Eigen::MatrixXd& x, const Eigen::VectorXd& y) {
  LinearFit f;
  const Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr(x);
  f.beta = qr.solve(y);
  f.rank = static_cast<int>(qr.rank());
  f.dof = static_cast<int>(x.rows()) - f.rank;
  const Eigen::VectorXd resid = y - x * f.beta;
  const double sse = resid.squaredNorm();
  const double sst = (y.array() - y.mean()).square().sum();
  f.r2 = sst > 0 ? 1 - sse / sst : 0.0;
  f.residual_variance = f.dof > 0 ? sse / f.dof : std::numeric_limits<double>::quiet_NaN();
  // Var(beta) = sigma^2 (X'X)^-1, through the pseudo-inverse when X is rank deficient.
  const Eigen::MatrixXd xtx = x.transpose() * x;
  const Eigen::MatrixXd inv = xtx.completeOrthogonalDecomposition().pseudoInverse();
  f.std_error = (inv.diagonal().array().max(0.0) * f.residual_variance).sqrt();
  return f;
}

double StudentT975(int dof) {
  constexpr double z = 1.959963984540054;
  if (dof <= 0) return std::numeric_limits<double>::quiet_NaN();
  const double n = dof, z3 = z * z * z, z5 = z3 * z * z, z7 = z5 * z * z;
  return z + (z3 + z) / (4 * n) + (5 * z5 + 16 * z3 + 3 * z) / (96 * n * n) +
         (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * n * n * n);
}

}  // namespace roost::forecast
