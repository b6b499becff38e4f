#include "server/live_db.h"

#include <sys/stat.h>

#include <cstdio>

namespace roost::server {
namespace {

constexpr int64_t kCheckEveryNs = 1'000'000'000;

int64_t NowNs() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

// What changes when a file is replaced (commits rename a new manifest over
// the old one: a new inode) or edited in place.
std::string FileSignature(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return "-";
  return std::to_string(st.st_ino) + ":" + std::to_string(st.st_size) + ":" + std::to_string(st.st_mtim.tv_sec) +
         "." + std::to_string(st.st_mtim.tv_nsec);
}

}  // namespace

Result<std::shared_ptr<LiveDb>> LiveDb::Open(const std::string& dir, std::function<void(const std::string&)> log) {
  std::shared_ptr<LiveDb> live(new LiveDb());
  live->dir_ = dir;
  live->log_ = log ? std::move(log) : [](const std::string& line) { std::fprintf(stderr, "%s\n", line.c_str()); };
  // The signature first: a commit between it and the open is seen at the next check.
  live->signature_ = live->Signature();
  ROOST_ASSIGN_OR_RETURN(std::unique_ptr<Db> db, Db::Open(dir));
  live->db_ = std::move(db);
  live->last_check_ns_ = NowNs();
  return live;
}

std::shared_ptr<LiveDb> LiveDb::Fixed(std::shared_ptr<const Db> db) {
  std::shared_ptr<LiveDb> live(new LiveDb());
  live->db_ = std::move(db);
  return live;
}

std::string LiveDb::Signature() const {
  return FileSignature(dir_ + "/MANIFEST") + "|" + FileSignature(dir_ + "/privacy.toml");
}

std::shared_ptr<const Db> LiveDb::Current() {
  if (!dir_.empty()) {
    int64_t last = last_check_ns_.load(std::memory_order_relaxed);
    const int64_t now = NowNs();
    // One request claims the check; the others go on with the snapshot they find.
    if (now - last >= kCheckEveryNs && last_check_ns_.compare_exchange_strong(last, now)) Refresh();
  }
  std::lock_guard<std::mutex> lock(mu_);
  return db_;
}

bool LiveDb::Refresh() {
  if (dir_.empty()) return false;
  std::lock_guard<std::mutex> refresh(refresh_mu_);
  last_check_ns_ = NowNs();
  const std::string signature = Signature();
  if (signature == signature_) return false;
  auto db = Db::Open(dir_);
  if (!db.ok()) {
    log_("roost serve: the archive changed but could not be opened (still answering from the previous snapshot): " +
         db.status().ToString());
    return false;
  }
  std::shared_ptr<const Db> fresh(std::move(db).value());
  {
    std::lock_guard<std::mutex> lock(mu_);
    db_.swap(fresh);
  }
  signature_ = signature;
  const uint64_t g = ++generation_;
  log_("roost serve: the archive changed; answering from snapshot " + std::to_string(g));
  return true;
}

}  // namespace roost::server
