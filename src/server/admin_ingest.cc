#include "server/admin_ingest.h"

#include <sys/stat.h>

#include <ctime>

#include "common/json_writer.h"
#include "ingest/ingest_pipeline.h"
#include "parse/document_parser.h"
#include "storage/archive_ingest_sink.h"

namespace roost::server {
namespace {

constexpr size_t kMaxPaths = 1000;

Status CheckPath(const std::string& path, const std::string& where) {
  if (path.empty() || path[0] != '/')
    return Status::InvalidArgument(where + ": \"" + path + "\" is not an absolute path");
  if (path.find('\0') != std::string::npos) return Status::InvalidArgument(where + ": the path holds a NUL byte");
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return Status::InvalidArgument(where + ": " + path + " does not exist");
  if (!S_ISREG(st.st_mode)) return Status::InvalidArgument(where + ": " + path + " is not a regular file");
  return Status::Ok();
}

// As roost ingest names its rejects file by default.
std::string RejectsPath(const std::string& dir) {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &utc);
  return dir + "/rejects/ingest-" + stamp + ".rejects";
}

}  // namespace

Result<std::vector<std::string>> IngestPathsFromJson(const JsonValue& body) {
  ROOST_RETURN_IF_ERROR(RefuseUnknownFields(body, {"paths"}));
  const JsonValue* paths = body.Find("paths");
  if (paths == nullptr) return Status::InvalidArgument("missing field \"paths\" (an array of absolute file paths)");
  if (paths->type != JsonValue::Type::kArray)
    return Status::InvalidArgument(std::string("paths must be an array of strings, not ") +
                                   JsonTypeName(paths->type));
  if (paths->items.empty() || paths->items.size() > kMaxPaths)
    return Status::InvalidArgument("paths must hold 1 to " + std::to_string(kMaxPaths) + " files");
  std::vector<std::string> out;
  for (size_t i = 0; i < paths->items.size(); ++i) {
    const JsonValue& p = paths->items[i];
    const std::string where = "paths[" + std::to_string(i) + "]";
    if (p.type != JsonValue::Type::kString)
      return Status::InvalidArgument(where + " must be a string, not " + JsonTypeName(p.type));
    ROOST_RETURN_IF_ERROR(CheckPath(p.string, where));
    out.push_back(p.string);
  }
  return out;
}

Result<IngestReport> IngestFiles(const std::string& dir, const std::vector<std::string>& paths,
                                 const Enricher& enricher) {
  IngestOptions options;
  options.inputs = paths;
  options.rejects_path = RejectsPath(dir);
  options.enrich = [&enricher](Tweet* t) { enricher.Enrich(t); };
  storage::ArchiveIngestOptions archive_options;
  archive_options.create_if_missing = false;  // the served archive exists
  ROOST_ASSIGN_OR_RETURN(std::unique_ptr<IngestSink> sink, storage::OpenArchiveForIngest(dir, archive_options));
  return RunIngest(options, sink.get());
}

std::string IngestReportJson(const IngestReport& r) {
  const IngestCounts& c = r.counts;
  JsonWriter w;
  w.BeginObject();
  w.Key("read").Uint(c.read).Key("accepted").Uint(c.accepted).Key("duplicates").Uint(c.duplicates);
  w.Key("non_public").Uint(c.non_public).Key("compliance").Uint(c.compliance);
  w.Key("rejected").Uint(c.rejected).Key("rejected_by_reason").BeginObject();
  for (size_t i = 0; i < c.rejected_by_reason.size(); ++i)
    if (c.rejected_by_reason[i] != 0) w.Key(RejectReasonName(static_cast<RejectReason>(i))).Uint(c.rejected_by_reason[i]);
  w.EndObject();
  w.Key("files").Uint(r.files).Key("skipped_files").Uint(r.skipped_files);
  w.Key("input_errors").BeginArray();
  for (const std::string& e : r.input_errors) w.String(e);
  w.EndArray();
  w.Key("seconds").Double(r.seconds);
  w.EndObject();
  return w.str();
}

}  // namespace roost::server
