#include "server/server_config.h"

#include <charconv>

#include "common/toml_file.h"

namespace roost::server {

Status ParseListen(const std::string& listen, ServerConfig* config) {
  const size_t colon = listen.rfind(':');
  if (colon == std::string::npos || colon == 0) return Status::InvalidArgument("listen '" + listen + "': want HOST:PORT");
  std::string host = listen.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  int port = -1;
  const std::string p = listen.substr(colon + 1);
  const auto r = std::from_chars(p.data(), p.data() + p.size(), port);
  if (r.ec != std::errc() || r.ptr != p.data() + p.size() || port < 0 || port > 65535)
    return Status::InvalidArgument("listen '" + listen + "': bad port");
  config->host = host;
  config->port = port;
  return Status::Ok();
}

Result<ServerConfig> LoadServerConfig(const std::string& path) {
  ROOST_ASSIGN_OR_RETURN(toml::table root, ParseTomlFile(path));
  ServerConfig c;
  auto where = [&](const toml::node& n) { return path + ":" + std::to_string(n.source().begin.line) + ": "; };
  for (const auto& [section, value] : root) {
    const std::string name(section.str());
    const toml::node& node = value;
    if (name == "server") {
      const toml::table* t = node.as_table();
      if (t == nullptr) return Status::InvalidArgument(where(node) + "server must be a table");
      for (const auto& [key, v] : *t) {
        const std::string k(key.str());
        const toml::node& n = v;
        auto count = [&](size_t* out) -> Status {
          if (!n.is_integer() || n.as_integer()->get() < 1)
            return Status::InvalidArgument(where(n) + k + " must be a positive integer");
          *out = static_cast<size_t>(n.as_integer()->get());
          return Status::Ok();
        };
        size_t concurrent = 0;
        if (k == "listen") {
          if (!n.is_string()) return Status::InvalidArgument(where(n) + "listen must be a string");
          if (Status s = ParseListen(n.as_string()->get(), &c); !s.ok())
            return Status::InvalidArgument(where(n) + s.message());
        } else if (k == "max_body_bytes") {
          ROOST_RETURN_IF_ERROR(count(&c.limits.max_body_bytes));
        } else if (k == "max_filter_bytes") {
          ROOST_RETURN_IF_ERROR(count(&c.limits.max_filter_bytes));
        } else if (k == "max_sample") {
          ROOST_RETURN_IF_ERROR(count(&c.limits.max_sample));
        } else if (k == "max_queued") {
          ROOST_RETURN_IF_ERROR(count(&c.limits.max_queued));
        } else if (k == "request_budget_ms") {
          size_t budget = 0;
          ROOST_RETURN_IF_ERROR(count(&budget));
          c.limits.request_budget_ms = static_cast<int64_t>(std::min<size_t>(budget, 24 * 3600 * 1000));
        } else if (k == "max_concurrent") {
          ROOST_RETURN_IF_ERROR(count(&concurrent));
          c.limits.max_concurrent = static_cast<int>(std::min<size_t>(concurrent, 256));
        } else {
          return Status::InvalidArgument(where(n) + "unknown setting '" + k +
                                         "' (known: listen, max_body_bytes, max_filter_bytes, max_sample, "
                                         "max_concurrent, max_queued, request_budget_ms)");
        }
      }
    } else if (name == "key") {
      const toml::array* keys = node.as_array();
      if (keys == nullptr) return Status::InvalidArgument(where(node) + "keys are [[key]] tables");
      for (const toml::node& entry : *keys) {
        const toml::table* t = entry.as_table();
        if (t == nullptr) return Status::InvalidArgument(where(entry) + "keys are [[key]] tables");
        ApiKey k;
        for (const auto& [field, v] : *t) {
          const std::string f(field.str());
          const toml::node& n = v;
          if (!n.is_string()) return Status::InvalidArgument(where(n) + f + " must be a string");
          const std::string s = n.as_string()->get();
          if (f == "id") {
            k.id = s;
          } else if (f == "hash") {
            k.hash = s;
          } else if (f == "role") {
            if (s == "analyst") k.role = Role::kAnalyst;
            else if (s == "admin") k.role = Role::kAdmin;
            else return Status::InvalidArgument(where(n) + "role '" + s + "': want analyst or admin");
          } else {
            return Status::InvalidArgument(where(n) + "unknown key field '" + f + "' (known: id, role, hash)");
          }
        }
        if (k.id.empty() || k.hash.size() != 64)
          return Status::InvalidArgument(where(entry) + "a key needs an id and a 64-hex-digit hash (roost serve --hash-key)");
        c.keys.Add(std::move(k));
      }
    } else {
      return Status::InvalidArgument(where(node) + "unknown section '" + name + "' (known: server, key)");
    }
  }
  return c;
}

}  // namespace roost::server
