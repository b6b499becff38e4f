#include "server/admin_api.h"

#include <filesystem>

#include "answer/gate.h"
#include "common/json_writer.h"
#include "server/admin_compliance.h"
#include "server/admin_gate.h"
#include "server/admin_ingest.h"
#include "server/answer_json.h"
#include "server/json_body.h"
#include "storage/file_util.h"
#include "storage/maintenance.h"

namespace roost::server {
namespace {

ApiResponse BadBody(const Status& s) { return Api::Error(400, "bad_request", s.message()); }

ApiResponse Busy() {
  return Api::Error(409, "conflict", "another write to the archive is running; retry when it has finished");
}

}  // namespace

ApiResponse AdminApi::Handle(const std::string& method, const std::string& path, const std::string& body,
                             const ApiKey& key) {
  if (key.role != Role::kAdmin) return Api::Error(403, "forbidden", path + " needs an admin key");
  const char* allowed = path == "/api/admin/gate"         ? "GET, PUT"
                        : path == "/api/admin/compliance" ? "POST"
                        : path == "/api/admin/ingest"     ? "POST"
                                                          : nullptr;
  if (allowed == nullptr) return Api::Error(404, "not_found", "no endpoint " + path + " (see /api/openapi.json)");
  if (std::string(allowed).find(method) == std::string::npos)
    return Api::Error(405, "method_not_allowed", path + " takes " + allowed);
  if (db_->dir().empty())
    return Api::Error(503, "unavailable", "this server answers from a fixed snapshot and cannot change it");
  if (method == "GET") return GetGate();
  if (path == "/api/admin/gate") return PutGate(body);
  if (path == "/api/admin/compliance") return Comply(body);
  return Ingest(body);
}

ApiResponse AdminApi::GetGate() const {
  const std::shared_ptr<const Db> db = db_->Current();
  JsonWriter w;
  w.BeginObject().Key("file").String(privacy::kArchivePolicyFile);
  w.Key("file_exists").Bool(std::filesystem::exists(std::filesystem::path(db_->dir()) / privacy::kArchivePolicyFile));
  w.Key("snapshot").Uint(db_->generation()).EndObject();
  std::string body = w.str();
  body.pop_back();  // the settings go in as raw JSON
  // The archive's own gate as the answer layer resolves it, and the one
  // analysts get here (the default gate when the archive's is off).
  body += ", \"settings\": " + GateSettingsJson(db->GateFor(Caller{Role::kAnalyst, std::nullopt}));
  body += ", \"analysts\": " + GateJson(db->GateFor(AnalystCaller(*db))) + "}";
  return {200, body};
}

ApiResponse AdminApi::PutGate(const std::string& body) {
  auto json = ParseJsonBody(body);
  if (!json.ok()) return BadBody(json.status());
  auto policy = GateFromJson(*json);
  if (!policy.ok()) return BadBody(policy.status());
  std::unique_lock<std::mutex> one(write_mu_, std::try_to_lock);
  if (!one.owns_lock()) return Busy();
  {
    // The archive's writer lock too: no roost ingest or comply runs meanwhile.
    auto lock = storage::DirLock::Acquire(db_->dir());
    if (!lock.ok()) return WriteFailed("gate", lock.status());
    const Status written = WriteArchiveGate(db_->dir(), *policy);
    if (!written.ok()) return WriteFailed("gate", written);
    // What was written must read back, or no server could open the archive's gate.
    auto check = privacy::ArchivePolicy(db_->dir());
    if (!check.ok()) return WriteFailed("gate", check.status());
  }
  db_->Refresh();
  return GetGate();
}

ApiResponse AdminApi::Comply(const std::string& body) {
  auto json = ParseJsonBody(body);
  if (!json.ok()) return BadBody(json.status());
  auto batch = ComplianceFromJson(*json);
  if (!batch.ok()) return BadBody(batch.status());
  std::unique_lock<std::mutex> one(write_mu_, std::try_to_lock);
  if (!one.owns_lock()) return Busy();
  const Status applied = storage::ApplyCompliance(db_->dir(), batch->events);
  if (!applied.ok()) return WriteFailed("compliance", applied);
  db_->Refresh();
  JsonWriter w;
  w.BeginObject().Key("applied").Uint(batch->events.size()).Key("by_kind").BeginObject();
  for (const auto& [kind, n] : batch->by_kind) w.Key(kind).Uint(n);
  w.EndObject().Key("snapshot").Uint(db_->generation()).EndObject();
  return {200, w.str()};
}

ApiResponse AdminApi::Ingest(const std::string& body) {
  auto json = ParseJsonBody(body);
  if (!json.ok()) return BadBody(json.status());
  auto paths = IngestPathsFromJson(*json);
  if (!paths.ok()) return BadBody(paths.status());
  std::unique_lock<std::mutex> one(write_mu_, std::try_to_lock);
  if (!one.owns_lock()) return Busy();
  if (!enricher_) {
    auto made = Enricher::Create();  // what roost ingest enriches with by default
    if (!made.ok()) return WriteFailed("ingest", made.status());
    enricher_.emplace(std::move(made).value());
  }
  auto report = IngestFiles(db_->dir(), *paths, *enricher_);
  if (!report.ok()) return WriteFailed("ingest", report.status());
  db_->Refresh();
  std::string out = IngestReportJson(*report);
  out.pop_back();
  out += ", \"snapshot\": " + std::to_string(db_->generation()) + "}";
  return {200, out};
}

ApiResponse AdminApi::WriteFailed(const std::string& what, const Status& s) const {
  // Another process holds the archive's writer lock (file_util.h).
  if (s.code() == StatusCode::kResourceExhausted) return Api::Error(409, "conflict", s.message());
  if (s.code() == StatusCode::kInvalidArgument || s.code() == StatusCode::kNotFound ||
      s.code() == StatusCode::kParseError)
    return Api::Error(400, "bad_request", s.message());
  log_("roost serve: admin " + what + " failed: " + s.ToString());
  return Api::FromStatus(s);
}

}  // namespace roost::server
