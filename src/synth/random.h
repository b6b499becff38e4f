// Deterministic random numbers for the generator. Everything synth writes is
// a pure function of (--seed, what is being generated), so each stream is
// seeded from a hash of the seed and a purpose tag, never from shared state:
// days can then be generated in any order on any number of threads.
#ifndef ROOST_SYNTH_RANDOM_H_
#define ROOST_SYNTH_RANDOM_H_

#include <cmath>
#include <cstdint>
#include <vector>

namespace roost::synth {

// SplitMix64 finaliser: a good 64-bit mixing function for seeds.
inline uint64_t Mix64(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}
inline uint64_t SeedFor(uint64_t seed, uint64_t tag, uint64_t index = 0) {
  return Mix64(Mix64(seed ^ Mix64(tag)) + index);
}

// xoshiro256** (public-domain algorithm by Blackman and Vigna), written here
// from its description: fast, small state, good enough for synthetic data.
class Rng {
 public:
  explicit Rng(uint64_t seed) {
    uint64_t x = seed;
    for (auto& s : s_) {
      x += 0x9e3779b97f4a7c15ULL;
      s = Mix64(x);
    }
  }
  uint64_t Next() {
    uint64_t result = Rotl(s_[1] * 5, 7) * 9;
    uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = Rotl(s_[3], 45);
    return result;
  }
  // Uniform in [0, 1).
  double Uniform() { return (Next() >> 11) * 0x1.0p-53; }
  // Uniform in [0, n); n > 0. Lemire's multiply-shift (tiny bias is fine here).
  uint64_t Below(uint64_t n) {
    return static_cast<uint64_t>((static_cast<unsigned __int128>(Next()) * n) >> 64);
  }
  int64_t Range(int64_t lo, int64_t hi) {  // inclusive
    return lo + static_cast<int64_t>(Below(static_cast<uint64_t>(hi - lo + 1)));
  }
  bool Chance(double p) { return Uniform() < p; }
  double Exponential(double mean) { return -mean * std::log(1.0 - Uniform()); }
  // Pareto with scale 1 and shape alpha: heavy tail for follower counts.
  double Pareto(double alpha) { return std::pow(1.0 - Uniform(), -1.0 / alpha); }
  double Normal() {
    double u = Uniform(), v = Uniform();
    return std::sqrt(-2.0 * std::log(1.0 - u)) * std::cos(6.283185307179586 * v);
  }
  template <typename T>
  const T& Pick(const std::vector<T>& v) { return v[Below(v.size())]; }

 private:
  static uint64_t Rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  uint64_t s_[4];
};

// Walker's alias method: O(1) draws from a fixed discrete distribution.
class AliasTable {
 public:
  AliasTable() = default;
  explicit AliasTable(const std::vector<double>& weights) { Build(weights); }
  void Build(const std::vector<double>& weights);
  size_t Sample(Rng& rng) const {
    size_t i = rng.Below(prob_.size());
    return rng.Uniform() < prob_[i] ? i : alias_[i];
  }
  size_t size() const { return prob_.size(); }
  bool empty() const { return prob_.empty(); }

 private:
  std::vector<double> prob_;
  std::vector<uint32_t> alias_;
};

// Zipf-like weights 1/(rank+q)^s for a vocabulary in frequency order.
std::vector<double> ZipfWeights(size_t n, double s = 1.0, double q = 2.7);

}  // namespace roost::synth

#endif  // ROOST_SYNTH_RANDOM_H_
