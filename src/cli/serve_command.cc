// roost serve: the HTTP JSON API over one archive (docs/SERVER.md). Keys and
// limits come from --config; --new-key and --hash-key make the keys.
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <memory>
#include <string>

#include "brands/brand_set.h"
#include "cli/command.h"
#include "cli/output.h"
#include "server/api_keys.h"
#include "server/http_server.h"
#include "server/server_config.h"
#include "server/static_files.h"

namespace roost::cli {
namespace {

struct ServeOptions {
  std::string archive, listen, config, dashboard, brands;
  bool new_key = false, hash_key = false;
};

server::HttpServer* g_server = nullptr;  // for the signal handler: a stop request

int RunServe(const ServeOptions& o) {
  if (o.new_key) {
    const std::string key = server::NewKey();
    std::printf("key   %s\nhash  %s\n", key.c_str(), server::HashKey(key).c_str());
    return kExitOk;
  }
  if (o.hash_key) {
    std::string key;
    std::getline(std::cin, key);
    std::printf("%s\n", server::HashKey(key).c_str());
    return kExitOk;
  }
  if (o.archive.empty()) return ReportError("serve", Status::InvalidArgument("--archive is required"));
  server::ServerConfig config;
  if (!o.config.empty()) {
    auto c = server::LoadServerConfig(o.config);
    if (!c.ok()) return ReportError("serve", c.status());
    config = std::move(c).value();
  }
  if (!o.listen.empty()) {
    const Status s = server::ParseListen(o.listen, &config);
    if (!s.ok()) return ReportError("serve", s);
  }
  if (config.keys.empty())
    return ReportError("serve", Status::InvalidArgument(
                                    "no API keys: add [[key]] tables to --config (make one with roost serve --new-key)"));
  // --brands, or the archive's own brands.toml when it has one.
  const std::string brands = !o.brands.empty() ? o.brands : o.archive + "/brands.toml";
  if (!o.brands.empty() || std::filesystem::exists(brands)) {
    std::ifstream in(brands, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    if (!in) return ReportError("serve", Status::NotFound("cannot read brands file " + brands));
    auto set = brands::ParseBrandSet(text.str(), brands);
    if (!set.ok()) return ReportError("serve", set.status());
    config.brands_toml = text.str();
    config.brands_path = brands;
  }
  // New ingest commits are picked up without a restart (server/live_db.h).
  auto db = server::LiveDb::Open(o.archive);
  if (!db.ok()) return ReportError("serve", db.status());
  // The dashboard named by --dashboard must load; the one found beside
  // the binary is optional, and the API is served without it.
  std::shared_ptr<const server::StaticFiles> dashboard;
  std::string dashboard_note;
  if (!o.dashboard.empty()) {
    auto files = server::StaticFiles::Load(o.dashboard);
    if (!files.ok()) return ReportError("serve", Status::InvalidArgument(files.status().message()));
    dashboard = std::make_shared<const server::StaticFiles>(std::move(files).value());
  } else if (auto dir = server::DefaultDashboardDir(); dir.ok()) {
    auto files = server::StaticFiles::Load(*dir);
    if (files.ok()) dashboard = std::make_shared<const server::StaticFiles>(std::move(files).value());
    else dashboard_note = files.status().message();
  } else {
    dashboard_note = dir.status().message();
  }
  server::HttpServer http(std::move(db).value(), config);
  http.ServeDashboard(dashboard);
  const Status bound = http.Bind();
  if (!bound.ok()) return ReportError("serve", bound);
  std::fprintf(stderr, "roost serve: http://%s:%d/api/ (archive %s)\n", config.host.c_str(), http.port(),
               o.archive.c_str());
  if (dashboard)
    std::fprintf(stderr, "roost serve: dashboard at / (%zu files from %s)\n", dashboard->size(),
                 dashboard->dir().c_str());
  else
    std::fprintf(stderr, "roost serve: the dashboard is missing (%s); give --dashboard DIR to serve one\n",
                 dashboard_note.c_str());
  g_server = &http;
  std::signal(SIGINT, [](int) { if (g_server) g_server->Stop(); });
  std::signal(SIGTERM, [](int) { if (g_server) g_server->Stop(); });
  const Status served = http.Serve();
  g_server = nullptr;
  return served.ok() ? kExitOk : ReportError("serve", served);
}

}  // namespace

void AddServeCommand(CLI::App& app, int* exit_code) {
  auto* cmd = app.add_subcommand("serve", "serve the archive's answers over HTTP (JSON API with keys and roles)");
  auto o = std::make_shared<ServeOptions>();
  cmd->add_option("--archive", o->archive, "archive directory");
  cmd->add_option("--listen", o->listen, "HOST:PORT to listen on (default 127.0.0.1:8080; port 0: any free port)");
  cmd->add_option("--config", o->config, "server settings and API keys (TOML; docs/SERVER.md)");
  cmd->add_option("--dashboard", o->dashboard,
                  "folder of the web dashboard to serve at / (default: the one built or installed with roost)");
  cmd->add_option("--brands", o->brands,
                  "brand definitions /api/brands answers for (default: the archive's brands.toml, if any)");
  cmd->add_flag("--new-key", o->new_key, "print a new random API key and the hash to put in --config");
  cmd->add_flag("--hash-key", o->hash_key, "read a key on stdin and print its hash for --config");
  cmd->callback([o, exit_code] { *exit_code = RunServe(*o); });
}

}  // namespace roost::cli
