#include "server/http_server.h"

#include <httplib.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <chrono>
#include <thread>

#include "server/admission.h"

namespace roost::server {
namespace {

// The key a request presents: "Authorization: Bearer KEY".
std::string PresentedKey(const httplib::Request& req) {
  const std::string auth = req.get_header_value("Authorization");
  const std::string prefix = "Bearer ";
  if (auth.size() > prefix.size() && auth.compare(0, prefix.size(), prefix) == 0) return auth.substr(prefix.size());
  return "";
}

void Send(httplib::Response& res, const ApiResponse& r) {
  res.status = r.status;
  res.set_content(r.body, "application/json");
}

}  // namespace

HttpServer::HttpServer(std::shared_ptr<const Db> db, ServerConfig config,
                       std::function<void(const std::string&)> audit)
    : HttpServer(LiveDb::Fixed(std::move(db)), std::move(config), std::move(audit)) {}

HttpServer::HttpServer(std::shared_ptr<LiveDb> db, ServerConfig config,
                       std::function<void(const std::string&)> audit)
    : config_(std::move(config)),
      api_(db, config_.limits),
      audit_(std::move(audit)),
      http_(std::make_unique<httplib::Server>()) {
  if (!audit_) audit_ = [](const std::string& line) { std::fprintf(stderr, "%s\n", line.c_str()); };
  admin_ = std::make_unique<AdminApi>(std::move(db), audit_);
  api_.SetBrands(config_.brands_toml, config_.brands_path);
  const int workers = config_.limits.max_concurrent;
  const size_t queued = config_.limits.max_queued;
  http_->new_task_queue = [workers, queued] { return new AdmissionPool(static_cast<size_t>(workers), queued); };
  // Answers leave at once: without TCP_NODELAY a response written in two
  // parts waits for the client's delayed ACK (40 ms on Linux). Accepted
  // sockets inherit the option from the listening one.
  http_->set_socket_options([](socket_t sock) {
    httplib::default_socket_options(sock);
    int one = 1;
    ::setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  });
  // Connections beyond the workers and the queue: 503 at once (admission.h).
  http_->set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    if (!AdmissionPool::Refusing()) return httplib::Server::HandlerResponse::Unhandled;
    Send(res, Api::Error(503, "unavailable", "the server is answering as many requests as it may; retry shortly"));
    res.set_header("Retry-After", "1");
    res.set_header("Connection", "close");
    audit_("audit key=- endpoint=" + req.path.substr(0, 64) + " status=503 refused");
    return httplib::Server::HandlerResponse::Handled;
  });
  http_->set_payload_max_length(config_.limits.max_body_bytes);
  http_->set_read_timeout(10, 0);
  http_->set_write_timeout(10, 0);

  http_->Get("/api/openapi.json", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(Api::OpenApiJson(), "application/json");
  });
  http_->Get(R"(/api/[a-z_.]+)", [this](const httplib::Request& req, httplib::Response& res) {
    Answer(req, res, [&](const ApiKey& key) {
      Params params(req.params.begin(), req.params.end());
      return api_.Handle(req.path, params, key);
    });
  });
  // Admin endpoints, every method: AdminApi answers 403 to analysts before
  // it looks at the method or the body.
  auto admin = [this](const httplib::Request& req, httplib::Response& res) {
    Answer(req, res, [&](const ApiKey& key) { return admin_->Handle(req.method, req.path, req.body, key); });
  };
  const char* admin_paths = R"(/api/admin/[a-z_]+)";
  http_->Get(admin_paths, admin);
  http_->Put(admin_paths, admin);
  http_->Post(admin_paths, admin);
  http_->Delete(admin_paths, admin);
  http_->Patch(admin_paths, admin);
  // The dashboard: looked up in memory by path (static_files.h), so no
  // request path ever names a file.
  http_->Get(R"(/(?!api/).*)", [this](const httplib::Request& req, httplib::Response& res) {
    ServeStaticFile(dashboard_.get(), req, res);
  });
  // Anything else (other paths, methods, traversal attempts) is a JSON 404
  // or 405; no file is ever read from a request's path.
  http_->set_error_handler([this](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;  // a handler's own answer
    const ApiResponse r =
        res.status == 413 ? Api::Error(413, "resource_exhausted",
                                       "request body too large (over " +
                                           std::to_string(config_.limits.max_body_bytes) + " bytes)")
        : res.status == 405 ? Api::Error(405, "method_not_allowed", "only GET is served (and the admin endpoints' methods)")
        : res.status == 400 ? Api::Error(400, "bad_request", "malformed HTTP request")
                            : Api::Error(res.status, "not_found", "no such resource");
    res.set_content(r.body, "application/json");
    // Requests refused before any handler (a body over the limit) are audited too.
    if (req.path.rfind("/api/", 0) == 0 && res.status != 404) {
      const ApiKey* key = config_.keys.Find(PresentedKey(req));
      char line[256];
      std::snprintf(line, sizeof line, "audit key=%s endpoint=%s status=%d method=%s", key ? key->id.c_str() : "-",
                    req.path.substr(0, 64).c_str(), res.status, req.method.substr(0, 8).c_str());
      audit_(line);
    }
  });
  http_->set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    Send(res, Api::Error(500, "internal", "the server could not answer; see its log"));
  });
}

HttpServer::~HttpServer() { Stop(); }

void HttpServer::Answer(const httplib::Request& req, httplib::Response& res,
                       const std::function<ApiResponse(const ApiKey&)>& answer) {
  const auto start = std::chrono::steady_clock::now();
  const ApiKey* key = config_.keys.Find(PresentedKey(req));
  std::string who = "-";
  if (key == nullptr) {
    Send(res, Api::Error(401, "unauthorized", "a valid API key is needed (Authorization: Bearer KEY)"));
    res.set_header("WWW-Authenticate", "Bearer");
  } else {
    who = key->id;
    Send(res, answer(*key));
  }
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  char line[512];
  std::snprintf(line, sizeof line, "audit key=%s endpoint=%s status=%d ms=%.1f bytes=%zu", who.c_str(),
                req.path.substr(0, 64).c_str(), res.status, ms, res.body.size());
  std::string text = line;
  if (req.method != "GET") text += " method=" + req.method.substr(0, 8);  // writes say so; no body is logged
  audit_(text);
}

Status HttpServer::Bind() {
  if (config_.port == 0) {
    port_ = http_->bind_to_any_port(config_.host.c_str());
  } else {
    port_ = http_->bind_to_port(config_.host.c_str(), config_.port) ? config_.port : -1;
  }
  if (port_ < 0)
    return Status::IoError("cannot listen on " + config_.host + ":" + std::to_string(config_.port));
  return Status::Ok();
}

Status HttpServer::Serve() {
  if (port_ < 0) return Status::Internal("Serve() before Bind()");
  serve_started_ = true;
  if (stop_requested_) return Status::Ok();
  if (!http_->listen_after_bind() && !stop_requested_) return Status::IoError("the server stopped listening");
  return Status::Ok();
}

void HttpServer::Stop() {
  if (!http_) return;
  stop_requested_ = true;
  // Serve() has begun but its loop may not run yet: wait for it (a second at
  // most, as a signal handler on the serving thread cannot wait for itself),
  // or the stop would be lost and the loop never end.
  for (int i = 0; i < 1000 && serve_started_ && !http_->is_running(); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  http_->stop();
}

}  // namespace roost::server
