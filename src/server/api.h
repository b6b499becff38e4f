// The JSON API's endpoints, apart from HTTP: a path, its parameters and the
// caller's key in, a status and a JSON body out. Every answer comes from the
// answer layer (roost::Db), which applies the gate for the key's role.
//   GET /api/info      the caller's role and gate, the archive's tweets
//   GET /api/count     filter, from, to, tz
//   GET /api/sample    ... limit
//   GET /api/explain   ... (filter required)
//   GET /api/series    ... interval, metrics
//   GET /api/top       ... target, then (comma-separated), limit, rank_by, metrics
//   GET /api/trends    ... at or from/to, interval, lang, limit, tweets, min_*
//   GET /api/spikes    ... interval, threshold, min_spike_z, limit, tweets
//   GET /api/brands    ... interval, compare, limit, brand (comma-separated): the server's brands file
//   GET /api/openapi.json   the OpenAPI 3 description (no key needed)
// The admin endpoints (/api/admin/...) that change the archive: admin_api.h.
// Errors: {"error": {"code", "message"}} with the HTTP status for the code.
#ifndef ROOST_SERVER_API_H_
#define ROOST_SERVER_API_H_

#include <map>
#include <memory>
#include <string>

#include "roost/roost.h"
#include "server/api_keys.h"
#include "server/live_db.h"
#include "server/server_config.h"

namespace roost::server {

struct ApiResponse {
  int status = 200;
  std::string body;  // JSON
};

using Params = std::multimap<std::string, std::string>;

// Who an analyst key is to the answer layer: on a shared server an analyst
// is always gated, by the archive's privacy.toml or, when it has none (or
// turns the gate off), the default gate.
Caller AnalystCaller(const Db& db);

class Api {
 public:
  Api(std::shared_ptr<const Db> db, Limits limits) : Api(LiveDb::Fixed(std::move(db)), limits) {}
  // Each request answers from the snapshot current when it starts.
  Api(std::shared_ptr<LiveDb> db, Limits limits) : db_(std::move(db)), limits_(limits) {}

  ApiResponse Handle(const std::string& path, const Params& params, const ApiKey& key) const;
  // The brands file /api/brands answers for (its text, already validated).
  void SetBrands(std::string toml, std::string path) {
    brands_toml_ = std::move(toml);
    brands_path_ = std::move(path);
  }

  static ApiResponse Error(int http_status, const std::string& code, const std::string& message);
  static ApiResponse FromStatus(const Status& s);
  static const std::string& OpenApiJson();

 private:
  std::shared_ptr<LiveDb> db_;
  Limits limits_;
  std::string brands_toml_, brands_path_;
};

}  // namespace roost::server

#endif  // ROOST_SERVER_API_H_
