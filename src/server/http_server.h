// The HTTP server of `roost serve` on cpp-httplib: authenticates each
// request by its API key, bounds bodies and concurrent work, writes one
// audit line per request (key id, endpoint, status, duration, bytes; never
// a key, a filter, a body or tweet text), and hands the rest to Api (GET
// /api/NAME) or AdminApi (/api/admin/NAME).
#ifndef ROOST_SERVER_HTTP_SERVER_H_
#define ROOST_SERVER_HTTP_SERVER_H_

#include <atomic>
#include <cstdio>
#include <functional>
#include <memory>
#include <string>

#include "roost/roost.h"
#include "server/admin_api.h"
#include "server/api.h"
#include "server/live_db.h"
#include "server/server_config.h"
#include "server/static_files.h"

namespace httplib {
class Server;
}

namespace roost::server {

class HttpServer {
 public:
  // `audit` receives one line per request; null: stderr.
  HttpServer(std::shared_ptr<const Db> db, ServerConfig config, std::function<void(const std::string&)> audit = {});
  // Answers from `db`'s current snapshot: new commits are picked up.
  HttpServer(std::shared_ptr<LiveDb> db, ServerConfig config, std::function<void(const std::string&)> audit = {});
  ~HttpServer();

  // Binds config.host:config.port (port 0: any free port). kIoError when
  // the address cannot be bound.
  Status Bind();
  int port() const { return port_; }
  // Serves until Stop(); call after Bind(). Returns at once when Stop()
  // came first.
  Status Serve();
  // Safe from any thread, before, during or after Serve().
  void Stop();
  // The dashboard's files, served at every non-API path; call before
  // Serve(). Without it those paths are JSON 404s.
  void ServeDashboard(std::shared_ptr<const StaticFiles> files) { dashboard_ = std::move(files); }

 private:
  // Authenticates, answers through `answer` and writes the audit line.
  void Answer(const httplib::Request& req, httplib::Response& res,
             const std::function<ApiResponse(const ApiKey&)>& answer);

  ServerConfig config_;
  Api api_;
  std::function<void(const std::string&)> audit_;
  std::unique_ptr<AdminApi> admin_;
  std::unique_ptr<httplib::Server> http_;
  std::shared_ptr<const StaticFiles> dashboard_;
  int port_ = -1;
  // httplib ignores a stop() that comes before its listen loop runs; these
  // close that window (see Stop()).
  std::atomic<bool> serve_started_{false}, stop_requested_{false};
};

}  // namespace roost::server

#endif  // ROOST_SERVER_HTTP_SERVER_H_
