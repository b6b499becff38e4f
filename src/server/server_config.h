// The server's settings (docs/SERVER.md), from a TOML file:
//   [server]
//   listen = "127.0.0.1:8080"
//   max_body_bytes = 65536
//   max_filter_bytes = 16384
//   max_concurrent = 8
//   max_queued = 32
//   request_budget_ms = 10000
//   [[key]]
//   id = "alice"
//   role = "analyst"          # or "admin"
//   hash = "<roost serve --hash-key output>"
// Unknown keys and bad values are errors naming the file and line.
#ifndef ROOST_SERVER_SERVER_CONFIG_H_
#define ROOST_SERVER_SERVER_CONFIG_H_

#include <cstdint>
#include <string>

#include "roost/status.h"
#include "server/api_keys.h"

namespace roost::server {

struct Limits {
  size_t max_body_bytes = 64 * 1024;
  size_t max_filter_bytes = 16 * 1024;
  size_t max_sample = 1000;
  int max_concurrent = 8;  // connections served at once (each answers one request at a time)
  size_t max_queued = 32;  // connections waiting for a worker; beyond, 503 "unavailable" at once
  // A question still running after this long is stopped and answered 503
  // "deadline_exceeded"; a request's ?budget_ms= may only lower it.
  int64_t request_budget_ms = 10000;
};

struct ServerConfig {
  std::string host = "127.0.0.1";  // loopback unless told otherwise
  int port = 8080;
  Limits limits;
  KeyRing keys;
  std::string brands_toml, brands_path;  // the brands file /api/brands answers for ("": none)
};

Result<ServerConfig> LoadServerConfig(const std::string& path);

// "HOST:PORT" (IPv6 as [::1]:8080) into *config.
Status ParseListen(const std::string& listen, ServerConfig* config);

}  // namespace roost::server

#endif  // ROOST_SERVER_SERVER_CONFIG_H_
