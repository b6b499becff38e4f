// Ordinary least squares with coefficient intervals (Eigen's column-pivoting
// QR, so collinear columns do not break the fit).
#ifndef ROOST_ANALYSIS_FORECAST_REGRESSION_H_
#define ROOST_ANALYSIS_FORECAST_REGRESSION_H_

#include <Eigen/Dense>
#include <vector>

namespace roost::forecast {

struct LinearFit {
  Eigen::VectorXd beta;       // one per column of X
  Eigen::VectorXd std_error;  // NaN when the residual degrees of freedom are 0
  double residual_variance = 0;
  int dof = 0;  // rows - rank
  int rank = 0;
  double r2 = 0;  // in sample
};

// Fits y = X beta. X should hold a column of ones for an intercept.
LinearFit FitLeastSquares(const Eigen::MatrixXd& x, const Eigen::VectorXd& y);

// Two-sided 95% quantile of Student's t with `dof` degrees of freedom
// (Cornish-Fisher expansion around the normal quantile; within 1% from 3
// degrees of freedom on).
double StudentT975(int dof);

}  // namespace roost::forecast

#endif  // ROOST_ANALYSIS_FORECAST_REGRESSION_H_
