#include "server/admission.h"

namespace roost::server {
namespace {
thread_local bool t_refusing = false;
}

AdmissionPool::AdmissionPool(size_t workers, size_t max_queued) : max_queued_(max_queued) {
  for (size_t i = 0; i < workers; ++i) threads_.emplace_back([this] { Work(false); });
  threads_.emplace_back([this] { Work(true); });
}

AdmissionPool::~AdmissionPool() { shutdown(); }

bool AdmissionPool::Refusing() { return t_refusing; }

void AdmissionPool::enqueue(std::function<void()> fn) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    (queue_.size() < max_queued_ ? queue_ : refused_).push_back(std::move(fn));
  }
  cv_.notify_all();
}

void AdmissionPool::shutdown() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (shutdown_ && threads_.empty()) return;
    shutdown_ = true;
  }
  cv_.notify_all();
  for (auto& t : threads_)
    if (t.joinable()) t.join();
  threads_.clear();
}

void AdmissionPool::Work(bool refuser) {
  t_refusing = refuser;
  std::deque<std::function<void()>>& mine = refuser ? refused_ : queue_;
  for (;;) {
    std::function<void()> fn;
    {
      std::unique_lock<std::mutex> lock(mu_);
      cv_.wait(lock, [&] { return shutdown_ || !mine.empty(); });
      // Connections already taken on are still served at shutdown.
      if (mine.empty()) return;
      fn = std::move(mine.front());
      mine.pop_front();
    }
    fn();
  }
}

}  // namespace roost::server
