#include "synth/random.h"

namespace roost::synth {

void AliasTable::Build(const std::vector<double>& weights) {
  size_t n = weights.size();
  prob_.assign(n, 0.0);
  alias_.assign(n, 0);
  if (n == 0) return;
  double total = 0;
  for (double w : weights) total += w;
  std::vector<double> scaled(n);
  std::vector<uint32_t> small, large;
  for (size_t i = 0; i < n; ++i) {
    scaled[i] = total > 0 ? weights[i] * n / total : 1.0;
    (scaled[i] < 1.0 ? small : large).push_back(static_cast<uint32_t>(i));
  }
  while (!small.empty() && !large.empty()) {
    uint32_t s = small.back(), l = large.back();
    small.pop_back();
    prob_[s] = scaled[s];
    alias_[s] = l;
    scaled[l] = (scaled[l] + scaled[s]) - 1.0;
    if (scaled[l] < 1.0) {
      large.pop_back();
      small.push_back(l);
    }
  }
  for (uint32_t i : large) prob_[i] = 1.0, alias_[i] = i;
  for (uint32_t i : small) prob_[i] = 1.0, alias_[i] = i;
}

std::vector<double> ZipfWeights(size_t n, double s, double q) {
  std::vector<double> w(n);
  for (size_t r = 0; r < n; ++r) w[r] = 1.0 / std::pow(static_cast<double>(r) + q, s);
  return w;
}

}  // namespace roost::synth
