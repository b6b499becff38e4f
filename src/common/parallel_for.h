// ParallelFor: runs fn(k) for k in [0, n) on up to `threads` threads (0: one
// per core), each thread taking the next k when it finishes one. Work items
// here are segments, so a few large items balance well enough this way.
#ifndef ROOST_COMMON_PARALLEL_FOR_H_
#define ROOST_COMMON_PARALLEL_FOR_H_

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace roost {

template <typename Fn>
void ParallelFor(size_t n, int threads, Fn&& fn) {
  size_t t = threads > 0 ? static_cast<size_t>(threads) : std::max(1u, std::thread::hardware_concurrency());
  t = std::clamp<size_t>(t, 1, std::max<size_t>(1, n));
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t k = next++; k < n; k = next++) fn(k);
  };
  if (t <= 1) {
    worker();
    return;
  }
  std::vector<std::thread> pool;
  pool.reserve(t);
  for (size_t i = 0; i < t; ++i) pool.emplace_back(worker);
  for (auto& th : pool) th.join();
}

}  // namespace roost

#endif  // ROOST_COMMON_PARALLEL_FOR_H_
