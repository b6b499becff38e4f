// The archive a server answers from, kept current: at most once a second a
// request checks whether the archive's MANIFEST or privacy.toml changed (a
// stat of each) and, if so, opens the new snapshot and swaps it in. Requests
// in flight keep the snapshot they started with (a shared_ptr), so a swap
// never changes an answer half-way; an archive that fails to open keeps the
// old snapshot in service until the next check.
#ifndef ROOST_SERVER_LIVE_DB_H_
#define ROOST_SERVER_LIVE_DB_H_

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include "roost/roost.h"

namespace roost::server {

class LiveDb {
 public:
  // Opens `dir`; `log` hears of each swap and failed reopen (null: stderr).
  static Result<std::shared_ptr<LiveDb>> Open(const std::string& dir,
                                              std::function<void(const std::string&)> log = {});
  // A snapshot that never changes (tests, fuzzing).
  static std::shared_ptr<LiveDb> Fixed(std::shared_ptr<const Db> db);

  // The current snapshot, after swapping in a new one when the archive
  // changed and the last check is a second old or more.
  std::shared_ptr<const Db> Current();
  // Checks now, whatever the time since the last check; true when swapped.
  bool Refresh();

  uint64_t generation() const { return generation_.load(); }
  // The archive's directory; empty for a fixed snapshot.
  const std::string& dir() const { return dir_; }

 private:
  LiveDb() = default;
  std::string Signature() const;

  std::string dir_;  // empty: fixed
  std::function<void(const std::string&)> log_;
  mutable std::mutex mu_;
  std::shared_ptr<const Db> db_;  // guarded by mu_
  std::string signature_;         // of db_, guarded by refresh_mu_
  std::mutex refresh_mu_;         // one reopen at a time
  std::atomic<int64_t> last_check_ns_{0};
  std::atomic<uint64_t> generation_{1};
};

}  // namespace roost::server

#endif  // ROOST_SERVER_LIVE_DB_H_
