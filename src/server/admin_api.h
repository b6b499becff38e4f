// The admin endpoints of the JSON API: they change the served archive, so
// only admin keys reach them (an analyst key: 403 "forbidden").
//   GET  /api/admin/gate         the archive's privacy gate
//   PUT  /api/admin/gate         replace it (privacy.toml, written atomically)
//   POST /api/admin/compliance   apply tweet and user deletions, as roost comply
//   POST /api/admin/ingest       load files on the server's machine, as roost ingest
// One write at a time: a write that finds another running (here, or a
// roost ingest/comply/compact holding the archive's lock) is answered 409
// "conflict" at once rather than queued, so no worker waits minutes
// behind an ingest. After a write the archive is reopened before the
// answer, so the caller's next request sees the change.
#ifndef ROOST_SERVER_ADMIN_API_H_
#define ROOST_SERVER_ADMIN_API_H_

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "enrich/enricher.h"
#include "server/api.h"
#include "server/api_keys.h"
#include "server/live_db.h"

namespace roost::server {

class AdminApi {
 public:
  // `log` hears of failed writes (details a caller does not get).
  AdminApi(std::shared_ptr<LiveDb> db, std::function<void(const std::string&)> log)
      : db_(std::move(db)), log_(std::move(log)) {}

  // `method` as HTTP spells it; `body` the request's (JSON for writes).
  ApiResponse Handle(const std::string& method, const std::string& path, const std::string& body,
                     const ApiKey& key);

 private:
  ApiResponse GetGate() const;
  ApiResponse PutGate(const std::string& body);
  ApiResponse Comply(const std::string& body);
  ApiResponse Ingest(const std::string& body);
  ApiResponse WriteFailed(const std::string& what, const Status& s) const;

  std::shared_ptr<LiveDb> db_;
  std::function<void(const std::string&)> log_;
  std::mutex write_mu_;                // held by the one write running
  std::optional<Enricher> enricher_;   // made by the first ingest; guarded by write_mu_
};

}  // namespace roost::server

#endif  // ROOST_SERVER_ADMIN_API_H_
