// How many connections `roost serve` takes on at once. cpp-httplib gives
// each connection a worker for as long as it lives; this pool has
// max_concurrent workers and a queue of at most max_queued connections
// waiting for one. A connection beyond that is not left waiting: one
// refusing thread reads its requests and answers each 503 "unavailable"
// (Retry-After: 1, Connection: close) at once, so a client under overload
// hears so in milliseconds and can back off, instead of timing out.
#ifndef ROOST_SERVER_ADMISSION_H_
#define ROOST_SERVER_ADMISSION_H_

#include <httplib.h>

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace roost::server {

class AdmissionPool : public httplib::TaskQueue {
 public:
  AdmissionPool(size_t workers, size_t max_queued);
  ~AdmissionPool() override;

  void enqueue(std::function<void()> fn) override;
  void shutdown() override;

  // True on the refusing thread: every request it reads is answered 503.
  static bool Refusing();

 private:
  void Work(bool refuser);

  const size_t max_queued_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> queue_, refused_;
  bool shutdown_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace roost::server

#endif  // ROOST_SERVER_ADMISSION_H_
