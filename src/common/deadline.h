// When a question must be answered by. Long work checks it between segments
// and between granules of a scan, so a runaway question stops early and says
// so (kDeadlineExceeded) instead of holding a thread until it ends.
#ifndef ROOST_COMMON_DEADLINE_H_
#define ROOST_COMMON_DEADLINE_H_

#include <chrono>
#include <cstdint>
#include <string>

#include "roost/status.h"

namespace roost {

class Deadline {
 public:
  using Clock = std::chrono::steady_clock;

  Deadline() = default;  // never passes
  // `budget_ms` from now; 0 or less: never.
  static Deadline In(int64_t budget_ms) {
    Deadline d;
    if (budget_ms > 0) {
      d.at_ = Clock::now() + std::chrono::milliseconds(budget_ms);
      d.budget_ms_ = budget_ms;
    }
    return d;
  }
  static Deadline At(Clock::time_point at) {
    Deadline d;
    d.at_ = at;
    d.budget_ms_ = 0;
    return d;
  }

  bool set() const { return at_ != Clock::time_point::max(); }
  bool passed() const { return set() && Clock::now() >= at_; }
  // OK, or kDeadlineExceeded once passed.
  Status Check() const {
    if (!passed()) return Status::Ok();
    return Status::DeadlineExceeded(
        budget_ms_ > 0 ? "the question ran past its time budget of " + std::to_string(budget_ms_) + " ms"
                       : "the question ran past its deadline");
  }

 private:
  Clock::time_point at_ = Clock::time_point::max();
  int64_t budget_ms_ = 0;
};

}  // namespace roost

#endif  // ROOST_COMMON_DEADLINE_H_
